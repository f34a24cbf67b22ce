/**
 * A chart's state in the page URL, read against an allow-list and written back as a canonical
 * query, so a link reproduces what the reader saw (?areas=6&correlation=50&rate=5).
 *
 * Every key has a spec: an enumerated list of values or a bounded whole number. Anything else in
 * the query (unknown keys, unknown values, script tags, quotes, javascript: URLs, very long or
 * non-ASCII strings, numbers out of range) is ignored and that key takes its default. Callers get
 * back only values from the spec, so nothing the URL says can reach the DOM as markup; still, put
 * them in the page with textContent / setAttribute, never innerHTML.
 * Pure: no DOM; used by the interactive charts' scripts and by the embed pages.
 */

import { SCHOOL_AREAS, type AreaKey } from "./areas.ts";
import { REPORT_CARD_GRADES, SAFEGUARDING, type ReportCardGradeKey, type SafeguardingKey } from "./grades.ts";

/** One of a fixed list of strings. */
export interface EnumField<V extends string = string> {
  readonly kind: "enum";
  readonly values: readonly V[];
  readonly default: V;
}

/** A whole number between min and max inclusive, written in plain decimal digits. */
export interface IntField {
  readonly kind: "int";
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

export type Field = EnumField | IntField;
export type StateSpec = Readonly<Record<string, Field>>;

/** The typed state a spec describes: numbers for int fields, the listed strings for enum fields. */
export type StateOf<S extends StateSpec> = { -readonly [K in keyof S]: S[K] extends EnumField<infer V> ? V : number };

/** Longest raw value we look at; anything longer falls back to the default. */
export const MAX_VALUE_LENGTH = 64;

const INT_PATTERN = /^-?\d{1,9}$/;

/** The value for one field, or its default when the raw value is missing or not allowed. */
export function parseField(field: Field, raw: string | null): string | number {
  if (raw === null || raw.length === 0 || raw.length > MAX_VALUE_LENGTH) return field.default;
  if (field.kind === "enum") return field.values.includes(raw) ? raw : field.default;
  if (!INT_PATTERN.test(raw)) return field.default;
  const n = Number(raw);
  return Number.isSafeInteger(n) && n >= field.min && n <= field.max ? n : field.default;
}

/** Reads a chart's state from a query string or URLSearchParams; the first value of each key counts. */
export function parseState<S extends StateSpec>(spec: S, query: URLSearchParams | string): StateOf<S> {
  let params: URLSearchParams;
  try {
    params = typeof query === "string" ? new URLSearchParams(query) : query;
  } catch {
    params = new URLSearchParams();
  }
  const out: Record<string, string | number> = {};
  for (const key of Object.keys(spec).sort()) out[key] = parseField(spec[key]!, params.get(key));
  return out as StateOf<S>;
}

/** A spec's defaults as a state. */
export function defaultState<S extends StateSpec>(spec: S): StateOf<S> {
  return parseState(spec, "");
}

/** True if the value is one the field allows. */
export function isAllowed(field: Field, value: unknown): boolean {
  if (field.kind === "enum") return typeof value === "string" && field.values.includes(value);
  return typeof value === "number" && Number.isSafeInteger(value) && value >= field.min && value <= field.max;
}

/**
 * The state as a canonical query: every key of the spec, sorted, with allowed values only (a
 * value the spec does not allow is written as its default). No leading "?".
 */
export function serialiseState<S extends StateSpec>(spec: S, state: Partial<StateOf<S>>): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(spec).sort()) {
    const field = spec[key]!;
    const value = (state as Record<string, unknown>)[key];
    params.set(key, String(isAllowed(field, value) ? value : field.default));
  }
  return params.toString();
}

/**
 * A page's query with the chart's keys replaced by its state and other keys (an embed's render
 * flags such as dark or plain) kept as they were, chart keys first in canonical order.
 */
export function withState<S extends StateSpec>(spec: S, state: Partial<StateOf<S>>, current: string): string {
  const others = new URLSearchParams(current);
  for (const key of Object.keys(spec)) others.delete(key);
  const rest = others.toString();
  const own = serialiseState(spec, state);
  return rest ? `${own}&${rest}` : own;
}

/* ---------- The allow-lists of the interactive charts ---------- */

/** ways-to-fail: number of areas, per-area rate (%) and correlation (%) between areas. */
export const WAYS_TO_FAIL_STATE = {
  areas: { kind: "int", min: 1, max: 10, default: 6 },
  rate: { kind: "int", min: 0, max: 50, default: 5 },
  correlation: { kind: "int", min: 0, max: 100, default: 50 },
} as const satisfies StateSpec;

/** An area's grade on the builder: a report-card grade, or "not-applicable" where the area may not apply. */
export type AreaGradeKey = ReportCardGradeKey | "not-applicable";

export const NOT_APPLICABLE = "not-applicable";

const gradeKeys = REPORT_CARD_GRADES.map((g) => g.key);

/** The builder's default card: illustrative, not a real school. */
export const DEFAULT_CARD_GRADES: Readonly<Record<AreaKey, AreaGradeKey>> = {
  inclusion: "expected-standard",
  "curriculum-and-teaching": "strong-standard",
  achievement: "expected-standard",
  "attendance-and-behaviour": "needs-attention",
  "personal-development": "strong-standard",
  "early-years": "expected-standard",
  "post-16": NOT_APPLICABLE,
  "leadership-and-governance": "expected-standard",
};

/** report-card-builder: one key per evaluation area (areas.ts keys) plus safeguarding. */
export const REPORT_CARD_BUILDER_STATE = {
  ...(Object.fromEntries(
    SCHOOL_AREAS.map((a) => [
      a.key,
      { kind: "enum", values: a.always ? gradeKeys : [...gradeKeys, NOT_APPLICABLE], default: DEFAULT_CARD_GRADES[a.key] },
    ]),
  ) as unknown as Record<AreaKey, EnumField<AreaGradeKey>>),
  safeguarding: { kind: "enum", values: SAFEGUARDING.map((s) => s.key), default: "met" } as EnumField<SafeguardingKey>,
} satisfies StateSpec;

/** Allow-list of every chart with state in its URL, by chart id (embed pages read it too). */
export const CHART_STATE_SPECS: Readonly<Record<string, StateSpec>> = {
  "ways-to-fail": WAYS_TO_FAIL_STATE,
  "report-card-builder": REPORT_CARD_BUILDER_STATE,
};
