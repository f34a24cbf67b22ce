import { defineSchema, type DatasetMeta, type SchemaRow } from "./types.ts";
import { count, groupColumns, MI_LICENCE, miSourceColumns } from "./mi-common.ts";

const schema = defineSchema({
  columns: {
    ...groupColumns,
    n_schools: count("Open state-funded schools in the file (rows imported)"),
    n_with_report_card: count("Schools with at least one report-card grade or a safeguarding standards outcome (inspected from 10 Nov 2025)"),
    n_with_eif_grade: count("Schools whose latest EIF (2019 framework) graded inspection has an overall effectiveness grade 1-4"),
    n_eif_not_judged: count('Schools whose latest EIF graded inspection records overall effectiveness as "Not judged" (Sept 2024 to Nov 2025)'),
    n_with_both: count("Schools with both an EIF overall grade and a report card"),
    ...miSourceColumns,
  },
  key: ["breakdown", "group"],
  rowChecks: [
    {
      description: "sub-counts are no larger than n_schools, and n_with_both no larger than either part",
      check: (r) =>
        r.n_with_both > Math.min(r.n_with_report_card, r.n_with_eif_grade) || r.n_with_report_card > r.n_schools || r.n_with_eif_grade + r.n_eif_not_judged > r.n_schools
          ? { column: "n_with_both", value: String(r.n_with_both), expected: "sub-counts no larger than the counts they are part of" }
          : undefined,
    },
  ],
});

/** How many schools in the imported MI file have a report card, an old (EIF) grade, or both. */
export type MiOverviewRow = SchemaRow<typeof schema>;

export const miOverview: DatasetMeta<MiOverviewRow> = {
  id: "mi-overview",
  file: "mi-overview.csv",
  title: "Imported: schools with a report card, an old grade, or both",
  description: "Counts from Ofsted's monthly management information for state-funded schools (latest inspections): how many schools have a report card, an overall grade from the 2019 framework, or both; for England, by phase and by region.",
  licence: MI_LICENCE,
  schema,
  optional: true,
};
