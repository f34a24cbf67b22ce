/**
 * Local edition (issue 18): every local authority, region and parliamentary constituency in the
 * imported per-school extract (data/imported/schools.csv), with the counts its page and chart show.
 * Pure: rows in, tallies out (the build-time loader is src/render/areas-load.ts).
 *
 * Small numbers: a share is never computed from fewer than SMALL_NUMBER schools (shareOf returns
 * null); pages and charts then show counts and say why.
 *
 * Slugs (stable URLs, /areas/<kind>/<slug>/ and the chart id area-<kind>-<slug>):
 *  - slug = the name with accents dropped, lower case, "&" read as "and", apostrophes dropped and any
 *    other run of punctuation or spaces a hyphen ("Bristol, City of" -> bristol-city-of). Spelling
 *    changes that keep the words (case, accents, "&"/"and", commas) keep the URL.
 *  - Two different names of one kind with the same slug: the one with more schools (then the one
 *    first in code-point order) keeps the plain slug; each other gets "-" and 6 hex digits of a hash
 *    of its exact name, so its URL depends on its own name only, not on which other names exist.
 *  - A blank name is grouped as "Not recorded" (slug not-recorded), so every school is in one area
 *    of each kind and the areas' counts add up to England's.
 *  - Renames: a renamed area gets a new slug; each old name listed in src/lib/area-renames.ts keeps its
 *    URLs as an alias of the current area (renamedAliases).
 */
import type { MiSchoolRow } from "./datasets/mi-schools.ts";
import { SCHOOL_AREAS, type AreaKey } from "./areas.ts";
import { OLD_GRADES, REPORT_CARD_GRADES, type OldGradeKey, type ReportCardGradeKey } from "./grades.ts";
import { REPORT_CARDS_FROM } from "./schools.ts";

/** Below this many schools, no percentage is shown: counts only. */
export const SMALL_NUMBER = 10;


export type AreaKind = "la" | "region" | "constituency";

export interface AreaKindInfo {
  readonly kind: AreaKind;
  /** "local authority" */
  readonly label: string;
  readonly plural: string;
  readonly column: "local_authority" | "region" | "constituency";
}

export const AREA_KINDS: readonly AreaKindInfo[] = [
  { kind: "la", label: "local authority", plural: "local authorities", column: "local_authority" },
  { kind: "constituency", label: "parliamentary constituency", plural: "parliamentary constituencies", column: "constituency" },
  { kind: "region", label: "region", plural: "regions", column: "region" },
];

export const NOT_RECORDED = "Not recorded";

/** What an old (2019 framework) single word can be for a school with a report card. */
export type SingleWordKey = OldGradeKey | "not-judged" | "none";
export const SINGLE_WORDS: readonly { key: SingleWordKey; label: string }[] = [
  ...OLD_GRADES.map((g) => ({ key: g.key as SingleWordKey, label: g.label })),
  { key: "not-judged", label: "No single word (graded inspection from September 2024)" },
  { key: "none", label: "No graded inspection under the 2019 framework" },
];

/** Counts of each report-card grade in one evaluation area; n = schools graded in it. */
export interface GradeTally {
  n: number;
  counts: Record<ReportCardGradeKey, number>;
}

export interface Tally {
  schools: number;
  withCard: number;
  grades: Record<AreaKey, GradeTally>;
  safeguarding: { met: number; notMet: number };
  /** The last single word (EIF overall effectiveness) of the schools with a report card. */
  singleWords: Record<SingleWordKey, number>;
}

export interface Area {
  readonly kind: AreaKind;
  readonly name: string;
  readonly slug: string;
  /** The chart id: area-<kind>-<slug>. */
  readonly id: string;
  /** Where the area sits: the most common region (local authority, constituency) and local authorities (constituency). */
  readonly region: string | null;
  readonly localAuthorities: readonly string[];
  /** Postcode districts of its schools ("BS1"), sorted. */
  readonly districts: readonly string[];
  readonly tally: Tally;
  /** Its schools, by name then URN. */
  readonly schools: readonly MiSchoolRow[];
}

export interface AreaReport {
  readonly england: Tally;
  readonly areas: readonly Area[];
}

/** True if the school's report card counts: any area grade or safeguarding outcome, dated from 10 November 2025 (or undated). */
export function hasReportCard(s: MiSchoolRow): boolean {
  const any = s.safeguarding !== null || SCHOOL_AREAS.some((a) => s[`card_${a.key}`] !== null);
  const date = s.card_date ?? s.safeguarding_date;
  return any && (date === null || date >= REPORT_CARDS_FROM);
}

/** A share in % to one decimal, or null when the denominator is below SMALL_NUMBER (or 0). */
export function shareOf(count: number, n: number): number | null {
  if (n < SMALL_NUMBER) return null;
  return Math.round((count / n) * 1000) / 10;
}

