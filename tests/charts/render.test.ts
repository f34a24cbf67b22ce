/** The render step: each output made once per build, standalone files that open anywhere. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { CHARTS } from "../../src/render/charts.ts";
import { DISPLAY_WIDTHS, displayWidthFor, renderChart, renderCount } from "../../src/render/chart.ts";
import { concreteColours, exportColours } from "../../src/lib/export-colours.ts";
import { SITE_COLOURS } from "../../src/lib/palette.ts";

describe("render step", () => {
  it("draws each chart once per width however often its outputs are looked up", async () => {
    const id = CHARTS[0]!.id;
    const before = renderCount();
    const r = renderChart(id);
    for (let i = 0; i < 3; i++) {
      for (const w of DISPLAY_WIDTHS) r.svg(w);
      r.standalone();
      r.download("https://example.org/charts/x/");
      expect(renderChart(id)).toBe(r);
    }
    await r.png("https://example.org/charts/x/");
    expect(renderCount() - before).toBeLessThanOrEqual(DISPLAY_WIDTHS.length);
  });

  it("shows the widest drawing that fits, never one wider than the figure (text stays at its drawn 12 px or more)", () => {
    expect(displayWidthFor(288)).toBe(288);
    expect(displayWidthFor(415)).toBe(288);
    expect(displayWidthFor(584)).toBe(576);
    expect(displayWidthFor(1000)).toBe(576);
    for (let w = 288; w <= 1000; w++) expect(displayWidthFor(w)).toBeLessThanOrEqual(w);
  });

  it("global.css has a container query for every range a chart's drawings are shown at", () => {
    const css = readFileSync("src/styles/global.css", "utf8");
    const rule = (from: number, to: number | null) =>
      from === 0 ? `@container (width < ${to}px) { .chart-show-0-${to} { display: block; } }`
      : to === null ? `@container (width >= ${from}px) { .chart-show-${from}-up { display: block; } }`
      : `@container (${from}px <= width < ${to}px) { .chart-show-${from}-${to} { display: block; } }`;
    for (const c of CHARTS) {
      const drawings = renderChart(c.id).drawings;
      expect(drawings[0]!.from).toBe(0);
      expect(drawings.at(-1)!.to).toBe(null);
      for (const d of drawings) expect(css).toContain(rule(d.from, d.to));
    }
  });

  it.each(CHARTS.map((c) => c.id))("%s: the standalone SVG has a namespace and no CSS variables", (id) => {
    const { svg, width } = renderChart(id).standalone();
    expect(svg).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).not.toMatch(/var\(|currentColor/i);
    const { document } = parseHTML(svg);
    expect(Number(document.querySelector("svg")!.getAttribute("width"))).toBe(width);
  });
});

describe("export colours", () => {
  it("replaces variables (with fallbacks) and currentColor with light-theme values", () => {
    const c = exportColours();
    expect(concreteColours("var(--series-1)")).toBe(c["--series-1"]);
    expect(concreteColours("var(--grade-old-good)")).toMatch(/^#[0-9a-f]{6}$/);
    expect(concreteColours("var(--nope, #123456)")).toBe("#123456");
    expect(concreteColours("currentColor")).toBe(c["--ink"]);
    expect(() => concreteColours("var(--nope)")).toThrow(/SITE_COLOURS/);
  });

  it("come from the palette the stylesheet uses", () => {
    const c = exportColours();
    for (const [name, s] of Object.entries(SITE_COLOURS)) expect(c[`--${name}`]).toBe(s.light);
  });
});

describe("colours have one source", () => {
  it("global.css declares no colour variable that palette.ts or grades.ts generate into /grades.css", () => {
    const css = readFileSync("src/styles/global.css", "utf8").replace(/@media print\s*\{[^}]*\{[^}]*\}/g, "");
    const declared = [...css.matchAll(/(--[\w-]+)\s*:\s*#[0-9a-f]{3,8}/gi)].map((m) => m[1]);
    expect(declared).toEqual([]);
    for (const name of Object.keys(SITE_COLOURS)) expect(css).not.toMatch(new RegExp(`--${name}\\s*:`));
  });
});
