/**
 * The row rules, driven by one column table: for each MI column the importer reads, what it holds,
 * how a cell is read, and what a bad value does. A bad value in a column the site shows rejects the
 * row (line, column, value, what was expected); a bad value in a column kept only for reference
 * keeps the school and becomes a warning (line, column, value). Every code look-up is a Map: a cell
 * reading "constructor" or "__proto__" is just an unknown word. Pure.
 */
import { SCHOOL_AREAS, SAFEGUARDING_MI_COLUMN, type AreaKey } from "../areas.ts";
import { OLD_GRADES, REPORT_CARD_GRADES, REPORT_CARD_LABELS, type OldGradeKey, type ReportCardGradeKey, type SafeguardingKey } from "../grades.ts";
import { AREA_DATE_COLUMN, EIF_JUDGEMENTS, EIF_SAFEGUARDING_COLUMN, type EifJudgementKey, type MiColumn } from "./columns.ts";

/** An EIF judgement as the MI records it: a grade, "Not judged" (Sept 2024 - Nov 2025), 9 (or 0) = not applicable. */
export type EifValue = OldGradeKey | "not-judged" | "not-applicable";
export interface AreaGrade {
  readonly grade: ReportCardGradeKey;
  readonly date: string | null;
}
/** A school's report-card grades: every area key is present, undefined where the card has no grade. */
export type AreaGrades = { [K in AreaKey]: AreaGrade | undefined };
/** A school's EIF judgements: every key present, undefined where the MI has NULL. */
export type EifGrades = { [K in EifJudgementKey]: EifValue | undefined };

