/**
 * Which file is this? Finds the header among the first records, recognises Ofsted's other and
 * older MI layouts by their headers (with a short message: what the file is, which file to download
 * instead, and where), and maps the columns the importer reads. Pure.
 */
import { MI_SOURCE_URL } from "../datasets/mi-common.ts";
import { MI_REQUIRED_COLUMNS, type MiColumn } from "./columns.ts";

/** A whole-file problem: the import stops, exits non-zero and writes nothing. */
export class MiFileError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = "MiFileError";
    this.file = file;
  }
}

export const collapse = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/** The file to download, in the words of the GOV.UK page, and where. */
const DOWNLOAD = `Download "Management information - state-funded schools - latest inspections" (CSV) from ${MI_SOURCE_URL}`;

/** True if the record names URN and School name: a header row. */
export function isHeader(rec: readonly string[]): boolean {
  let urn = false, name = false;
  for (const c of rec) {
    const k = collapse(c.replace(/^\uFEFF/, ""));
    if (k === "urn") urn = true;
    else if (k === "school name") name = true;
  }
  return urn && name;
}

/**
 * A short message for a header that is one of Ofsted's other MI layouts, or undefined if it is not
 * recognised as one. Three to four lines: what the file is, which file to download, where.
 */
export function olderLayoutMessage(header: readonly string[]): string | undefined {
  const has = new Set(header.map(collapse));
  const anyOf = (...names: string[]) => names.some((n) => has.has(collapse(n)));
  const cardColumns = anyOf("Inclusion", "Safeguarding standards");
  if (anyOf("Inspection number") && !anyOf("Inspection number of latest full inspection")) {
    return [
      `this is the "all inspections - year to date" file (one row per inspection this year${cardColumns ? "" : ", from before report cards"}), not the latest inspection of every school.`,
      DOWNLOAD.replace("Download", "The site needs every school's latest inspection: download"),
    ].join("\n");
  }
  if (!cardColumns && anyOf("Overall effectiveness", "Latest OEIF overall effectiveness", "Quality of education")) {
    return [
      `this is a "latest inspections" file from before report cards (before November 2025: single-word grades, no report-card columns such as "Inclusion").`,
      DOWNLOAD.replace("Download", "The site reads the layout used since November 2025: download the newest"),
    ].join("\n");
  }
  if (anyOf("Provider type", "Provider group", "Provider name") && !anyOf("School name")) {
    return [`this looks like Ofsted's further education and skills file, not state-funded schools.`, DOWNLOAD].join("\n");
  }
  return undefined;
}

export interface ColumnMap {
  readonly index: ReadonlyMap<MiColumn, number>;
  readonly warnings: string[];
}

/** Maps every required column by exact name, then ignoring spacing and case (with a warning); throws naming what is missing. */
export function mapColumns(header: readonly string[], file: string, headerLine: number): ColumnMap {
  const exact = new Map<string, number>();
  const loose = new Map<string, number>();
  header.forEach((h, i) => {
    if (!exact.has(h)) exact.set(h, i);
    const k = collapse(h);
    if (!loose.has(k)) loose.set(k, i);
  });
  const index = new Map<MiColumn, number>();
  const warnings: string[] = [];
  const missing: string[] = [];
  for (const col of MI_REQUIRED_COLUMNS) {
    const e = exact.get(col);
    if (e !== undefined) {
      index.set(col, e);
      continue;
    }
    const l = loose.get(collapse(col));
    if (l !== undefined) {
      index.set(col, l);
      warnings.push(`column ${JSON.stringify(col)} matched header ${JSON.stringify(header[l])} (spacing or case differs)`);
      continue;
    }
    missing.push(col);
  }
  if (missing.length) {
    const older = olderLayoutMessage(header);
    if (older) throw new MiFileError(file, older);
    const shown = missing.slice(0, 5).map((c) => `"${c}"`).join(", ");
    throw new MiFileError(
      file,
      `missing required column${missing.length > 1 ? "s" : ""} ${shown}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""} in the header on line ${headerLine} (${header.length} columns found).${
        missing.length > 5 ? `\n${DOWNLOAD}` : ""
      }`,
    );
  }
  return { index, warnings };
}
