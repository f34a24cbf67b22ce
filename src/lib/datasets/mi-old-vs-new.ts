import type { TableSchema } from "../csv.ts";
import { oldGradeColumn, oneOf, sharesSumTo100, text } from "../schema.ts";
import { SCHOOL_AREAS, type AreaKey } from "../areas.ts";
import type { OldGradeKey } from "../grades.ts";
import type { DatasetMeta } from "./types.ts";
import { count, countsAddUp, MI_LICENCE, miSourceColumns, share } from "./mi-common.ts";

/** The card's area: one evaluation area, or each school's lowest grade across its card. */
export type CrossTabArea = AreaKey | "lowest-area";

/** For schools with both: their last single-word grade against the grades on their new report card. */
export interface MiOldVsNewRow {
  old_grade: OldGradeKey;
  area: CrossTabArea;
  area_label: string;
  n_schools: number;
  n_exceptional: number;
  n_strong_standard: number;
  n_expected_standard: number;
  n_needs_attention: number;
  n_urgent_improvement: number;
  pct_exceptional: number | null;
  pct_strong_standard: number | null;
  pct_expected_standard: number | null;
  pct_needs_attention: number | null;
  pct_urgent_improvement: number | null;
  as_at: string;
  source_title: string;
  source_url: string;
}

const N = ["n_exceptional", "n_strong_standard", "n_expected_standard", "n_needs_attention", "n_urgent_improvement"] as const;
const P = ["pct_exceptional", "pct_strong_standard", "pct_expected_standard", "pct_needs_attention", "pct_urgent_improvement"] as const;

const schema: TableSchema<MiOldVsNewRow> = {
  columns: {
    old_grade: oldGradeColumn("Overall effectiveness at the school's latest EIF graded inspection (before its report card)"),
    area: oneOf([...SCHOOL_AREAS.map((a) => a.key), "lowest-area"] as const, "Report-card area, or lowest-area: the lowest grade anywhere on the school's card"),
    area_label: text("Area as Ofsted names it"),
    n_schools: count("Schools with this old grade and a grade in this area"),
    n_exceptional: count("of which graded exceptional"),
    n_strong_standard: count("strong standard"),
    n_expected_standard: count("expected standard"),
    n_needs_attention: count("needs attention"),
    n_urgent_improvement: count("urgent improvement"),
    pct_exceptional: share("% of n_schools"),
    pct_strong_standard: share("% of n_schools"),
    pct_expected_standard: share("% of n_schools"),
    pct_needs_attention: share("% of n_schools"),
    pct_urgent_improvement: share("% of n_schools"),
    ...miSourceColumns,
  },
  key: ["old_grade", "area"],
  rowChecks: [countsAddUp<MiOldVsNewRow>("n_schools", N), sharesSumTo100<MiOldVsNewRow>([...P], 0.5)],
};

export const miOldVsNew: DatasetMeta<MiOldVsNewRow> = {
  id: "mi-old-vs-new",
  file: "mi-old-vs-new.csv",
  title: "Imported: old single-word grade against the new report card",
  description: "For schools that have both, the overall effectiveness grade from their latest inspection under the 2019 framework against the grades on their report card, area by area and for the lowest grade on the card. Ofsted says the two scales are not comparable; this shows how the same schools fare on each.",
  licence: MI_LICENCE,
  schema,
  optional: true,
};
