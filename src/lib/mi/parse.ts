/**
 * Reads Ofsted's monthly management-information CSV for state-funded schools (sheet
 * D2_Most_recent_inspections) into typed school records. Pure: bytes in, records out.
 *
 * One decode (encoding.ts), one papaparse pass over the whole text, no record scanner of our own.
 * Records are counted as papaparse yields them and `rowsRead = schools + rejects` is held against
 * that count. Any parse error that can swallow records (an unclosed quote, text after a closing
 * quote) fails the whole file naming the line where it starts. Whole-file problems throw
 * `MiFileError`; row problems follow the column table in rules.ts.
 */
import Papa from "papaparse";
import { decodeMi, notTextReason, type MiEncoding } from "./encoding.ts";
import { isHeader, mapColumns, MiFileError } from "./layout.ts";
import { cachedMiDate, COLUMN_RULES, describeIssue, emptySchool, hasCard, readUrn, type CellIssue, type ColumnRule, type MiReject, type MiRowWarning, type MiSchool } from "./rules.ts";

export { MiFileError } from "./layout.ts";
export { parseMiDate, type AreaGrade, type AreaGrades, type EifGrades, type EifValue, type MiReject, type MiRowWarning, type MiSchool } from "./rules.ts";

export interface MiParseResult {
  readonly file: string;
  readonly encoding: MiEncoding;
  /** Lines above the header (older files carry a title row). */
  readonly titleRows: readonly string[];
  readonly headerLine: number;
  /** Data records after the header as papaparse found them, blank lines excluded. */
  readonly rowsRead: number;
  readonly schools: MiSchool[];
  readonly rejects: MiReject[];
  /** Notes on the whole file that do not stop the import (a title row, a header matched loosely). */
  readonly warnings: string[];
  /** Cells read with a note or set aside, each with line, column and value; the school is kept. */
  readonly rowWarnings: MiRowWarning[];
}

const HEADER_WITHIN = 10;

function htmlReason(text: string): string | undefined {
  const start = text.slice(0, 200).trimStart().toLowerCase();
  return start.startsWith("<!doctype") || start.startsWith("<html") || start.startsWith("<?xml") ? "not a CSV file: it is an HTML or XML page (did the download fail?)" : undefined;
}

/** Counts line breaks (the file's own: "\n" for LF and CRLF files, "\r" for CR-only ones) in text[from, to). */
function countBreaks(text: string, from: number, to: number, br: string): number {
  let n = 0;
  for (let i = text.indexOf(br, from); i >= 0 && i < to; i = text.indexOf(br, i + 1)) n++;
  return n;
}

