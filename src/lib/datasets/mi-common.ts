/**
 * Shared pieces of the datasets written by `npm run data:import` from Ofsted's monthly
 * management-information file (mi-*.ts). Each row names the file it was computed from.
 */
import type { Column, RowCheck } from "../csv.ts";
import { isoDate, number, oneOf, sourceColumns, text } from "../schema.ts";

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
