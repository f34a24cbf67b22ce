/** Formatting shared by pages, charts and scripts (en-GB, as Ofsted writes). */

export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export const SHORT_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "2024-08-31" -> "31 August 2024". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/**
 * Today in the reader's own time zone as "2026-11-26" (toISOString would give the UTC day, a day out
 * around midnight). With longDate, the date scripts stamp without Intl: the first Intl date format
 * on a page loads the browser's locale data, ~70 ms at 4x CPU throttling, before the controls go live.
 */
export function todayIso(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
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
