/**
 * School search, shared by the build (writes the index) and the browser (src/scripts/school-search.ts).
 * Pure: no Node or DOM APIs.
 *
 * The index is one small JSON file, /schools/search-index.json, loaded on the search page only:
 *   { v: 1, asAt, la: [names], region: [names], phase: [names], laRegion: [region index per la],
 *     rows: [[urn, name, laIndex, phaseIndex, postcode], ...] }   (rows sorted by name)
 * Repeated strings (local authority, phase, region) are stored once and referenced by index, so
 * 22,000 schools make about 1 MB of JSON, roughly 250 KB gzipped as servers send it.
 * Searching: every word typed must occur in the school's name, URN, local authority, region or
 * postcode (accents, case, apostrophes and punctuation ignored; postcodes match with or without
 * their space). Results rank: exact URN, name starting with the query, a name word starting with
 * the first word, then everything else; alphabetical within each rank.
 */

export interface SearchIndexFile {
  readonly v: 1;
  /**
   * Areas (issue 18), when area pages exist: [kind index into AREA_KIND_KEYS, name, slug, schools,
   * postcode districts separated by spaces]. Optional, so an index without areas still loads.
   */
  readonly areas?: readonly (readonly [number, string, string, number, string])[];
  readonly asAt: string | null;
  readonly la: readonly string[];
  readonly region: readonly string[];
  readonly phase: readonly string[];
  /** Region index for each local authority (a local authority sits in one region). */
  readonly laRegion: readonly number[];
  readonly rows: readonly (readonly [number, string, number, number, string])[];
}

export interface IndexSchool {
  readonly urn: number;
  readonly name: string;
  readonly localAuthority: string;
  readonly region: string;
  readonly phase: string;
  readonly postcode: string;
}

export interface SchoolForIndex extends IndexSchool {}

/** Kinds of area in the index, by index; and how a result names each. */
export const AREA_KIND_KEYS = ["la", "constituency", "region"] as const;
export const AREA_KIND_LABELS = ["Local authority", "Parliamentary constituency", "Region"] as const;

export interface IndexArea {
  readonly kind: (typeof AREA_KIND_KEYS)[number];
  readonly kindLabel: string;
  readonly name: string;
  /** /areas/<kind>/<slug>/ */
  readonly path: string;
  readonly schools: number;
}

/** The index's area rows, from each area's kind, name, slug, school count and postcode districts. */
export function areaIndexRows(areas: readonly { kind: string; name: string; slug: string; schools: number; districts: readonly string[] }[]): NonNullable<SearchIndexFile["areas"]> {
  return areas.map((a) => [AREA_KIND_KEYS.indexOf(a.kind as never), a.name, a.slug, a.schools, a.districts.join(" ")] as const);
}

/** The outward code of a postcode or district as typed ("bs1 4dj", "BS1") -> "bs1"; "" if it is not one. */
function districtOf(q: string): string {
  const m = /^([a-z]{1,2}[0-9][0-9a-z]?)(?: ?[0-9][a-z]{2})?$/.exec(q);
  return m ? m[1]! : "";
}

