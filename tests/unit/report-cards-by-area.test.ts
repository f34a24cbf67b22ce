/**
 * The chart that stands on an import of Ofsted's monthly file: fed by a real import of seeded
 * fictional schools, its bars must say exactly what the generator put in, and it is published
 * only when the imported dataset exists.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { parseTable } from "../../src/lib/csv.ts";
import { miReportCardGrades } from "../../src/lib/datasets/mi-report-card-grades.ts";
import { fixtureBytes, generateSchools } from "../../src/lib/mi/fixture.ts";
import { runImport } from "../../src/import/run.ts";
import { renderSvg } from "../../src/render/svg.ts";
import { standaloneSvg } from "../../src/render/export.ts";
import { SCHOOL_AREAS } from "../../src/lib/areas.ts";
import { reportCardsByArea } from "../../src/charts/report-cards-by-area.ts";
import { ALL_CHARTS } from "../../src/charts/index.ts";
import { CHARTS } from "../../src/render/charts.ts";
import { datasetExists } from "../../src/render/load.ts";

const schools = generateSchools(400, 7);
const dir = mkdtempSync(join(tmpdir(), "bow-by-area-"));
const file = join(dir, "Management_information_-_state-funded_schools_-_latest_inspections_as_at_31_Oct_2026.csv");
writeFileSync(file, fixtureBytes(schools).bytes);
runImport(new Uint8Array(readFileSync(file)), file, { outDir: dir, now: new Date("2026-11-01T09:00:00Z") });
const imported = parseTable(readFileSync(join(dir, miReportCardGrades.file), "utf8"), miReportCardGrades.file, miReportCardGrades.schema);
const rows = reportCardsByArea.select({ "mi-report-card-grades": imported });

describe("report-cards-by-area (imported data)", () => {
  it("counts each area's grades exactly as the fictional schools have them", () => {
    for (const area of SCHOOL_AREAS) {
      for (const seg of rows.filter((r) => r.area === area.key)) {
        const expected = schools.filter((s) => s.card?.areas[area.key] === seg.grade).length;
        expect(seg.n, `${area.key} ${seg.grade}`).toBe(expected);
      }
    }
    const inclusion = rows.filter((r) => r.area === "inclusion");
    expect(inclusion.reduce((a, r) => a + r.n, 0)).toBe(schools.filter((s) => s.card?.areas.inclusion).length);
  });

  it("draws one bar segment per row, names the file's date and links each row to its data row", async () => {
    const svg = renderSvg(reportCardsByArea.plot(rows, { width: 720 }), { label: reportCardsByArea.describe(rows) });
    const { document } = parseHTML(`<div>${svg}</div>`);
    expect(document.querySelectorAll("g.marks > *").length).toBe(rows.length);
    expect(reportCardsByArea.describe(rows)).toContain("31 October 2026");
    expect(reportCardsByArea.source(rows[0]!).key).toBe("all--All-schools--inclusion");
    // Fixture data: its own file (tests/charts/snapshots.test.ts writes report-cards-by-area-<width>.svg from real data).
    await expect(standaloneSvg(svg).svg.replace(/></g, ">\n<")).toMatchFileSnapshot("../charts/__snapshots__/report-cards-by-area-fixture-720.svg");
  });

  it("is as at the file's date, for the embed's credit (none without rows)", () => {
    expect(reportCardsByArea.asAt?.(rows)).toBe("2026-10-31");
    expect(reportCardsByArea.asAt?.([])).toBeNull();
  });

  it("is published only when the imported dataset is present", () => {
    expect(ALL_CHARTS.map((c) => c.id)).toContain("report-cards-by-area");
    expect(CHARTS.map((c) => c.id).includes("report-cards-by-area")).toBe(datasetExists("mi-report-card-grades"));
  });
});
