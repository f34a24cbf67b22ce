/**
 * Interactive charts load with no request chain: on a chart or embed page, every module a page's
 * scripts import, statically or with import() (the chart's controls), is a <link rel="modulepreload">
 * in the <head>, so the browser fetches them all at once. Explainers keep their charts' code lazy
 * (fetched when near; src/scripts/when-near.ts): only static imports are preloaded there. On-demand
 * modules ("-on-demand" source files: the embed code's rebuild, needed only when the address has a
 * query) are preloaded nowhere, and their import() comes without Vite's preload helper.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { DIST } from "../support/dist.ts";
import { CHARTS } from "../../src/render/charts.ts";
import { isOnDemand } from "../../src/render/page-head.mjs";

function modules(page: string) {
  const { document } = parseHTML(readFileSync(join(DIST, page, "index.html"), "utf8"));
  const head = new Set(Array.from(document.head.querySelectorAll('link[rel="modulepreload"]')).map((l) => l.getAttribute("href")!));
  const scripts = Array.from(document.querySelectorAll('script[type="module"][src]')).map((s) => s.getAttribute("src")!);
  return { head, scripts };
}

/** What a module fetches: its static imports, and with `dynamic` its import() targets too. */
function imports(url: string, dynamic: boolean): string[] {
  const code = readFileSync(join(DIST, url), "utf8");
  const dir = url.slice(0, url.lastIndexOf("/") + 1);
  const found = [...code.matchAll(/(?:\bfrom|\bimport)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)].map((m) => dir + m[1]);
  if (dynamic) found.push(...[...code.matchAll(/\bimport\(\s*["'`]\.\/([^"'`]+\.js)["'`]\s*\)/g)].map((m) => dir + m[1]));
  return found;
}

describe("module preloading", () => {
  for (const page of ["/charts/ways-to-fail/", "/embed/ways-to-fail/", "/charts/report-card-builder/", "/embed/report-card-builder/"]) {
    it(`${page}: the controls' modules and everything they import are preloaded in the <head>`, () => {
      const { head, scripts } = modules(page);
      const controls = scripts.find((s) => /WaysToFailControls|ReportCardBuilder/.test(s));
      expect(controls, "the controls' script").toBeTruthy();
      const dynamic = imports(controls!, true).filter((u) => !imports(controls!, false).includes(u));
      expect(dynamic.length, "the controls load their chart code with import()").toBeGreaterThan(0);
      const todo = [controls!];
      const seen = new Set<string>();
      while (todo.length) {
        const url = todo.pop()!;
        if (seen.has(url)) continue;
        seen.add(url);
        for (const dep of imports(url, true)) {
          expect(head.has(dep) || scripts.includes(dep), `${url} imports ${dep}, not preloaded`).toBe(true);
          todo.push(dep);
        }
      }
    });
  }

  it("an explainer preloads its scripts' static imports but not the charts' lazily loaded code", () => {
    const { head, scripts } = modules("/explainers/many-more-ways-to-fail/");
    const controls = scripts.find((s) => s.includes("WaysToFailControls"))!;
    expect(controls).toBeTruthy();
    for (const dep of imports(controls, false)) expect(head.has(dep), dep).toBe(true);
    for (const dep of imports(controls, true).filter((u) => !imports(controls, false).includes(u))) expect(head.has(dep), dep).toBe(false);
  });

  it("a static chart's page and embed preload nothing, and no module they load reaches the chart-state code", () => {
    // Issue 15: static chart pages within 5 KB of JS; url-state (1.6 KB gzip) serves only charts with state.
    const statics = CHARTS.filter((c) => !c.interactive).map((c) => c.id);
    expect(statics.length).toBeGreaterThan(5);
    for (const id of statics) {
      for (const page of [`/charts/${id}/`, `/embed/${id}/`]) {
        const { head, scripts } = modules(page);
        expect([...head], `${page} preloads`).toEqual([]);
        const todo = scripts.filter((s) => s.startsWith("/_astro/"));
        const seen = new Set<string>();
        while (todo.length) {
          const url = todo.pop()!;
          if (seen.has(url)) continue;
          seen.add(url);
          todo.push(...imports(url, true));
        }
        expect([...seen].filter((u) => /url-state|preload-helper/.test(u)), page).toEqual([]);
      }
    }
  });

  it("the embed code's rebuild is on demand: an import() target of every chart page, never preloaded, never a page script, with its code bundled in", () => {
    const pages = CHARTS.map((c) => `/charts/${c.id}/`);
    const rebuilds = new Set<string>();
    for (const page of pages) {
      const { head, scripts } = modules(page);
      const embedCode = scripts.find((s) => s.includes("/EmbedCode.astro"));
      expect(embedCode, `${page}: the embed code's script`).toBeTruthy();
      const onDemand = imports(embedCode!, true).filter(isOnDemand);
      expect(onDemand, `${page}: the rebuild, with import()`).toHaveLength(1);
      const rebuild = onDemand[0]!;
      rebuilds.add(rebuild);
      expect(head.has(rebuild), `${page} preloads ${rebuild}`).toBe(false);
      expect(scripts, page).not.toContain(rebuild);
      // No module the page loads or preloads is on demand.
      expect([...head, ...scripts].filter(isOnDemand), page).toEqual([]);
    }
    expect(rebuilds.size).toBe(1);
    const [rebuild] = [...rebuilds];
    // It is the rebuild (embed-html's markup), and it fetches nothing more: one request when needed.
    expect(readFileSync(join(DIST, rebuild!), "utf8")).toContain("data-bow-embed");
    expect(imports(rebuild!, true)).toEqual([]);
    // And the script every chart page loads does not carry the rebuild's code.
    const embedCode = modules(pages[0]!).scripts.find((s) => s.includes("/EmbedCode.astro"))!;
    expect(readFileSync(join(DIST, embedCode), "utf8")).not.toContain("data-bow-embed");
  });
});

