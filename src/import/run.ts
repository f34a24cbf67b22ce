/**
 * The import's file I/O: read what the data folder holds, plan the import (src/lib/mi/import.ts,
 * pure), write every output into a staging folder beside it with checked writes, validate the
 * staged files with the schemas the build uses, then swap the staging folder in. On any failure
 * the data folder is left byte-identical and an ImportWriteError says what failed.
 */
import { Buffer } from "node:buffer";
import { closeSync, cpSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import Papa from "papaparse";
import { isInvalid, parseTable, type Column, type TableSchema } from "../lib/csv.ts";
import { miSchoolsSchema, MI_SCHOOLS_FILE } from "../lib/datasets/mi-schools.ts";
import { readRelease, type ImportRelease } from "../lib/release.ts";
import { MI_DATASETS, planImport, type PlannedImport } from "../lib/mi/import.ts";

export { MI_DATASETS } from "../lib/mi/import.ts";

/** Writing or checking the staged files failed; the data folder was not changed. */
export class ImportWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportWriteError";
  }
}

export interface ImportOptions {
  /** Where the datasets go (the site's data/ folder). */
  readonly outDir: string;
  readonly strict?: boolean;
  /** Replace the current import even with no schools, or under half as many. */
  readonly force?: boolean;
  /** Clock for the import time (tests fix it). */
  readonly now?: Date;
}

export interface ImportResult extends PlannedImport {
  readonly previousRelease: ImportRelease | undefined;
  /** False when refused (--strict with rejects, or a refusal to shrink the data): nothing was written. */
  readonly written: boolean;
  readonly timings: { readonly parse: number; readonly aggregate: number; readonly write: number };
}

/** The current import in a data folder: its release and mi-* dataset texts. */
export function readPrevious(outDir: string): { release: ImportRelease | undefined; datasets: Map<string, string> } {
  let release: ImportRelease | undefined;
  try {
    const r = readRelease(outDir);
    release = r.kind === "import" ? r : undefined;
  } catch {
    release = undefined;
  }
  const datasets = new Map<string, string>();
  for (const m of MI_DATASETS) {
    const p = join(outDir, m.file);
    if (existsSync(p)) datasets.set(m.id, readFileSync(p, "utf8"));
  }
  return { release, datasets };
}

