/**
 * Column types for dataset schemas. Each returns a `Column` with a parser and the words an error
 * message uses for what was expected.
 */
import { INVALID, type Column, type RowCheck } from "./csv.ts";
import { OLD_GRADE_LABELS, parseOldGrade, parseReportCardGrade, REPORT_CARD_LABELS, type OldGradeKey, type ReportCardGradeKey } from "./grades.ts";

/** Required text (non-blank). */
export function text(description?: string): Column<string> {
  return { description, expected: "non-empty text", parse: (raw) => (raw.trim() === "" ? INVALID : raw.trim()) } as Column<string>;
}

/** Optional text: blank becomes "". */
export function optionalText(description?: string): Column<string> {
  return { description, expected: "text", parse: (raw) => raw.trim() } as Column<string>;
}

/** A number in [min, max]; blank is an error unless optional (then null). */
export function number(opts: { min?: number; max?: number; integer?: boolean; description?: string }): Column<number>;
export function number(opts: { min?: number; max?: number; integer?: boolean; optional: true; description?: string }): Column<number | null>;
export function number(opts: { min?: number; max?: number; integer?: boolean; optional?: boolean; description?: string }): Column<number | null> {
  const { min = -Infinity, max = Infinity, integer = false, optional = false } = opts;
  const kind = integer ? "a whole number" : "a number";
  const range = Number.isFinite(min) && Number.isFinite(max) ? ` from ${min} to ${max}` : Number.isFinite(min) ? ` of at least ${min}` : "";
  return {
    description: opts.description,
    expected: `${kind}${range}${optional ? " or blank" : ""}`,
    parse: (raw) => {
      const s = raw.trim().replace(/,/g, "");
      if (s === "") return optional ? null : INVALID;
      if (!/^-?\d+(\.\d+)?$/.test(s)) return INVALID;
      const n = Number(s);
      if (integer && !Number.isInteger(n)) return INVALID;
      return n < min || n > max ? INVALID : n;
    },
  } as Column<number | null>;
}

/** A percentage 0-100, optional (blank = not published). */
export const percent = (description?: string) => number({ min: 0, max: 100, optional: true, description });

/** An ISO date yyyy-mm-dd that exists in the calendar. */
export function isoDate(description?: string): Column<string> {
  return {
    description,
    expected: "a date as yyyy-mm-dd",
    parse: (raw) => {
      const s = raw.trim();
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      if (!m) return INVALID;
      const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
      return d.toISOString().slice(0, 10) === s ? s : INVALID;
    },
  } as Column<string>;
}

/** An absolute https (or http) URL; no other schemes. */
export function url(description?: string): Column<string> {
  return {
    description,
    expected: "an absolute http(s) URL",
    parse: (raw) => {
      const s = raw.trim();
      try {
        const u = new URL(s);
        return u.protocol === "https:" || u.protocol === "http:" ? s : INVALID;
      } catch {
        return INVALID;
      }
    },
  } as Column<string>;
}

/** One of a fixed set of values (exact match after trimming). */
export function oneOf<T extends string>(values: readonly T[], description?: string): Column<T> {
  return {
    description,
    expected: `one of ${values.map((v) => JSON.stringify(v)).join(", ")}`,
    parse: (raw) => (values.includes(raw.trim() as T) ? (raw.trim() as T) : INVALID),
  } as Column<T>;
}

/** "yes" / "no" (also true/false) as a boolean. */
export function yesNo(description?: string): Column<boolean> {
  return {
    description,
    expected: '"yes" or "no"',
    parse: (raw) => {
      const s = raw.trim().toLowerCase();
      if (s === "yes" || s === "true") return true;
      if (s === "no" || s === "false" || s === "") return false;
      return INVALID;
    },
  } as Column<boolean>;
}

/** An old-scale grade label (Outstanding, Good, Requires improvement / Satisfactory, Inadequate). */
export function oldGradeColumn(description?: string): Column<OldGradeKey> {
  return {
    description,
    expected: `a grade label: ${OLD_GRADE_LABELS.join(", ")}`,
    parse: (raw) => parseOldGrade(raw) ?? INVALID,
  } as Column<OldGradeKey>;
}

/** A report-card grade label (final or February 2025 wording). */
export function reportCardGradeColumn(description?: string): Column<ReportCardGradeKey> {
  return {
    description,
    expected: `a report-card grade: ${REPORT_CARD_LABELS.join(", ")}`,
    parse: (raw) => parseReportCardGrade(raw) ?? INVALID,
  } as Column<ReportCardGradeKey>;
}

/** Checks that the given percentage columns sum to 100 within rounding, when all are present. */
export function sharesSumTo100<const K extends string>(columns: readonly K[], tolerance = 2): RowCheck<{ readonly [C in K]: number | null }> {
  const check = (row: { readonly [C in K]: number | null }) => {
    const values = columns.map((c) => row[c]);
    if (values.some((v) => v === null)) return undefined;
    const sum = (values as number[]).reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 100) <= tolerance) return undefined;
    return { column: columns.join("+"), value: String(sum), expected: `shares summing to 100 (within ${tolerance} for rounding)` };
  };
  // Shown in the validation report on the dataset's page.
  return Object.assign(check, { description: `${columns.join(" + ")} sum to 100 (within ${tolerance} points for rounding) where all are published` });
}

/** Every dataset row names its source. */
export const sourceColumns = {
  source_title: text("Title of the publication the figure is taken from"),
  source_url: url("Where the publication can be read"),
};
