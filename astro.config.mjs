// @ts-check
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { addHtmlVocabulary, addModulePreloads, addScriptVocabulary, inlineStyle, inlineType, moduleImports, onDemandImports, pruneCss, scripts, styleHash, stylesheets } from "./src/render/page-head.mjs";

/** The one place the site's public base URL is set; every absolute URL derives from it. */
const site = process.env.SITE_URL ?? "https://beyondoneword.org.uk";

/**
 * Prints how many chart SVGs the build drew (src/render/svg.ts counts; src/render/chart.ts memoises).
 * @type {import("astro").AstroIntegration}
 */
const renderCount = {
  name: "beyond-one-word:render-count",
  hooks: {
    "astro:build:done": ({ logger }) => {
      const n = /** @type {{ __bowChartRenders?: number }} */ (globalThis).__bowChartRenders ?? 0;
      logger.info(`chart renders this build: ${n}`);
    },
  },
};

/**
 * After the build: page-type CSS inline with its hash in the page's CSP, module preloads
 * (src/render/page-head.mjs says what and why), and the union of inline-style hashes in dist/_headers'
 * site-wide policy (a browser enforces both policies, so the header must allow every page's <style>).
 * School and area pages (tens of thousands) are not read or rewritten: they keep the external,
 * cached stylesheets and their few scripts.
 * Astro's own security.csp was not used: it takes over script-src and style-src and writes only the
 * <meta>, which would leave the header policy (public/_headers) blocking the inline styles.
 * @type {import("astro").AstroIntegration}
 */
const pageHead = {
  name: "beyond-one-word:page-head",
  hooks: {
    "astro:build:done": ({ dir, logger }) => {
      const t0 = performance.now();
      const root = fileURLToPath(dir);
      /** @type {Map<string, string>} */
      const files = new Map();
      /** @param {string} url */
      const read = (url) => {
        let text = files.get(url);
        if (text === undefined) files.set(url, (text = readFileSync(join(root, url), "utf8")));
        return text;
      };
      /** @type {{ path: string, file: string, html: string }[]} */
      const pages = [];
      /** @param {string} rel */
      const walk = (rel) => {
        for (const e of readdirSync(join(root, rel), { withFileTypes: true })) {
          const path = `${rel}/${e.name}`;
          if (e.isDirectory()) {
            if (!/^\/(schools|areas|_astro|og|pagefind)$/.test(path)) walk(path);
          } else if (e.name.endsWith(".html")) pages.push({ path: path.replace(/index\.html$/, ""), file: join(root, path), html: readFileSync(join(root, path), "utf8") });
        }
      };
      walk("");
      // A page's group: its type and the module scripts it loads (a static chart, ways-to-fail and the
      // builder each get their own CSS), so a static chart page does not carry the builder's rules.
      /** @param {{ path: string, html: string }} p */
      const groupOf = (p) => {
        const type = inlineType(p.path);
        return type && `${type} ${scripts(p.html).filter((s) => s.startsWith("/_astro/")).sort().join(" ")}`;
      };
      /** @type {Map<string, { sheets: string[], vocab: Set<string> }>} */
      const types = new Map();
      for (const p of pages) {
        const type = groupOf(p);
        if (!type) continue;
        const t = types.get(type) ?? { sheets: [], vocab: new Set() };
        types.set(type, t);
        for (const s of stylesheets(p.html)) if (!t.sheets.includes(s)) t.sheets.push(s);
        addHtmlVocabulary(p.html, t.vocab);
        /** @type {Set<string>} */
        const seen = new Set();
        /** @param {string} url */
        const visit = (url) => {
          if (seen.has(url)) return;
          seen.add(url);
          const code = read(url);
          addScriptVocabulary(code, t.vocab);
          if (url.startsWith("/_astro/")) for (const dep of moduleImports(url, code, true)) visit(dep);
        };
        for (const s of scripts(p.html)) visit(s);
      }
      /** @type {Map<string, string>} */
      const cssOf = new Map();
      for (const [type, t] of types) cssOf.set(type, t.sheets.map((s) => pruneCss(read(s), t.vocab)).join("\n"));
      const hashes = new Set();
      for (const p of pages) {
        const type = inlineType(p.path);
        const group = groupOf(p);
        let html = p.html;
        if (group) {
          const css = /** @type {string} */ (cssOf.get(group));
          html = inlineStyle(html, css, p.path);
          hashes.add(styleHash(css));
        }
        html = addModulePreloads(html, read, type === "chart" || type === "embed");
        if (html !== p.html) writeFileSync(p.file, html);
      }
      const headersFile = join(root, "_headers");
      const headers = readFileSync(headersFile, "utf8");
      const withHashes = headers.replace(/^(\s+Content-Security-Policy:[^\n]*?style-src 'self')/m, `$1 ${[...hashes].sort().join(" ")}`);
      if (hashes.size > 0 && withHashes === headers) throw new Error("page-head: dist/_headers has no Content-Security-Policy with style-src 'self' to add the inline-style hashes to");
      writeFileSync(headersFile, withHashes);
      const kb = [...cssOf.values()].map((css) => (css.length / 1024).toFixed(1)).join(", ");
      logger.info(`page-type CSS inlined (${cssOf.size} groups: ${kb} KB) and module preloads on ${pages.length} pages in ${Math.round(performance.now() - t0)} ms`);
    },
  },
};

export default defineConfig({
  site,
  trailingSlash: "always",
  integrations: [
    mdx(),
    // sitemap-index.xml: every page but embeds (noindex; their canonical is the chart page) and 404.
    sitemap({ filter: (page) => !new URL(page).pathname.startsWith("/embed/") && !/\/404\/?$/.test(new URL(page).pathname) }),
    renderCount,
    pageHead,
  ],
  build: { format: "directory", inlineStylesheets: "never" },
  devToolbar: { enabled: false },
  compressHTML: true,
  // Never inline scripts into the HTML: the Content-Security-Policy allows script files from 'self' only.
  // onDemandImports: import() of a "-on-demand" module without Vite's preload helper (src/render/page-head.mjs).
  vite: { build: { assetsInlineLimit: 0 }, plugins: [onDemandImports()] },
});
