/**
 * Every chart in the registry rendered to SVG at both widths and compared with a saved snapshot
 * (tests/charts/__snapshots__/<id>-<width>.svg: open it to see the chart). Run `npx vitest run
 * --project unit -u` after an intended change, and look at the new SVG before committing it.
 */
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { CHARTS } from "../../src/charts/index.ts";
import { loadChartRows } from "../../src/lib/chart-data.ts";
import { renderSvg } from "../../src/lib/render-svg.ts";

describe.each(CHARTS.map((c) => [c.id, c] as const))("chart %s", (id, chart) => {
  const rows = loadChartRows(chart);
  for (const width of [360, 720]) {
    it(`renders at ${width}px as in its snapshot`, async () => {
      const svg = renderSvg(chart.plot(rows, { width }), { label: chart.describe(rows) });
      await expect(svg.replace(/></g, ">\n<") + "\n").toMatchFileSnapshot(`__snapshots__/${id}-${width}.svg`);
    });
  }

  it("describes its finding in a sentence and names its sources", () => {
    expect(chart.describe(rows).length).toBeGreaterThan(40);
    for (const row of rows) {
      const s = chart.source(row);
      expect(s.url).toMatch(/^https:\/\//);
      expect(s.title.length).toBeGreaterThan(3);
    }
  });

  // Interactive charts redraw their marks from the reader's input; their marks are tested in e2e.
  if (!chart.interactive) it("draws one mark per data row", () => {
    const svg = renderSvg(chart.plot(rows, { width: 720 }), { label: chart.describe(rows) });
    const { document } = parseHTML(`<div>${svg}</div>`);
    expect(document.querySelectorAll("g.marks > *").length).toBe(rows.length);
  });
});
