/**
 * When each dataset's sources were last checked, and the site's data date (the latest of those):
 * the staleness guard (tests/build/staleness.test.ts) fails on any page that says something "will"
 * happen on a date before the data date. Build-time only (reads data/release.json via release.ts).
 */
import { DATASETS, type DatasetId } from "./datasets/index.ts";
import { longDate } from "./format.ts";
import { readRelease, type Release } from "./release.ts";

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** yyyy-mm-dd when a dataset's rows were last checked against their sources, or null if unknown. */
export function datasetChecked(id: DatasetId, release: Release = readRelease()): string | null {
  const meta = DATASETS[id] as { checked?: string; optional?: boolean };
  if (meta.optional) return release.kind === "import" ? release.imported_at.slice(0, 10) : null;
  const c = meta.checked ?? null;
  if (c !== null && !ISO.test(c)) throw new Error(`src/lib/datasets/${id}.ts: checked "${c}" is not a yyyy-mm-dd date`);
  return c;
}

/**
 * The oldest check date among a chart's datasets: the chart is only as fresh as its stalest source.
 * Null when any dataset has no date.
 */
export function chartChecked(datasets: readonly DatasetId[], release: Release = readRelease()): string | null {
  const dates = datasets.map((d) => datasetChecked(d, release));
  if (dates.length === 0 || dates.some((d) => d === null)) return null;
  return [...(dates as string[])].sort()[0]!;
}

/** The site's data date: the latest date any dataset was checked (or imported). */
export function siteDataDate(release: Release = readRelease()): string {
  const dates = (Object.keys(DATASETS) as DatasetId[]).map((d) => datasetChecked(d, release)).filter((d): d is string => d !== null);
  if (dates.length === 0) throw new Error("No dataset has a checked date: set `checked` in src/lib/datasets/<id>.ts");
  return dates.sort()[dates.length - 1]!;
}

/** "Sources checked 26 November 2026" for a source line, or "" when unknown. */
export function checkedLabel(date: string | null): string {
  return date ? `Sources checked ${longDate(date)}.` : "";
}
