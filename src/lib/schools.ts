/**
 * School pages from the last import of Ofsted's monthly management information
 * (data/imported/schools.csv, written by `npm run data:import -- <file>`; never committed).
 *
 * Pure: what a school's page shows, from its row and the mi-* lookups. src/render/schools.ts reads
 * the extract, the lookups and the data date once per build.
 */
import type { MiSchoolRow } from "./datasets/mi-schools.ts";
import { SCHOOL_AREAS, type AreaKey } from "./areas.ts";
import { oldGrade, OLD_GRADES, oldGradeLabel, reportCardGrade, safeguarding as safeguardingGrade, type OldGradeKey, type ReportCardGradeKey, type SafeguardingKey } from "./grades.ts";
import { EIF_JUDGEMENTS, type EifJudgementKey } from "./mi/columns.ts";

export type { MiSchoolRow } from "./datasets/mi-schools.ts";

/** The first day of inspections under the renewed framework (report cards). */
export const REPORT_CARDS_FROM = "2025-11-10";

/**
 * The file's web-link column, made safe to link: only an http(s) URL on ofsted.gov.uk or one of
 * its subdomains, with no user name or password, port or other trickery. Ofsted's file has used
 * http:// addresses; those are upgraded to https:// (Ofsted serves its reports over https).
 * Anything else returns null, and the page shows no link.
 */
export function ofstedReportUrl(raw: string): string | null {
  const s = raw.trim();
  if (!/^https?:\/\//i.test(s) || /\s/.test(s)) return null;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return null;
  }
  if (u.protocol !== "https:" && u.protocol !== "http:") return null;
  if (u.username || u.password || u.port) return null;
  const host = u.hostname.toLowerCase();
  if (host !== "ofsted.gov.uk" && !host.endsWith(".ofsted.gov.uk")) return null;
  u.protocol = "https:";
  return u.href;
}