/** Writes text (or pieces of text), checking every write's byte count and the size on disk. */
export function writeChecked(path: string, content: string | (() => Iterable<string>)): number {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, "wx");
  let total = 0;
  try {
    for (const piece of typeof content === "string" ? [content] : content()) {
      const buf = Buffer.from(piece, "utf8");
      for (let off = 0; off < buf.length; ) {
        const n = writeSync(fd, buf, off, buf.length - off);
        if (!(n > 0)) throw new Error(`short write (${n} of ${buf.length - off} bytes)`);
        off += n;
      }
      total += buf.length;
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  const size = statSync(path).size;
  if (size !== total) throw new Error(`${size} bytes on disk, ${total} written`);
  return total;
}

/**
 * Checks a large CSV with a schema's own column parsers and key, record by record (papaparse's step
 * mode), so the school extract is never held as 40 x 220,000 cells at once. Returns the row count.
 */
export function validateStreaming(text: string, file: string, schema: TableSchema<unknown>): number {
  const names = Object.keys(schema.columns) as string[];
  const cols = schema.columns as unknown as Record<string, Column<unknown>>;
  let index: number[] | undefined;
  let width = 0;
  const verdicts = names.map(() => new Map<string, boolean>());
  const seen = new Set<string>();
  const problems: string[] = [];
  let rows = 0;
  let record = 0;
  Papa.parse<string[]>(text, {
    delimiter: ",",
    newline: text.includes("\r\n") ? "\r\n" : "\n",
    skipEmptyLines: true,
    step: (res, parser) => {
      record++;
      if (res.errors.length) problems.push(`record ${record}: ${res.errors[0]!.message}`);
      const rec = res.data;
      if (!index) {
        index = names.map((n) => rec.indexOf(n));
        width = rec.length;
        const missing = names.filter((_, i) => index![i]! < 0);
        if (missing.length) problems.push(`missing columns ${missing.join(", ")}`);
      } else {
        rows++;
        if (rec.length !== width) problems.push(`record ${record}: ${rec.length} fields, the header has ${width}`);
        for (let i = 0; i < names.length; i++) {
          const raw = rec[index![i]!] ?? "";
          // The column parsers are pure and the extract repeats a few values per column: ask each once.
          const known = verdicts[i]!;
          let ok = known.get(raw);
          if (ok === undefined) {
            ok = !isInvalid(cols[names[i]!]!.parse(raw));
            if (known.size < 50_000) known.set(raw, ok);
          }
          if (!ok) problems.push(`record ${record}, column "${names[i]}": found ${JSON.stringify(raw)}, expected ${cols[names[i]!]!.expected}`);
        }
        const key = (schema.key ?? []).map((k) => rec[index![names.indexOf(k)]!] ?? "").join(" | ");
        if (schema.key && seen.has(key)) problems.push(`record ${record}: key ${key} used twice`);
        seen.add(key);
      }
      if (problems.length >= 20) parser.abort();
    },
  });
  if (problems.length) throw new Error(`${file} fails its schema: ${problems.slice(0, 5).join("; ")}`);
  return rows;
}

/** Checks the staged files with the build's own schemas; throws naming the file and problem. */
function validateStaged(stage: string, plan: PlannedImport) {
  for (const m of MI_DATASETS) parseTable(readFileSync(join(stage, m.file), "utf8"), m.file, m.schema as TableSchema<unknown>);
  const schools = validateStreaming(readFileSync(join(stage, MI_SCHOOLS_FILE), "utf8"), MI_SCHOOLS_FILE, miSchoolsSchema as TableSchema<unknown>);
  if (schools !== plan.release.rows_imported) throw new Error(`${MI_SCHOOLS_FILE} holds ${schools} schools, expected ${plan.release.rows_imported}`);
  const release = readRelease(stage);
  if (release.kind !== "import" || release.rows_imported !== plan.release.rows_imported) throw new Error("release.json does not match the import");
}

/** Removes staging folders left by an import that was killed (their process is gone). */
function removeStale(outDir: string) {
  const parent = dirname(outDir);
  const prefix = `${basename(outDir)}.staging-`;
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split("-")[0]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (!alive) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

/** Stages, checks and swaps in the planned files; the data folder is untouched if anything fails. */
export function writeImport(outDir: string, plan: PlannedImport): void {
  removeStale(outDir);
  const stage = `${outDir}.staging-${process.pid}-${Date.now()}`;
  const old = `${outDir}.previous-${process.pid}-${Date.now()}`;
  try {
    if (existsSync(outDir)) {
      cpSync(outDir, stage, { recursive: true, filter: (src) => !plan.files.has(src.slice(outDir.length + 1).split("\\").join("/")) });
    } else mkdirSync(stage, { recursive: true });
    for (const [rel, content] of plan.files) {
      try {
        writeChecked(join(stage, rel), content);
      } catch (e) {
        throw new Error(`writing ${rel}: ${(e as NodeJS.ErrnoException).code ?? ""} ${(e as Error).message}`.trim());
      }
    }
    validateStaged(stage, plan);
  } catch (e) {
    rmSync(stage, { recursive: true, force: true });
    throw new ImportWriteError(`${(e as Error).message}. The data folder ${outDir} was not changed.`);
  }
  const had = existsSync(outDir);
  try {
    if (had) renameSync(outDir, old);
    try {
      renameSync(stage, outDir);
    } catch (e) {
      if (had) renameSync(old, outDir);
      throw e;
    }
  } catch (e) {
    rmSync(stage, { recursive: true, force: true });
    throw new ImportWriteError(`swapping in the new data failed (${(e as Error).message}). The data folder ${outDir} was not changed.`);
  }
  if (had) rmSync(old, { recursive: true, force: true });
}

export function runImport(bytes: Uint8Array, filePath: string, opts: ImportOptions): ImportResult {
  const previous = readPrevious(opts.outDir);
  const plan = planImport(bytes, basename(filePath), previous, { strict: opts.strict, force: opts.force, now: opts.now });
  const t0 = performance.now();
  if (!plan.refusal) writeImport(opts.outDir, plan);
  return { ...plan, previousRelease: previous.release, written: !plan.refusal, timings: { ...plan.timings, write: performance.now() - t0 } };
}
