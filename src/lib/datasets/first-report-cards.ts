import type { TableSchema } from "../csv.ts";
import type { ReportCardGradeKey } from "../grades.ts";
import { isoDate, number, optionalText, reportCardGradeColumn, sourceColumns, yesNo } from "../schema.ts";
import type { DatasetMeta } from "./types.ts";

/** One grade's share of all evaluation-area grades given to the first 100 (volunteer) schools. */
export interface FirstReportCardsRow {
  grade: ReportCardGradeKey;
  pct_of_grades: number;
  n_grades_derived: number;
  n_grades_total: number;
  n_schools: number;
  as_of: string;
  secondary_source: boolean;
  source_title: string;
  source_url: string;
  note: string;
}

const schema: TableSchema<FirstReportCardsRow> = {
  columns: {
    grade: reportCardGradeColumn("Report-card grade"),
    pct_of_grades: number({ min: 0, max: 100, description: "% of all evaluation-area grades, as published" }),
    n_grades_derived: number({ min: 0, integer: true, description: "Approximate count: pct_of_grades x n_grades_total, rounded. Ours, not published" }),
    n_grades_total: number({ min: 1, integer: true, description: "Evaluation-area grades in the analysis" }),
    n_schools: number({ min: 1, integer: true, description: "Schools in the analysis (volunteers)" }),
    as_of: isoDate("Date of the analysis"),
    secondary_source: yesNo("yes: a press analysis of published reports, not official statistics"),
    ...sourceColumns,
    note: optionalText("Caveats"),
  },
  key: ["grade"],
  rowChecks: [
    (r) =>
      r.n_grades_derived === Math.round((r.pct_of_grades * r.n_grades_total) / 100)
        ? undefined
        : { column: "n_grades_derived", value: String(r.n_grades_derived), expected: `pct_of_grades x n_grades_total / 100, rounded (${Math.round((r.pct_of_grades * r.n_grades_total) / 100)})` },
  ],
};

export const firstReportCards: DatasetMeta<FirstReportCardsRow> = {
  id: "first-report-cards",
  file: "first-report-cards.csv",
  title: "Grades on the first 100 report cards, to February 2026",
  description:
    "How the 659 evaluation-area grades given to the first 100 schools inspected under Ofsted's renewed framework (volunteers, from 10 November 2025) were spread across the five report-card grades, as analysed by Schools Week on 9 February 2026. Not a national picture.",
  licence: "Figures from a Schools Week analysis of published Ofsted reports, reused as facts with attribution",
  schema,
  checked: "2026-11-26",
};
