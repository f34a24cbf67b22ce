/**
 * Small aggregate tables from imported MI school records: the rows of the mi-* datasets. Pure.
 */
import { SCHOOL_AREAS } from "../areas.ts";
import { OLD_GRADES, oldGrade, type OldGradeKey, type ReportCardGradeKey } from "../grades.ts";
import { pct, type Breakdown } from "../datasets/mi-common.ts";
import type { MiOverviewRow } from "../datasets/mi-overview.ts";
import type { MiReportCardGradesRow } from "../datasets/mi-report-card-grades.ts";
import type { MiSafeguardingRow } from "../datasets/mi-safeguarding.ts";
import type { MiEifGradesRow } from "../datasets/mi-eif-grades.ts";
import type { MiOldVsNewRow, CrossTabArea } from "../datasets/mi-old-vs-new.ts";
import { miSchoolsSchema, type MiSchoolRow } from "../datasets/mi-schools.ts";
import { EIF_JUDGEMENTS } from "./columns.ts";
import type { MiSchool } from "./parse.ts";

export interface MiSource {
  as_at: string;
  source_title: string;
  source_url: string;
}

export interface MiAggregates {
  "mi-overview": MiOverviewRow[];
  "mi-report-card-grades": MiReportCardGradesRow[];
  "mi-safeguarding": MiSafeguardingRow[];
  "mi-eif-grades": MiEifGradesRow[];
  "mi-old-vs-new": MiOldVsNewRow[];
}

/** Alphabetical, ignoring case (plain code units: no locale collator to load for ten names). */
const alpha = (a: string, b: string) => {
  const x = a.toLowerCase(), y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
};
const PHASE_ORDER = ["Nursery", "Primary", "Secondary", "All-through", "Special", "Alternative provision", "PRU", "Pupil referral unit"];
const byPhase = (a: string, b: string) => {
  const ia = PHASE_ORDER.indexOf(a), ib = PHASE_ORDER.indexOf(b);
  if (a === "Not recorded" || b === "Not recorded") return a === b ? 0 : a === "Not recorded" ? 1 : -1;
  if (ia >= 0 && ib >= 0) return ia - ib;
  if (ia >= 0 || ib >= 0) return ia >= 0 ? -1 : 1;
  return alpha(a, b);
};
const byName = (a: string, b: string) => (a === "Not recorded" ? 1 : b === "Not recorded" ? -1 : alpha(a, b));

const AREA_KEYS = SCHOOL_AREAS.map((a) => a.key);
const EIF_KEYS = EIF_JUDGEMENTS.map((j) => j.key);
export const hasReportCard = (s: MiSchool) => s.safeguarding !== null || AREA_KEYS.some((k) => s.areas[k] !== undefined);
const eifOverall = (s: MiSchool): OldGradeKey | undefined => {
  const v = s.eif["overall-effectiveness"];
  return v === undefined || v === "not-judged" || v === "not-applicable" ? undefined : v;
};

const CARD_INDEX: Record<ReportCardGradeKey, number> = { exceptional: 0, "strong-standard": 1, "expected-standard": 2, "needs-attention": 3, "urgent-improvement": 4 };
const OLD_INDEX: Record<OldGradeKey, number> = { outstanding: 0, good: 1, "requires-improvement": 2, inadequate: 3 };

function cardShares(c: readonly number[]) {
  const t = c.reduce((a, b) => a + b, 0);
  return {
    n_exceptional: c[0]!, n_strong_standard: c[1]!, n_expected_standard: c[2]!, n_needs_attention: c[3]!, n_urgent_improvement: c[4]!,
    pct_exceptional: pct(c[0]!, t), pct_strong_standard: pct(c[1]!, t), pct_expected_standard: pct(c[2]!, t), pct_needs_attention: pct(c[3]!, t), pct_urgent_improvement: pct(c[4]!, t),
  };
}

interface Acc {
  breakdown: Breakdown;
  group: string;
  n: number;
  card: number;
  eifGraded: number;
  notJudged: number;
  both: number;
  areas: number[][];
  sg: [number, number];
  eifSg: [number, number];
  /** Per EIF judgement: outstanding, good, RI, inadequate, not judged. */
  eif: number[][];
}
const newAcc = (breakdown: Breakdown, group: string): Acc => ({
  breakdown, group, n: 0, card: 0, eifGraded: 0, notJudged: 0, both: 0,
  areas: SCHOOL_AREAS.map(() => [0, 0, 0, 0, 0]), sg: [0, 0], eifSg: [0, 0], eif: EIF_JUDGEMENTS.map(() => [0, 0, 0, 0, 0]),
});

