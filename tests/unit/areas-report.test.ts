/**
 * Local edition (issue 18): area tallies, the small-numbers rule, slugs and escaping.
 * The 22,000-school fixture (fictional, scripts/make-mi-fixture.ts layout) is imported with the real
 * importer into a temporary data folder and read back through the extract's schema, as the build does.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { prepareDataDir } from "../../scripts/bench-build.ts";
import { fixtureBytes, generateSchools } from "../../src/lib/mi/fixture.ts";
import { MiFileError, parseMiFile } from "../../src/lib/mi/parse.ts";
import { parseTable } from "../../src/lib/csv.ts";
import { MI_SCHOOLS_FILE, miSchoolsSchema, type MiSchoolRow } from "../../src/lib/datasets/mi-schools.ts";
import { miReportCardGrades } from "../../src/lib/datasets/mi-report-card-grades.ts";
import { miSafeguarding } from "../../src/lib/datasets/mi-safeguarding.ts";
import { miOverview } from "../../src/lib/datasets/mi-overview.ts";
import { gradeCount } from "../../src/lib/datasets/mi-common.ts";
import { SCHOOL_AREAS } from "../../src/lib/areas.ts";
import { REPORT_CARD_GRADES } from "../../src/lib/grades.ts";
import { AREA_KINDS, renamedAliases, areaSlug, assignSlugs, buildAreaReport, hasReportCard, nameHash, postcodeDistrict, shareOf, SMALL_NUMBER, type Area, type AreaReport } from "../../src/lib/areas-report.ts";
import { areaChart, type AreaChartRow } from "../../src/charts/area-report-cards.ts";
import { renderSvg } from "../../src/render/svg.ts";
import { cardSchoolsTable, safeguardingTable, singleWordsTable } from "../../src/lib/area-page.ts";
import type { ChartData } from "../../src/charts/types.ts";

const COUNT = 22000;
let dir = "";
let rows: MiSchoolRow[] = [];
let report: AreaReport;
let data: ChartData;
const fixture = generateSchools(COUNT, 1);

beforeAll(() => {
  dir = prepareDataDir(COUNT, 1);
  rows = parseTable(readFileSync(join(dir, MI_SCHOOLS_FILE), "utf8"), "schools.csv", miSchoolsSchema);
  report = buildAreaReport(rows);
  const read = <R,>(meta: { file: string; schema: Parameters<typeof parseTable<R>>[2] }) => parseTable<R>(readFileSync(join(dir, meta.file), "utf8"), meta.file, meta.schema);
  data = { "mi-report-card-grades": read(miReportCardGrades), "mi-safeguarding": read(miSafeguarding), "mi-overview": read(miOverview) } as ChartData;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ofKind = (k: string) => report.areas.filter((a) => a.kind === k);

describe("22,000 fictional schools: every area, adding up to England", () => {
  it("has every local authority, region and constituency of the fixture, each school in exactly one of each kind", () => {
    for (const [kind, field] of [["la", "localAuthority"], ["region", "region"], ["constituency", "constituency"]] as const) {
      expect(new Set(ofKind(kind).map((a) => a.name))).toEqual(new Set(fixture.map((s) => s[field])));
      const urns = ofKind(kind).flatMap((a) => a.schools.map((s) => s.urn));
      expect(urns).toHaveLength(COUNT);
      expect(new Set(urns).size).toBe(COUNT);
    }
    expect(ofKind("constituency").length).toBeGreaterThan(500);
    expect(new Set(report.areas.map((a) => a.id)).size).toBe(report.areas.length);
  });

  it("counts add up to England's for every kind: schools, report cards, each grade in each area, safeguarding, single words", () => {
    const e = report.england;
    expect(e.schools).toBe(COUNT);
    expect(e.withCard).toBe(fixture.filter((s) => s.card).length);
    for (const k of AREA_KINDS) {
      const areas = ofKind(k.kind);
      const sum = (f: (a: Area) => number) => areas.reduce((x, a) => x + f(a), 0);
      expect(sum((a) => a.tally.schools)).toBe(e.schools);
      expect(sum((a) => a.tally.withCard)).toBe(e.withCard);
      expect(sum((a) => a.tally.safeguarding.met)).toBe(e.safeguarding.met);
      expect(sum((a) => a.tally.safeguarding.notMet)).toBe(e.safeguarding.notMet);
      for (const a of SCHOOL_AREAS) {
        expect(sum((x) => x.tally.grades[a.key].n)).toBe(e.grades[a.key].n);
        for (const g of REPORT_CARD_GRADES) expect(sum((x) => x.tally.grades[a.key].counts[g.key])).toBe(e.grades[a.key].counts[g.key]);
      }
      for (const w of Object.keys(e.singleWords) as (keyof typeof e.singleWords)[]) expect(sum((a) => a.tally.singleWords[w])).toBe(e.singleWords[w]);
    }
  });

  it("England's tally from the extract equals the imported England aggregates the charts compare with", () => {
    const cards = data["mi-report-card-grades"]!;
    for (const a of SCHOOL_AREAS) {
      const row = cards.find((r) => r.breakdown === "all" && r.area === a.key)!;
      expect(report.england.grades[a.key].n).toBe(row.n_graded);
      for (const g of REPORT_CARD_GRADES) expect(report.england.grades[a.key].counts[g.key]).toBe(gradeCount(row, g.key));
    }
    const sg = data["mi-safeguarding"]!.find((r) => r.breakdown === "all" && r.framework === "report-card")!;
    expect([report.england.safeguarding.met, report.england.safeguarding.notMet]).toEqual([sg.n_met, sg.n_not_met]);
    expect(report.england.withCard).toBe(data["mi-overview"]!.find((r) => r.breakdown === "all")!.n_with_report_card);
  });

  it("each school's report card counts as in the fixture (the school page's rule)", () => {
    const byUrn = new Map(fixture.map((s) => [s.urn, s]));
    for (const s of rows) expect(hasReportCard(s), String(s.urn)).toBe(byUrn.get(s.urn)!.card !== null);
  });

  it("has small and large areas of each kind that has them (the fixture exercises the small-numbers rule)", () => {
    expect(ofKind("la").some((a) => a.tally.withCard > 0 && a.tally.withCard < SMALL_NUMBER)).toBe(true);
    expect(ofKind("la").some((a) => a.tally.withCard >= 100)).toBe(true);
    expect(ofKind("constituency").some((a) => a.tally.withCard < SMALL_NUMBER)).toBe(true);
    expect(ofKind("constituency").some((a) => a.tally.withCard >= SMALL_NUMBER)).toBe(true);
  });

  it("each area chart's rows trace to a dataset row and its area rows add up to its tally", () => {
    for (const area of report.areas.filter((_, i) => i % 7 === 0)) {
      const chart = areaChart(area);
      const rs = chart.select(data);
      for (const a of SCHOOL_AREAS) {
        const mine = rs.filter((r) => r.where === "area" && r.measure === a.key);
        expect(mine.reduce((x, r) => x + r.schools, 0)).toBe(area.tally.grades[a.key].n);
      }
      for (const r of rs) expect(chart.source(r).key).toMatch(/^(all|region)--/);
    }
  });
});

/** A made-up area of `cards` schools with a report card, all graded expected standard in every area. */
function tinyArea(cards: number, name = "Tiny Town"): { area: Area; chart: ReturnType<typeof areaChart>; rows: AreaChartRow[] } {
  const base = rows.filter(hasReportCard).filter((s) => s.card_inclusion !== null).slice(0, cards).map((s) => ({ ...s, local_authority: name }));
  const r = buildAreaReport(base);
  const area = r.areas.find((a) => a.kind === "la")!;
  const chart = areaChart(area);
  return { area, chart, rows: chart.select(data) };
}