/** "Bristol, City of" -> "bristol-city-of"; "" -> "not-recorded". */
export function areaSlug(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/['\u2018\u2019`]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s || "not-recorded";
}

/** FNV-1a of the exact name, as 6 hex digits: the suffix that tells apart names sharing a slug. */
export function nameHash(name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0").slice(0, 6);
}

/** Slugs for the names of one kind (name -> slug), following the rules at the top of this file. */
export function assignSlugs(sizes: ReadonlyMap<string, number>): Map<string, string> {
  const bySlug = new Map<string, string[]>();
  for (const name of sizes.keys()) {
    const s = areaSlug(name);
    (bySlug.get(s) ?? bySlug.set(s, []).get(s)!).push(name);
  }
  const out = new Map<string, string>();
  for (const [slug, names] of bySlug) {
    names.sort((a, b) => sizes.get(b)! - sizes.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
    names.forEach((n, i) => out.set(n, i === 0 ? slug : `${slug}-${nameHash(n)}`));
  }
  return out;
}

export function emptyTally(): Tally {
  const zero = () => Object.fromEntries(REPORT_CARD_GRADES.map((g) => [g.key, 0])) as Record<ReportCardGradeKey, number>;
  return {
    schools: 0,
    withCard: 0,
    grades: Object.fromEntries(SCHOOL_AREAS.map((a) => [a.key, { n: 0, counts: zero() }])) as Record<AreaKey, GradeTally>,
    safeguarding: { met: 0, notMet: 0 },
    singleWords: Object.fromEntries(SINGLE_WORDS.map((w) => [w.key, 0])) as Record<SingleWordKey, number>,
  };
}

/** The school's last single word, for the "before" column beside its card. */
export function singleWordOf(s: MiSchoolRow): SingleWordKey {
  const o = s["eif_overall-effectiveness"];
  if (o === null || o === "not-applicable") return "none";
  return o;
}

export function addSchool(t: Tally, s: MiSchoolRow): void {
  t.schools++;
  if (!hasReportCard(s)) return;
  t.withCard++;
  for (const a of SCHOOL_AREAS) {
    const g = s[`card_${a.key}`];
    if (g === null) continue;
    t.grades[a.key].n++;
    t.grades[a.key].counts[g]++;
  }
  if (s.safeguarding === "met") t.safeguarding.met++;
  else if (s.safeguarding === "not-met") t.safeguarding.notMet++;
  t.singleWords[singleWordOf(s)]++;
}

/** "BS1 4DJ" -> "BS1"; "" when the postcode has no outward code. */
export function postcodeDistrict(postcode: string): string {
  const m = /^([A-Z]{1,2}[0-9][0-9A-Z]?)\s*[0-9][A-Z]{2}$/i.exec(postcode.trim());
  return m ? m[1]!.toUpperCase() : "";
}

const mostCommon = (xs: readonly string[]): string | null => {
  const c = new Map<string, number>();
  for (const x of xs) c.set(x, (c.get(x) ?? 0) + 1);
  return [...c.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
};

/** Every area of every kind, with England's tally from the same rows (so the areas of a kind add up to it). */
export function buildAreaReport(rows: readonly MiSchoolRow[]): AreaReport {
  const sorted = [...rows].sort((a, b) => a.name.localeCompare(b.name, "en-GB") || a.urn - b.urn);
  const england = emptyTally();
  for (const s of sorted) addSchool(england, s);
  const areas: Area[] = [];
  for (const k of AREA_KINDS) {
    const groups = new Map<string, MiSchoolRow[]>();
    for (const s of sorted) {
      const name = s[k.column].trim() || NOT_RECORDED;
      (groups.get(name) ?? groups.set(name, []).get(name)!).push(s);
    }
    const slugs = assignSlugs(new Map([...groups].map(([n, ss]) => [n, ss.length])));
    const names = [...groups.keys()].sort((a, b) => a.localeCompare(b, "en-GB"));
    for (const name of names) {
      const schools = groups.get(name)!;
      const tally = emptyTally();
      for (const s of schools) addSchool(tally, s);
      const slug = slugs.get(name)!;
      areas.push({
        kind: k.kind,
        name,
        slug,
        id: `area-${k.kind}-${slug}`,
        region: k.kind === "region" ? null : mostCommon(schools.map((s) => s.region)),
        localAuthorities: k.kind === "constituency" ? [...new Set(schools.map((s) => s.local_authority || NOT_RECORDED))].sort() : [],
        districts: [...new Set(schools.map((s) => postcodeDistrict(s.postcode)).filter(Boolean))].sort(),
        tally,
        schools,
      });
    }
  }
  return { england, areas };
}

/** An old name's slug and chart id, pointing at the area that now carries its schools. */
export interface AreaAlias {
  readonly kind: AreaKind;
  readonly slug: string;
  readonly id: string;
  readonly from: string;
  readonly area: Area;
}

/**
 * Aliases for renamed areas: one per rename whose new name is in the report and whose old slug is
 * not taken by an area of the same kind (a current area always wins its own URL).
 */
export function renamedAliases(areas: readonly Area[], renames: readonly { kind: AreaKind; from: string; to: string }[]): AreaAlias[] {
  const taken = new Set(areas.map((a) => a.id));
  const out: AreaAlias[] = [];
  for (const r of renames) {
    const area = areas.find((a) => a.kind === r.kind && a.name === r.to);
    const slug = areaSlug(r.from);
    const id = `area-${r.kind}-${slug}`;
    if (!area || taken.has(id)) continue;
    taken.add(id);
    out.push({ kind: r.kind, slug, id, from: r.from, area });
  }
  return out;
}

export function kindInfo(kind: AreaKind): AreaKindInfo {
  return AREA_KINDS.find((k) => k.kind === kind)!;
}

export function areaPath(a: Pick<Area, "kind" | "slug">): string {
  return `/areas/${a.kind}/${a.slug}/`;
}
