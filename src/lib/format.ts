/** Formatting shared by pages, charts and scripts (en-GB, as Ofsted writes). */

export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2024-08-31" -> "31 August 2024". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "2024-08-31" -> "Aug 2024". */
export function monthYear(iso: string): string {
  const [y, m] = iso.split("-").map(Number) as [number, number];
  return `${SHORT_MONTHS[m - 1]} ${y}`;
}

/** 68 -> "68%"; null -> "not published". */
export function pct(value: number | null): string {
  return value === null ? "not published" : `${value}%`;
}

/** A Date for an ISO day at noon UTC (safe from time-zone shifts). */
export function isoToDate(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}
