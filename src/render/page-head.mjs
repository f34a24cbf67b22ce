// @ts-check
/**
 * What the build does to a finished page's <head> (pure string work; astro.config.mjs reads and
 * writes the files after `astro build`, for every page but the school and area pages):
 *
 *   - Page-type CSS inline. On the pages a reader lands on first (home, chart pages, explainers,
 *     embeds) the page's stylesheets are replaced by one <style>: the site's CSS pruned to the rules
 *     that pages of that type can use, so no stylesheet request blocks the first paint and a page
 *     carries only its type's rules. One <style> per page type (not per page), so the site-wide
 *     header policy lists a handful of hashes. Every other page (22,000 school pages, area pages,
 *     data pages) keeps the external, cached stylesheets: inlining ~17 KB raw into each would add
 *     ~370 MB to the deploy and re-send the same bytes on every school a reader opens.
 *   - The CSP: the SHA-256 of that <style> goes into the page's <meta> style-src (never
 *     'unsafe-inline'; scripts stay 'self'), and the union over all pages into dist/_headers.
 *   - <link rel="modulepreload"> for every module the page's scripts import, and on chart and embed
 *     pages (the chart on the first screen) their import() targets too: no request chain. Except
 *     on-demand modules (isOnDemand: "-on-demand" ends the source file's name): code that only some
 *     readers need, after something they do (the embed code's rebuild, needed only when the address
 *     has a query), imported with import() and never preloaded, or every page view would fetch it.
 *
 * Pruning is by vocabulary, never by layout: a rule is dropped only when one of its selectors'
 * class or id names appears in no page of the type, neither in its HTML's class/id attributes nor
 * in any script the page loads (scripts add classes such as "chart-tip" at run time). Type,
 * attribute and pseudo selectors are never used to drop a rule.
 */
import { createHash } from "node:crypto";
import postcss from "postcss";

/** @typedef {"home" | "chart" | "explainer" | "embed"} InlineType */

/** The page type whose CSS is inlined, or null where the stylesheets stay external. @param {string} pathname @returns {InlineType | null} */
export function inlineType(pathname) {
  if (pathname === "/" || pathname === "/index.html") return "home";
  const m = /^\/(charts|explainers|embed)\/[^/]+\/(index\.html)?$/.exec(pathname);
  if (!m) return null;
  return m[1] === "charts" ? "chart" : m[1] === "explainers" ? "explainer" : "embed";
}

/** @param {string} html @returns {string[]} local stylesheet URLs, in document order */
export function stylesheets(html) {
  return [...html.matchAll(/<link rel="stylesheet" href="(\/[^"]+\.css)"[^>]*>/g)].map((m) => String(m[1]));
}

/** @param {string} html @returns {string[]} script URLs (module and classic), in document order */
export function scripts(html) {
  return [...html.matchAll(/<script\b[^>]*\bsrc="(\/[^"]+)"/g)].map((m) => String(m[1]));
}

/** @param {string} text @param {Set<string>} into */
function words(text, into) {
  for (const m of text.matchAll(/[A-Za-z_][\w-]*/g)) into.add(m[0]);
}

/** Adds the class and id names a page's HTML uses. @param {string} html @param {Set<string>} into */
export function addHtmlVocabulary(html, into) {
  for (const m of html.matchAll(/\s(?:class|id)="([^"]*)"/g)) words(String(m[1]), into);
}

/** Adds every word-like token in a script (class names it sets are string literals). @param {string} code @param {Set<string>} into */
export function addScriptVocabulary(code, into) {
  words(code, into);
}

/** @param {string} selector @param {Set<string>} vocab */
function selectorMayMatch(selector, vocab) {
  // Names inside :not()/:is()/:where()/:has() are not required (they may match through another branch).
  const s = selector.replace(/:(?:not|is|where|has)\((?:[^()]|\([^()]*\))*\)/g, "");
  for (const m of s.matchAll(/[.#]((?:\\.|[\w-])+)/g)) {
    if (!vocab.has(String(m[1]).replace(/\\(.)/g, "$1"))) return false;
  }
  return true;
}

/** The CSS without the rules no page of the type can use. @param {string} css @param {Set<string>} vocab @returns {string} */
export function pruneCss(css, vocab) {
  const root = postcss.parse(css);
  root.walkRules((rule) => {
    const parent = rule.parent;
    if (parent && parent.type === "atrule" && /keyframes$/i.test(/** @type {import("postcss").AtRule} */ (parent).name)) return;
    const keep = rule.selectors.filter((sel) => selectorMayMatch(sel, vocab));
    if (keep.length === 0) rule.remove();
    else if (keep.length !== rule.selectors.length) rule.selectors = keep;
  });
  // At-rules left empty (@media with no rules) go too.
  let removed = true;
  while (removed) {
    removed = false;
    root.walkAtRules((at) => {
      if (at.nodes && at.nodes.length === 0) {
        at.remove();
        removed = true;
      }
    });
  }
  // Whitespace between nodes goes (selectors and values are left as written).
  root.walk((node) => {
    node.raws.before = "";
    if (node.type === "decl") node.raws.between = ":";
    else if (node.type === "rule" || node.type === "atrule") {
      node.raws.between = "";
      node.raws.after = "";
      node.raws.semicolon = false;
    }
  });
  root.raws.after = "";
  return root.toString().trim();
}

/** The CSP source for an inline <style>'s text. @param {string} css */
export function styleHash(css) {
  return `'sha256-${createHash("sha256").update(css).digest("base64")}'`;
}

/**
 * The page with its local stylesheets replaced by one <style> (at the first one's place) and its
 * hash added to the <meta> policy's style-src.
 * @param {string} html @param {string} css @param {string} pathname (for errors)
 */
export function inlineStyle(html, css, pathname) {
  if (css.includes("</")) throw new Error(`${pathname}: the inlined CSS contains "</", which would end the <style> early`);
  let first = true;
  const out = html.replace(/<link rel="stylesheet" href="\/[^"]+\.css"[^>]*>/g, () => {
    if (!first) return "";
    first = false;
    return `<style>${css}</style>`;
  });
  const marker = "style-src 'self'";
  const meta = out.indexOf('http-equiv="Content-Security-Policy"');
  const at = meta < 0 ? -1 : out.indexOf(marker, meta);
  if (at < 0) throw new Error(`${pathname}: inline CSS but no CSP <meta> with style-src 'self' to add its hash to`);
  return `${out.slice(0, at + marker.length)} ${styleHash(css)}${out.slice(at + marker.length)}`;
}