/** One pass over the schools: every count for England, each phase and each region. */
export function aggregate(schools: readonly MiSchool[], src: MiSource): MiAggregates {
  const all = newAcc("all", "All schools");
  const phases = new Map<string, Acc>();
  const regions = new Map<string, Acc>();
  const cross = OLD_GRADES.map(() => [...SCHOOL_AREAS.map(() => [0, 0, 0, 0, 0]), [0, 0, 0, 0, 0]]);
  for (const s of schools) {
    let p = phases.get(s.phase);
    if (!p) phases.set(s.phase, (p = newAcc("phase", s.phase)));
    let r = regions.get(s.region);
    if (!r) regions.set(s.region, (r = newAcc("region", s.region)));
    const card = hasReportCard(s);
    const overall = eifOverall(s);
    const notJudged = s.eif["overall-effectiveness"] === "not-judged";
    let worst = -1;
    for (let ai = 0; ai < 3; ai++) {
      const acc = ai === 0 ? all : ai === 1 ? p : r;
      acc.n++;
      if (card) acc.card++;
      if (overall !== undefined) acc.eifGraded++;
      if (notJudged) acc.notJudged++;
      if (card && overall !== undefined) acc.both++;
      if (s.safeguarding === "met") acc.sg[0]++;
      else if (s.safeguarding === "not-met") acc.sg[1]++;
      if (s.eifSafeguarding === "met") acc.eifSg[0]++;
      else if (s.eifSafeguarding === "not-met") acc.eifSg[1]++;
    }
    for (let i = 0; i < AREA_KEYS.length; i++) {
      const g = s.areas[AREA_KEYS[i]!];
      if (g === undefined) continue;
      const gi = CARD_INDEX[g.grade];
      if (gi > worst) worst = gi;
      all.areas[i]![gi]!++;
      p.areas[i]![gi]!++;
      r.areas[i]![gi]!++;
      if (card && overall !== undefined) cross[OLD_INDEX[overall]]![i]![gi]!++;
    }
    if (worst >= 0 && card && overall !== undefined) cross[OLD_INDEX[overall]]![SCHOOL_AREAS.length]![worst]!++;
    for (let i = 0; i < EIF_KEYS.length; i++) {
      const v = s.eif[EIF_KEYS[i]!];
      if (v === undefined || v === "not-applicable") continue;
      const k = v === "not-judged" ? 4 : OLD_INDEX[v];
      all.eif[i]![k]!++;
      p.eif[i]![k]!++;
      r.eif[i]![k]!++;
    }
  }
  const accs = [all, ...[...phases.keys()].sort(byPhase).map((k) => phases.get(k)!), ...[...regions.keys()].sort(byName).map((k) => regions.get(k)!)];

  const overview: MiOverviewRow[] = accs.map((a) => ({
    breakdown: a.breakdown, group: a.group, n_schools: a.n, n_with_report_card: a.card, n_with_eif_grade: a.eifGraded,
    n_eif_not_judged: a.notJudged, n_with_both: a.both, ...src,
  }));
  const cards: MiReportCardGradesRow[] = [];
  const safeguarding: MiSafeguardingRow[] = [];
  const eifRows: MiEifGradesRow[] = [];
  for (const a of accs) {
    SCHOOL_AREAS.forEach((area, i) => {
      const c = a.areas[i]!;
      const n = c.reduce((x, y) => x + y, 0);
      if (n > 0) cards.push({ breakdown: a.breakdown, group: a.group, area: area.key, area_label: area.label, n_graded: n, ...cardShares(c), ...src });
    });
    for (const [framework, [met, notMet]] of [["report-card", a.sg], ["eif", a.eifSg]] as const) {
      const n = met + notMet;
      if (n > 0) safeguarding.push({ breakdown: a.breakdown, group: a.group, framework, n_judged: n, n_met: met, n_not_met: notMet, pct_met: pct(met, n), pct_not_met: pct(notMet, n), ...src });
    }
    EIF_JUDGEMENTS.forEach((j, i) => {
      const [o, g, ri, ina, nj] = a.eif[i]! as [number, number, number, number, number];
      const n = o + g + ri + ina;
      if (n === 0 && nj === 0) return;
      eifRows.push({
        breakdown: a.breakdown, group: a.group, judgement: j.key, n_graded: n,
        n_outstanding: o, n_good: g, n_requires_improvement: ri, n_inadequate: ina, n_not_judged: nj,
        pct_outstanding: pct(o, n), pct_good: pct(g, n), pct_requires_improvement: pct(ri, n), pct_inadequate: pct(ina, n),
        pct_good_or_outstanding: pct(o + g, n),
        ...src,
      });
    });
  }
  const crossRows: MiOldVsNewRow[] = [];
  const areaList: { key: CrossTabArea; label: string }[] = [...SCHOOL_AREAS.map((a) => ({ key: a.key as CrossTabArea, label: a.label })), { key: "lowest-area", label: "Lowest grade on the card" }];
  OLD_GRADES.forEach((old, oi) => {
    areaList.forEach((a, ai) => {
      const c = cross[oi]![ai]!;
      const n = c.reduce((x, y) => x + y, 0);
      if (n > 0) crossRows.push({ old_grade: old.key, area: a.key, area_label: a.label, n_schools: n, ...cardShares(c), ...src });
    });
  });
    return { "mi-overview": overview, "mi-report-card-grades": cards, "mi-safeguarding": safeguarding, "mi-eif-grades": eifRows, "mi-old-vs-new": crossRows };
}