/** Lower case, accents and apostrophes dropped, any other punctuation a space, spaces collapsed. */
export function normalise(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['\u2018\u2019`\u00b4]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Builds the index file's content (the build calls this once). Rows are sorted by name, then URN. */
export function buildSearchIndex(schools: readonly SchoolForIndex[], asAt: string | null): SearchIndexFile {
  const laRegion = new Map<string, string>();
  for (const s of schools) if (!laRegion.has(s.localAuthority)) laRegion.set(s.localAuthority, s.region);
  const la = [...laRegion.keys()].sort((a, b) => a.localeCompare(b, "en-GB"));
  const region = [...new Set(schools.map((s) => s.region))].sort((a, b) => a.localeCompare(b, "en-GB"));
  const phase = [...new Set(schools.map((s) => s.phase))].sort((a, b) => a.localeCompare(b, "en-GB"));
  const laI = new Map(la.map((x, i) => [x, i]));
  const phI = new Map(phase.map((x, i) => [x, i]));
  const rgI = new Map(region.map((x, i) => [x, i]));
  const sorted = [...schools].sort((a, b) => a.name.localeCompare(b.name, "en-GB") || a.urn - b.urn);
  return {
    v: 1,
    asAt,
    la,
    region,
    phase,
    laRegion: la.map((l) => rgI.get(laRegion.get(l)!)!),
    rows: sorted.map((s) => [s.urn, s.name, laI.get(s.localAuthority)!, phI.get(s.phase)!, s.postcode] as const),
  };
}

/** normalise(), with a fast path for the common case of plain letters, digits and single spaces. */
function key(s: string): string {
  return /^[A-Za-z0-9]+( [A-Za-z0-9]+)*$/.test(s) ? s.toLowerCase() : normalise(s);
}

const whole = (q: string) => " " + q;

/** Bit masks of the letters and digits that start a word in " word word ..." text. */
function initials(text: string): [number, number] {
  let l = 0, d = 0;
  for (let i = 0; i < text.length - 1; i++) {
    if (text.charCodeAt(i) !== 32) continue;
    const c = text.charCodeAt(i + 1);
    if (c >= 97 && c <= 122) l |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) d |= 1 << (c - 48);
  }
  return [l, d];
}

/** A school in the browser's prepared index: display fields plus precomputed search text. */
interface Prepared extends IndexSchool {
  /** " " + normalised name (leading space: "a word starts with w" is includes(" " + w)). */
  readonly nameKey: string;
  /** Every searchable word, normalised, each preceded by a space. */
  readonly hay: string;
  readonly urnText: string;
}

export interface SearchResult {
  /** Schools matching every word, in rank order, at most `limit`. */
  readonly schools: readonly IndexSchool[];
  /** How many schools match in all. */
  readonly total: number;
}

/**
 * The browser side: prepare once (normalise every row), then search on every keystroke. Each word
 * typed must start a word of the school's name, URN, local authority, region or postcode (the
 * postcode also matches without its space), so "st mary" finds "St Mary's C of E ..." and "ne16"
 * finds "NE16 1QT".
 */
export class SchoolSearch {
  readonly asAt: string | null;
  readonly size: number;
  private readonly rows: Prepared[];
  private lastQuery = "";
  private lastMatches: Int32Array | null = null;
  private lastResult: SearchResult = { schools: [], total: 0 };
  private bufA: Int32Array;
  private bufB: Int32Array;
  /** Per row, which letters (bits 0-25) and digits (bits 0-9) start one of its words: a cheap first filter. */
  private letters: Int32Array;
  private digits: Int32Array;

  private readonly areas: { area: IndexArea; nameKey: string; districts: Set<string> }[];

  constructor(file: SearchIndexFile) {
    if (!file || file.v !== 1 || !Array.isArray(file.rows)) throw new Error("school search index: unexpected format");
    this.asAt = file.asAt;
    const laKeys = file.la.map(key);
    const rgKeys = file.region.map(key);
    this.rows = file.rows.map(([urn, name, la, ph, postcode]) => {
      const nameKey = " " + key(name);
      const pc = key(postcode);
      const r = file.laRegion[la]!;
      const urnText = String(urn);
      return {
        urn, name, postcode,
        localAuthority: file.la[la]!, region: file.region[r]!, phase: file.phase[ph]!,
        nameKey,
        hay: `${nameKey} ${urnText} ${laKeys[la]} ${rgKeys[r]} ${pc} ${pc.replace(/ /g, "")}`,
        urnText,
      };
    });
    this.size = this.rows.length;
    this.areas = (Array.isArray(file.areas) ? file.areas : []).flatMap(([k, name, slug, schools, districts]) => {
      const kind = AREA_KIND_KEYS[k];
      if (!kind || typeof name !== "string" || !/^[a-z0-9-]+$/.test(String(slug))) return [];
      return [{ area: { kind, kindLabel: AREA_KIND_LABELS[k]!, name, path: `/areas/${kind}/${slug}/`, schools: Number(schools) || 0 }, nameKey: " " + key(name), districts: new Set(String(districts).toLowerCase().split(" ").filter(Boolean)) }];
    });
    this.bufA = new Int32Array(this.size);
    this.bufB = new Int32Array(this.size);
    this.letters = new Int32Array(this.size);
    this.digits = new Int32Array(this.size);
    this.rows.forEach((row, i) => {
      const [l, d] = initials(row.hay);
      this.letters[i] = l;
      this.digits[i] = d;
    });
    // Warm up once at load time (string flattening and JIT), not on the reader's first keystroke.
    for (const w of ["zq", "st m", "1"]) this.search(w);
    this.search("");
  }

  /**
   * Areas whose name has every word typed at the start of one of its words, or that hold the postcode
   * district typed (alone or as part of a full postcode): names starting with the query first, then
   * local authorities, constituencies and regions, each alphabetical.
   */
  searchAreas(query: string, limit = 5): IndexArea[] {
    const q = normalise(query);
    if (q === "" || this.areas.length === 0) return [];
    const needles = q.split(" ").map((w) => " " + w);
    const district = districtOf(q) || districtOf(q.replace(/ /g, ""));
    const hits = this.areas.filter((a) => (district && a.districts.has(district)) || needles.every((w) => a.nameKey.includes(w)));
    const rank = (a: (typeof hits)[number]) => (a.nameKey.startsWith(" " + q) ? 0 : 1) * 10 + AREA_KIND_KEYS.indexOf(a.area.kind);
    return hits.sort((a, b) => rank(a) - rank(b) || a.area.name.localeCompare(b.area.name, "en-GB")).slice(0, limit).map((a) => a.area);
  }

  search(query: string, limit = 20): SearchResult {
    const q = normalise(query);
    if (q === this.lastQuery && this.lastMatches !== null) return this.lastResult;
    if (q === "") {
      this.lastQuery = "";
      this.lastMatches = null;
      return (this.lastResult = { schools: [], total: 0 });
    }
    const needles = q.split(" ").map((w) => " " + w);
    const nw = needles.length;
    const [needL, needD] = initials(whole(q));
    // One-character words are decided by the initials alone.
    const exact = needles.every((w) => w.length === 2);
    const letters = this.letters, digits = this.digits;
    // Typing one more character only narrows the matches: rescan the previous matches, not everything.
    const pool = this.lastMatches !== null && this.lastQuery !== "" && q.startsWith(this.lastQuery) ? this.lastMatches : null;
    const n = pool ? pool.length : this.rows.length;
    const out = pool && pool.buffer === this.bufA.buffer ? this.bufB : this.bufA;
    let total = 0;
    const b0: number[] = [], b1: number[] = [], b2: number[] = [], b3: number[] = [];
    const first = needles[0]!;
    const wholeQ = whole(q);
    const numeric = /^\d+$/.test(q);
    const rows = this.rows;
    for (let k = 0; k < n; k++) {
      const i = pool ? pool[k]! : k;
      if ((letters[i]! & needL) !== needL || (digits[i]! & needD) !== needD) continue;
      const row = rows[i]!;
      if (!exact) {
        const hay = row.hay;
        let w = 0;
        while (w < nw && hay.indexOf(needles[w]!) >= 0) w++;
        if (w < nw) continue;
      }
      out[total++] = i;
      // Rank only while it can still change what is shown.
      if (numeric && row.urnText === q) { if (b0.length < limit) b0.push(i); continue; }
      if (b0.length + b1.length >= limit) continue;
      const nk = row.nameKey;
      if (nk.startsWith(wholeQ)) b1.push(i);
      else if (b0.length + b1.length + b2.length < limit) { if (nk.indexOf(first) >= 0) b2.push(i); else if (b0.length + b1.length + b2.length + b3.length < limit) b3.push(i); }
    }
    this.lastQuery = q;
    this.lastMatches = out.subarray(0, total);
    const schools: IndexSchool[] = [];
    for (const b of [b0, b1, b2, b3]) for (const i of b) if (schools.length < limit) schools.push(rows[i]!);
    return (this.lastResult = { schools, total });
  }
}
