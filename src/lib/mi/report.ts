/**
 * The import report (printed, and written as data/import-report.md). Every piece of text that comes
 * from the file is escaped: line breaks and other control characters are shown as \n, \r, \uXXXX
 * and table pipes as \|, so a cell cannot forge a line or a table row of the report. Pure.
 */
import type { ImportRelease } from "../release.ts";
import { longDate } from "../format.ts";
import type { MiParseResult } from "./parse.ts";

export interface DatasetDiff {
  readonly id: string;
  readonly previous: number;
  readonly current: number;
  readonly added: string[];
  readonly removed: string[];
  /** "key: column old -> new" for each changed cell (counts and shares). */
  readonly changed: string[];
}

/** Text from the file, safe on one line of Markdown (and in a table cell). */
export function esc(s: string): string {
  return s
    .replace(/\\/g, "\\\\")
    .replace(/\r/g, "\\r")
    .replace(/\n/g, "\\n")
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/\|/g, "\\|");
}

export function renderReport(parse: MiParseResult, release: ImportRelease, diffs: readonly DatasetDiff[], previous: ImportRelease | undefined, refused: string | undefined): string {
  const L: string[] = [];
  L.push(`# Import report: ${esc(release.file)}`, "");
  L.push(`- File date: ${release.file_date ? longDate(release.file_date) : "not found in the file name"}`);
  L.push(`- Imported at: ${release.imported_at}`);
  L.push(`- Encoding: ${parse.encoding}; header on line ${parse.headerLine}${parse.titleRows.length ? ` (${parse.titleRows.length} title row(s) above it skipped)` : ""}`);
  L.push(`- Rows read: ${release.rows_read}`);
  L.push(`- Rows imported: ${release.rows_imported}`);
  L.push(`- Rows rejected: ${release.rows_rejected}`);
  L.push(`- Check: rows read = imported + rejected: ${release.rows_read === release.rows_imported + release.rows_rejected ? "yes" : "NO"}`);
  if (refused) L.push("", `**Not written: ${esc(refused)}**`);
  if (parse.warnings.length) L.push("", "## Warnings", "", ...parse.warnings.map((w) => `- ${esc(w)}`));
  if (parse.rowWarnings.length) {
    L.push("", "## Cells kept with a note or set aside (the school was imported)", "");
    for (const w of parse.rowWarnings) L.push(`- line ${w.line}, URN ${w.urn}, column ${esc(JSON.stringify(w.column))}: ${esc(JSON.stringify(w.value))} ${esc(w.note)}`);
  }
  L.push("", "## Rejected rows", "");
  if (parse.rejects.length === 0) L.push("None.");
  else {
    L.push("| line | URN | reason |", "|---:|---|---|");
    for (const r of parse.rejects) L.push(`| ${r.line} | ${esc(r.urn)} | ${esc(r.reasons.join("; "))} |`);
  }
  L.push("", "## What changed since the previous import", "");
  L.push(previous ? `Previous import: ${esc(previous.file)} (${previous.file_date ? longDate(previous.file_date) : "undated"}), imported ${esc(previous.imported_at)}.` : "No previous import in this folder: every row is new.", "");
  L.push("| dataset | rows before | rows now | added | removed | changed cells |", "|---|---:|---:|---:|---:|---:|");
  for (const d of diffs) L.push(`| ${d.id} | ${d.previous} | ${d.current} | ${d.added.length} | ${d.removed.length} | ${d.changed.length} |`);
  for (const d of diffs) {
    if (!previous && d.previous === 0) continue;
    if (d.added.length + d.removed.length + d.changed.length === 0) continue;
    L.push("", `### ${d.id}`, "");
    for (const k of d.added.slice(0, 20)) L.push(`- added: ${esc(k)}`);
    for (const k of d.removed.slice(0, 20)) L.push(`- removed: ${esc(k)}`);
    for (const c of d.changed.slice(0, 40)) L.push(`- ${esc(c)}`);
    const more = Math.max(0, d.added.length - 20) + Math.max(0, d.removed.length - 20) + Math.max(0, d.changed.length - 40);
    if (more) L.push(`- ... and ${more} more`);
  }
  return L.join("\n") + "\n";
}
