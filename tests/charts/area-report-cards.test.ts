/**
 * The area chart (issue 18) as SVG snapshots, like every registered chart: a large area (shares) and
 * a small one (one square per school), at every display width (as the standalone SVG the render step makes; in __area-snapshots__: area charts are not in the registry, whose snapshots the stale-file check owns), from 3,000 fictional schools (seed 7)
 * imported with the real importer into a temporary folder. Open the SVGs to see the charts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { prepareDataDir } from "../../scripts/bench-build.ts";
import { parseTable } from "../../src/lib/csv.ts";
import { MI_SCHOOLS_FILE, miSchoolsSchema } from "../../src/lib/datasets/mi-schools.ts";
import { miReportCardGrades } from "../../src/lib/datasets/mi-report-card-grades.ts";
import { miSafeguarding } from "../../src/lib/datasets/mi-safeguarding.ts";
import { miOverview } from "../../src/lib/datasets/mi-overview.ts";
import { buildAreaReport, SMALL_NUMBER, type Area } from "../../src/lib/areas-report.ts";
import { areaChart } from "../../src/charts/area-report-cards.ts";
import { standaloneSvg, standaloneSvgText } from "../../src/render/export.ts";
import { DISPLAY_WIDTHS } from "../../src/render/chart.ts";
import type { ChartData } from "../../src/charts/types.ts";

let dir = "";
let areas: Area[] = [];
let data: ChartData;
beforeAll(() => {
  dir = prepareDataDir(3000, 7);
  const read = (file: string, schema: never) => parseTable(readFileSync(join(dir, file), "utf8"), file, schema);
  areas = [...buildAreaReport(read(MI_SCHOOLS_FILE, miSchoolsSchema as never) as never).areas];
  data = { "mi-report-card-grades": read(miReportCardGrades.file, miReportCardGrades.schema as never), "mi-safeguarding": read(miSafeguarding.file, miSafeguarding.schema as never), "mi-overview": read(miOverview.file, miOverview.schema as never) } as ChartData;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("area chart snapshots", () => {
  for (const [name, pick] of [
    ["large", (a: Area) => a.kind === "la" && a.name === "Kent"],
    ["small", (a: Area) => a.kind === "constituency" && a.tally.withCard > 2 && a.tally.withCard < SMALL_NUMBER],
  ] as const) {
    for (const width of DISPLAY_WIDTHS) {
      it(`${name} area at ${width}px`, async () => {
        const area = areas.filter(pick).sort((a, b) => a.name.localeCompare(b.name))[0]!;
        const chart = areaChart(area);
        const rows = chart.select(data);
        const page = chart.draw!(rows, { width, label: chart.describe(rows) });
        expect(page).toContain(`height="${chart.plot(rows, { width }).height}"`);
        const { svg } = standaloneSvgText(page);
        // The text edit gives what the DOM route gives: same size and the same concrete colours.
        const viaDom = standaloneSvg(page);
        expect([...svg.matchAll(/fill="(#[0-9a-f]+)"/gi)].map((m) => m[1]).sort()).toEqual([...viaDom.svg.matchAll(/fill="(#[0-9a-f]+)"/gi)].map((m) => m[1]).sort());
        expect(svg).not.toMatch(/var\(--|currentColor/);
        await expect(svg.replace(/></g, ">\n<")).toMatchFileSnapshot(`__area-snapshots__/area-${name}-${width}.svg`);
      });
    }
  }
});
