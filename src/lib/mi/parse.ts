/**
 * Reads Ofsted's monthly management-information CSV for state-funded schools (sheet
 * D2_Most_recent_inspections) into typed school records. Pure: bytes in, records out.
 *
 * Whole-file problems (empty, not a CSV, a required column missing) throw `MiFileError` naming the
 * file and the column. Row problems never throw and never drop a row silently: each bad row becomes
 * a `MiReject` with its line number and every reason, so rows read = schools + rejects.
 */
import Papa from "papaparse";
import { SCHOOL_AREAS, SAFEGUARDING_MI_COLUMN, type AreaKey } from "../areas.ts";
import {
  parseOldGrade,
  parseReportCardGrade,
  parseSafeguarding,
  REPORT_CARD_GRADES,
  REPORT_CARD_LABELS,
  type OldGradeKey,
  type ReportCardGradeKey,
  type SafeguardingKey,
} from "../grades.ts";
import { AREA_DATE_COLUMN, EIF_JUDGEMENTS, EIF_SAFEGUARDING_COLUMN, MI_REQUIRED_COLUMNS, type EifJudgementKey, type MiColumn } from "./columns.ts";
import { decodeMiLazy, fixC1, type MiEncoding } from "./encoding.ts";

/** A whole-file problem: the import stops and exits non-zero. */
export class MiFileError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = "MiFileError";
    this.file = file;
  }
}

/** An EIF judgement as the MI records it: a grade, "Not judged" (Sept 2024 - Nov 2025), 9 = not applicable. */
export type EifValue = OldGradeKey | "not-judged" | "not-applicable";

export interface AreaGrade {
  readonly grade: ReportCardGradeKey;
  readonly date: string | null;
}

/** A school's report-card grades: every area key is present, undefined where the card has no grade. */
export type AreaGrades = { readonly [K in AreaKey]: AreaGrade | undefined };
/** A school's EIF judgements: every key present, undefined where the MI has NULL. */
export type EifGrades = { readonly [K in EifJudgementKey]: EifValue | undefined };

export interface MiSchool {
  readonly line: number;
  readonly urn: number;
  readonly name: string;
  readonly phase: string;
  readonly type: string;
  readonly localAuthority: string;
  readonly region: string;
  /** "Parliamentary constituency" ("" when the file has none): the area pages group by it. */
  readonly constituency: string;
  readonly postcode: string;
  readonly webLink: string;
  readonly inspectionStart: string | null;
  readonly publication: string | null;
  readonly safeguarding: SafeguardingKey | null;
  readonly safeguardingDate: string | null;
  readonly areas: AreaGrades;
  readonly eifInspectionStart: string | null;
  readonly eifPublication: string | null;
  readonly eif: EifGrades;
  readonly eifSafeguarding: SafeguardingKey | "not-applicable" | null;
  readonly ungradedDate: string | null;
  readonly ungradedOutcome: string;
  readonly categoryOfConcern: string;
}

export interface MiReject {
  readonly line: number;
  readonly urn: string;
  readonly reasons: readonly string[];
}

export interface MiParseResult {
  readonly file: string;
  readonly encoding: MiEncoding;
  /** Lines above the header (older files carry a title row). */
  readonly titleRows: readonly string[];
  readonly headerLine: number;
  /** Data records after the header, blank lines excluded. */
  readonly rowsRead: number;
  readonly schools: MiSchool[];
  readonly rejects: MiReject[];
  /** Notes that do not stop the import (e.g. a column matched despite different spacing). */
  readonly warnings: string[];
}

/** `NULL` (as Ofsted writes it) or blank. */
const isMissing = (v: string) => v === "" || v === "NULL" || v === "null";

