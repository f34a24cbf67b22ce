/**
 * The two datasets added for the story to November 2026: their figures as published, and their
 * checks failing on bad input with file, line, column and value.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseTable } from "../../src/lib/csv.ts";
import { achievementByDisadvantage } from "../../src/lib/datasets/achievement-by-disadvantage.ts";
import { reportCardSamples } from "../../src/lib/datasets/report-card-samples.ts";
import { atOrAboveExpected, sampleRows } from "../../src/charts/report-card-samples.ts";
import { errorOf } from "../support/data-error.ts";

const read = (p: string) => readFileSync(p, "utf8");

describe("achievement-by-disadvantage", () => {
  const rows = parseTable(read("data/achievement-by-disadvantage.csv"), "data/achievement-by-disadvantage.csv", achievementByDisadvantage.schema);
  it("holds Ofsted's three bands as reported: 43% (of 294), 33%, 16%, all flagged secondary", () => {
    expect(rows.map((r) => [r.fsm_band, r.pct_below_expected, r.n_schools])).toEqual([
      ["above-average", 43, 294],
      ["close-to-average", 33, null],
      ["below-average", 16, null],
    ]);
    expect(rows.every((r) => r.secondary_source)).toBe(true);
  });
  it("refuses a band that is not one of the three", () => {
    const bad = read("data/achievement-by-disadvantage.csv").replace("\nclose-to-average,", "\naverage,");
    expect(errorOf(() => parseTable(bad, "f.csv", achievementByDisadvantage.schema)).message).toMatch(/f\.csv:3, column "fsm_band": found "average"/);
  });
});

describe("report-card-samples", () => {
  const rows = parseTable(read("data/report-card-samples.csv"), "data/report-card-samples.csv", reportCardSamples.schema);
  it("holds the 22-school counts (9, 58, 79, 4, 0 of 150) and the 100-school shares (4, 35, 56, 5, 0 of 659)", () => {
    const of = (s: string) => rows.filter((r) => r.sample === s);
    expect(of("first-22").map((r) => r.n_grades_at_grade)).toEqual([9, 58, 79, 4, 0]);
    expect(of("first-22").reduce((a, r) => a + r.n_grades_at_grade!, 0)).toBe(150);
    expect(of("first-100").map((r) => r.pct_of_grades)).toEqual([4, 35, 56, 5, 0]);
    expect(rows.every((r) => r.volunteers && r.secondary_source)).toBe(true);
    expect(atOrAboveExpected(rows, "first-100")).toBe(95);
    expect(atOrAboveExpected(rows, "first-22")).toBe(97.4);
  });
  it("stacks each sample from 0, earliest sample first, best grade first", () => {
    const stacked = sampleRows([...rows].reverse());
    expect(stacked[0]!.sample).toBe("first-22");
    expect(stacked[0]!.grade).toBe("exceptional");
    expect(stacked[0]!.x1).toBe(0);
    expect(stacked[4]!.x2).toBeCloseTo(100.1, 5);
  });
  it("refuses a derived share that does not match its count", () => {
    const bad = read("data/report-card-samples.csv").replace(",58,38.7,", ",58,40,");
    expect(errorOf(() => parseTable(bad, "f.csv", reportCardSamples.schema)).message).toMatch(/f\.csv:3, column "pct_of_grades": found "40", expected n_grades_at_grade \/ n_grades to one decimal \(38\.7\)/);
  });
  it("refuses school counts that do not add up", () => {
    const bad = read("data/report-card-samples.csv").replace(",22,13,9,0,150,Exceptional,", ",22,12,9,0,150,Exceptional,");
    expect(errorOf(() => parseTable(bad, "f.csv", reportCardSamples.schema)).message).toMatch(/f\.csv:2, column "n_primary\+n_secondary\+n_special": found "21"/);
  });
});