/** A row as written to CSV: grade keys in label-checked columns become labels; null becomes blank. */
export function toCsvRecord(row: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row };
  if ("old_grade" in out) out.old_grade = oldGrade(out.old_grade as OldGradeKey).label;
  return out;
}

/** Columns of data/imported/schools.csv, in order: the schema's (src/lib/datasets/mi-schools.ts), named there once. */
export const SCHOOL_EXTRACT_COLUMNS = Object.keys(miSchoolsSchema.columns) as readonly (keyof MiSchoolRow & string)[];

/** Quotes a cell when it holds a comma, quote or line break, or starts or ends with white space. */
const quote = (v: string): string => (v === "" || !/[",\r\n]|^\s|\s$/.test(v) ? v : `"${v.replace(/"/g, '""')}"`);
// One test per school for whether any free-text cell needs quoting: the cells joined by U+0001, so
// white space at either end of any cell shows as white space beside U+0001 or the ends. A false
// alarm (U+0001 in a name) only sends that school down the careful path.
const ANY_NEEDS_QUOTES = /[",\r\n]|^\s|\s$|\s\u0001|\u0001\s/;

/** data/imported/schools.csv as text: the header and one line per school. */
export function schoolsCsv(schools: readonly MiSchool[]): string {
  return [...schoolsCsvChunks(schools)].join("");
}

/**
 * data/imported/schools.csv in pieces of up to `size` schools (the header first), for writing as it
 * is made (the property test in data-roundtrip.test.ts holds it to a plain cell-by-cell reading of
 * each school), written directly as text because it runs on 22,000 schools, text cells quoted only when
 * they need it. Each piece is short-lived, so the garbage collector has little to keep.
 */
export function* schoolsCsvChunks(schools: readonly MiSchool[], size = 500): Generator<string> {
  yield SCHOOL_EXTRACT_COLUMNS.join(",") + "\n";
  for (let start = 0; start < schools.length; start += size) {
    const lines: string[] = [];
    const end = Math.min(schools.length, start + size);
    for (let i = start; i < end; i++) lines.push(schoolLine(schools[i]!));
    lines.push("");
    yield lines.join("\n");
  }
}

/** One school's line, filled into one reused array and joined: no intermediate strings per cell. */
const LINE: (string | number | null | undefined)[] = new Array(SCHOOL_EXTRACT_COLUMNS.length).fill("");
const CARD_AT = SCHOOL_EXTRACT_COLUMNS.indexOf(`card_${SCHOOL_AREAS[0]!.key}`);
const EIF_AT = SCHOOL_EXTRACT_COLUMNS.indexOf(`eif_${EIF_JUDGEMENTS[0]!.key}`);
function schoolLine(s: MiSchool): string {
  const L = LINE;
  let { name, phase, type, localAuthority, region, postcode, webLink, ungradedOutcome, categoryOfConcern, constituency } = s;
  if (ANY_NEEDS_QUOTES.test(`${name}\u0001${phase}\u0001${type}\u0001${localAuthority}\u0001${region}\u0001${postcode}\u0001${webLink}\u0001${ungradedOutcome}\u0001${categoryOfConcern}\u0001${constituency}`)) {
    [name, phase, type, localAuthority, region, postcode, webLink, ungradedOutcome, categoryOfConcern, constituency] = [name, phase, type, localAuthority, region, postcode, webLink, ungradedOutcome, categoryOfConcern, constituency].map(quote) as [string, string, string, string, string, string, string, string, string, string];
  }
  L[0] = s.urn;
  L[1] = name;
  L[2] = phase;
  L[3] = type;
  L[4] = localAuthority;
  L[5] = region;
  L[6] = postcode;
  L[7] = webLink;
  L[8] = s.safeguarding;
  L[9] = s.safeguardingDate;
  let cardDate = "";
  for (let i = 0; i < AREA_KEYS.length; i++) {
    const g = s.areas[AREA_KEYS[i]!];
    L[CARD_AT + i] = g?.grade;
    if (g !== undefined && g.date !== null && g.date > cardDate) cardDate = g.date;
  }
  L[10] = cardDate;
  let k = CARD_AT + AREA_KEYS.length;
  L[k++] = s.eifInspectionStart;
  L[k++] = s.eifPublication;
  for (let i = 0; i < EIF_KEYS.length; i++) L[EIF_AT + i] = s.eif[EIF_KEYS[i]!];
  k = EIF_AT + EIF_KEYS.length;
  L[k++] = s.eifSafeguarding;
  L[k++] = s.ungradedDate;
  L[k++] = ungradedOutcome;
  L[k++] = categoryOfConcern;
  L[k++] = constituency;
  return L.join(",");
}
