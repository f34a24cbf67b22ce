// @ts-check
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";

/** The one place the site's public base URL is set; every absolute URL derives from it. */
const site = process.env.SITE_URL ?? "https://beyondoneword.org.uk";

/**
 * Stylesheets are inlined (no render-blocking CSS request), so the CSP must allow those <style>
 * elements, by hash and never by 'unsafe-inline'. src/middleware.ts adds each page's own hashes to
 * its <meta> policy as it renders (src/lib/page-head.mjs) and lists every new one in a file; after
 * the build their union goes into dist/_headers' site-wide policy (a browser enforces both
 * policies, so the header must allow every page's styles; scripts stay 'self' only).
 * tests/build/gates-security.test.ts checks both.
 * Astro's own security.csp was not used: it takes over script-src and style-src and writes only the
 * <meta>, which would leave the header policy (public/_headers) blocking the inline styles.
 * @returns {import("astro").AstroIntegration}
 */
function styleHashesInHeaders() {
  const file = join(tmpdir(), `bow-style-hashes-${process.pid}-${Date.now()}.txt`);
  return {
    name: "bow:style-hashes",
    hooks: {
      "astro:config:done": ({ config }) => {
        writeFileSync(file, "");
        process.env.BOW_STYLE_HASHES = file;
        process.env.BOW_OUT_DIR = fileURLToPath(config.outDir);
      },
      "astro:build:done": ({ dir }) => {
        const hashes = [...new Set(readFileSync(file, "utf8").split("\n").filter(Boolean))].sort();
        rmSync(file, { force: true });
        if (hashes.length === 0) throw new Error("bow:style-hashes: no inline style hashes were recorded (src/middleware.ts did not run?)");
        const headersFile = join(fileURLToPath(dir), "_headers");
        const headers = readFileSync(headersFile, "utf8");
        const withHashes = headers.replace(/^(\s+Content-Security-Policy:[^\n]*?style-src 'self')/m, `$1 ${hashes.join(" ")}`);
        if (withHashes === headers) throw new Error("bow:style-hashes: dist/_headers has no Content-Security-Policy with style-src 'self'");
        writeFileSync(headersFile, withHashes);
      },
    },
  };
}

export default defineConfig({
  site,
  trailingSlash: "always",
  integrations: [mdx(), styleHashesInHeaders()],
  // CSS inline: no render-blocking stylesheet request (issue 19); the CSP allows each <style> by hash.
  build: { format: "directory", inlineStylesheets: "always" },
  devToolbar: { enabled: false },
  compressHTML: true,
  // Never inline scripts into the HTML: the Content-Security-Policy allows script files from 'self' only.
  vite: { build: { assetsInlineLimit: 0 } },
});
