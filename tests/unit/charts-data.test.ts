/**
 * The data logic of the build-time charts (charts engineer): what each chart selects, the arithmetic
 * behind its marks, and the sentences it writes. Small inline rows pin the rules; the bundled CSVs pin
 * the numbers a reader sees.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseTable } from "../../src/lib/csv.ts";
import { loadChartRows } from "../../src/render/chart.ts";
import type { KeyJudgementRow } from "../../src/lib/datasets/key-judgements.ts";
import type { OverallEffectivenessRow } from "../../src/lib/datasets/overall-effectiveness.ts";
import { subJudgements } from "../../src/lib/datasets/sub-judgements.ts";
import { reportCardScale } from "../../src/lib/datasets/report-card-scale.ts";
import { firstReportCards as firstReportCardsData } from "../../src/lib/datasets/first-report-cards.ts";
import { goodOrOutstandingByPhase as byPhaseData } from "../../src/lib/datasets/good-or-outstanding-by-phase.ts";
import { gradeMixOverTime, gradeMixRows } from "../../src/charts/grade-mix-over-time.ts";
import { divergingSegments, keyJudgementsChart } from "../../src/charts/key-judgements.ts";
import { goodOrOutstandingByPhase, phaseGaps } from "../../src/charts/good-or-outstanding-by-phase.ts";
import { finding, whatOneWordHid } from "../../src/charts/what-one-word-hid.ts";
import { oldGradeSlots, scaleOldVsNew } from "../../src/charts/scale-old-vs-new.ts";
import { firstReportCards, shareAtOrAboveExpected } from "../../src/charts/first-report-cards.ts";
import { dateParts, reformTimeline, spokenDate } from "../../src/charts/reform-timeline.ts";
import { textWidth, wrapText } from "../../src/lib/text-measure.ts";
import { errorOf } from "../support/data-error.ts";
import { ALL_CHARTS } from "../../src/charts/index.ts";
import { SOURCE_SHORT_MAX } from "../../src/lib/chart.ts";


const snapshot = (as_at: string, o: number | null, g: number | null, ri: number | null, i: number | null): OverallEffectivenessRow => ({
  as_at, pct_good_or_outstanding: o !== null && g !== null ? o + g : null, pct_outstanding: o, pct_good: g, pct_ri_or_satisfactory: ri, pct_inadequate: i,
  n_schools: null, basis: "", basis_period: "from-2018", secondary_source: false, source_title: "t", source_url: "https://example.org/", note: "",
});

describe("grade-mix-over-time", () => {
  it("keeps only snapshots with all four shares and stacks them best grade first", () => {
    const rows = gradeMixRows([snapshot("2011-08-31", 20, 50, 28, 2), snapshot("2012-12-31", 21, 53, null, null)]);
    expect(rows.map((r) => [r.grade, r.x1, r.x2])).toEqual([
      ["outstanding", 0, 20], ["good", 20, 70], ["requires-improvement", 70, 98], ["inadequate", 98, 100],
    ]);
  });

  it("on the bundled data: five snapshots, grade 3 called satisfactory before September 2012", () => {
    const rows = loadChartRows(gradeMixOverTime);
    expect([...new Set(rows.map((r) => r.as_at))]).toEqual(["2011-08-31", "2014-06-30", "2015-03-31", "2018-08-31", "2024-08-31"]);
    const grade3 = gradeMixOverTime.columns.find((c) => c.key === "grade")!;
    expect(grade3.value(rows.find((r) => r.as_at === "2011-08-31" && r.grade === "requires-improvement")!)).toBe("Satisfactory");
    expect(grade3.value(rows.find((r) => r.as_at === "2024-08-31" && r.grade === "requires-improvement")!)).toBe("Requires improvement");
    expect(gradeMixOverTime.describe(rows)).toContain("Good went from 50% to 77%.");
    expect(gradeMixOverTime.describe(rows)).toContain("Inadequate stayed at 2%.");
  });
});

describe("key-judgements: diverging bars", () => {
  const row = (judgement: KeyJudgementRow["judgement"], period_end: string, split: [number, number, number, number] | null, go: number): KeyJudgementRow => ({
    period_start: "2024-09-01", period_end, population: "", judgement,
    pct_outstanding: split?.[0] ?? null, pct_good: split?.[1] ?? null, pct_requires_improvement: split?.[2] ?? null, pct_inadequate: split?.[3] ?? null,
    pct_good_or_outstanding: go, secondary_source: true, source_title: "t", source_url: "https://example.org/", note: "",
  });

  it("puts good then outstanding right of zero, requires improvement then inadequate left of it", () => {
    const segs = divergingSegments([row("quality-of-education", "2024-12-31", [16, 67, 15, 1], 84)]);
    const at = (g: string) => segs.find((s) => s.grade === g)!;
    expect([at("good").x1, at("good").x2]).toEqual([0, 67]);
    expect([at("outstanding").x1, at("outstanding").x2]).toEqual([67, 83]);
    expect([at("requires-improvement").x1, at("requires-improvement").x2]).toEqual([-15, 0]);
    expect([at("inadequate").x1, at("inadequate").x2]).toEqual([-16, -15]);
    for (const s of segs) expect(s.x2 - s.x1).toBe(s.pct);
  });

  it("uses only the latest period that has a full split, and ignores periods with totals only", () => {
    const segs = divergingSegments([
      row("personal-development", "2024-12-31", [35, 63, 3, 0], 97),
      row("personal-development", "2025-08-31", null, 96),
    ]);
    expect(segs).toHaveLength(4);
    expect(new Set(segs.map((s) => s.period_end))).toEqual(new Set(["2024-12-31"]));
  });

  it("on the bundled data: 16 segments; quality of education lowest (84%), personal development highest (97%)", () => {
    const segs = loadChartRows(keyJudgementsChart);
    expect(segs).toHaveLength(16);
    const text = keyJudgementsChart.describe(segs);
    expect(text).toContain("Quality of education had the lowest share, at 84%. Here 16% were below good.");
    expect(text).toContain("Personal development had the highest, at 97%.");
    expect(keyJudgementsChart.source(segs[0]!).key).toBe("2024-12-31--quality-of-education");
  });
});

describe("good-or-outstanding-by-phase", () => {
  it("shows primary and secondary only, and the gap stayed between 8 and 12 points (as the title says)", () => {
    const rows = loadChartRows(goodOrOutstandingByPhase);
    expect(new Set(rows.map((r) => r.phase))).toEqual(new Set(["primary", "secondary"]));
    const gaps = phaseGaps(rows).map((g) => g.gap);
    expect(gaps[0]).toBe(10);
    expect(gaps.at(-1)).toBe(8);
    expect(Math.min(...gaps)).toBe(8);
    expect(Math.max(...gaps)).toBe(12);
    expect(goodOrOutstandingByPhase.source(rows[0]!).key).toMatch(/^\d{4}-\d{2}-\d{2}--primary$/);
  });

  it("rejects a phase it does not know", () => {
    const csv = "as_at,phase,pct_good_or_outstanding,secondary_source,source_title,source_url,note\n2024-08-31,Sixth form,90,no,t,https://example.org/,\n";
    expect(errorOf(() => parseTable(csv, "x.csv", byPhaseData.schema)).message).toContain('x.csv:2, column "phase": found "Sixth form"');
  });
});

describe("what-one-word-hid", () => {
  it("states each grade's published measure, marks the derived 30% and shows no number for outstanding", () => {
    const rows = loadChartRows(whatOneWordHid);
    expect(rows.map((r) => r.overall_grade)).toEqual(["outstanding", "good", "requires-improvement", "inadequate"]);
    expect(finding(rows[0]!)).toBe('"almost all" outstanding in all four key judgements (no figure published)');
    expect(rows[0]!.pct).toBeNull();
    expect(finding(rows[1]!)).toBe("30% not good in all four key judgements (worked out as 100 minus the published 70%)");
    expect(finding(rows[2]!)).toBe("62% good or better in at least two key judgements");
    expect(rows[2]!.n_schools).toBe(569);
    expect(rows[3]!.pct).toBe(8);
    expect(whatOneWordHid.describe(rows)).toContain("3,660 graded inspections");
  });

  it("an unknown grade label is an error naming the column, not a silent drop", () => {
    const head = readFileSync("data/sub-judgements.csv", "utf8").split("\n")[0];
    const csv = `${head}\nMostly good,,x,50,no,,3660,83,no,t,https://example.org/,\n`;
    const e = errorOf(() => parseTable(csv, "sub.csv", subJudgements.schema));
    expect(e.message).toContain('sub.csv:2, column "overall_grade": found "Mostly good", expected a grade label');
  });
});

describe("scale-old-vs-new", () => {
  it("places each old word beside the new grade that maps to it alone; strong standard links to two", () => {
    const rows = loadChartRows(scaleOldVsNew);
    expect(rows.map((r) => r.final_label)).toEqual(["exceptional", "strong-standard", "expected-standard", "needs-attention", "urgent-improvement"]);
    expect([...oldGradeSlots(rows).entries()]).toEqual([["outstanding", 0], ["good", 2], ["requires-improvement", 3], ["inadequate", 4]]);
    expect(rows[1]!.eif_rough_analogue.sort()).toEqual(["good", "outstanding"]);
    expect(scaleOldVsNew.describe(rows)).toContain("Ofsted says the new grades cannot be compared with the old ones");
  });

  it("a February 2025 label that belongs to another grade is an error", () => {
    const lines = readFileSync("data/report-card-scale.csv", "utf8").trim().split("\n");
    const bad = [lines[0], lines[1]!.replace(",Exemplary,", ",Secure,")].join("\n");
    const e = errorOf(() => parseTable(bad, "scale.csv", reportCardScale.schema));
    expect(e.message).toContain('column "consultation_label_feb2025"');
    expect(e.message).toContain("Exemplary");
  });
});

describe("first-report-cards", () => {
  it("five grades in scale order summing to 100, 95% at or above expected", () => {
    const rows = loadChartRows(firstReportCards);
    expect(rows.map((r) => r.pct_of_grades)).toEqual([4, 35, 56, 5, 0]);
    expect(shareAtOrAboveExpected(rows)).toBe(95);
    expect(firstReportCards.describe(rows)).toContain("volunteer schools");
  });

  it("a derived count that does not match the percentage is an error", () => {
    const lines = readFileSync("data/first-report-cards.csv", "utf8").trim().split("\n");
    const bad = [lines[0], lines[1]!.replace("Exceptional,4,26,", "Exceptional,4,40,")].join("\n");
    expect(errorOf(() => parseTable(bad, "frc.csv", firstReportCardsData.schema)).message).toContain('column "n_grades_derived": found "40"');
  });
});

describe("reform-timeline", () => {
  it("wraps words without exceeding the line width", () => {
    const lines = wrapText("Single-word overall grades for state schools are scrapped with immediate effect", 140, 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.every((l) => textWidth(l, 12) <= 140)).toBe(true);
    expect(lines.join(" ")).toBe("Single-word overall grades for state schools are scrapped with immediate effect");
  });

  it("dates read as day or month precision allows", () => {
    expect(dateParts({ date: "2024-09-02", date_precision: "day" })).toEqual({ dayMonth: "2 Sep", year: "2024" });
    expect(spokenDate({ date: "2012-09-01", date_precision: "month" })).toBe("September 2012");
  });

  it("on the bundled data: in date order, from the 2005 start to the February 2026 analysis, with the brief's milestones", () => {
    const rows = loadChartRows(reformTimeline);
    const dates = rows.map((r) => r.date);
    expect(dates).toEqual([...dates].sort());
    for (const d of ["2012-09-01", "2019-09-01", "2024-09-02", "2025-02-03", "2025-09-09", "2025-11-03", "2025-11-10", "2026-02-09"]) expect(dates).toContain(d);
  });
});

describe("each chart's short source (the embed's credit line, which wraps and is never cut off)", () => {
  it.each(ALL_CHARTS.map((c) => [c.id, c] as const))("%s: short, and the same publisher and dates as its full source summary", (_id, chart) => {
    const short = chart.sourceShort;
    expect(short.length).toBeGreaterThan(0);
    expect(short.length, short).toBeLessThanOrEqual(SOURCE_SHORT_MAX);
    expect(short, "no full stop: the credit line ends with it").not.toMatch(/\.$/);
    // Every name and year in the short form is in the full one (it shortens, never adds).
    for (const word of short.match(/\b[A-Z][A-Za-z]+\b|\b\d{4}\b/g) ?? []) expect(chart.sourceSummary, `"${word}" from "${short}"`).toContain(word);
    // A dated source stays dated; a modelled figure still says so beside it.
    if (/\b\d{4}\b/.test(chart.sourceSummary)) expect(short).toMatch(/\b\d{4}\b/);
    if (/^modelled/i.test(chart.sourceSummary)) expect(short).toMatch(/^modelled/i);
  });
});
