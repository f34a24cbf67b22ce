/**
 * Shared pieces of the datasets written by `npm run data:import` from Ofsted's monthly
 * management-information file (mi-*.ts). Each row names the file it was computed from.
 */
import type { Column, RowCheck } from "../csv.ts";
import { isoDate, number, oneOf, sourceColumns, text } from "../schema.ts";
import { REPORT_CARD_GRADES, type ReportCardGradeKey } from "../grades.ts";
import type { RowOf } from "./types.ts";

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

/** Counts in `parts` add up to `total` (typed by the column names, so it fits any row that has them). */
export function countsAddUp<const T extends string, const P extends string>(total: T, parts: readonly P[]): RowCheck<{ readonly [K in T | P]: number }> {
  const check = (r: { readonly [K in T | P]: number }) => {
    const sum = parts.reduce((a, p) => a + r[p], 0);
    const t = r[total];
    return sum === t ? undefined : { column: parts.join("+"), value: String(sum), expected: `counts adding up to ${total} (${t})` };
  };
  return Object.assign(check, { description: `${parts.join(" + ")} = ${total}` });
}

/** A share of n out of total, to one decimal place; null when total is 0. */
export const pct = (n: number, total: number): number | null => (total === 0 ? null : Math.round((n / total) * 1000) / 10);

/** "strong-standard" -> "strong_standard", in types as at run time. */
type Snake<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${Snake<B>}` : S;
type CountColumn = `n_${Snake<ReportCardGradeKey>}`;
type ShareColumn = `pct_${Snake<ReportCardGradeKey>}`;
type GradeCountColumns = { [K in CountColumn]: Column<number> } & { [K in ShareColumn]: Column<number | null> };
/** Counts and shares of the five report-card grades, as both grade tables carry them: the row of gradeCountColumns. */
export type ReportCardGradeCounts = RowOf<GradeCountColumns>;

const snake = <K extends ReportCardGradeKey>(k: K) => k.replace(/-/g, "_") as Snake<K>;
/** Count column of each grade, best first ("n_strong_standard"). */
export const GRADE_COUNT_COLUMNS = REPORT_CARD_GRADES.map((g): CountColumn => `n_${snake(g.key)}`);
/** Share column of each grade, best first ("pct_strong_standard"). */
export const GRADE_SHARE_COLUMNS = REPORT_CARD_GRADES.map((g): ShareColumn => `pct_${snake(g.key)}`);

/** The count of schools at one grade in a row of either grade table. */
export const gradeCount = (row: ReportCardGradeCounts, grade: ReportCardGradeKey): number => row[`n_${snake(grade)}`];

/** Schema columns for the five counts and shares; `of` names what the shares are of. */
export function gradeCountColumns(of: string): GradeCountColumns {
  const out: Record<string, Column<number> | Column<number | null>> = {};
  for (const g of REPORT_CARD_GRADES) out[`n_${snake(g.key)}`] = count(`Schools graded ${g.label.toLowerCase()}`);
  for (const g of REPORT_CARD_GRADES) out[`pct_${snake(g.key)}`] = share(`% of ${of} graded ${g.label.toLowerCase()}, one decimal place`);
  return out as GradeCountColumns;
}