export function parseMiFile(bytes: Uint8Array, file: string): MiParseResult {
  if (bytes.length === 0) throw new MiFileError(file, "the file is empty (0 bytes); expected Ofsted's monthly management-information CSV");
  const notText = notTextReason(bytes);
  if (notText) throw new MiFileError(file, notText);
  const { text, encoding } = decodeMi(bytes);
  const html = htmlReason(text);
  if (html) throw new MiFileError(file, html);
  if (!/\S/.test(text)) throw new MiFileError(file, "the file is empty (only blank lines); expected Ofsted's monthly management-information CSV");

  const before: { rec: string[]; line: number }[] = [];
  let header: string[] | undefined;
  let headerLine = 1;
  const warnings: string[] = [];
  const rowWarnings: MiRowWarning[] = [];
  const schools: MiSchool[] = [];
  const rejects: MiReject[] = [];
  const seen = new Map<number, number>();
  let rowsRead = 0;
  let fatal: Error | undefined;
  let rules: { rule: ColumnRule; at: number }[] = [];
  let iUrn = -1;
  let width = 0;
  const dt = cachedMiDate();

  const readRow = (rec: string[], line: number) => {
    rowsRead++;
    const urnRaw = (rec[iUrn] ?? "").trim();
    if (rec.length !== width) {
      rejects.push({ line, urn: urnRaw, reasons: [`has ${rec.length} fields; the header has ${width}`] });
      return;
    }
    const issues: CellIssue[] = [];
    const urn = readUrn(urnRaw);
    if (urn === undefined) issues.push({ column: "URN", value: urnRaw, expected: "a URN: a whole number from 1" });
    else {
      const first = seen.get(urn);
      if (first !== undefined) issues.push({ column: "URN", value: urnRaw, expected: `a URN used once (line ${first} has it already)` });
    }
    const d = emptySchool(line, urn ?? 0);
    const notes: MiRowWarning[] = [];
    const ifNoCard: CellIssue[] = [];
    for (const { rule, at } of rules) {
      const raw = rec[at]!.trim();
      const r = rule.read(raw, dt);
      if ("expected" in r) {
        const issue = { column: rule.column, value: raw, expected: r.expected };
        if (rule.use === "shown") issues.push(issue);
        else if (rule.use === "reference-if-card") ifNoCard.push(issue);
        else notes.push({ line, urn: urn ?? 0, column: rule.column, value: raw, note: `set aside: expected ${r.expected}` });
      } else {
        rule.set(d, r.value);
        if (r.note) notes.push({ line, urn: urn ?? 0, column: rule.column, value: raw, note: r.note });
      }
    }
    if (d.name === "") issues.push({ column: "School name", value: "", expected: "the school's name" });
    if (ifNoCard.length) {
      if (hasCard(d)) for (const i of ifNoCard) notes.push({ line, urn: urn ?? 0, column: i.column, value: i.value, note: `set aside (left blank): expected ${i.expected}; the school is kept for its report card` });
      else issues.push(...ifNoCard);
    }
    if (issues.length) {
      rejects.push({ line, urn: urnRaw, reasons: issues.map(describeIssue) });
      return;
    }
    seen.set(d.urn, line);
    schools.push(d);
    rowWarnings.push(...notes);
  };

  const startHeader = (rec: string[], line: number) => {
    header = rec.map((h) => h.replace(/^\uFEFF/, "").trim());
    headerLine = line;
    const map = mapColumns(header, file, line);
    warnings.push(...map.warnings);
    iUrn = map.index.get("URN")!;
    width = header.length;
    rules = COLUMN_RULES.map((rule) => ({ rule, at: map.index.get(rule.column)! }));
    const titles = before.map((b) => b.rec.join(",").trim()).filter(Boolean);
    if (titles.length) warnings.push(`skipped ${titles.length} title row(s) above the header: ${titles.map((t) => JSON.stringify(t.slice(0, 80))).join("; ")}`);
  };

  let pos = 0; // where the current record starts
  let line = 1; // the line it starts on
  let br = "\n";
  let records = 0;
  Papa.parse<string[]>(text, {
    delimiter: ",",
    skipEmptyLines: false,
    step: (res, parser) => {
      if (fatal) return;
      if (records === 0) br = res.meta.linebreak === "\r" ? "\r" : "\n";
      records++;
      const rec = res.data;
      const recLine = line;
      const end = res.meta.cursor;
      line += countBreaks(text, pos, end, br);
      pos = end;
      if (res.errors.length) {
        const e = res.errors[0]!;
        const at = typeof e.index === "number" ? 1 + countBreaks(text, 0, e.index, br) : recLine;
        const what = e.code === "MissingQuotes"
          ? `a quoted cell on line ${at} never closes (an unmatched ")`
          : `a quoted cell on line ${at} does not end where a cell should (an unmatched ", or text after a closing quote)`;
        fatal = new MiFileError(file, `${what}, so the records after it cannot be told apart. Nothing was imported. Fix that quote, or download the file again.`);
        parser.abort();
        return;
      }
      const blank = rec.length === 1 && rec[0]!.trim() === "";
      if (header === undefined) {
        if (blank) return;
        if (isHeader(rec)) {
          try {
            startHeader(rec, recLine);
          } catch (err) {
            fatal = err as Error;
            parser.abort();
          }
          return;
        }
        before.push({ rec, line: recLine });
        if (before.length >= HEADER_WITHIN) parser.abort();
        return;
      }
      if (!blank) readRow(rec, recLine);
    },
  });
  if (fatal) throw fatal;
  if (header === undefined) {
    const widest = before.reduce<string[]>((a, r) => (r.rec.length > a.length ? r.rec : a), []);
    if (widest.length < 2) throw new MiFileError(file, `not a CSV file: no comma-separated header row in the first ${HEADER_WITHIN} lines (expected a header with URN, School name, ...)`);
    const shown = widest.slice(0, 6).map((c) => JSON.stringify(c)).join(", ");
    throw new MiFileError(file, `missing required column "URN" (no header row naming "URN" and "School name" in the first ${HEADER_WITHIN} lines; the widest of them has: ${shown}${widest.length > 6 ? ", ..." : ""})`);
  }
  if (schools.length + rejects.length !== rowsRead) {
    throw new MiFileError(file, `internal check failed: ${rowsRead} records read but ${schools.length} schools + ${rejects.length} rejected. Nothing was imported.`);
  }
  return {
    file,
    encoding,
    titleRows: before.map((b) => b.rec.join(",").trim()).filter(Boolean),
    headerLine,
    rowsRead,
    schools,
    rejects,
    warnings,
    rowWarnings,
  };
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
/** "..._as_at_30_Apr_2026.csv" -> "2026-04-30" (the last date in the name; short or long month, "Sept"); undefined if none. */
export function fileDateFromName(name: string): string | undefined {
  const re = /(\d{1,2})[_\s.-]+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[_\s.-]+(\d{4})/gi;
  let found: string | undefined;
  for (const m of name.matchAll(re)) {
    const d = +m[1]!, mo = MONTHS.indexOf(m[2]!.toLowerCase()) + 1, y = +m[3]!;
    const iso = `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    const dt = new Date(iso + "T00:00:00Z");
    if (!Number.isNaN(dt.getTime()) && dt.toISOString().slice(0, 10) === iso) found = iso;
  }
  return found;
}
