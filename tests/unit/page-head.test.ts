/**
 * The build's page-type CSS (src/render/page-head.mjs): a rule goes only when a class or id it needs
 * appears nowhere in the type's vocabulary; rules reached through :not()/:is(), element and attribute
 * selectors, keyframes and classes a script sets all stay; the inlined <style> gets its hash in the
 * page's policy; module preloads follow static imports, and import() targets only when eager.
 */
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { addHtmlVocabulary, addModulePreloads, addScriptVocabulary, inlineStyle, inlineType, pruneCss, styleHash } from "../../src/render/page-head.mjs";

const vocab = (html: string, js = "") => {
  const v = new Set<string>();
  addHtmlVocabulary(html, v);
  addScriptVocabulary(js, v);
  return v;
};

describe("pruneCss", () => {
  const css =
    ".figure{margin:0}.school-list a{color:red}.chart-tip{position:absolute}body{margin:0}[data-theme=dark] p{color:#fff}" +
    ".a:not(.unused){x:1}.figure .unused,.figure p{y:2}@media print{.school-list{display:none}.figure{break-inside:avoid}}" +
    "@media (min-width:40rem){.school-x{z:1}}@keyframes spin{from{opacity:0}to{opacity:1}}#skip{top:0}#gone{top:1px}";
  const out = pruneCss(css, vocab('<div class="figure a" id="skip"><p>x</p></div>', 'e.className="chart-tip"'));

  it("keeps what the page or its scripts can use", () => {
    for (const kept of [".figure{margin:0}", ".chart-tip{", "body{margin:0}", "[data-theme=dark] p{", ".a:not(.unused){", ".figure p{y:2}", "@media print{.figure{break-inside:avoid}}", "@keyframes spin{from{opacity:0}to{opacity:1}}", "#skip{top:0}"]) expect(out).toContain(kept);
  });
  it("drops rules and selectors naming classes or ids no page of the type has, and at-rules left empty", () => {
    for (const gone of ["school-list", ".figure .unused", "school-x", "min-width:40rem", "#gone"]) expect(out).not.toContain(gone);
  });
});

describe("inlineType", () => {
  it("inlines CSS on the home page, chart pages, explainers and embeds only", () => {
    expect(["/", "/charts/ways-to-fail/", "/explainers/timeline/", "/embed/key-judgements/"].map(inlineType)).toEqual(["home", "chart", "explainer", "embed"]);
    expect(["/schools/100000/", "/areas/x/", "/charts/", "/data/overall-effectiveness/", "/about/"].map(inlineType)).toEqual([null, null, null, null, null]);
  });
});

describe("inlineStyle", () => {
  const page = `<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self'; img-src 'self'"><link rel="stylesheet" href="/grades.css"><link rel="stylesheet" href="/_astro/Base.x.css"></head>`;
  it("puts one <style> where the first stylesheet was and its SHA-256 in the page's style-src", () => {
    const out = inlineStyle(page, "p{margin:0}", "/x/");
    const hash = `'sha256-${createHash("sha256").update("p{margin:0}").digest("base64")}'`;
    expect(styleHash("p{margin:0}")).toBe(hash);
    expect(out).toBe(`<head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self' ${hash}; img-src 'self'"><style>p{margin:0}</style></head>`);
    expect(out).not.toContain("unsafe-inline");
  });
  it("refuses CSS that would close the <style> and a page with no policy to extend", () => {
    expect(() => inlineStyle(page, "p{content:'</style><script>'}", "/x/")).toThrow(/<\//);
    expect(() => inlineStyle('<link rel="stylesheet" href="/a.css">', "p{}", "/x/")).toThrow(/CSP/);
  });
});

describe("addModulePreloads", () => {
  const code: Record<string, string> = {
    "/_astro/entry.js": 'import{a}from"./a.js";const l=()=>import("./lazy.js");',
    "/_astro/a.js": "export const a=1;",
    "/_astro/lazy.js": 'import"./b.js";',
    "/_astro/b.js": "",
  };
  const page = '<head></head><body><script type="module" src="/_astro/entry.js"></script></body>';
  it("preloads static imports, and import() targets with their imports when eager", () => {
    expect(addModulePreloads(page, (u) => code[u]!, false)).toBe('<head><link rel="modulepreload" href="/_astro/a.js"></head><body><script type="module" src="/_astro/entry.js"></script></body>');
    const eager = addModulePreloads(page, (u) => code[u]!, true);
    for (const u of ["a", "lazy", "b"]) expect(eager).toContain(`<link rel="modulepreload" href="/_astro/${u}.js">`);
  });
});
