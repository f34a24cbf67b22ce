/**
 * CSV parsing into typed, checked rows. Every problem names the file, the line (1-based, as an
 * editor shows it), the column, the value and what was expected. Nothing is dropped silently:
 * `parseTable` either returns every row or throws a `DataError` listing every problem.
 */
import Papa from "papaparse";

/** One problem in one cell (or one row, when column is empty). */
export interface DataIssue {
  readonly file: string;
  readonly line: number;
  readonly column: string;
  readonly value: string;
  readonly expected: string;
}

export function formatIssue(i: DataIssue): string {
  const where = i.column ? `, column "${i.column}"` : "";
  return `${i.file}:${i.line}${where}: found ${JSON.stringify(i.value)}, expected ${i.expected}`;
}

/** Thrown when a data file cannot be used; its message lists every issue (up to 20). */
export class DataError extends Error {
  readonly issues: readonly DataIssue[];
  constructor(issues: readonly DataIssue[]) {
    const shown = issues.slice(0, 20).map(formatIssue);
    const more = issues.length > 20 ? `\n  ... and ${issues.length - 20} more` : "";
    super(`Invalid data (${issues.length} problem${issues.length === 1 ? "" : "s"}):\n  ${shown.join("\n  ")}${more}`);
    this.name = "DataError";
    this.issues = issues;
  }
}

/** A cell parser: returns the typed value or `{ invalid: true }`. */
export type CellParser<T> = (raw: string) => T | Invalid;
export interface Invalid {
  readonly invalid: true;
}
export const INVALID: Invalid = { invalid: true };
export const isInvalid = (v: unknown): v is Invalid =>
  typeof v === "object" && v !== null && (v as Invalid).invalid === true;

export interface Column<T> {
  readonly parse: CellParser<T>;
  /** Shown in error messages: "a whole number from 0 to 100". */
  readonly expected: string;
  /** What the column holds, for the dataset's page. */
  readonly description?: string;
}

export type Columns<R> = { readonly [K in keyof R]: Column<R[K]> };

export interface TableSchema<R> {
  readonly columns: Columns<R>;
  /** Columns whose values together must be unique. */
  readonly key?: readonly (keyof R & string)[];
  /** Checks across a whole row (e.g. shares summing to 100); return issues without file/line. */
  readonly rowChecks?: readonly RowCheck<R>[];
}

/**
 * A check across one row; returns an issue without file/line, or undefined. An optional
 * `description` says in words what it checks (listed in the dataset page's validation report).
 */
export type RowCheck<R> = ((row: R) => { column: string; value: string; expected: string } | undefined) & { readonly description?: string };

export interface RawTable {
  readonly header: readonly string[];
  readonly records: readonly string[][];
  /** Line on which each record starts (1-based); the header is on headerLine. */
  readonly lines: readonly number[];
  readonly headerLine: number;
}

/** Line numbers on which each CSV record starts, honouring quoted fields that span lines. */
export function recordStartLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let inQuotes = false;
  let atRecordStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (atRecordStart) {
      starts.push(line);
      atRecordStart = false;
    }
    if (c === '"') inQuotes = !inQuotes;
    else if (c === "\n") {
      line++;
      if (!inQuotes) atRecordStart = true;
    }
  }
  return starts;
}

/** Splits CSV text into header and records with papaparse; structural problems become issues. */
export function readCsv(text: string, file: string): RawTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === "") {
    throw new DataError([{ file, line: 1, column: "", value: "", expected: "a CSV file with a header row (the file is empty)" }]);
  }
  // Always comma: auto-detection would pick ";" or "|" when cells contain them.
  const result = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false, delimiter: "," });
  const lines = recordStartLines(body);
  const issues: DataIssue[] = [];
  for (const e of result.errors) {
    const line = lines[e.row ?? 0] ?? 1;
    issues.push({ file, line, column: "", value: e.code, expected: `well-formed CSV (${e.message})` });
  }
  const data = result.data;
  // Drop blank records (e.g. the trailing newline) but keep line numbers aligned.
  const kept: { rec: string[]; line: number }[] = [];
  data.forEach((rec, i) => {
    if (rec.length === 1 && rec[0]!.trim() === "") return;
    kept.push({ rec, line: lines[i] ?? i + 1 });
  });
  if (kept.length === 0) {
    throw new DataError([{ file, line: 1, column: "", value: "", expected: "a CSV file with a header row" }]);
  }
  const [head, ...rest] = kept;
  const header = head!.rec.map((h) => h.trim());
  for (const { rec, line } of rest) {
    if (rec.length !== header.length) {
      issues.push({ file, line, column: "", value: `${rec.length} fields`, expected: `${header.length} fields as in the header` });
    }
  }
  if (issues.length) throw new DataError(issues);
  return { header, records: rest.map((r) => r.rec), lines: rest.map((r) => r.line), headerLine: head!.line };
}