/** dd/mm/yyyy (day and month may lack a leading zero) -> yyyy-mm-dd, or undefined if not a real date. */
export function parseMiDate(raw: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  if (!m) return undefined;
  const d = +m[1]!,
    mo = +m[2]!,
    y = +m[3]!;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return undefined;
  return `${m[3]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** EIF cell: 1-4 (or the grade word), 9 = not applicable, "Not judged"; undefined if none of these. */
export function parseEifValue(raw: string): EifValue | undefined {
  const v = raw.trim();
  if (v === "9") return "not-applicable";
  if (v.toLowerCase() === "not judged") return "not-judged";
  return parseOldGrade(v);
}

/** Wraps a parse function with a cache: the file repeats a handful of distinct values 22,000 times. */
function memo<T>(fn: (v: string) => T): (v: string) => T {
  const cache = new Map<string, { r: T }>();
  return (v) => {
    const hit = cache.get(v);
    if (hit !== undefined) return hit.r;
    const r = fn(v);
    if (cache.size < 5000) cache.set(v, { r });
    return r;
  };
}

/** Tries the values exactly as Ofsted writes them (a few string comparisons) before the general parser. */
function exactFirst<T>(exact: readonly (readonly [string, T])[], general: (v: string) => T | undefined): (v: string) => T | undefined {
  return (v) => {
    for (const [word, r] of exact) if (v === word) return r;
    return general(v);
  };
}
const EIF_CODES = [["1", "outstanding"], ["2", "good"], ["3", "requires-improvement"], ["4", "inadequate"], ["9", "not-applicable"], ["Not judged", "not-judged"]] as const satisfies readonly (readonly [string, EifValue])[];

/**
 * parseMiDate with a cache keyed by the date as a number (yyyymmdd, read from the digits), so the
 * 300,000 date cells of a full file cost a few character reads each, and each distinct date is one
 * shared string. Anything not shaped d/m/yyyy goes to parseMiDate itself.
 */
export function fastMiDate(): (v: string) => string | undefined {
  const cache = new Map<number, string | undefined>();
  const digit = (v: string, i: number) => {
    const c = v.charCodeAt(i) - 48;
    return c >= 0 && c <= 9 ? c : NaN;
  };
  return (v) => {
    if (v.length !== 10 || v.charCodeAt(2) !== 47 || v.charCodeAt(5) !== 47) return parseMiDate(v);
    const key = (digit(v, 6) * 1000 + digit(v, 7) * 100 + digit(v, 8) * 10 + digit(v, 9)) * 10000 + (digit(v, 3) * 10 + digit(v, 4)) * 100 + digit(v, 0) * 10 + digit(v, 1);
    if (Number.isNaN(key)) return parseMiDate(v);
    if (cache.has(key)) return cache.get(key);
    const r = parseMiDate(v);
    cache.set(key, r);
    return r;
  };
}

/** Start line (1-based) of every CSV record, honouring quoted fields that span lines. */
function recordStarts(text: string): { lines: number[]; offsets: number[] } {
  // Jumps from newline to newline with indexOf (native), counting quotes only on the way.
  const lines: number[] = [1];
  const offsets: number[] = [0];
  let line = 1;
  let inQuotes = false;
  let pos = 0;
  const n = text.length;
  for (;;) {
    const nl = text.indexOf("\n", pos);
    const end = nl < 0 ? n : nl;
    let q = text.indexOf('"', pos);
    while (q >= 0 && q < end) {
      inQuotes = !inQuotes;
      q = text.indexOf('"', q + 1);
    }
    if (nl < 0) break;
    line++;
    if (!inQuotes && nl + 1 < n) {
      lines.push(line);
      offsets.push(nl + 1);
    }
    pos = nl + 1;
  }
  return { lines, offsets };
}

/** A school read from Latin-1 text whose record held bytes 0x80-0x9F: its text cells mapped to Windows-1252. */
const fixSchoolText = (s: MiSchool): MiSchool => ({
  ...s,
  name: fixC1(s.name),
  phase: fixC1(s.phase),
  type: fixC1(s.type),
  localAuthority: fixC1(s.localAuthority),
  region: fixC1(s.region),
  constituency: fixC1(s.constituency),
  postcode: fixC1(s.postcode),
  webLink: fixC1(s.webLink),
  ungradedOutcome: fixC1(s.ungradedOutcome),
  categoryOfConcern: fixC1(s.categoryOfConcern),
});

const collapse = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

function notCsvReason(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return "not a CSV file: it is a ZIP archive, probably an .xlsx or .ods spreadsheet. Open it and save sheet D2_Most_recent_inspections as CSV";
  }
  const head = bytes.subarray(0, 4096);
  if (head.includes(0)) return "not a CSV file: it contains binary data (NUL bytes)";
  const start = new TextDecoder("latin1").decode(head.subarray(0, 200)).trimStart().toLowerCase();
  if (start.startsWith("<!doctype") || start.startsWith("<html") || start.startsWith("<?xml")) {
    return "not a CSV file: it is an HTML or XML page (did the download fail?)";
  }
  return undefined;
}

export function parseMiFile(bytes: Uint8Array, file: string): MiParseResult {
  if (bytes.length === 0) throw new MiFileError(file, "the file is empty (0 bytes); expected Ofsted's monthly management-information CSV");
  const notCsv = notCsvReason(bytes);
  if (notCsv) throw new MiFileError(file, notCsv);
  const { text: decoded, encoding, c1 } = decodeMiLazy(bytes);
  const bom = decoded.charCodeAt(0) === 0xfeff ? 1 : 0;
  const text = bom ? decoded.slice(1) : decoded;
  if (!/\S/.test(text)) throw new MiFileError(file, "the file is empty (only blank lines); expected Ofsted's monthly management-information CSV");

  // The first 10 records find the header; the full parse then streams rows through a step callback,
  // so the 22,000 x 85 cells never need to be held at once (half the time of keeping them all).
  const data = Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    delimiter: ",",
    preview: 10,
  }).data.map((r) => (c1.length ? r.map(fixC1) : r));
  const { lines, offsets } = recordStarts(text);
  // Records holding a character still to be mapped from Windows-1252 (see decodeMiLazy): their
  // cells go through fixC1; every other record's cells are final as parsed.
  const fixRecord = new Set<number>();
  for (const at of c1) {
    let lo = 0,
      hi = offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (offsets[mid]! <= at - bom) lo = mid;
      else hi = mid - 1;
    }
    fixRecord.add(lo);
  }

  // The header is the first record (within the first 10) that names URN and School name.
  let headerIndex = -1;
  for (let i = 0; i < Math.min(10, data.length); i++) {
    const rec = data[i]!;
    if (rec.some((c) => c.trim() === "URN") && rec.some((c) => collapse(c) === "school name")) {
      headerIndex = i;
      break;
    }
  }
  if (headerIndex < 0) {
    const firstTen = data.slice(0, 10).filter((r) => !(r.length === 1 && r[0]!.trim() === ""));
    const first = firstTen.reduce<string[]>((a, r) => (r.length > a.length ? r : a), []);
    if (first.length < 2) {
      throw new MiFileError(file, "not a CSV file: no comma-separated header row in the first 10 lines (expected a header with URN, School name, ...)");
    }
    throw new MiFileError(
      file,
      `missing required column "URN" (no header row naming "URN" and "School name" in the first 10 lines; the widest of them has: ${first
        .slice(0, 6)
        .map((c) => JSON.stringify(c))
        .join(", ")}${first.length > 6 ? ", ..." : ""})`,
    );
  }
  const header = data[headerIndex]!.map((h) => h.replace(/^\uFEFF/, "").trim());
  const titleRows = data
    .slice(0, headerIndex)
    .map((r) => r.join(",").trim())
    .filter(Boolean);
  const warnings: string[] = [];
  if (titleRows.length)
    warnings.push(`skipped ${titleRows.length} title row(s) above the header: ${titleRows.map((t) => JSON.stringify(t.slice(0, 80))).join("; ")}`);

  // Map columns by exact name; fall back to a match ignoring spacing and case, with a warning.
  const exact = new Map<string, number>();
  header.forEach((h, i) => {
    if (!exact.has(h)) exact.set(h, i);
  });
  const loose = new Map<string, number>();
  header.forEach((h, i) => {
    const k = collapse(h);
    if (!loose.has(k)) loose.set(k, i);
  });
  const idx = {} as Record<MiColumn, number>;
  const missing: string[] = [];
  for (const col of MI_REQUIRED_COLUMNS) {
    const e = exact.get(col);
    if (e !== undefined) {
      idx[col] = e;
      continue;
    }
    const l = loose.get(collapse(col));
    if (l !== undefined) {
      idx[col] = l;
      warnings.push(`column ${JSON.stringify(col)} matched header ${JSON.stringify(header[l])} (spacing or case differs)`);
      continue;
    }
    missing.push(col);
  }
  if (missing.length) {
    const list = missing.map((c) => `"${c}"`).join(", ");
    const hint =
      header.includes("Inspection number") && !header.includes("Inspection number of latest full inspection")
        ? " This looks like sheet D1_In_year_inspections; the importer reads sheet D2_Most_recent_inspections."
        : "";
    throw new MiFileError(
      file,
      `missing required column${missing.length > 1 ? "s" : ""} ${list} in the header on line ${lines[headerIndex] ?? 1} (${header.length} columns found).${hint}`,
    );
  }

  const areaCols = Object.fromEntries(
    SCHOOL_AREAS.map((a) => [a.key, { col: idx[a.miColumn as MiColumn], dateCol: idx[AREA_DATE_COLUMN[a.key]], name: a.miColumn, dateName: AREA_DATE_COLUMN[a.key] }]),
  ) as Record<AreaKey, { col: number; dateCol: number; name: string; dateName: string }>;
  const eifCols = Object.fromEntries(EIF_JUDGEMENTS.map((j) => [j.key, { col: idx[j.column], name: j.column }])) as Record<EifJudgementKey, { col: number; name: string }>;
  const c = (name: MiColumn) => idx[name];
  const iUrn = c("URN"),
    iName = c("School name"),
    iPhase = c("Ofsted phase"),
    iType = c("Type of education");
  const iRegion = c("Region"),
    iLa = c("Local authority"),
    iConstituency = exact.get("Parliamentary constituency") ?? loose.get(collapse("Parliamentary constituency")),
    iPostcode = c("Postcode"),
    iLink = c("Web Link (opens in new window)");
  const iStart = c("Inspection start date"),
    iPub = c("Publication date");
  const iSg = c(SAFEGUARDING_MI_COLUMN as MiColumn),
    iSgDate = c("Safeguarding standards - date of grade");
  const iEifStart = c("Inspection start date of latest OEIF graded inspection"),
    iEifPub = c("Publication date of latest OEIF graded inspection");
  const iEifSg = c(EIF_SAFEGUARDING_COLUMN),
    iUngDate = c("Date of latest ungraded inspection"),
    iUngOut = c("Ungraded inspection overall outcome");
  const iCoc = c("Most recent category of concern");
  const gradeWords = `${REPORT_CARD_LABELS.join(", ")} or NULL`;
  const cardGrade = exactFirst(REPORT_CARD_GRADES.map((g) => [g.label, g.key] as const), memo(parseReportCardGrade));
  const eifValue = exactFirst(EIF_CODES, memo(parseEifValue));
  const miDate = fastMiDate();

  const schools: MiSchool[] = [];
  const rejects: MiReject[] = [];
  const seen = new Map<number, number>();
  let rowsRead = 0;
  const width = header.length;

  const structural: { row: number; message: string }[] = [];
  // The record being read and its problems (shared by the helpers below, set per record).
  let rec: string[] = [];
  let reasons: string[] = [];
  const cell = (i: number) => {
    // Most cells start and end with a printable ASCII character: nothing to trim, skip the call.
    const v = rec[i]!;
    const n = v.length;
    if (n === 0) return v;
    const a = v.charCodeAt(0),
      z = v.charCodeAt(n - 1);
    return a > 32 && a < 127 && z > 32 && z < 127 ? v : v.trim();
  };
  const date = (i: number, name: string): string | null => {
    const v = cell(i);
    if (isMissing(v)) return null;
    const d = miDate(v);
    if (d === undefined) {
      reasons.push(`column "${name}": ${JSON.stringify(v)} is not a date as dd/mm/yyyy`);
      return null;
    }
    return d;
  };
  const textCell = (i: number) => {
    const v = cell(i);
    return isMissing(v) ? "" : v;
  };
  const areaGrade = (k: AreaKey): AreaGrade | undefined => {
    const a = areaCols[k]!;
    const v = cell(a.col);
    const d = date(a.dateCol, a.dateName);
    if (isMissing(v)) return undefined;
    const g = cardGrade(v);
    if (g === undefined) {
      reasons.push(`column "${a.name}": ${JSON.stringify(v)} is not a report-card grade (expected ${gradeWords})`);
      return undefined;
    }
    return { grade: g, date: d };
  };
  const eifGrade = (k: EifJudgementKey): EifValue | undefined => {
    const j = eifCols[k]!;
    const v = cell(j.col);
    if (isMissing(v)) return undefined;
    const g = eifValue(v);
    if (g === undefined) reasons.push(`column "${j.name}": ${JSON.stringify(v)} is not an EIF grade (expected 1, 2, 3, 4, 9, Not judged or NULL)`);
    return g;
  };

  /**
   * Reads one record. `fix`: the record holds bytes 0x80-0x9F (see decodeMiLazy). Its cells are
   * read as they are (no grade word, date, code or URN contains those characters, so every check
   * comes out the same) and only what is kept (text cells, reject reasons) is mapped afterwards:
   * the checks then only ever see one kind of string, which keeps them fast.
   */
  const processRow = (record: string[], r: number, fix: boolean): void => {
    rec = record;
    if (rec.length === 1 && rec[0]!.trim() === "") return; // blank line
    rowsRead++;
    const line = lines[r] ?? r + 1;
    reasons = [];
    const urnRaw = (rec[iUrn] ?? "").trim();
    if (rec.length !== width) {
      const reason = `has ${rec.length} fields; the header has ${width}`;
      rejects.push({ line, urn: fix ? fixC1(urnRaw) : urnRaw, reasons: [reason] });
      return;
    }

    let urn = NaN;
    if (!/^\d{1,9}$/.test(urnRaw)) reasons.push(`column "URN": ${JSON.stringify(urnRaw)} is not a URN (a whole number)`);
    else {
      urn = Number(urnRaw);
      const first = seen.get(urn);
      if (first !== undefined) reasons.push(`column "URN": ${urn} is already used on line ${first}`);
    }
    const name = textCell(iName);
    if (name === "") reasons.push(`column "School name": missing`);

    const sgRaw = cell(iSg);
    let safeguarding: SafeguardingKey | null = null;
    if (!isMissing(sgRaw)) {
      const v = sgRaw.toLowerCase() === "met" || sgRaw.toLowerCase() === "not met" ? parseSafeguarding(sgRaw) : undefined;
      if (v === undefined) reasons.push(`column "${SAFEGUARDING_MI_COLUMN}": ${JSON.stringify(sgRaw)} is not Met, Not met or NULL`);
      else safeguarding = v;
    }
    const safeguardingDate = date(iSgDate, "Safeguarding standards - date of grade");

    // Every school's areas and eif objects have every key (undefined where there is no grade), in
    // one order: one object shape for all 22,000, which keeps reading them later fast.
    const areas: AreaGrades = {
      inclusion: areaGrade("inclusion"),
      "curriculum-and-teaching": areaGrade("curriculum-and-teaching"),
      achievement: areaGrade("achievement"),
      "attendance-and-behaviour": areaGrade("attendance-and-behaviour"),
      "personal-development": areaGrade("personal-development"),
      "early-years": areaGrade("early-years"),
      "post-16": areaGrade("post-16"),
      "leadership-and-governance": areaGrade("leadership-and-governance"),
    };
    const eif: EifGrades = {
      "overall-effectiveness": eifGrade("overall-effectiveness"),
      "quality-of-education": eifGrade("quality-of-education"),
      "behaviour-and-attitudes": eifGrade("behaviour-and-attitudes"),
      "personal-development": eifGrade("personal-development"),
      "leadership-and-management": eifGrade("leadership-and-management"),
      "early-years": eifGrade("early-years"),
      "sixth-form": eifGrade("sixth-form"),
    };
    const eifSgRaw = cell(iEifSg);
    let eifSafeguarding: SafeguardingKey | "not-applicable" | null = null;
    if (!isMissing(eifSgRaw)) {
      const l = eifSgRaw.toLowerCase();
      if (l === "yes") eifSafeguarding = "met";
      else if (l === "no") eifSafeguarding = "not-met";
      else if (l === "9") eifSafeguarding = "not-applicable";
      else reasons.push(`column "${EIF_SAFEGUARDING_COLUMN}": ${JSON.stringify(eifSgRaw)} is not Yes, No, 9 or NULL`);
    }
    const inspectionStart = date(iStart, "Inspection start date");
    const publication = date(iPub, "Publication date");
    const eifInspectionStart = date(iEifStart, "Inspection start date of latest OEIF graded inspection");
    const eifPublication = date(iEifPub, "Publication date of latest OEIF graded inspection");
    const ungradedDate = date(iUngDate, "Date of latest ungraded inspection");

    if (reasons.length) {
      rejects.push(fix ? { line, urn: fixC1(urnRaw), reasons: reasons.map(fixC1) } : { line, urn: urnRaw, reasons });
      return;
    }
    seen.set(urn, line);
    const school: MiSchool = {
      line,
      urn,
      name,
      phase: textCell(iPhase) || "Not recorded",
      type: textCell(iType),
      localAuthority: textCell(iLa),
      region: textCell(iRegion) || "Not recorded",
      // Not a required column: a file without it gives no constituency pages, not a failed import.
      constituency: iConstituency === undefined ? "" : textCell(iConstituency),
      postcode: textCell(iPostcode),
      webLink: textCell(iLink),
      inspectionStart,
      publication,
      safeguarding,
      safeguardingDate,
      areas,
      eifInspectionStart,
      eifPublication,
      eif,
      eifSafeguarding,
      ungradedDate,
      ungradedOutcome: textCell(iUngOut),
      categoryOfConcern: textCell(iCoc),
    };
    schools.push(fix ? fixSchoolText(school) : school);
  };
  // Parse in blocks of whole records (cut where recordStarts says records begin): no per-row
  // callback overhead, and each block's cells are short-lived instead of all 1.9 million at once.
  const BLOCK = 2000;
  const nl = text.indexOf("\n");
  const newline = nl > 0 && text[nl - 1] === "\r" ? "\r\n" : "\n";
  for (let b = headerIndex + 1; b < offsets.length; b += BLOCK) {
    const count = Math.min(BLOCK, offsets.length - b);
    const end = b + BLOCK < offsets.length ? offsets[b + BLOCK]! : text.length;
    const res = Papa.parse<string[]>(text.slice(offsets[b]!, end), { header: false, skipEmptyLines: false, delimiter: ",", newline });
    for (const e of res.errors) structural.push({ row: b + (e.row ?? 0), message: e.message });
    for (let k = 0; k < count && k < res.data.length; k++) processRow(res.data[k]!, b + k, fixRecord.has(b + k));
  }
  // Papaparse's structural notes (e.g. an unclosed quote) are reported, not hidden.
  for (const e of structural) warnings.push(`CSV structure near line ${lines[e.row] ?? "?"}: ${e.message}`);
  return {
    file,
    encoding,
    titleRows,
    headerLine: lines[headerIndex] ?? 1,
    rowsRead,
    schools,
    rejects,
    warnings,
  };
}

/** "..._as_at_30_Apr_2026.csv" -> "2026-04-30" (the last date in the name); undefined if none. */
export function fileDateFromName(name: string): string | undefined {
  const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
  const re = /(\d{1,2})[_\s.-]+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[_\s.-]+(\d{4})/gi;
  let found: string | undefined;
  for (const m of name.matchAll(re)) {
    const d = +m[1]!,
      mo = months.indexOf(m[2]!.toLowerCase()) + 1,
      y = +m[3]!;
    const iso = `${y}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    const dt = new Date(iso + "T00:00:00Z");
    if (!Number.isNaN(dt.getTime()) && dt.toISOString().slice(0, 10) === iso) found = iso;
  }
  return found;
}
