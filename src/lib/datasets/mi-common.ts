/**
 * Shared pieces of the datasets written by `npm run data:import` from Ofsted's monthly
 * management-information file (mi-*.ts). Each row names the file it was computed from.
 */
import type { Column, RowCheck } from "../csv.ts";
import { isoDate, number, oneOf, sourceColumns, text } from "../schema.ts";
import { REPORT_CARD_GRADES, type ReportCardGradeKey } from "../grades.ts";

export const BREAKDOWNS = ["all", "phase", "region"] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export const MI_SOURCE_URL = "https://www.gov.uk/government/statistical-data-sets/monthly-management-information-ofsteds-school-inspections-outcomes";
export const MI_LICENCE = "Open Government Licence v3.0 (Ofsted management information, Crown copyright); aggregated by this site";

export const groupColumns = {
  breakdown: oneOf(BREAKDOWNS, "all: every school in the file; phase: by Ofsted phase; region: by the file's Region column"),
  group: text('The phase or region ("All schools" for breakdown all)'),
};

export const count = (description: string): Column<number> => number({ min: 0, integer: true, description });
export const share = (description: string) => number({ min: 0, max: 100, optional: true, description });

export const miSourceColumns = {
  as_at: isoDate("Date of the MI file (from its name), or of the import when the name carries no date"),
  ...sourceColumns,
};

/** Counts in `parts` add up to `total`. */
export function countsAddUp<R>(total: keyof R & string, parts: readonly (keyof R & string)[]): RowCheck<R> {
  const check = (r: R) => {
    const sum = parts.reduce((a, p) => a + (r[p] as unknown as number), 0);
    const t = r[total] as unknown as number;
    return sum === t ? undefined : { column: parts.join("+"), value: String(sum), expected: `counts adding up to ${total} (${t})` };
  };
  return Object.assign(check, { description: `${parts.join(" + ")} = ${total}` });
}

/** A share of n out of total, to one decimal place; null when total is 0. */
export const pct = (n: number, total: number): number | null => (total === 0 ? null : Math.round((n / total) * 1000) / 10);

/** Counts and shares of the five report-card grades, as both grade tables carry them. */
export interface ReportCardGradeCounts {
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
}
type CountColumn = keyof ReportCardGradeCounts & `n_${string}`;
type ShareColumn = keyof ReportCardGradeCounts & `pct_${string}`;

const snake = (k: ReportCardGradeKey) => k.replace(/-/g, "_");
/** Count column of each grade, best first ("n_strong_standard"). */
export const GRADE_COUNT_COLUMNS = REPORT_CARD_GRADES.map((g) => `n_${snake(g.key)}` as CountColumn);
/** Share column of each grade, best first ("pct_strong_standard"). */
export const GRADE_SHARE_COLUMNS = REPORT_CARD_GRADES.map((g) => `pct_${snake(g.key)}` as ShareColumn);

/** The count of schools at one grade in a row of either grade table. */
export const gradeCount = (row: ReportCardGradeCounts, grade: ReportCardGradeKey): number => row[`n_${snake(grade)}` as CountColumn];

/** Schema columns for the five counts and shares; `of` names what the shares are of. */
export function gradeCountColumns(of: string): { [K in CountColumn]: Column<number> } & { [K in ShareColumn]: Column<number | null> } {
  const out: Record<string, Column<number> | Column<number | null>> = {};
  for (const g of REPORT_CARD_GRADES) out[`n_${snake(g.key)}`] = count(`Schools graded ${g.label.toLowerCase()}`);
  for (const g of REPORT_CARD_GRADES) out[`pct_${snake(g.key)}`] = share(`% of ${of} graded ${g.label.toLowerCase()}, one decimal place`);
  return out as { [K in CountColumn]: Column<number> } & { [K in ShareColumn]: Column<number | null> };
}
