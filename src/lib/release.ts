/**
 * Which data release the site shows: the bundled published figures, or an import of Ofsted's
 * monthly management-information file (data/release.json, written by `npm run data:import`).
 * The footer and /data/ show `releaseLabel()`. Pure: src/render/release.ts reads the file.
 */
import { longDate } from "./format.ts";

export interface ImportRelease {
  readonly kind: "import";
  /** Name of the MI file imported (the file itself is never committed). */
  readonly file: string;
  /** Date the file is "as at", from its name (yyyy-mm-dd), or null. */
  readonly file_date: string | null;
  /** ISO timestamp of the import. */
  readonly imported_at: string;
  readonly encoding: string;
  readonly rows_read: number;
  readonly rows_imported: number;
  readonly rows_rejected: number;
  readonly datasets: readonly string[];
}

export interface BundledRelease {
  readonly kind: "bundled";
}

export type Release = BundledRelease | ImportRelease;


/**
 * Checks the text of data/release.json (`path` names it in errors); a malformed file fails the
 * build with the file name and the problem.
 */
export function parseRelease(text: string, path: string): ImportRelease {
  let r: unknown;
  try {
    r = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${(e as Error).message}); re-run npm run data:import or delete the file`);
  }
  const o = r as Record<string, unknown>;
  const okDate = (v: unknown) => v === null || (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v));
  if (o.kind !== "import" || typeof o.file !== "string" || !okDate(o.file_date) || typeof o.imported_at !== "string" || typeof o.rows_read !== "number" || typeof o.rows_imported !== "number" || typeof o.rows_rejected !== "number") {
    throw new Error(`${path}: expected {kind: "import", file, file_date (yyyy-mm-dd or null), imported_at, rows_read, rows_imported, rows_rejected}`);
  }
  return { datasets: [], encoding: "", ...(o as object) } as unknown as ImportRelease;
}

/** One line for the footer and /data/: what the site's figures are. */
export function releaseLabel(release: Release): string {
  if (release.kind === "bundled") return "Figures: published Ofsted statistics and press coverage of them, bundled with the site (no import of Ofsted's monthly file).";
  const asAt = release.file_date ? `as at ${longDate(release.file_date)}` : `imported on ${longDate(release.imported_at.slice(0, 10))}`;
  return `Figures: Ofsted's monthly management information for state-funded schools ${asAt} (${release.rows_imported.toLocaleString("en-GB")} schools), plus published statistics bundled with the site.`;
}