export interface MiSchool {
  readonly line: number;
  readonly urn: number;
  readonly name: string;
  readonly phase: string;
  readonly type: string;
  readonly localAuthority: string;
  readonly region: string;
  /** "Parliamentary constituency" ("" when blank): the area pages (issue 18) group by it. */
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

/** One bad cell: where, what and what was expected. */
export interface CellIssue {
  readonly column: string;
  readonly value: string;
  readonly expected: string;
}
export interface MiReject {
  readonly line: number;
  readonly urn: string;
  readonly reasons: readonly string[];
}
/** A cell the importer read with a note, or set aside, keeping the school. */
export interface MiRowWarning {
  readonly line: number;
  readonly urn: number;
  readonly column: string;
  readonly value: string;
  readonly note: string;
}

/** `NULL` (as Ofsted writes it) or blank. */
export const isMissing = (v: string) => v === "" || v === "NULL" || v === "null";
const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

/** dd/mm/yyyy (day and month may lack a leading zero) -> yyyy-mm-dd, or undefined if not a real date. */
export function parseMiDate(raw: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  if (!m) return undefined;
  const d = +m[1]!, mo = +m[2]!, y = +m[3]!;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return undefined;
  return `${m[3]}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** parseMiDate with a cache: a full file repeats a few thousand dates 300,000 times. */
export function cachedMiDate(): (v: string) => string | undefined {
  const cache = new Map<string, string | undefined>();
  return (v) => {
    if (cache.has(v)) return cache.get(v);
    const r = parseMiDate(v);
    if (cache.size < 100_000) cache.set(v, r);
    return r;
  };
}

const CARD_WORDS = new Map<string, ReportCardGradeKey>(REPORT_CARD_GRADES.flatMap((g) => [[norm(g.label), g.key] as const, [norm(g.proposedLabel), g.key] as const]));
const EIF_WORDS = new Map<string, EifValue>([
  ...OLD_GRADES.flatMap((g) => [[String(g.order), g.key] as const, [norm(g.label), g.key] as const]),
  ["9", "not-applicable"],
  ["not judged", "not-judged"],
]);
const SAFEGUARDING_WORDS = new Map<string, SafeguardingKey>([["met", "met"], ["not met", "not-met"]]);
const EIF_SAFEGUARDING_WORDS = new Map<string, SafeguardingKey | "not-applicable">([["yes", "met"], ["no", "not-met"], ["9", "not-applicable"]]);

/** The outcome phrases Ofsted uses for ungraded inspections (MI-VOCABULARY.md); others are kept with a warning. */
export const UNGRADED_OUTCOMES: readonly string[] = [
  "School remains Outstanding",
  "School remains Outstanding (Concerns) - S5 Next",
  "School remains Good",
  "School remains Good (Improving) - S5 Next",
  "School remains Good (Concerns) - S5 Next",
  "Standards maintained",
  "Improved significantly",
  "Some aspects not as strong",
];
const UNGRADED_WORDS = new Set(UNGRADED_OUTCOMES.map(norm));

type Draft = { -readonly [K in keyof MiSchool]: MiSchool[K] } & { areas: AreaGrades; eif: EifGrades };
type Read<T> = { value: T; note?: string } | { expected: string };

/**
 * How a bad value is treated: `shown` rejects the row; `reference` keeps the school with a warning;
 * `reference-if-card`: shown for a school without a report card (the old grades are what its page
 * shows), reference for one with a card (the card is what its page leads with).
 */
export type ColumnUse = "shown" | "reference" | "reference-if-card";

export interface ColumnRule {
  readonly column: MiColumn;
  readonly use: ColumnUse;
  /** In words, for data/README.md and the reports. */
  readonly holds: string;
  read(raw: string, date: (v: string) => string | undefined): Read<unknown>;
  set(d: Draft, v: unknown): void;
}

const text = (column: MiColumn, holds: string, set: (d: Draft, v: string) => void, fallback = ""): ColumnRule => ({
  column, use: "shown", holds, read: (raw) => ({ value: isMissing(raw) ? fallback : raw }), set: set as ColumnRule["set"],
});
const date = (column: MiColumn, holds: string, set: (d: Draft, v: string | null) => void, use: ColumnUse = "shown"): ColumnRule => ({
  column, use, holds,
  read: (raw, dt) => {
    if (isMissing(raw)) return { value: null };
    const v = dt(raw);
    return v === undefined ? { expected: "a date as dd/mm/yyyy or NULL" } : { value: v };
  },
  set: set as ColumnRule["set"],
});
/** Reads a code through a Map: the value as written first (as Ofsted writes it), then ignoring case and spacing. */
const lookup = <T,>(words: ReadonlyMap<string, T>, expected: string) => {
  const exact = new Map<string, { value: T }>();
  return (raw: string): Read<T | null> => {
    if (isMissing(raw)) return { value: null };
    const hit = exact.get(raw);
    if (hit) return hit;
    const v = words.get(norm(raw));
    if (v === undefined) return { expected };
    const r = { value: v };
    if (exact.size < 1000) exact.set(raw, r);
    return r;
  };
};
const GRADE_WORDS = `${REPORT_CARD_LABELS.join(", ")} or NULL`;

/** The column table: every MI column the importer reads, in the order rows are checked. */
export const COLUMN_RULES: readonly ColumnRule[] = [
  text("School name", "the school's name (required)", (d, v) => (d.name = v)),
  text("Ofsted phase", "phase; blank becomes \"Not recorded\"", (d, v) => (d.phase = v), "Not recorded"),
  text("Type of education", "type of school", (d, v) => (d.type = v)),
  text("Local authority", "local authority", (d, v) => (d.localAuthority = v)),
  text("Region", "region; blank becomes \"Not recorded\"", (d, v) => (d.region = v), "Not recorded"),
  text("Parliamentary constituency", "parliamentary constituency (area pages)", (d, v) => (d.constituency = v)),
  text("Postcode", "postcode", (d, v) => (d.postcode = v)),
  text("Web Link (opens in new window)", "link to the school's Ofsted reports", (d, v) => (d.webLink = v)),
  date("Inspection start date", "start of the latest full inspection", (d, v) => (d.inspectionStart = v)),
  date("Publication date", "publication of the latest full inspection", (d, v) => (d.publication = v)),
  {
    column: SAFEGUARDING_MI_COLUMN as MiColumn, use: "shown", holds: "report card: Met, Not met or NULL",
    read: lookup(SAFEGUARDING_WORDS, "Met, Not met or NULL"), set: (d, v) => (d.safeguarding = v as SafeguardingKey | null),
  },
  date("Safeguarding standards - date of grade", "date of the safeguarding outcome", (d, v) => (d.safeguardingDate = v)),
  ...SCHOOL_AREAS.flatMap((a): ColumnRule[] => [
    {
      column: a.miColumn as MiColumn, use: "shown", holds: `report card: ${a.label}, a grade word or NULL`,
      read: lookup(CARD_WORDS, `a report-card grade: ${GRADE_WORDS}`),
      set: (d, v) => (d.areas[a.key] = v === null ? undefined : { grade: v as ReportCardGradeKey, date: null }),
    },
    date(AREA_DATE_COLUMN[a.key], `date of the ${a.label} grade`, (d, v) => {
      const g = d.areas[a.key];
      if (g) d.areas[a.key] = { grade: g.grade, date: v };
    }),
  ]),
  date("Inspection start date of latest OEIF graded inspection", "start of the latest EIF graded inspection", (d, v) => (d.eifInspectionStart = v)),
  date("Publication date of latest OEIF graded inspection", "publication of the latest EIF graded inspection", (d, v) => (d.eifPublication = v)),
  ...EIF_JUDGEMENTS.map((j): ColumnRule => {
    const eif = lookup(EIF_WORDS, "an EIF grade: 1, 2, 3, 4, 9, Not judged or NULL");
    return {
      column: j.column,
      use: j.key === "overall-effectiveness" ? "shown" : "reference-if-card",
      holds: `EIF ${j.label}: 1-4, Not judged, 9 (or 0) for not applicable, or NULL`,
      read: (raw) => (raw === "0" ? { value: "not-applicable", note: "read as not applicable (Ofsted's files use 0, like 9, for this)" } : eif(raw)),
      set: (d, v) => (d.eif[j.key] = (v ?? undefined) as EifValue | undefined),
    };
  }),
  {
    column: EIF_SAFEGUARDING_COLUMN, use: "shown", holds: "EIF safeguarding is effective: Yes, No, 9 or NULL",
    read: lookup(EIF_SAFEGUARDING_WORDS, "Yes, No, 9 or NULL"), set: (d, v) => (d.eifSafeguarding = v as Draft["eifSafeguarding"]),
  },
  date("Date of latest ungraded inspection", "date of the latest ungraded inspection", (d, v) => (d.ungradedDate = v)),
  {
    column: "Ungraded inspection overall outcome", use: "reference", holds: `one of Ofsted's phrases (${UNGRADED_OUTCOMES.map((p) => `"${p}"`).join(", ")}) or NULL; other text is kept, with a warning`,
    read: (raw) => (isMissing(raw) ? { value: "" } : UNGRADED_WORDS.has(norm(raw)) ? { value: raw } : { value: raw, note: "kept as written: not one of the outcome phrases Ofsted uses" }),
    set: (d, v) => (d.ungradedOutcome = v as string),
  },
  text("Most recent category of concern", "category of concern, as Ofsted codes it", (d, v) => (d.categoryOfConcern = v)),
];

