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
 * Stylesheets are inlined (no render-blocking CSS request), so the CSP must allow those <style>
 * elements, by hash and never by 'unsafe-inline'. After the build, each page's <meta> policy gets
 * the SHA-256 of its own <style> elements in style-src, and dist/_headers' site-wide policy gets the
 * union of them all (a browser enforces both policies, so the header must allow every page's
 * styles; scripts stay 'self' only). tests/build/gates-security.test.ts checks both.
 * Astro's own security.csp was not used: it takes over script-src and style-src and writes only the
 * <meta>, which would leave the header policy (public/_headers) blocking the inline styles.
 * @returns {import("astro").AstroIntegration}
 */
function cspStyleHashes() {
  return {
    name: "bow:csp-style-hashes",
    hooks: {
      "astro:build:done": ({ dir }) => {
        const root = fileURLToPath(dir);
        /** @type {Set<string>} */
        const all = new Set();
        /** @param {string} d */
        const walk = (d) => {
          for (const e of readdirSync(d, { withFileTypes: true })) {
            const p = join(d, e.name);
            if (e.isDirectory()) walk(p);
            else if (e.name.endsWith(".html")) {
              const html = readFileSync(p, "utf8");
              const hashes = [...new Set([...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash("sha256").update(m[1] ?? "").digest("base64")}'`))];
              if (hashes.length === 0) continue;
              hashes.forEach((h) => all.add(h));
              const out = html.replace(/(<meta http-equiv="Content-Security-Policy" content="[^"]*?style-src 'self')/, `$1 ${hashes.join(" ")}`);
              if (out === html) throw new Error(`cspStyleHashes: ${p} has inline styles but no CSP meta with style-src 'self' to add their hashes to`);
              writeFileSync(p, out);
            }
          }
        };
        walk(root);
        const headersFile = join(root, "_headers");
        const headers = readFileSync(headersFile, "utf8");
        const withHashes = headers.replace(/^(\s+Content-Security-Policy:[^\n]*?style-src 'self')/m, `$1 ${[...all].sort().join(" ")}`);
        if (all.size > 0 && withHashes === headers) throw new Error("cspStyleHashes: dist/_headers has no Content-Security-Policy with style-src 'self'");
        writeFileSync(headersFile, withHashes);
      },
    },
  };
}

export default defineConfig({
  site,
  trailingSlash: "always",
  integrations: [mdx(), cspStyleHashes()],
  // CSS inline: no render-blocking stylesheet request (issue 19); the CSP allows each <style> by hash.
  build: { format: "directory", inlineStylesheets: "always" },
  devToolbar: { enabled: false },
  compressHTML: true,
  // Never inline scripts into the HTML: the Content-Security-Policy allows script files from 'self' only.
  vite: { build: { assetsInlineLimit: 0 } },
});
