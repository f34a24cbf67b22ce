// @ts-check
/**
 * What the build adds to each page's HTML as it renders (src/middleware.ts; files in dist/ are never
 * rewritten afterwards, which would cost 22,000 school pages a read and a write each):
 *   - the SHA-256 of each inline <style> (stylesheets are inlined: no render-blocking CSS request)
 *     in the page's <meta> Content-Security-Policy style-src, never 'unsafe-inline'; each new hash
 *     is also appended to the file named by BOW_STYLE_HASHES, from which astro.config.mjs writes
 *     their union into dist/_headers (a browser enforces both policies);
 *   - <link rel="modulepreload"> in the <head> for every module the page's scripts import, and on
 *     chart and embed pages (the chart on the first screen) their import() targets too, so an
 *     interactive chart's code arrives with no request chain. Explainers keep that code lazy
 *     (src/scripts/when-near.ts). Needs the built chunks: BOW_OUT_DIR (set by astro.config.mjs).
 */
import { createHash } from "node:crypto";
import { appendFileSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** @type {Map<string, string>} */
const hashOf = new Map();
/** @type {Set<string>} */
const reported = new Set();
/** @type {Map<string, string>} */
const chunks = new Map();

/** @param {string} html @returns {string[]} the CSP hash sources of the page's inline <style> elements */
export function styleHashes(html) {
  /** @type {Set<string>} */
  const out = new Set();
  let at = 0;
  for (;;) {
    const open = html.indexOf("<style", at);
    if (open < 0) break;
    const start = html.indexOf(">", open) + 1;
    const end = html.indexOf("</style>", start);
    if (start <= 0 || end < 0) break;
    const css = html.slice(start, end);
    let h = hashOf.get(css);
    if (!h) {
      h = `'sha256-${createHash("sha256").update(css).digest("base64")}'`;
      hashOf.set(css, h);
    }
    out.add(h);
    at = end + 8;
  }
  return [...out];
}

/** @param {string} html @param {string} pathname */
export function finishPage(html, pathname) {
  const hashes = styleHashes(html);
  if (hashes.length > 0) {
    const marker = `style-src 'self'`;
    const meta = html.indexOf('http-equiv="Content-Security-Policy"');
    const at = meta < 0 ? -1 : html.indexOf(marker, meta);
    if (at < 0) throw new Error(`${pathname}: inline styles but no CSP <meta> with style-src 'self' to add their hashes to`);
    html = `${html.slice(0, at + marker.length)} ${hashes.join(" ")}${html.slice(at + marker.length)}`;
    const file = process.env.BOW_STYLE_HASHES;
    for (const h of hashes) {
      if (file && !reported.has(h)) appendFileSync(file, `${h}\n`);
      reported.add(h);
    }
  }
  const outDir = process.env.BOW_OUT_DIR;
  return outDir ? addModulePreloads(outDir, pathname, html) : html;
}

/** @param {string} root @param {string} pathname @param {string} html */
function addModulePreloads(root, pathname, html) {
  const eager = /^\/(charts|embed)\/[^/]+\//.test(pathname);
  /** @type {Set<string>} */
  const seen = new Set();
  /** @param {string} url */
  const visit = (url) => {
    if (seen.has(url) || !url.startsWith("/_astro/")) return;
    seen.add(url);
    const code = chunks.get(url) ?? readFileSync(join(root, url), "utf8");
    chunks.set(url, code);
    const dir = url.slice(0, url.lastIndexOf("/") + 1);
    for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'`](\.\/[^"'`]+\.js)["'`]/g)) visit(dir + String(m[1]).slice(2));
    if (eager) for (const m of code.matchAll(/\bimport\(\s*["'`](\.\/[^"'`]+\.js)["'`]\s*\)/g)) visit(dir + String(m[1]).slice(2));
  };
  for (const m of html.matchAll(/<script type="module" src="([^"]+)"/g)) visit(String(m[1]));
  const links = [...seen].filter((u) => !html.includes(`src="${u}"`) && !html.includes(`rel="modulepreload" href="${u}"`)).map((u) => `<link rel="modulepreload" href="${u}">`);
  return links.length === 0 ? html : html.replace("</head>", `${links.join("")}</head>`);
}
