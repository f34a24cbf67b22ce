/**
 * The staleness guard's sentence reader (tests/support/staleness.ts) on planted sentences, the
 * checked date every bundled dataset carries, and the corrections log's entries.
 */
import { describe, expect, it } from "vitest";
import { datesIn, relativeTimeSentences, staleWillSentences } from "../support/staleness.ts";
import { DATASETS, type DatasetId } from "../../src/lib/datasets/index.ts";
import { chartChecked, datasetChecked, siteDataDate } from "../../src/render/checked.ts";
import { CORRECTIONS } from "../../src/lib/corrections.ts";
import { ALL_CHARTS } from "../../src/charts/index.ts";

const DATA_DATE = "2026-11-26";

describe("staleWillSentences", () => {
  it("flags 'will' with a date before the data date, in any of the usual date forms", () => {
    for (const planted of [
      "Ofsted will publish its first official statistics on report cards in June 2026.",
      "The first national figures will appear on 24 June 2026.",
      "The updated toolkit will come into force in September 2026, Ofsted says.",
      "Routine inspections will resume on 2025-12-01.",
      "The union will decide in autumn 2025.",
      "A decision will follow in 2025.",
      "The updated toolkit is expected to apply from September 2026.",
      "Ofsted is due to publish the figures in June 2026.",
      "The union is set to ballot members in autumn 2025.",
      "Ofsted plans to add a context measure by 2025.",
    ]) expect(staleWillSentences(planted, DATA_DATE), planted).toHaveLength(1);
  });

  it("finds relative time words outside quotations, and leaves dated or quoted ones alone", () => {
    for (const planted of [
      "Ofsted will publish its annual report this autumn.",
      "The new measure applies from next year.",
      "More figures are due later this year.",
      "In the coming months, more cards will be published.",
      "Special schools get new comparators next term.",
    ]) expect(relativeTimeSentences(planted), planted).toHaveLength(1);
    for (const fine of [
      "Ofsted will publish its annual report in December 2026.",
      "The last year with one headline grade was 2023/24.",
      "The unions said \"this autumn is entirely unacceptable\" at the time.",
      "In the last full year of the old framework, 2024/25, 83% were good or outstanding.",
    ]) expect(relativeTimeSentences(fine), fine).toEqual([]);
  });

  it("leaves future dates, 'would', quotations, dates before 'will' and academic years alone", () => {
    for (const fine of [
      "Ofsted will publish its annual report in December 2026.",
      "The next release would normally appear in late November 2026.",
      "On 9 September 2025 Ofsted said report cards \"will be well-received when they begin in November 2025\".",
      "If your child's school has been inspected since 10 November 2025, you will see a report card.",
      "Ofsted said the measure will apply in 2026/27.",
      "It said “the first national picture will come in March 2026” at the time.",
    ]) expect(staleWillSentences(fine, DATA_DATE), fine).toEqual([]);
  });

  it("reads a month as its last day and a day as itself", () => {
    expect(datesIn("by November 2026 and 26 November 2026").map((d) => d.endsOn)).toEqual(["2026-11-30", "2026-11-26"]);
    expect(staleWillSentences("It will happen on 25 November 2026.", DATA_DATE)).toHaveLength(1);
    expect(staleWillSentences("It will happen in November 2026.", DATA_DATE)).toEqual([]);
  });
});

describe("checked dates", () => {
  it("every bundled dataset has a checked date, no later than the site's data date", () => {
    const bundled = (Object.keys(DATASETS) as DatasetId[]).filter((id) => !(DATASETS[id] as { optional?: boolean }).optional);
    expect(bundled.length).toBeGreaterThan(8);
    for (const id of bundled) {
      expect(datasetChecked(id, { kind: "bundled" }), id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(datasetChecked(id, { kind: "bundled" })! <= siteDataDate({ kind: "bundled" }), id).toBe(true);
    }
    expect(siteDataDate({ kind: "bundled" })).toBe(DATA_DATE);
  });

  it("every chart on bundled data has a checked date; imported datasets take the import date", () => {
    for (const c of ALL_CHARTS) {
      const optional = c.datasets.some((d) => (DATASETS[d] as { optional?: boolean }).optional);
      if (!optional) expect(chartChecked(c.datasets, { kind: "bundled" }), c.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const imported = { kind: "import", file: "x.csv", file_date: "2026-04-30", imported_at: "2026-05-02T10:00:00Z", encoding: "", rows_read: 1, rows_imported: 1, rows_rejected: 0, datasets: [] } as const;
    expect(datasetChecked("mi-overview", imported)).toBe("2026-05-02");
    expect(datasetChecked("mi-overview", { kind: "bundled" })).toBeNull();
  });
});

describe("corrections log", () => {
  it("each entry has a date, what was wrong, what is right, where (site paths) and an https source; ids are unique", () => {
    expect(CORRECTIONS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(CORRECTIONS.map((c) => c.id)).size).toBe(CORRECTIONS.length);
    for (const c of CORRECTIONS) {
      expect(c.date, c.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(c.date <= DATA_DATE, c.id).toBe(true);
      expect(c.wrong.length, c.id).toBeGreaterThan(40);
      expect(c.right.length, c.id).toBeGreaterThan(40);
      expect(c.where.length, c.id).toBeGreaterThan(0);
      for (const w of c.where) expect(w.href, c.id).toMatch(/^\/(explainers|charts|data)\//);
      expect(c.source.url, c.id).toMatch(/^https:\/\//);
    }
  });
});
