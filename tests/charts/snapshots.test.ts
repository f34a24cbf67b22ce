/**
 * Every registered chart at every display width, as the standalone SVG the render step makes
 * (xmlns, concrete colours: open tests/charts/__snapshots__/<id>-<width>.svg in a browser to see
 * it), one file per test. Run `npx vitest run --project unit -u` after an intended change, and look
 * at the new SVGs before committing them.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { ALL_CHARTS } from "../../src/charts/index.ts";
import { CHARTS } from "../../src/render/charts.ts";
import { DISPLAY_WIDTHS, renderChart } from "../../src/render/chart.ts";

describe.each(CHARTS.map((c) => [c.id] as const))("chart %s", (id) => {
  const render = renderChart(id);
  const { chart, rows } = render;
  for (const width of render.widths) {
    it(`renders at ${width}px as in its snapshot`, async () => {
      const { svg } = render.standalone(width);
      await expect(svg.replace(/></g, ">\n<")).toMatchFileSnapshot(`__snapshots__/${id}-${width}.svg`);
    });
  }

  it("describes its finding in a sentence and names its sources", () => {
    expect(render.label.length).toBeGreaterThan(40);
    for (const row of rows) {
      const s = chart.source(row);
      expect(s.url).toMatch(/^https:\/\//);
      expect(s.title.length).toBeGreaterThan(3);
    }
  });

  // Interactive charts redraw their marks from the reader's input; their marks are tested in e2e.
  if (!chart.interactive)
    it("draws one mark per data row at every width", () => {
      for (const width of render.widths) {
        const { document } = parseHTML(`<div>${render.svg(width)}</div>`);
        expect(document.querySelectorAll("g.marks > *").length).toBe(rows.length);
      }
    });
});

/** Written by tests/unit/report-cards-by-area.test.ts from fixture data (its own file). */
const OTHER_WRITERS = ["report-cards-by-area-fixture-720.svg"];

it("every snapshot file belongs to a chart at one of its display widths (no stale files)", () => {
  const expected = new Set([...ALL_CHARTS.flatMap((c) => (c.widths ?? DISPLAY_WIDTHS).map((w) => `${c.id}-${w}.svg`)), ...OTHER_WRITERS]);
  const stale = readdirSync(join(import.meta.dirname, "__snapshots__")).filter((f) => !expected.has(f));
  expect(stale, "delete them (vitest does not remove file snapshots)").toEqual([]);
});
