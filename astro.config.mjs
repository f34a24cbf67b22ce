// @ts-check
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";

/** The one place the site's public base URL is set; every absolute URL derives from it. */
const site = process.env.SITE_URL ?? "https://beyondoneword.org.uk";

/**
 * Module preloads, so no script waits on a request chain: each module script's static imports, and
 * on chart and embed pages (where the chart is on the first screen) the modules its import() calls
 * fetch (interactive charts' code, fetched when near; src/scripts/when-near.ts), as
 * <link rel="modulepreload"> in the <head>. Explainers keep their charts' code lazy.
 * @param {string} root dist directory
 * @param {string} page path of the page, e.g. "/charts/ways-to-fail/index.html"
 * @param {string} html
 */
function addModulePreloads(root, page, html) {
  const eager = /^\/(charts|embed)\/[^/]+\//.test(page);
  /** @type {Set<string>} */
  const seen = new Set();
  /** @param {string} url @param {boolean} dynamicToo */
  const visit = (url, dynamicToo) => {
    if (seen.has(url) || !url.startsWith("/_astro/")) return;
    seen.add(url);
    const code = readFileSync(join(root, url), "utf8");
    const dir = url.slice(0, url.lastIndexOf("/") + 1);
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'`](\.\/[^"'`]+\.js)["'`]/g)) visit(dir + m[1].slice(2), dynamicToo);
    if (dynamicToo) for (const m of code.matchAll(/\bimport\(\s*["'`](\.\/[^"'`]+\.js)["'`]\s*\)/g)) visit(dir + m[1].slice(2), dynamicToo);
  };
  for (const m of html.matchAll(/<script type="module" src="([^"]+)"/g)) visit(m[1], eager);
  const links = [...seen]
    .filter((u) => !html.includes(`src="${u}"`) && !html.includes(`rel="modulepreload" href="${u}"`)).map((u) => `<link rel="modulepreload" href="${u}">`);
  if (links.length === 0) return html;
  return html.replace("</head>", `${links.join("")}</head>`);
}

/**
 * Stylesheets are inlined (no render-blocking CSS request), so the CSP must allow those <style>
 * elements, by hash and never by 'unsafe-inline'. After the build, each page's <meta> policy gets
 * the SHA-256 of its own <style> elements in style-src, and dist/_headers' site-wide policy gets the
 * union of them all (a browser enforces both policies, so the header must allow every page's
 * styles; scripts stay 'self' only). tests/build/gates-security.test.ts checks both.
 * Astro's own security.csp was not used: it takes over script-src and style-src and writes only the
 * <meta>, which would leave the header policy (public/_headers) blocking the inline styles.
 * @returns {import("astro").AstroIntegration}
 */
function postBuild() {
  return {
    name: "bow:post-build",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const t0 = performance.now();
        const root = fileURLToPath(dir);
        /** @type {Set<string>} */
        const all = new Set();
        /** @param {string} d */
        const walk = (d) => {
          for (const e of readdirSync(d, { withFileTypes: true })) {
            const p = join(d, e.name);
            if (e.isDirectory()) walk(p);
            else if (e.name.endsWith(".html")) {
              const html = addModulePreloads(root, p.slice(root.length - 1).replace(/\\/g, "/"), readFileSync(p, "utf8"));
              const hashes = [...new Set([...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash("sha256").update(m[1] ?? "").digest("base64")}'`))];
              if (hashes.length === 0) {
                writeFileSync(p, html);
                continue;
              }
              hashes.forEach((h) => all.add(h));
              const out = html.replace(/(<meta http-equiv="Content-Security-Policy" content="[^"]*?style-src 'self')/, `$1 ${hashes.join(" ")}`);
              if (out === html) throw new Error(`postBuild: ${p} has inline styles but no CSP meta with style-src 'self' to add their hashes to`);
              writeFileSync(p, out);
            }
          }
        };
        walk(root);
        const headersFile = join(root, "_headers");
        const headers = readFileSync(headersFile, "utf8");
        const withHashes = headers.replace(/^(\s+Content-Security-Policy:[^\n]*?style-src 'self')/m, `$1 ${[...all].sort().join(" ")}`);
        if (all.size > 0 && withHashes === headers) throw new Error("postBuild: dist/_headers has no Content-Security-Policy with style-src 'self'");
        writeFileSync(headersFile, withHashes);
        logger.info(`style hashes and module preloads added in ${Math.round(performance.now() - t0)} ms`);
      },
    },
  };
}

export default defineConfig({
  site,
  trailingSlash: "always",
  integrations: [mdx(), postBuild()],
  // CSS inline: no render-blocking stylesheet request (issue 19); the CSP allows each <style> by hash.
  build: { format: "directory", inlineStylesheets: "always" },
  devToolbar: { enabled: false },
  compressHTML: true,
  // Never inline scripts into the HTML: the Content-Security-Policy allows script files from 'self' only.
  vite: { build: { assetsInlineLimit: 0 } },
});