describe("small numbers: never a percentage of fewer than 10 schools", () => {
  it("shareOf refuses denominators below 10 and gives one decimal from 10", () => {
    for (let n = 0; n < SMALL_NUMBER; n++) for (let c = 0; c <= n; c++) expect(shareOf(c, n)).toBeNull();
    expect(shareOf(1, 10)).toBe(10);
    expect(shareOf(2, 3000)).toBe(0.1);
  });

  it("an area with 9 report cards: no share in its rows, chart, table or page tables; it says why", () => {
    const { area, chart, rows: rs } = tinyArea(9);
    expect(area.tally.withCard).toBe(9);
    for (const r of rs.filter((r) => r.where === "area")) expect(r.pct).toBeNull();
    const svg = chart.draw!(rs, { width: 576, label: chart.describe(rs) });
    const doc = parseHTML(`<!doctype html><body>${svg}</body>`).document;
    const areaTips = [...doc.querySelectorAll("[data-tip]")].map((e) => e.getAttribute("data-tip")!).filter((t) => t.startsWith("Tiny Town"));
    expect(areaTips.length).toBeGreaterThan(0);
    for (const t of areaTips) expect(t).not.toMatch(/%/);
    expect(chart.takeaway).toMatch(/counts, not percentages/);
    expect(chart.notes.join(" ")).toMatch(/fewer than 10 schools are graded, the chart shows counts, not percentages/);
    expect(chart.describe(rs)).toMatch(/Fewer than 10 schools, so counts are shown/);
    const html = safeguardingTable(area.tally, report.england, area.name) + singleWordsTable(area.tally, report.england, area.name);
    const cells = [...parseHTML(`<!doctype html><body>${html}</body>`).document.querySelectorAll("tbody tr td:nth-child(2)")].map((td) => td.textContent!);
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c).not.toMatch(/%/);
  });

  it("an area with 10 report cards shows shares (so the rule above is not vacuous)", () => {
    const { chart, rows: rs } = tinyArea(10);
    expect(rs.filter((r) => r.where === "area" && r.measure === "inclusion").some((r) => r.pct !== null)).toBe(true);
    const svg = chart.draw!(rs, { width: 576, label: chart.describe(rs) });
    expect(svg).toMatch(/Tiny Town, Inclusion: [^"]*\(\d+\.\d%\)/);
  });

  it("the rule holds per evaluation area: 40 cards but 3 graded for post-16 gives post-16 counts only", () => {
    const base = rows.filter(hasReportCard).slice(0, 40).map((s, i) => ({ ...s, local_authority: "Mixed", "card_post-16": i < 3 ? ("strong-standard" as const) : null }));
    const area = buildAreaReport(base).areas.find((a) => a.kind === "la")!;
    const rs = areaChart(area).select(data).filter((r) => r.where === "area");
    expect(rs.filter((r) => r.measure === "post-16").every((r) => r.pct === null)).toBe(true);
    expect(rs.filter((r) => r.measure === "inclusion").some((r) => r.pct !== null)).toBe(true);
  });
});

describe("slugs and names", () => {
  it("makes readable slugs that survive case, accents, '&' and punctuation", () => {
    expect(areaSlug("Bristol, City of")).toBe("bristol-city-of");
    expect(areaSlug("Brighton & Hove")).toBe(areaSlug("Brighton and Hove"));
    expect(areaSlug("St. Helens North")).toBe("st-helens-north");
    expect(areaSlug("King’s Lynn")).toBe("kings-lynn");
    expect(areaSlug("Ynys Môn")).toBe("ynys-mon");
    expect(areaSlug("")).toBe("not-recorded");
  });

  it("two names with one slug: the larger keeps it, the other gets a suffix from its own name only", () => {
    const a = assignSlugs(new Map([["Bristol, City of", 120], ["Bristol City Of", 3]]));
    expect(a.get("Bristol, City of")).toBe("bristol-city-of");
    expect(a.get("Bristol City Of")).toBe(`bristol-city-of-${nameHash("Bristol City Of")}`);
    const b = assignSlugs(new Map([["Bristol, City of", 120], ["Bristol City Of", 3], ["BRISTOL city of", 1], ["Leeds", 50]]));
    expect(b.get("Bristol City Of")).toBe(a.get("Bristol City Of"));
    expect(b.get("Leeds")).toBe("leeds");
    expect(new Set(b.values()).size).toBe(4);
  });

  it("a renamed area keeps its old address as an alias of the current one; a current area always keeps its own", () => {
    const areas = report.areas;
    const leeds = areas.find((a) => a.kind === "la" && a.name === "Leeds")!;
    const al = renamedAliases(areas, [
      { kind: "la", from: "Leeds City", to: "Leeds" },
      { kind: "la", from: "Sheffield", to: "Leeds" }, // old slug taken by a current area: no alias
      { kind: "la", from: "Nowhere", to: "Not in the file" },
    ]);
    expect(al.map((a) => [a.id, a.area.name])).toEqual([["area-la-leeds-city", "Leeds"]]);
    expect(al[0]!.area).toBe(leeds);
  });

  it("a name with & and < still makes a valid standalone SVG and a PNG (resvg parses XML, not HTML)", async () => {
    const { chart, rows: rs } = tinyArea(12, `Brighton & Hove <b>`);
    const { ChartRender } = await import("../../src/render/chart.ts");
    const before = process.env.BOW_DATA_DIR;
    process.env.BOW_DATA_DIR = dir; // the import above: the render step reads the chart's datasets from it
    try {
      expect(chart.select(data).length).toBe(rs.length);
      var png = await new ChartRender(chart).png("https://example.org/");
    } finally {
      if (before === undefined) delete process.env.BOW_DATA_DIR; else process.env.BOW_DATA_DIR = before;
    }
    expect(Buffer.from(png).subarray(1, 4).toString()).toBe("PNG");
  });

  it("reads postcode districts", () => {
    expect(postcodeDistrict("BS1 4DJ")).toBe("BS1");
    expect(postcodeDistrict("ec1a1bb")).toBe("EC1A");
    expect(postcodeDistrict("not a postcode")).toBe("");
  });

  it("escapes names from the file in the chart and the page", () => {
    const { chart, rows: rs } = tinyArea(12, `<img src=x onerror=alert(1)> & "Co"`);
    const label = chart.describe(rs);
    const svg = chart.draw!(rs, { width: 576, label }) + chart.draw!(rs, { width: 288, label }) + renderSvg(chart.plot(rs, { width: 416 }), { label });
    const doc = parseHTML(`<!doctype html><body>${svg}</body>`).document;
    expect(doc.querySelectorAll("img, script").length).toBe(0);
    expect(doc.querySelector("text")?.parentNode).toBeTruthy();
    expect(svg).toContain("&lt;img src=");
    const base = rows.filter(hasReportCard).slice(0, 2).map((s) => ({ ...s, name: `<script>alert(1)</script>` }));
    expect(cardSchoolsTable(base)).not.toContain("<script>");
  });
});

describe("the import needs the constituency column", () => {
  it("a file without \"Parliamentary constituency\" is refused, naming the column; with it, each school keeps its constituency", () => {
    const schools = generateSchools(30, 3);
    const text = new TextDecoder().decode(fixtureBytes(schools, {}).bytes);
    const without = new TextEncoder().encode(text.replace("Parliamentary constituency", "Constituency (old name)"));
    expect(() => parseMiFile(without, "no-constituency.csv")).toThrow(MiFileError);
    expect(() => parseMiFile(without, "no-constituency.csv")).toThrow(/missing required column "Parliamentary constituency"/);
    const rows = parseMiFile(new TextEncoder().encode(text), "ok.csv").schools;
    expect(rows.map((r) => r.constituency)).toEqual(schools.map((s) => s.constituency));
  });
});
