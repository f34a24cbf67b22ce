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
import { polls } from "../../src/lib/datasets/polls.ts";
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

describe("polls", () => {
  const rows = parseTable(read("data/polls.csv"), "data/polls.csv", polls.schema);
  it("holds both halves of the February 2025 polling and flags self-selected samples", () => {
    const pct = (id: string) => rows.find((r) => r.id === id)!.pct;
    expect([pct("parents-mic-prefer-report-cards"), pct("parents-mic-prefer-old"), pct("teachers-tapp-positive-feb-2025"), pct("teachers-tapp-negative-feb-2025")]).toEqual([65, 16, 6, 36]);
    expect(rows.filter((r) => r.group === "teachers").every((r) => r.self_selected)).toBe(true);
    expect(rows.filter((r) => r.pct_derived).map((r) => r.id)).toEqual(["teachers-tapp-negative-feb-2025", "teachers-tapp-negative-sep-2025"]);
  });
  it("refuses a month-precision date that is not the 1st", () => {
    const bad = read("data/polls.csv").replace("teachers-tapp-positive-feb-2025,2025-02-01,month", "teachers-tapp-positive-feb-2025,2025-02-05,month");
    expect(errorOf(() => parseTable(bad, "f.csv", polls.schema)).message).toMatch(/f\.csv:4, column "date": found "2025-02-05"/);
  });
});