/** A fresh school with every key present (one object shape for all 22,000). */
export function emptySchool(line: number, urn: number): Draft {
  return {
    line, urn, name: "", phase: "", type: "", localAuthority: "", region: "", constituency: "", postcode: "", webLink: "",
    inspectionStart: null, publication: null, safeguarding: null, safeguardingDate: null,
    areas: { inclusion: undefined, "curriculum-and-teaching": undefined, achievement: undefined, "attendance-and-behaviour": undefined, "personal-development": undefined, "early-years": undefined, "post-16": undefined, "leadership-and-governance": undefined },
    eifInspectionStart: null, eifPublication: null,
    eif: { "overall-effectiveness": undefined, "quality-of-education": undefined, "behaviour-and-attitudes": undefined, "personal-development": undefined, "leadership-and-management": undefined, "early-years": undefined, "sixth-form": undefined },
    eifSafeguarding: null, ungradedDate: null, ungradedOutcome: "", categoryOfConcern: "",
  };
}

export const hasCard = (d: Pick<MiSchool, "safeguarding" | "areas">) => d.safeguarding !== null || SCHOOL_AREAS.some((a) => d.areas[a.key] !== undefined);

/** URN: a positive whole number. */
export function readUrn(raw: string): number | undefined {
  if (!/^\d{1,9}$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 1 ? n : undefined;
}

export const describeIssue = (i: CellIssue) => `column ${JSON.stringify(i.column)}: found ${JSON.stringify(i.value)}, expected ${i.expected}`;
