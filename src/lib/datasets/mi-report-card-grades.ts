import { oneOf, sharesSumTo100, text } from "../schema.ts";
import { SCHOOL_AREAS } from "../areas.ts";
import { defineSchema, type DatasetMeta, type SchemaRow } from "./types.ts";
import { count, countsAddUp, GRADE_COUNT_COLUMNS, GRADE_SHARE_COLUMNS, gradeCountColumns, groupColumns, MI_LICENCE, miSourceColumns } from "./mi-common.ts";

const schema = defineSchema({
  columns: {
    ...groupColumns,
    area: oneOf(SCHOOL_AREAS.map((a) => a.key), "Evaluation area (key from src/lib/areas.ts)"),
    area_label: text("Evaluation area as Ofsted names it"),
    n_graded: count("Schools with a grade in this area"),
    ...gradeCountColumns("graded schools"),
    ...miSourceColumns,
  },
  key: ["breakdown", "group", "area"],
  rowChecks: [countsAddUp("n_graded", GRADE_COUNT_COLUMNS), sharesSumTo100(GRADE_SHARE_COLUMNS, 0.5)],
});

/** Report-card grades in one evaluation area, for England, a phase or a region. */
export type MiReportCardGradesRow = SchemaRow<typeof schema>;

export const miReportCardGrades: DatasetMeta<MiReportCardGradesRow> = {
  id: "mi-report-card-grades",
  file: "mi-report-card-grades.csv",
  title: "Imported: report-card grades by evaluation area, phase and region",
  description: "For each report-card evaluation area, how many schools have each of the five grades, for England, by phase and by region, computed from Ofsted's monthly management information (schools inspected under the renewed framework from 10 November 2025).",
  licence: MI_LICENCE,
  schema,
  optional: true,
};
