import { number, oneOf, optionalText, sourceColumns, text, yesNo } from "../schema.ts";
import { defineSchema, type DatasetMeta, type SchemaRow } from "./types.ts";

export const FSM_BANDS = ["above-average", "close-to-average", "below-average"] as const;
export type FsmBand = (typeof FSM_BANDS)[number];

/** How a band reads in charts and tables. */
export const FSM_BAND_LABELS: Record<FsmBand, string> = {
  "above-average": "Above-average FSM",
  "close-to-average": "Close to average",
  "below-average": "Below-average FSM",
};

const schema = defineSchema({
  columns: {
    fsm_band: oneOf(FSM_BANDS, "Schools' share of pupils eligible for free school meals, against the national average"),
    band_order: number({ min: 1, max: 3, integer: true, description: "1 = most disadvantaged band" }),
    n_schools: number({ min: 1, integer: true, optional: true, description: "Schools in the band, where published" }),
    pct_below_expected: number({ min: 0, max: 100, description: "% of the band's schools graded below expected standard for achievement" }),
    grades_counted_as_below: text("Which grades count as below expected"),
    period: text("Inspections covered"),
    population: text("Which schools"),
    analysis_by: text("Who did the analysis"),
    secondary_source: yesNo("yes: Ofsted's analysis as reported in the press, not an Ofsted page"),
    ...sourceColumns,
    note: optionalText("Caveats"),
  },
  key: ["fsm_band"],
});

/** One band of schools by free-school-meal eligibility: the share graded below expected for achievement. */
export type AchievementByDisadvantageRow = SchemaRow<typeof schema>;

export const achievementByDisadvantage: DatasetMeta<AchievementByDisadvantageRow> = {
  id: "achievement-by-disadvantage",
  file: "achievement-by-disadvantage.csv",
  title: "Achievement grade by school disadvantage, first 921 report cards",
  description:
    "Ofsted's own analysis of the first 921 school reports under the renewed framework (to 30 April 2026), as reported by Schools Week: the share of primary and secondary schools graded below the expected standard for achievement, by how many of their pupils are eligible for free school meals.",
  licence: "Figures from Ofsted's analysis as reported by Schools Week, reused as facts with attribution",
  schema,
  checked: "2026-11-26",
};