/** Local authority name -> URL slug ("Bristol, City of" -> "bristol-city-of"). */
export function laSlug(name: string): string {
  const s = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/['\u2019]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return s || "not-recorded";
}

/* ---------- One school's page ---------- */

/**
 * The swatch + symbol shown beside an old (2019 framework) grade, as HTML built once per grade from
 * grades.ts (colour as the grades.css variable, never alone: the symbol and the word follow); a
 * string rather than a component, so 22,000 pages skip several component renders each.
 */
const SWATCH_HTML = new Map(OLD_GRADES.map((g) => [g.key, `<svg class="school-swatch" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect x="1" y="1" width="14" height="14" rx="2" fill="var(--grade-old-${g.key})"></rect></svg><span class="school-symbol" aria-hidden="true">${g.symbol}</span>`]));
export function oldGradeSwatchHtml(key: OldGradeKey): string {
  return SWATCH_HTML.get(oldGrade(key).key)!;
}

export interface EifLine {
  readonly key: EifJudgementKey;
  readonly label: string;
  /** Old-grade key, or null for "not judged" / "not applicable". */
  readonly grade: OldGradeKey | null;
  /** The words shown: the grade's label (grades.ts), or how the file records its absence. */
  readonly word: string;
}

export interface CompareRow {
  /** What is compared ("Overall effectiveness (2019 framework)", an area, "Safeguarding"). */
  readonly label: string;
  /** This school's grade, in words. */
  readonly school: string;
  /** Share of the school's phase (England) with the same grade, in %, or null if not published. */
  readonly phase: number | null;
  readonly region: number | null;
  readonly dataset: "mi-eif-grades" | "mi-report-card-grades" | "mi-safeguarding";
}

export interface SchoolView {
  readonly row: MiSchoolRow;
  /** Plain warning shown first when safeguarding was not met (report card) or not effective (latest EIF). */
  readonly safeguardingAlert: { readonly framework: "report-card" | "eif"; readonly date: string | null } | null;
  /** The report card, when the school was inspected under the renewed framework. */
  readonly card: {
    readonly safeguarding: SafeguardingKey | null;
    readonly safeguardingDate: string | null;
    readonly date: string | null;
    readonly grades: Partial<Record<AreaKey, ReportCardGradeKey>>;
  } | null;
  readonly eif: {
    readonly start: string | null;
    readonly publication: string | null;
    readonly overall: EifLine | null;
    readonly judgements: EifLine[];
    readonly safeguarding: "met" | "not-met" | "not-applicable" | null;
  } | null;
  readonly reportUrl: string | null;
  readonly compare: CompareRow[];
}

const UNDERSCORE = (k: string) => k.replace(/-/g, "_");

/** The mi-* aggregate rows a school page compares with, keyed "breakdown|group|area" (src/render/schools.ts builds them once). */
export interface Lookups {
  eif: Map<string, Record<string, unknown>>;
  card: Map<string, Record<string, unknown>>;
  sg: Map<string, Record<string, unknown>>;
}

const share = (m: Map<string, Record<string, unknown>>, key: string, col: string): number | null => {
  const v = m.get(key)?.[col];
  return typeof v === "number" ? v : null;
};

/** True if the row carries a report card (a safeguarding outcome or any area grade). */
export function hasCard(s: MiSchoolRow): boolean {
  return s.safeguarding !== null || SCHOOL_AREAS.some((a) => s[`card_${a.key}`] !== null);
}

export function schoolView(s: MiSchoolRow, L: Lookups): SchoolView {
  const grades: Partial<Record<AreaKey, ReportCardGradeKey>> = {};
  for (const a of SCHOOL_AREAS) {
    const g = s[`card_${a.key}`];
    if (g) grades[a.key] = g;
  }
  const cardDate = s.card_date ?? s.safeguarding_date;
  // A report card exists only from inspections since 10 November 2025; an earlier date would be a data error, so no card is shown.
  const card = hasCard(s) && (cardDate === null || cardDate >= REPORT_CARDS_FROM)
    ? { safeguarding: s.safeguarding, safeguardingDate: s.safeguarding_date, date: cardDate, grades }
    : null;

  const eifWord = (v: MiSchoolRow[`eif_${EifJudgementKey}`]): { grade: OldGradeKey | null; word: string } | null => {
    if (v === null) return null;
    if (v === "not-judged") return { grade: null, word: "Not judged" };
    if (v === "not-applicable") return { grade: null, word: "Not applicable" };
    return { grade: v, word: oldGradeLabel(v, s.eif_inspection_start ?? undefined) };
  };
  const lines: EifLine[] = EIF_JUDGEMENTS.flatMap((j) => {
    const w = eifWord(s[`eif_${j.key}`]);
    return w ? [{ key: j.key, label: j.label, ...w }] : [];
  });
  const overall = lines.find((l) => l.key === "overall-effectiveness") ?? null;
  const hasEif = lines.length > 0 || s.eif_inspection_start !== null || s.eif_safeguarding !== null;
  const eif = hasEif
    ? { start: s.eif_inspection_start, publication: s.eif_publication, overall, judgements: lines.filter((l) => l.key !== "overall-effectiveness"), safeguarding: s.eif_safeguarding }
    : null;

  let safeguardingAlert: SchoolView["safeguardingAlert"] = null;
  if (card?.safeguarding === "not-met") safeguardingAlert = { framework: "report-card", date: s.safeguarding_date ?? cardDate };
  else if (!card?.safeguarding && s.eif_safeguarding === "not-met") safeguardingAlert = { framework: "eif", date: s.eif_inspection_start };

  const compare: CompareRow[] = [];
  const ph = `phase|${s.phase}`, rg = `region|${s.region}`;
  if (overall?.grade) {
    const col = `pct_${UNDERSCORE(overall.grade)}`;
    compare.push({ label: "Overall effectiveness (2019 framework)", school: overall.word, phase: share(L.eif, `${ph}|overall-effectiveness`, col), region: share(L.eif, `${rg}|overall-effectiveness`, col), dataset: "mi-eif-grades" });
  }
  if (card) {
    if (card.safeguarding) {
      const col = `pct_${UNDERSCORE(card.safeguarding)}`;
      compare.push({ label: "Safeguarding (report card)", school: safeguardingGrade(card.safeguarding).label, phase: share(L.sg, `${ph}|report-card`, col), region: share(L.sg, `${rg}|report-card`, col), dataset: "mi-safeguarding" });
    }
    for (const a of SCHOOL_AREAS) {
      const g = card.grades[a.key];
      if (!g) continue;
      const col = `pct_${UNDERSCORE(g)}`;
      compare.push({ label: a.label, school: reportCardGrade(g).label, phase: share(L.card, `${ph}|${a.key}`, col), region: share(L.card, `${rg}|${a.key}`, col), dataset: "mi-report-card-grades" });
    }
  }
  return { row: s, safeguardingAlert, card, eif, reportUrl: ofstedReportUrl(s.web_link), compare };
}
