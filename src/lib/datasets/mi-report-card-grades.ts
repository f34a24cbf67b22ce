import type { TableSchema } from "../csv.ts";
import { oneOf, sharesSumTo100, text } from "../schema.ts";
import { SCHOOL_AREAS, type AreaKey } from "../areas.ts";
import type { DatasetMeta } from "./types.ts";
import { count, countsAddUp, GRADE_COUNT_COLUMNS, GRADE_SHARE_COLUMNS, gradeCountColumns, type ReportCardGradeCounts, groupColumns, MI_LICENCE, miSourceColumns, type Breakdown } from "./mi-common.ts";

/** Report-card grades in one evaluation area, for England, a phase or a region. */
export interface MiReportCardGradesRow extends ReportCardGradeCounts {
  breakdown: Breakdown;
  group: string;
  area: AreaKey;
  area_label: string;
  n_graded: number;
  as_at: string;
  source_title: string;
  source_url: string;
}

const schema: TableSchema<MiReportCardGradesRow> = {
  columns: {
    ...groupColumns,
    area: oneOf(SCHOOL_AREAS.map((a) => a.key), "Evaluation area (key from src/lib/areas.ts)"),
    area_label: text("Evaluation area as Ofsted names it"),
    n_graded: count("Schools with a grade in this area"),
    ...gradeCountColumns("graded schools"),
    ...miSourceColumns,
  },
  key: ["breakdown", "group", "area"],
  rowChecks: [countsAddUp<MiReportCardGradesRow>("n_graded", GRADE_COUNT_COLUMNS), sharesSumTo100(GRADE_SHARE_COLUMNS, 0.5)],
};

export const miReportCardGrades: DatasetMeta<MiReportCardGradesRow> = {
  id: "mi-report-card-grades",
  file: "mi-report-card-grades.csv",
  title: "Imported: report-card grades by evaluation area, phase and region",
  description: "For each report-card evaluation area, how many schools have each of the five grades, for England, by phase and by region, computed from Ofsted's monthly management information (schools inspected under the renewed framework from 10 November 2025).",
  licence: MI_LICENCE,
  schema,
  optional: true,
};
