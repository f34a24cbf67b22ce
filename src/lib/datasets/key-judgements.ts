import type { TableSchema } from "../csv.ts";
import { isoDate, number, oneOf, optionalText, percent, sharesSumTo100, sourceColumns, text, yesNo } from "../schema.ts";
import type { DatasetMeta } from "./types.ts";

/** The four key judgements every school received under the 2019 Education Inspection Framework. */
export const KEY_JUDGEMENTS = ["quality-of-education", "behaviour-and-attitudes", "personal-development", "leadership-and-management"] as const;
export type KeyJudgement = (typeof KEY_JUDGEMENTS)[number];

export const KEY_JUDGEMENT_LABELS: Record<KeyJudgement, string> = {
  "quality-of-education": "Quality of education",
  "behaviour-and-attitudes": "Behaviour and attitudes",
  "personal-development": "Personal development",
  "leadership-and-management": "Leadership and management",
};

/** One key judgement's grades across the graded inspections of one period. */
export interface KeyJudgementRow {
  period_start: string;
  period_end: string;
  population: string;
  judgement: KeyJudgement;
  pct_outstanding: number | null;
  pct_good: number | null;
  pct_requires_improvement: number | null;
  pct_inadequate: number | null;
  pct_good_or_outstanding: number;
  secondary_source: boolean;
  source_title: string;
  source_url: string;
  note: string;
}

const schema: TableSchema<KeyJudgementRow> = {
  columns: {
    period_start: isoDate("First day of the period whose graded inspections are counted"),
    period_end: isoDate("Last day of the period"),
    population: text("Which inspections are counted"),
    judgement: oneOf(KEY_JUDGEMENTS, "The key judgement"),
    pct_outstanding: percent("% of inspections graded outstanding for this judgement (blank: split not copied)"),
    pct_good: percent("% graded good"),
    pct_requires_improvement: percent("% graded requires improvement"),
    pct_inadequate: percent("% graded inadequate"),
    pct_good_or_outstanding: number({ min: 0, max: 100, description: "% graded good or outstanding, as Ofsted published it" }),
    secondary_source: yesNo("yes if any figure in the row rests on a secondary source - verify before quoting"),
    ...sourceColumns,
    note: optionalText("Caveats"),
  },
  key: ["period_end", "judgement"],
  rowChecks: [
    sharesSumTo100<KeyJudgementRow>(["pct_outstanding", "pct_good", "pct_requires_improvement", "pct_inadequate"]),
    (r) => {
      const { pct_outstanding: o, pct_good: g, pct_good_or_outstanding: go } = r;
      if (o === null || g === null || Math.abs(o + g - go) <= 1) return undefined;
      return { column: "pct_good_or_outstanding", value: String(go), expected: `pct_outstanding + pct_good (${o + g}) within 1 point of rounding` };
    },
    (r) => (r.period_end > r.period_start ? undefined : { column: "period_end", value: r.period_end, expected: `a date after period_start (${r.period_start})` }),
  ],
};

export const keyJudgements: DatasetMeta<KeyJudgementRow> = {
  id: "key-judgements",
  file: "key-judgements.csv",
  title: "Key judgements of graded school inspections, 2024/25",
  description:
    "For graded inspections of state-funded schools under the 2019 Education Inspection Framework, the share graded good or outstanding in each of the four key judgements: September to December 2024 (with the full four-grade split) and the whole of 2024/25.",
  licence: "Open Government Licence v3.0 (Ofsted figures); the autumn 2024 grade split is from a secondary research note, reused as facts with attribution",
  schema,
  checked: "2026-11-26",
};