/**
 * The modules a module imports: static imports, and with `dynamic` its import() targets too.
 * @param {string} url @param {string} code @param {boolean} dynamic @returns {string[]}
 */
export function moduleImports(url, code, dynamic) {
  const dir = url.slice(0, url.lastIndexOf("/") + 1);
  const out = [...code.matchAll(/(?:\bfrom|\bimport)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)].map((m) => dir + String(m[1]));
  if (dynamic) out.push(...[...code.matchAll(/\bimport\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map((m) => dir + String(m[1])));
  return out;
}

/**
 * Whether a built module is loaded on demand: its source file's name ends in "-on-demand" (for
 * example src/scripts/embed-code-on-demand.ts), which the bundler keeps in the chunk's name,
 * "/_astro/embed-code-on-demand.<hash>.js" (or "./embed-code-on-demand.<placeholder>.js" while it
 * renders chunks). Such a module is imported with import() only when a reader needs it, so it is
 * never preloaded. @param {string} url
 */
export function isOnDemand(url) {
  return /(?:^|\/)[^/]+-on-demand\.[^./]+\.js$/.test(url);
}

/**
 * A chunk's code with Vite's preload wrapper taken off its on-demand imports:
 * `__vitePreload(() => import("./x-on-demand.<hash>.js"), <deps>)` becomes `import("./x-on-demand.<hash>.js")`,
 * and the import of __vitePreload goes too once nothing calls it. Vite wraps every import() (it
 * would preload the target's own imports when it is fetched, and it cannot tell until the bundle is
 * written that there are none), and its helper, ~0.9 KB gzip, would be loaded with the page even
 * when the on-demand module never is. An on-demand module should import nothing another chunk has
 * (the build test checks it bundles its own code). Returns null when there is nothing to change.
 * @param {string} code a chunk's code, before minifying @returns {string | null}
 */
export function unwrapOnDemandImports(code) {
  let changed = false;
  let out = code.replace(/\b__vitePreload\(\s*\(\)\s*=>\s*(import\(\s*(["'`])([^"'`]+)\2\s*\))\s*,[^()]*\)/g, (call, imp, _q, url) => {
    if (!isOnDemand(url)) return call;
    changed = true;
    return imp;
  });
  if (!changed) return null;
  if (!/\b__vitePreload\s*\(/.test(out)) {
    out = out.replace(/import\s*\{([^}]*)\}\s*from\s*(["'])([^"']+)\2;?[ \t]*\n?/g, (stmt, names, q, from) => {
      const kept = String(names)
        .split(",")
        .map((n) => n.trim())
        .filter((n) => n && !/^(?:[\w$]+\s+as\s+)?__vitePreload$/.test(n));
      if (kept.length === String(names).split(",").filter((n) => n.trim()).length) return stmt;
      return kept.length === 0 ? "" : `import { ${kept.join(", ")} } from ${q}${from}${q};\n`;
    });
  }
  return out;
}

/**
 * The Vite plugin that applies unwrapOnDemandImports to every client chunk as it renders (after
 * Vite's own import analysis; minifying comes later). @returns {import("vite").Plugin}
 */
export function onDemandImports() {
  return {
    name: "beyond-one-word:on-demand-imports",
    apply: "build",
    renderChunk: {
      order: "post",
      handler(code) {
        const out = code.includes("__vitePreload") ? unwrapOnDemandImports(code) : null;
        return out === null ? null : { code: out, map: null };
      },
    },
  };
}

/**
 * <link rel="modulepreload"> in the <head> for every module the page's module scripts import (and,
 * with `eager`, their import() targets but on-demand modules and what only those import), so none
 * waits on another's download.
 * @param {string} html @param {(url: string) => string} read a built module's code @param {boolean} eager
 */
export function addModulePreloads(html, read, eager) {
  /** @type {Set<string>} */
  const seen = new Set();
  /** @param {string} url */
  const visit = (url) => {
    if (seen.has(url) || !url.startsWith("/_astro/")) return;
    seen.add(url);
    const code = read(url);
    const deps = moduleImports(url, code, false);
    if (eager) deps.push(...moduleImports(url, code, true).filter((u) => !deps.includes(u) && !isOnDemand(u)));
    for (const dep of deps) visit(dep);
  };
  for (const m of html.matchAll(/<script type="module" src="([^"]+)"/g)) visit(String(m[1]));
  const links = [...seen]
    .filter((u) => !html.includes(`src="${u}"`) && !html.includes(`rel="modulepreload" href="${u}"`))
    .map((u) => `<link rel="modulepreload" href="${u}">`);
  return links.length === 0 ? html : html.replace("</head>", `${links.join("")}</head>`);
}