/**
 * Parses CSV text into typed rows with a schema. Throws one DataError naming every bad cell,
 * missing column, duplicate key and failed row check.
 */
export function parseTable<R>(text: string, file: string, schema: TableSchema<R>): R[] {
  const table = readCsv(text, file);
  const names = Object.keys(schema.columns) as (keyof R & string)[];
  const issues: DataIssue[] = [];
  const index = new Map<string, number>();
  table.header.forEach((h, i) => index.set(h, i));
  for (const name of names) {
    if (!index.has(name)) {
      issues.push({ file, line: table.headerLine, column: name, value: "", expected: `a column named "${name}" (header has: ${table.header.join(", ")})` });
    }
  }
  if (issues.length) throw new DataError(issues);

  const rows: R[] = [];
  const seen = new Map<string, number>();
  table.records.forEach((rec, r) => {
    const line = table.lines[r]!;
    const row = {} as Record<string, unknown>;
    let ok = true;
    for (const name of names) {
      const raw = rec[index.get(name)!] ?? "";
      const col = schema.columns[name];
      const value = col.parse(raw);
      if (isInvalid(value)) {
        issues.push({ file, line, column: name, value: raw, expected: col.expected });
        ok = false;
      } else row[name] = value;
    }
    if (!ok) return;
    const typed = row as R;
    for (const check of schema.rowChecks ?? []) {
      const problem = check(typed);
      if (problem) issues.push({ file, line, ...problem });
    }
    if (schema.key) {
      const k = schema.key.map((c) => String(typed[c])).join(" | ");
      const first = seen.get(k);
      if (first !== undefined) {
        issues.push({ file, line, column: schema.key.join("+"), value: k, expected: `a unique key (already used on line ${first})` });
      } else seen.set(k, line);
    }
    rows.push(typed);
  });
  if (issues.length) throw new DataError(issues);
  return rows;
}

/** Writes rows as CSV (header from the first row's keys, or `columns`), RFC 4180 quoting. */
export function writeCsv(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  const cols = columns ?? (rows[0] ? Object.keys(rows[0]) : []);
  return Papa.unparse(
    { fields: [...cols], data: rows.map((r) => cols.map((c) => (r[c] === undefined || r[c] === null ? "" : String(r[c])))) },
    { newline: "\n" },
  ) + "\n";
}

/** A CSV for download: UTF-8 with a byte-order mark so spreadsheet programs read it right. */
export const withBom = (csv: string): string => "\uFEFF" + csv;

/**
 * A cell a spreadsheet would run as a formula (OWASP, CSV injection): it starts with =, +, @, tab
 * or CR, or with - not followed by a plain number ("-3.5" stays a number). papaparse's
 * `escapeFormulae` takes this pattern and puts a ' in front of such cells.
 */
export const FORMULA_START = /^(?:[=+@\t\r]|-(?!\d+(?:\.\d+)?$))/;
/** The cell as a download shows it: a leading ' where it would start a formula. */
export const neutraliseCell = (v: string): string => (FORMULA_START.test(v) ? `'${v}` : v);

/** Rows as a CSV for download: UTF-8 with BOM, every formula-starting cell neutralised. */
export function downloadCsv(rows: readonly Record<string, unknown>[], columns: readonly string[]): string {
  const data = rows.map((r) => columns.map((c) => (r[c] === undefined || r[c] === null ? "" : String(r[c]))));
  return withBom(Papa.unparse({ fields: [...columns], data }, { newline: "\n", escapeFormulae: FORMULA_START }) + "\n");
}

/**
 * A data file's text as a download: UTF-8 with BOM; unchanged when no cell would start a formula,
 * else re-written with those cells neutralised (every other cell the same).
 */
export function downloadCsvText(text: string, file: string): string {
  const body = text.replace(/^\uFEFF/, "");
  const t = readCsv(body, file);
  if (!t.header.some((h) => FORMULA_START.test(h)) && !t.records.some((r) => r.some((c) => FORMULA_START.test(c)))) return withBom(body);
  return withBom(Papa.unparse({ fields: [...t.header], data: t.records.map((r) => [...r]) }, { newline: "\n", escapeFormulae: FORMULA_START }) + "\n");
}
