/**
 * The import of Ofsted's monthly MI file, as a pure step: parse, check the whole file against the
 * current import, aggregate, compare, and produce every output file's text and the report. Writing
 * them (staging, checks, swap) is src/import/run.ts; the command is scripts/data-import.ts.
 */
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
import { longDate } from "../format.ts";
import { aggregate, schoolsCsvChunks, toCsvRecord, type MiAggregates } from "./aggregate.ts";
import { fileDateFromName, parseMiFile, type MiParseResult } from "./parse.ts";
import { renderReport, type DatasetDiff } from "./report.ts";

export type { DatasetDiff } from "./report.ts";

/** The datasets an import writes, in the order the report lists them. */
export const MI_DATASETS = [miOverview, miReportCardGrades, miSafeguarding, miEifGrades, miOldVsNew] as const satisfies readonly DatasetMeta<any>[];

/** What the data folder holds now (read by the caller). */
export interface PreviousState {
  readonly release: ImportRelease | undefined;
  /** Text of each mi-* dataset file present, by dataset id. */
  readonly datasets: ReadonlyMap<string, string>;
}

/** Why the import will not replace the current data without --force; undefined if it may. */
export function shrinkRefusal(schools: number, rowsRead: number, previous: ImportRelease | undefined): string | undefined {
  if (schools === 0) {
    return `the file has no schools to import (${rowsRead === 0 ? "no data rows after the header" : `all ${rowsRead} rows rejected`}), so the current data was kept. If that is really wanted, run again with --force.`;
  }
  if (previous && schools < previous.rows_imported / 2) {
    return `the file has ${schools} schools, under half of the ${previous.rows_imported} in the current import (${previous.file}), so the current data was kept. A partial download or the wrong file? If it is right, run again with --force.`;
  }
  return undefined;
}

export interface PlannedImport {
  readonly parse: MiParseResult;
  readonly aggregates: MiAggregates;
  readonly release: ImportRelease;
  readonly diffs: DatasetDiff[];
  readonly report: string;
  /** Output files by path relative to the data folder: text, or pieces of text (the school extract). */
  readonly files: ReadonlyMap<string, string | (() => Iterable<string>)>;
  /** Set when the import must not be written: --strict with rejects, or a refusal (see shrinkRefusal). */
  readonly refusal: { readonly kind: "strict" | "shrink"; readonly message: string } | undefined;
  readonly timings: { readonly parse: number; readonly aggregate: number };
}

export interface PlanOptions {
  readonly strict?: boolean;
  readonly force?: boolean;
  readonly now?: Date;
}

const IGNORED_IN_DIFF = new Set(["as_at", "source_title", "source_url"]);

function diffDataset(meta: DatasetMeta<any>, previousText: string | undefined, current: Record<string, unknown>[]): DatasetDiff {
  const key = (r: Record<string, unknown>) => (meta.schema.key ?? []).map((k) => String(r[k] ?? "")).join(" | ");
  const now = new Map(current.map((r) => [key(r), r]));
  if (previousText === undefined) return { id: meta.id, previous: 0, current: current.length, added: [...now.keys()], removed: [], changed: [] };
  let prevRows: Map<string, string>[] = [];
  try {
    const t = readCsv(previousText, meta.file);
    prevRows = t.records.map((rec) => new Map(t.header.map((h, i) => [h, rec[i] ?? ""])));
  } catch {
    prevRows = [];
  }
  const before = new Map(prevRows.map((r) => [(meta.schema.key ?? []).map((k) => r.get(k) ?? "").join(" | "), r]));
  const added = [...now.keys()].filter((k) => !before.has(k));
  const removed = [...before.keys()].filter((k) => !now.has(k));
  const changed: string[] = [];
  for (const [k, r] of now) {
    const p = before.get(k);
    if (!p) continue;
    for (const c of Object.keys(r)) {
      if (IGNORED_IN_DIFF.has(c)) continue;
      const a = p.get(c) ?? "", b = r[c] === null || r[c] === undefined ? "" : String(r[c]);
      if (a !== b) changed.push(`${k}: ${c} ${a === "" ? "(blank)" : a} -> ${b === "" ? "(blank)" : b}`);
    }
  }
  return { id: meta.id, previous: prevRows.length, current: current.length, added, removed, changed };
}

const columnsOf = (schema: TableSchema<any>) => Object.keys(schema.columns);

export function planImport(bytes: Uint8Array, fileName: string, previous: PreviousState, opts: PlanOptions = {}): PlannedImport {
  const now = opts.now ?? new Date();
  const t0 = performance.now();
  const parse = parseMiFile(bytes, fileName);
  const t1 = performance.now();
  const fileDate = fileDateFromName(fileName) ?? null;
  const importedAt = now.toISOString();
  const src = {
    as_at: fileDate ?? importedAt.slice(0, 10),
    source_title: `Ofsted, Monthly management information: state-funded schools, latest inspections${fileDate ? ` as at ${longDate(fileDate)}` : ""} (file ${fileName}${fileDate ? "" : `, imported ${importedAt.slice(0, 10)}`})`,
    source_url: MI_SOURCE_URL,
  };
  const aggregates = aggregate(parse.schools, src);
  const records = new Map(MI_DATASETS.map((m) => [m.id, (aggregates[m.id as keyof MiAggregates] as object[]).map(toCsvRecord)] as const));
  const diffs = MI_DATASETS.map((m) => diffDataset(m, previous.datasets.get(m.id), records.get(m.id)!));
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
  const shrink = opts.force ? undefined : shrinkRefusal(parse.schools.length, parse.rowsRead, previous.release);
  const refusal = opts.strict && parse.rejects.length > 0
    ? { kind: "strict" as const, message: `--strict: ${parse.rejects.length} row(s) rejected, so nothing was written` }
    : shrink ? { kind: "shrink" as const, message: shrink } : undefined;
  const report = renderReport(parse, release, diffs, previous.release, refusal?.message);
  const files = new Map<string, string | (() => Iterable<string>)>();
  for (const m of MI_DATASETS) files.set(m.file, writeCsv(records.get(m.id)!, columnsOf(m.schema)));
  files.set(MI_SCHOOLS_FILE, () => schoolsCsvChunks(parse.schools));
  files.set("release.json", JSON.stringify(release, null, 2) + "\n");
  files.set("import-report.md", report);
  return { parse, aggregates, release, diffs, report, files, refusal, timings: { parse: t1 - t0, aggregate: performance.now() - t1 } };
}
