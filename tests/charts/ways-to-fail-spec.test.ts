/**
 * The browser computes the ways-to-fail chart from the same spec the build hands Plot: at every
 * drawing width and several settings, the spec's positions are where Plot drew the marks.
 */
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { waysToFailChart, type Row } from "../../src/charts/ways-to-fail.ts";
import { DEFAULT_AREAS, waysToFailPoints, waysToFailSpec } from "../../src/charts/ways-to-fail-layout.ts";
import { DISPLAY_WIDTHS } from "../../src/render/chart.ts";
import { renderSvg } from "../../src/render/svg.ts";
import { loadChartRows } from "../../src/render/chart.ts";

const source = loadChartRows(waysToFailChart)[0]!.rateSource;

describe.each([[5, 50], [10, 0], [30, 90]])("rate %i%%, correlation %i%%", (ratePct, correlationPct) => {
  const rows: Row[] = waysToFailPoints(ratePct, correlationPct).map((p) => ({ ...p, rateSource: source }));
  it.each([...DISPLAY_WIDTHS])("at %i px the spec places every point, the ring and the label where Plot drew them", (width) => {
    const { document } = parseHTML(`<div>${renderSvg(waysToFailChart.plot(rows, { width }), { label: "x" })}</div>`);
    const spec = waysToFailSpec({ areas: DEFAULT_AREAS, ratePct, correlationPct }, width, true, rows);
    const dots = Array.from(document.querySelectorAll("g.marks > circle"));
    expect(dots.length).toBe(spec.points.length);
    dots.forEach((d, i) => {
      expect(Math.abs(Number(d.getAttribute("cx")) - spec.points[i]!.cx)).toBeLessThanOrEqual(0.5);
      expect(Math.abs(Number(d.getAttribute("cy")) - spec.points[i]!.cy)).toBeLessThanOrEqual(0.5);
      expect(d.querySelector("title")!.textContent).toBe(spec.points[i]!.title);
    });
    const ring = document.querySelector("g.wtf-selected circle")!;
    expect(Math.abs(Number(ring.getAttribute("cx")) - spec.selected!.cx)).toBeLessThanOrEqual(0.5);
    expect(document.querySelector("g.wtf-selected-label text")!.textContent).toBe(spec.selected!.label);
  });
});
