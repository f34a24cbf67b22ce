/**
 * Seeded generator of FICTIONAL schools in the exact layout of Ofsted's monthly MI file (sheet
 * D2_Most_recent_inspections): 85 columns, NULL for missing, dd/mm/yyyy dates, EIF codes, report-card
 * grade words, Met / Not met, Windows-1252 text. For tests and the benchmark; no real school.
 */
import { SCHOOL_AREAS, type AreaKey } from "../areas.ts";
import { OLD_GRADES, REPORT_CARD_GRADES, type OldGradeKey, type ReportCardGradeKey } from "../grades.ts";
import { AREA_DATE_COLUMN, EIF_JUDGEMENTS, EIF_SAFEGUARDING_COLUMN, MI_D2_COLUMNS, type EifJudgementKey, type MiColumn } from "./columns.ts";
import { encodeWindows1252 } from "./encoding.ts";

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FictionalSchool {
  urn: number;
  name: string;
  phase: string;
  type: string;
  region: string;
  localAuthority: string;
  constituency: string;
  postcode: string;
  /** Report card (null if not yet inspected under the renewed framework). */
  card: { safeguarding: "met" | "not-met"; date: string; areas: Partial<Record<AreaKey, ReportCardGradeKey>> } | null;
  /** Latest EIF graded inspection (null if none). */
  eif: { start: string; publication: string; grades: Partial<Record<EifJudgementKey, OldGradeKey | "not-judged" | "not-applicable">>; safeguarding: "met" | "not-met" } | null;
  /** Latest ungraded inspection since then, with one of Ofsted's outcome phrases (null if none). */
  ungraded?: { date: string; outcome: string } | null;
}

/** Ofsted's ungraded-inspection outcome phrases (MI-VOCABULARY.md), by the grade they keep. */
const UNGRADED_BY_GRADE: Record<string, readonly string[]> = {
  outstanding: ["School remains Outstanding", "School remains Outstanding (Concerns) - S5 Next"],
  good: ["School remains Good", "School remains Good (Improving) - S5 Next", "School remains Good (Concerns) - S5 Next"],
};
const UNGRADED_NEWER = ["Standards maintained", "Improved significantly", "Some aspects not as strong"];

const REGIONS: [string, string[]][] = [
  ["North East", ["Durham", "Northumberland", "Gateshead"]],
  ["North West", ["Lancashire", "Cumberland", "Wirral"]],
  ["Yorkshire and the Humber", ["North Yorkshire", "Leeds", "Sheffield"]],
  ["East Midlands", ["Derbyshire", "Lincolnshire", "Nottingham"]],
  ["West Midlands", ["Birmingham", "Shropshire", "Coventry"]],
  ["East of England", ["Norfolk", "Suffolk", "Essex"]],
  ["London", ["Camden", "Hackney", "Croydon"]],
  ["South East", ["Kent", "Surrey", "Brighton and Hove"]],
  ["South West", ["Devon", "Cornwall", "Bristol, City of"]],
];
const PHASES: [string, number, string][] = [
  ["Primary", 0.75, "Community school"],
  ["Secondary", 0.16, "Academy converter"],
  ["Special", 0.05, "Community special school"],
  ["Nursery", 0.02, "LA nursery school"],
  ["Alternative provision", 0.02, "Pupil referral unit"],
];
const SAINTS = ["St Mary's C of E", "St Mary’s C of E", "St John's Catholic", "Holy Trinity", "St Thérèse Catholic", "Sainte-Anne's", "Christ Church"];
const PLACES = ["Ashby", "Brampton", "Castleford", "Dunmore", "Eastleigh", "Fenwick", "Glenfield", "Hartley", "Ivybridge", "Kelsall", "Longridge", "Marsden", "Newbold", "Oakley", "Penrith Road", "Queensbury", "Renée Clarke", "Saltash", "Thornbury", "Upton", "Whitby, Harbour Street"];
const KIND: Record<string, string[]> = {
  Primary: ["Primary School", "Infant School", "Junior School", "Primary Academy"],
  Secondary: ["Academy", "High School", "School", "College"],
  Special: ["Special School", "School"],
  Nursery: ["Nursery School"],
  "Alternative provision": ["Pupil Referral Unit", "Learning Centre"],
};

