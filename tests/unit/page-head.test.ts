/**
 * The build's page-type CSS (src/render/page-head.mjs): a rule goes only when a class or id it needs
 * appears nowhere in the type's vocabulary; rules reached through :not()/:is(), element and attribute
 * selectors, keyframes and classes a script sets all stay; the inlined <style> gets its hash in the
 * page's policy; module preloads follow static imports, and import() targets only when eager and
 * not on demand ("-on-demand" modules: never preloaded, and imported without Vite's preload helper).
 */
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { addHtmlVocabulary, addModulePreloads, addScriptVocabulary, inlineStyle, inlineType, isOnDemand, pruneCss, styleHash, unwrapOnDemandImports } from "../../src/render/page-head.mjs";

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

describe("on-demand modules", () => {
  it("are the chunks of source files whose name ends in -on-demand, built or while rendering", () => {
    for (const u of ["/_astro/embed-code-on-demand.BspGtZRJ.js", "/_astro/x-on-demand.a_b-C.js", "./embed-code-on-demand.!~{00d}~.js"]) expect(isOnDemand(u), u).toBe(true);
    for (const u of ["/_astro/ways-to-fail.h074YR0W.js", "/_astro/on-demand-helper.abc.js", "/_astro/x-on-demand.js", "/_astro/x-on-demand/y.abc.js", "/_astro/preload-helper.DygEbaNj.js"]) expect(isOnDemand(u), u).toBe(false);
  });

  it("are not preloaded, nor what only they import, even when eager; a module also imported statically still is", () => {
    const code: Record<string, string> = {
      "/_astro/EmbedCode.x.js": 'var e=()=>import(`./embed-code-on-demand.Ab1.js`);import("./chart.js");',
      "/_astro/embed-code-on-demand.Ab1.js": 'import{f}from"./flags.js";',
      "/_astro/flags.js": "",
      "/_astro/chart.js": "",
      "/_astro/Other.x.js": 'import{a}from"./shared-on-demand.Cd2.js";',
      "/_astro/shared-on-demand.Cd2.js": "",
    };
    const page = '<head></head><body><script type="module" src="/_astro/EmbedCode.x.js"></script></body>';
    const eager = addModulePreloads(page, (u) => code[u]!, true);
    expect(eager).toContain('<link rel="modulepreload" href="/_astro/chart.js">');
    for (const u of ["embed-code-on-demand.Ab1.js", "flags.js"]) expect(eager).not.toContain(u + '"><');
    expect(eager).not.toContain("on-demand");
    // A static import is fetched with its importer: preloaded, whatever its name.
    const other = addModulePreloads('<head></head><script type="module" src="/_astro/Other.x.js"></script>', (u) => code[u]!, false);
    expect(other).toContain('<link rel="modulepreload" href="/_astro/shared-on-demand.Cd2.js">');
  });

  describe("unwrapOnDemandImports", () => {
    // What Vite 8 hands the renderChunk hook (before minifying): every import() wrapped in __vitePreload.
    const chunk = [
      'import { n as whenNear, t as __vitePreload } from "./preload-helper.!~{00a}~.js";',
      "",
      'var loadOnDemand = () => __vitePreload(() => import("./embed-code-on-demand.!~{00d}~.js"), __VITE_IS_MODERN__ ? __VITE_PRELOAD__ : void 0);',
      'var loadChart = () => __vitePreload(() => import("./ways-to-fail.!~{00e}~.js").then((m) => m.x), __VITE_IS_MODERN__ ? __VITE_PRELOAD__ : void 0);',
      "whenNear(document.body, loadChart);",
    ].join("\n");

    it("takes the wrapper off on-demand imports only, and keeps the helper while anything calls it", () => {
      const out = unwrapOnDemandImports(chunk)!;
      expect(out).toContain('var loadOnDemand = () => import("./embed-code-on-demand.!~{00d}~.js");');
      expect(out).toContain('__vitePreload(() => import("./ways-to-fail.!~{00e}~.js")');
      expect(out).toContain('import { n as whenNear, t as __vitePreload } from "./preload-helper.!~{00a}~.js";');
    });

    it("drops the helper's import once nothing calls it, keeping the module's other imports from that chunk", () => {
      const only = chunk.split("\n").filter((l) => !l.includes("loadChart")).join("\n");
      const out = unwrapOnDemandImports(only)!;
      expect(out).not.toContain("__vitePreload");
      expect(out).toContain('import { n as whenNear } from "./preload-helper.!~{00a}~.js";');
      const alone = 'import { t as __vitePreload } from "./preload-helper.!~{00a}~.js";\nvar f = () => __vitePreload(() => import(`./a-on-demand.!~{001}~.js`), __VITE_PRELOAD__);\nf();';
      expect(unwrapOnDemandImports(alone)).toBe("var f = () => import(`./a-on-demand.!~{001}~.js`);\nf();");
    });

    it("leaves a chunk with no on-demand import alone", () => {
      expect(unwrapOnDemandImports(chunk.split("\n").filter((l) => !l.includes("loadOnDemand")).join("\n"))).toBeNull();
      expect(unwrapOnDemandImports("var x = 1;")).toBeNull();
    });
  });
});
