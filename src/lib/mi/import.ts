/**
 * The import of Ofsted's monthly MI file: parse, check, aggregate, compare with the previous
 * import, and write the mi-* datasets, data/imported/schools.csv, data/release.json and
 * data/import-report.md. scripts/data-import.ts is the command-line wrapper.
 */
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { readCsv, writeCsv, type TableSchema } from "../csv.ts";
import { miOverview } from "../datasets/mi-overview.ts";
import { miReportCardGrades } from "../datasets/mi-report-card-grades.ts";
import { miSafeguarding } from "../datasets/mi-safeguarding.ts";
import { miEifGrades } from "../datasets/mi-eif-grades.ts";
import { miOldVsNew } from "../datasets/mi-old-vs-new.ts";
import { MI_SCHOOLS_FILE } from "../datasets/mi-schools.ts";
import { MI_SOURCE_URL } from "../datasets/mi-common.ts";
import type { DatasetMeta } from "../datasets/types.ts";
import type { ImportRelease } from "../release.ts";
import { aggregate, schoolsCsvChunks, toCsvRecord, type MiAggregates } from "./aggregate.ts";
import { fileDateFromName, parseMiFile, type MiParseResult } from "./parse.ts";

/** The datasets an import writes, in the order the report lists them. */
export const MI_DATASETS = [miOverview, miReportCardGrades, miSafeguarding, miEifGrades, miOldVsNew] as const satisfies readonly DatasetMeta<any>[];

export interface DatasetDiff {
  readonly id: string;
  readonly previous: number;
  readonly current: number;
  readonly added: string[];
  readonly removed: string[];
  /** "key: column old -> new" for each changed cell (counts and shares). */
  readonly changed: string[];
}

export interface ImportResult {
  readonly parse: MiParseResult;
  readonly aggregates: MiAggregates;
  readonly release: ImportRelease;
  readonly diffs: DatasetDiff[];
  readonly previousRelease: ImportRelease | undefined;
  readonly report: string;
  /** False when --strict and some rows were rejected: nothing was written. */
  readonly written: boolean;
  /** Milliseconds per step: read and check the rows, aggregate (and compare), write the files. */
  readonly timings: { readonly parse: number; readonly aggregate: number; readonly write: number };
}

export interface ImportOptions {
  /** Where the datasets go (the site's data/ folder). */
  readonly outDir: string;
  readonly strict?: boolean;
  /** Clock for the import time (tests fix it). */
  readonly now?: Date;
}

import { longDate } from "../format.ts";

function columnsOf(schema: TableSchema<any>): string[] {
  return Object.keys(schema.columns);
}

const IGNORED_IN_DIFF = new Set(["as_at", "source_title", "source_url"]);

function diffDataset(meta: DatasetMeta<any>, previousText: string | undefined, current: Record<string, unknown>[]): DatasetDiff {
  const key = (r: Record<string, unknown>) => (meta.schema.key ?? []).map((k) => String(r[k] ?? "")).join(" | ");
  const now = new Map(current.map((r) => [key(r), r]));
  if (previousText === undefined) return { id: meta.id, previous: 0, current: current.length, added: [...now.keys()], removed: [], changed: [] };
  let prevRows: Record<string, string>[] = [];
  try {
    const t = readCsv(previousText, meta.file);
    prevRows = t.records.map((rec) => Object.fromEntries(t.header.map((h, i) => [h, rec[i] ?? ""])));
  } catch {
    prevRows = [];
  }
  const before = new Map(prevRows.map((r) => [key(r), r]));
  const added = [...now.keys()].filter((k) => !before.has(k));
  const removed = [...before.keys()].filter((k) => !now.has(k));
  const changed: string[] = [];
  for (const [k, r] of now) {
    const p = before.get(k);
    if (!p) continue;
    for (const c of Object.keys(r)) {
      if (IGNORED_IN_DIFF.has(c)) continue;
      const a = p[c] ?? "", b = r[c] === null || r[c] === undefined ? "" : String(r[c]);
      if (a !== b) changed.push(`${k}: ${c} ${a === "" ? "(blank)" : a} -> ${b === "" ? "(blank)" : b}`);
    }
  }
  return { id: meta.id, previous: prevRows.length, current: current.length, added, removed, changed };
}

function readPreviousRelease(outDir: string): ImportRelease | undefined {
  const p = join(outDir, "release.json");
  if (!existsSync(p)) return undefined;
  try {
    const r = JSON.parse(readFileSync(p, "utf8"));
    return r && r.kind === "import" ? (r as ImportRelease) : undefined;
  } catch {
    return undefined;
  }
}

