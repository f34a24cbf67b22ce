import type { TableSchema } from "../csv.ts";
import { oneOf, sharesSumTo100 } from "../schema.ts";
import { EIF_JUDGEMENTS, type EifJudgementKey } from "../mi/columns.ts";
import type { DatasetMeta } from "./types.ts";
import { count, countsAddUp, groupColumns, MI_LICENCE, miSourceColumns, share, type Breakdown } from "./mi-common.ts";

/** The latest EIF (2019 framework) grades still on record: overall effectiveness and each key judgement. */
export interface MiEifGradesRow {
  breakdown: Breakdown;
  group: string;
  judgement: EifJudgementKey;
  n_graded: number;
  n_outstanding: number;
  n_good: number;
  n_requires_improvement: number;
  n_inadequate: number;
  n_not_judged: number;
  pct_outstanding: number | null;
  pct_good: number | null;
  pct_requires_improvement: number | null;
  pct_inadequate: number | null;
  pct_good_or_outstanding: number | null;
  as_at: string;
  source_title: string;
  source_url: string;
}

const schema: TableSchema<MiEifGradesRow> = {
  columns: {
    ...groupColumns,
    judgement: oneOf(EIF_JUDGEMENTS.map((j) => j.key), "EIF judgement: overall effectiveness, the four key judgements, early years and sixth form provision"),
    n_graded: count("Schools with a grade 1-4 for this judgement at their latest EIF graded inspection"),
    n_outstanding: count("Grade 1, outstanding"),
    n_good: count("Grade 2, good"),
    n_requires_improvement: count("Grade 3, requires improvement"),
    n_inadequate: count("Grade 4, inadequate"),
    n_not_judged: count('"Not judged" (overall effectiveness was not graded from Sept 2024); not in n_graded'),
    pct_outstanding: share("% of n_graded"),
    pct_good: share("% of n_graded"),
    pct_requires_improvement: share("% of n_graded"),
    pct_inadequate: share("% of n_graded"),
    pct_good_or_outstanding: share("% of n_graded that are good or outstanding"),
    ...miSourceColumns,
  },
  key: ["breakdown", "group", "judgement"],
  rowChecks: [
    countsAddUp<MiEifGradesRow>("n_graded", ["n_outstanding", "n_good", "n_requires_improvement", "n_inadequate"]),
    sharesSumTo100(["pct_outstanding", "pct_good", "pct_requires_improvement", "pct_inadequate"], 0.5),
  ],
};

export const miEifGrades: DatasetMeta<MiEifGradesRow> = {
  id: "mi-eif-grades",
  file: "mi-eif-grades.csv",
  title: "Imported: latest old-framework grades by judgement, phase and region",
  description: "Overall effectiveness and the key judgements from each school's latest graded inspection under the 2019 Education Inspection Framework, as still recorded in Ofsted's monthly management information, for England, by phase and by region.",
  licence: MI_LICENCE,
  schema,
  optional: true,
};