/**
 * Fictional parliamentary constituencies (issue 18): about 540 seats, as in England, of uneven size,
 * and two very small local authorities. Derived from the URN by a hash, not from the random stream,
 * so every other field of every school is what it was before constituencies were added.
 */
const SEATS = ["Central", "North", "South", "East", "West", "North East", "North West", "South East", "South West", "Vale", "Moor", "Valley", "Coast", "Rural", "Borders", "and Ashby", "and Brampton", "and Dunmore", "and Oakley", "and Upton"];
const SMALL_LAS: Record<string, [string, number, string]> = {
  "South West": ["Isles of Scilly", 0.004, "St Ives and the Isles"],
  London: ["City of London", 0.003, "Cities of London and Westminster"],
};
function hash01(n: number, salt: number): number {
  let h = Math.imul(n ^ salt, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h ^= h >>> 13;
  return (h >>> 0) / 4294967296;
}
function placeOf(urn: number, region: string, la: string): { localAuthority: string; constituency: string } {
  const small = SMALL_LAS[region];
  if (small && hash01(urn, 7) < small[1]) return { localAuthority: small[0], constituency: small[2] };
  return { localAuthority: la, constituency: `${la} ${SEATS[Math.floor(SEATS.length * hash01(urn, 11) ** 1.6)]}` };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
function weighted<T>(r: () => number, xs: readonly (readonly [T, number])[]): T {
  let u = r();
  for (const [x, w] of xs) { if ((u -= w) < 0) return x; }
  return xs[xs.length - 1]![0];
}
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
function dateBetween(r: () => number, from: string, to: string): string {
  const a = Date.parse(from + "T00:00:00Z"), b = Date.parse(to + "T00:00:00Z");
  return new Date(a + Math.floor(r() * ((b - a) / 86400000 + 1)) * 86400000).toISOString().slice(0, 10);
}
const addDays = (iso: string, n: number) => new Date(Date.parse(iso + "T00:00:00Z") + n * 86400000).toISOString().slice(0, 10);

const CARD_WEIGHTS = [["exceptional", 0.04], ["strong-standard", 0.33], ["expected-standard", 0.56], ["needs-attention", 0.06], ["urgent-improvement", 0.01]] as const;
const OLD_WEIGHTS = [["outstanding", 0.14], ["good", 0.76], ["requires-improvement", 0.08], ["inadequate", 0.02]] as const;

export function generateSchools(count: number, seed = 1): FictionalSchool[] {
  const r = rng(seed);
  const r2 = rng(seed ^ 0x5bd1e995);
  const out: FictionalSchool[] = [];
  let urn = 100000;
  for (let i = 0; i < count; i++) {
    urn += 1 + Math.floor(r() * 7);
    const phase = weighted(r, PHASES.map(([p, w]) => [p, w] as const));
    const [region, las] = pick(r, REGIONS);
    const religious = r() < 0.25;
    const name = `${religious ? pick(r, SAINTS) + " " : ""}${pick(r, PLACES)} ${pick(r, KIND[phase]!)}`;
    const hasEy = phase === "Nursery" || (phase === "Primary" && r() < 0.6);
    const hasPost16 = phase === "Secondary" && r() < 0.5;
    let eif: FictionalSchool["eif"] = null;
    if (r() < 0.93) {
      const start = dateBetween(r, "2019-09-09", "2025-11-07");
      const notJudged = start >= "2024-09-02";
      const overall = notJudged ? "not-judged" : weighted(r, OLD_WEIGHTS);
      const near = (): OldGradeKey => (overall === "not-judged" ? weighted(r, OLD_WEIGHTS) : r() < 0.8 ? overall : weighted(r, OLD_WEIGHTS));
      const grades: FictionalSchool["eif"] extends infer E ? E extends { grades: infer G } ? G : never : never = {
        "overall-effectiveness": overall,
        "quality-of-education": near(),
        "behaviour-and-attitudes": near(),
        "personal-development": near(),
        "leadership-and-management": near(),
        "early-years": hasEy ? near() : "not-applicable",
        "sixth-form": hasPost16 ? near() : "not-applicable",
      };
      eif = { start, publication: addDays(start, 20 + Math.floor(r() * 30)), grades, safeguarding: r() < 0.985 ? "met" : "not-met" };
    }
    let card: FictionalSchool["card"] = null;
    if (r() < 0.18) {
      const date = dateBetween(r, "2025-11-10", "2026-04-24");
      const areas: Partial<Record<AreaKey, ReportCardGradeKey>> = {};
      for (const a of SCHOOL_AREAS) {
        if (a.key === "early-years" && !hasEy) continue;
        if (a.key === "post-16" && !hasPost16) continue;
        areas[a.key] = weighted(r, CARD_WEIGHTS);
      }
      card = { safeguarding: r() < 0.97 ? "met" : "not-met", date, areas };
    }
    // Ungraded inspections come from a second stream, so each seed's other fields stay as they were.
    let ungraded: FictionalSchool["ungraded"] = null;
    if (eif && !card && r2() < 0.3) {
      const date = dateBetween(r2, addDays(eif.publication, 30) < "2025-11-07" ? addDays(eif.publication, 30) : "2025-11-07", "2025-11-07");
      const overall = eif.grades["overall-effectiveness"];
      const older = overall && overall in UNGRADED_BY_GRADE && date < "2024-09-01" ? UNGRADED_BY_GRADE[overall]! : UNGRADED_NEWER;
      ungraded = { date, outcome: pick(r2, older) };
    }
    const pc = `${pick(r, ["DH", "NE", "LS", "S", "DE", "B", "NR", "E", "N", "ME", "GU", "EX", "TR", "BS"])}${1 + Math.floor(r() * 20)} ${Math.floor(r() * 10)}${pick(r, ["AB", "XY", "QT", "LN", "EW"])}`;
    out.push({ urn, name, phase, type: PHASES.find((p) => p[0] === phase)![2], region, ...placeOf(urn, region, pick(r, las)), postcode: pc, card, eif, ungraded });
  }
  return out;
}

const CARD_LABEL = Object.fromEntries(REPORT_CARD_GRADES.map((g) => [g.key, g.label])) as Record<ReportCardGradeKey, string>;
const EIF_CODE = Object.fromEntries(OLD_GRADES.map((g) => [g.key, String(g.order)])) as Record<OldGradeKey, string>;
const COL = new Map(MI_D2_COLUMNS.map((c, i) => [c as string, i]));

/** One school as the 85 cells of an MI row. */
export function schoolCells(s: FictionalSchool): string[] {
  const row = new Array<string>(MI_D2_COLUMNS.length).fill("NULL");
  const set = (c: MiColumn, v: string) => { row[COL.get(c)!] = v; };
  set("Web Link (opens in new window)", `http://www.ofsted.gov.uk/inspection-reports/find-inspection-report/provider/ELS/${s.urn}`);
  set("URN", String(s.urn));
  set("LAESTAB", String(8000000 + (s.urn % 1000000)));
  set("School name", s.name);
  set("Ofsted phase", s.phase);
  set("Type of education", s.type);
  set("Ofsted region", s.region === "North East" || s.region === "Yorkshire and the Humber" ? "North East, Yorkshire and the Humber" : s.region);
  set("Region", s.region);
  set("Local authority", s.localAuthority);
  set("Parliamentary constituency", s.constituency);
  set("Postcode", s.postcode);
  set("Total number of pupils", String(30 + (s.urn % 1400)));
  const last = s.card?.date ?? s.eif?.start;
  if (last) {
    set("Inspection start date", dmy(last));
    set("Publication date", dmy(addDays(last, 25)));
    set("Does the latest full inspection relate to the URN of the current school?", "Yes");
  }
  if (s.card) {
    set("Safeguarding standards", s.card.safeguarding === "met" ? "Met" : "Not met");
    set("Safeguarding standards - date of grade", dmy(s.card.date));
    for (const a of SCHOOL_AREAS) {
      const g = s.card.areas[a.key];
      if (g) { set(a.miColumn as MiColumn, CARD_LABEL[g]); set(AREA_DATE_COLUMN[a.key], dmy(s.card.date)); }
    }
  }
  if (s.eif) {
    set("Inspection start date of latest OEIF graded inspection", dmy(s.eif.start));
    set("Publication date of latest OEIF graded inspection", dmy(s.eif.publication));
    for (const j of EIF_JUDGEMENTS) {
      const v = s.eif.grades[j.key];
      // Not applicable is 9; some of Ofsted's rows write 0 for it (MI-VOCABULARY.md): one school in 20 here.
      if (v) set(j.column, v === "not-judged" ? "Not judged" : v === "not-applicable" ? (s.urn % 20 === 0 ? "0" : "9") : EIF_CODE[v]);
    }
    set(EIF_SAFEGUARDING_COLUMN, s.eif.safeguarding === "met" ? "Yes" : "No");
  }
  if (s.ungraded) {
    set("Date of latest ungraded inspection", dmy(s.ungraded.date));
    set("Ungraded inspection publication date", dmy(addDays(s.ungraded.date, 21)));
    set("Ungraded inspection overall outcome", s.ungraded.outcome);
  }
  return row;
}

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const line = (cells: readonly string[]) => cells.map(quote).join(",");

/** Kinds of bad row the generator can plant, each with the reason text the importer should give. */
export const BAD_ROW_KINDS = ["grade-word", "date", "eif-code", "urn", "duplicate-urn", "field-count", "safeguarding"] as const;
export type BadRowKind = (typeof BAD_ROW_KINDS)[number];

export interface FixtureOptions {
  /** A title row above the header, as in older files. */
  readonly titleRow?: string;
  /** Bad rows to plant (after the good ones), cycling through BAD_ROW_KINDS. */
  readonly badRows?: number;
  /** Line ending: Ofsted's files use CRLF. */
  readonly eol?: "\r\n" | "\n";
}

/** The MI CSV text for the schools, plus the lines of planted bad rows. */
export function fixtureCsv(schools: readonly FictionalSchool[], opts: FixtureOptions = {}): { text: string; bad: { line: number; kind: BadRowKind }[] } {
  const eol = opts.eol ?? "\r\n";
  const out: string[] = [];
  if (opts.titleRow) out.push(quote(opts.titleRow));
  out.push(line(MI_D2_COLUMNS));
  for (const s of schools) out.push(line(schoolCells(s)));
  const bad: { line: number; kind: BadRowKind }[] = [];
  const n = opts.badRows ?? 0;
  for (let i = 0; i < n; i++) {
    const kind = BAD_ROW_KINDS[i % BAD_ROW_KINDS.length]!;
    const base = schools[i % Math.max(1, schools.length)];
    const s: FictionalSchool = base ? { ...base, urn: 900000 + i } : generateSchools(1, 99 + i)[0]!;
    const cells = schoolCells(s);
    const at = (c: MiColumn) => COL.get(c)!;
    if (kind === "grade-word") cells[at("Inclusion")] = "Good";
    if (kind === "date") { cells[at("Inclusion")] = "Expected standard"; cells[at("Inclusion - date of grade")] = "31/02/2026"; }
    if (kind === "eif-code") cells[at("Latest OEIF overall effectiveness")] = "5";
    if (kind === "urn") cells[at("URN")] = "URN-X";
    if (kind === "duplicate-urn") cells[at("URN")] = String(schools[0]?.urn ?? 900000 + i);
    if (kind === "safeguarding") cells[at("Safeguarding standards")] = "Partly met";
    out.push(kind === "field-count" ? line(cells.slice(0, 80)) : line(cells));
    bad.push({ line: out.length, kind });
  }
  return { text: out.join(eol) + eol, bad };
}

/** The fixture as Windows-1252 bytes, as Ofsted publishes the file. */
export function fixtureBytes(schools: readonly FictionalSchool[], opts: FixtureOptions = {}): { bytes: Uint8Array; bad: { line: number; kind: BadRowKind }[] } {
  const { text, bad } = fixtureCsv(schools, opts);
  return { bytes: encodeWindows1252(text), bad };
}
