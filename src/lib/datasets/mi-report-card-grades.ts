import type { TableSchema } from "../csv.ts";
import { oneOf, sharesSumTo100, text } from "../schema.ts";
import { SCHOOL_AREAS, type AreaKey } from "../areas.ts";
import type { DatasetMeta } from "./types.ts";
import { count, countsAddUp, groupColumns, MI_LICENCE, miSourceColumns, share, type Breakdown } from "./mi-common.ts";

/** Report-card grades in one evaluation area, for England, a phase or a region. */
export interface MiReportCardGradesRow {
  breakdown: Breakdown;
  group: string;
  area: AreaKey;
  area_label: string;
  n_graded: number;
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

const schema: TableSchema<MiReportCardGradesRow> = {
  columns: {
    ...groupColumns,
    area: oneOf(SCHOOL_AREAS.map((a) => a.key), "Evaluation area (key from src/lib/areas.ts)"),
    area_label: text("Evaluation area as Ofsted names it"),
    n_graded: count("Schools with a grade in this area"),
    n_exceptional: count("Schools graded exceptional"),
    n_strong_standard: count("Schools graded strong standard"),
    n_expected_standard: count("Schools graded expected standard"),
    n_needs_attention: count("Schools graded needs attention"),
    n_urgent_improvement: count("Schools graded urgent improvement"),
    pct_exceptional: share("% of graded schools, one decimal place"),
    pct_strong_standard: share("% of graded schools"),
    pct_expected_standard: share("% of graded schools"),
    pct_needs_attention: share("% of graded schools"),
    pct_urgent_improvement: share("% of graded schools"),
    ...miSourceColumns,
  },
  key: ["breakdown", "group", "area"],
  rowChecks: [countsAddUp<MiReportCardGradesRow>("n_graded", N), sharesSumTo100<MiReportCardGradesRow>([...P], 0.5)],
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
