/**
 * Plain words: every chart's takeaway and text alternative (the SVG's aria-label, from describe())
 * reads at Flesch-Kincaid grade 9 or below. The formula and syllable counts come from npm packages;
 * the first tests pin them to textbook values so a broken counter cannot pass everything.
 */
import { describe, expect, it } from "vitest";
import { CHARTS } from "../../src/render/charts.ts";
import { loadChartRows } from "../../src/render/chart.ts";
import { MAX_GRADE, readability, sentences } from "../support/readability.ts";

describe("the readability measure", () => {
  it("counts sentences, words and syllables as a reader would", () => {
    expect(sentences("Good rose to 77%. Outstanding fell from 20% to 14%; inadequate stayed at 3%. Then: 2024.")).toHaveLength(3);
    expect(sentences("A correlation of 0.5 between areas.")).toHaveLength(1);
    const r = readability("The cat sat on the mat. It was happy.");
    expect([r.sentences, r.words, r.syllables]).toEqual([2, 9, 10]);
    expect(r.grade).toBeLessThan(1);
  });

  it("scores long, many-claused sentences high (the audit's grade 19 takeaway)", () => {
    const old =
      "Where Ofsted's full split was published, the share of schools rated good rose from 50% (August 2011) to 77% (August 2024), while satisfactory or requires improvement fell from 28% to 8% and outstanding slipped from 20% to 14%.";
    expect(readability(old).grade).toBeGreaterThan(MAX_GRADE + 5);
  });
});

describe(`every chart's takeaway and text alternative read at grade ${MAX_GRADE} or below`, () => {
  for (const chart of CHARTS) {
    it(`${chart.id}: takeaway`, () => {
      const r = readability(chart.takeaway);
      expect(r.grade, `grade ${r.grade.toFixed(1)}: ${chart.takeaway}`).toBeLessThanOrEqual(MAX_GRADE);
    });
    it(`${chart.id}: text alternative`, () => {
      const text = chart.describe(loadChartRows(chart));
      const r = readability(text);
      expect(r.grade, `grade ${r.grade.toFixed(1)}: ${text}`).toBeLessThanOrEqual(MAX_GRADE);
    });
  }
});
