import { oneOf, sharesSumTo100 } from "../schema.ts";
import { EIF_JUDGEMENTS } from "../mi/columns.ts";
import { defineSchema, type DatasetMeta, type SchemaRow } from "./types.ts";
import { count, countsAddUp, groupColumns, MI_LICENCE, miSourceColumns, share } from "./mi-common.ts";

const schema = defineSchema({
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
    countsAddUp("n_graded", ["n_outstanding", "n_good", "n_requires_improvement", "n_inadequate"]),
    sharesSumTo100(["pct_outstanding", "pct_good", "pct_requires_improvement", "pct_inadequate"], 0.5),
  ],
});

/** The latest EIF (2019 framework) grades still on record: overall effectiveness and each key judgement. */
export type MiEifGradesRow = SchemaRow<typeof schema>;

export const miEifGrades: DatasetMeta<MiEifGradesRow> = {
  id: "mi-eif-grades",
  file: "mi-eif-grades.csv",
  title: "Imported: latest old-framework grades by judgement, phase and region",
  description: "Overall effectiveness and the key judgements from each school's latest graded inspection under the 2019 Education Inspection Framework, as still recorded in Ofsted's monthly management information, for England, by phase and by region.",
  licence: MI_LICENCE,
  schema,
  optional: true,
};