/** Writes via a temporary file and a rename, so a crash never leaves half a dataset. */
function writeAtomic(path: string, text: string | Iterable<string>) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp-${process.pid}`;
  if (typeof text === "string") writeFileSync(tmp, text, "utf8");
  else {
    const fd = openSync(tmp, "w");
    try {
      for (const piece of text) writeSync(fd, piece, null, "utf8");
    } finally {
      closeSync(fd);
    }
  }
  renameSync(tmp, path);
}

export function runImport(bytes: Uint8Array, filePath: string, opts: ImportOptions): ImportResult {
  const now = opts.now ?? new Date();
  const fileName = basename(filePath);
  const t0 = performance.now();
  const parse = parseMiFile(bytes, fileName);
  const t1 = performance.now();
  const fileDate = fileDateFromName(fileName) ?? null;
  const importedAt = now.toISOString();
  const asAt = fileDate ?? importedAt.slice(0, 10);
  const src = {
    as_at: asAt,
    source_title: `Ofsted, Monthly management information: state-funded schools, latest inspections${fileDate ? ` as at ${longDate(fileDate)}` : ""} (file ${fileName}${fileDate ? "" : `, imported ${importedAt.slice(0, 10)}`})`,
    source_url: MI_SOURCE_URL,
  };
  const aggregates = aggregate(parse.schools, src);
  const previousRelease = readPreviousRelease(opts.outDir);
  const records = Object.fromEntries(MI_DATASETS.map((m) => [m.id, (aggregates[m.id as keyof MiAggregates] as object[]).map(toCsvRecord)])) as Record<string, Record<string, unknown>[]>;
  const diffs = MI_DATASETS.map((m) => {
    const p = join(opts.outDir, m.file);
    return diffDataset(m, existsSync(p) ? readFileSync(p, "utf8") : undefined, records[m.id]!);
  });
  const release: ImportRelease = {
    kind: "import",
    file: fileName,
    file_date: fileDate,
    imported_at: importedAt,
    encoding: parse.encoding,
    rows_read: parse.rowsRead,
    rows_imported: parse.schools.length,
    rows_rejected: parse.rejects.length,
    datasets: MI_DATASETS.map((m) => m.id),
  };
  const failed = !!opts.strict && parse.rejects.length > 0;
  const report = renderReport(parse, release, diffs, previousRelease, failed);
  const t2 = performance.now();
  if (!failed) {
    for (const m of MI_DATASETS) writeAtomic(join(opts.outDir, m.file), writeCsv(records[m.id]!, columnsOf(m.schema)));
    writeAtomic(join(opts.outDir, MI_SCHOOLS_FILE), schoolsCsvChunks(parse.schools));
    writeAtomic(join(opts.outDir, "release.json"), JSON.stringify(release, null, 2) + "\n");
    writeAtomic(join(opts.outDir, "import-report.md"), report);
  }
  const timings = { parse: t1 - t0, aggregate: t2 - t1, write: performance.now() - t2 };
  return { parse, aggregates, release, diffs, previousRelease, report, written: !failed, timings };
}

export function renderReport(parse: MiParseResult, release: ImportRelease, diffs: readonly DatasetDiff[], previous: ImportRelease | undefined, failed: boolean): string {
  const L: string[] = [];
  L.push(`# Import report: ${release.file}`, "");
  L.push(`- File date: ${release.file_date ? longDate(release.file_date) : "not found in the file name"}`);
  L.push(`- Imported at: ${release.imported_at}`);
  L.push(`- Encoding: ${parse.encoding}; header on line ${parse.headerLine}${parse.titleRows.length ? ` (${parse.titleRows.length} title row(s) above it skipped)` : ""}`);
  L.push(`- Rows read: ${release.rows_read}`);
  L.push(`- Rows imported: ${release.rows_imported}`);
  L.push(`- Rows rejected: ${release.rows_rejected}`);
  L.push(`- Check: rows read = imported + rejected: ${release.rows_read === release.rows_imported + release.rows_rejected ? "yes" : "NO"}`);
  if (failed) L.push("", `**--strict: ${release.rows_rejected} row(s) rejected, so nothing was written.**`);
  if (parse.warnings.length) L.push("", "## Warnings", "", ...parse.warnings.map((w) => `- ${w}`));
  L.push("", "## Rejected rows", "");
  if (parse.rejects.length === 0) L.push("None.");
  else {
    L.push("| line | URN | reason |", "|---:|---|---|");
    for (const r of parse.rejects) L.push(`| ${r.line} | ${r.urn.replace(/\|/g, "\\|")} | ${r.reasons.join("; ").replace(/\|/g, "\\|")} |`);
  }
  L.push("", "## What changed since the previous import", "");
  L.push(previous ? `Previous import: ${previous.file} (${previous.file_date ? longDate(previous.file_date) : "undated"}), imported ${previous.imported_at}.` : "No previous import in this folder: every row is new.", "");
  L.push("| dataset | rows before | rows now | added | removed | changed cells |", "|---|---:|---:|---:|---:|---:|");
  for (const d of diffs) L.push(`| ${d.id} | ${d.previous} | ${d.current} | ${d.added.length} | ${d.removed.length} | ${d.changed.length} |`);
  for (const d of diffs) {
    if (!previous && d.previous === 0) continue;
    if (d.added.length + d.removed.length + d.changed.length === 0) continue;
    L.push("", `### ${d.id}`, "");
    for (const k of d.added.slice(0, 20)) L.push(`- added: ${k}`);
    for (const k of d.removed.slice(0, 20)) L.push(`- removed: ${k}`);
    for (const c of d.changed.slice(0, 40)) L.push(`- ${c}`);
    const more = Math.max(0, d.added.length - 20) + Math.max(0, d.removed.length - 20) + Math.max(0, d.changed.length - 40);
    if (more) L.push(`- ... and ${more} more`);
  }
  return L.join("\n") + "\n";
}
