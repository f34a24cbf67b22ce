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

/** A school in the browser's prepared index: display fields plus precomputed search text. */
interface Prepared extends IndexSchool {
  /** " " + normalised name (leading space: "word starts" is includes(" " + word)). */
  readonly nameKey: string;
  /** Everything searchable, normalised, space-separated. */
  readonly hay: string;
  readonly urnText: string;
}

export interface SearchResult {
  /** Schools matching every word, in rank order, at most `limit`. */
  readonly schools: readonly IndexSchool[];
  /** How many schools match in all. */
  readonly total: number;
}

/** The browser side: prepare once (normalise every row), then search on every keystroke. */
export class SchoolSearch {
  readonly asAt: string | null;
  readonly size: number;
  private readonly rows: Prepared[];
  private lastQuery = "";
  private lastMatches: Int32Array | null = null;

  constructor(file: SearchIndexFile) {
    if (!file || file.v !== 1 || !Array.isArray(file.rows)) throw new Error("school search index: unexpected format");
    this.asAt = file.asAt;
    const laKeys = file.la.map(normalise);
    const rgKeys = file.region.map(normalise);
    this.rows = file.rows.map(([urn, name, la, ph, postcode]) => {
      const nameKey = " " + normalise(name);
      const pc = normalise(postcode);
      const r = file.laRegion[la]!;
      return {
        urn, name, postcode,
        localAuthority: file.la[la]!, region: file.region[r]!, phase: file.phase[ph]!,
        nameKey,
        hay: `${nameKey} ${urn} ${laKeys[la]} ${rgKeys[r]} ${pc} ${pc.replace(/ /g, "")}`,
        urnText: String(urn),
      };
    });
    this.size = this.rows.length;
  }

  search(query: string, limit = 20): SearchResult {
    const q = normalise(query);
    if (q === "") {
      this.lastQuery = "";
      this.lastMatches = null;
      return { schools: [], total: 0 };
    }
    const words = q.split(" ");
    // Typing one more character only narrows the matches: rescan the previous matches, not everything.
    const narrowing = this.lastMatches !== null && this.lastQuery !== "" && q.startsWith(this.lastQuery);
    const pool = narrowing ? this.lastMatches! : null;
    const n = pool ? pool.length : this.rows.length;
    const matches = new Int32Array(n);
    let total = 0;
    const buckets: number[][] = [[], [], [], []];
    const first = " " + words[0]!;
    const whole = " " + q;
    for (let k = 0; k < n; k++) {
      const i = pool ? pool[k]! : k;
      const row = this.rows[i]!;
      const hay = row.hay;
      let ok = true;
      for (let w = 0; w < words.length; w++) {
        if (hay.indexOf(words[w]!) < 0) { ok = false; break; }
      }
      if (!ok) continue;
      matches[total++] = i;
      const rank = row.urnText === q ? 0 : row.nameKey.startsWith(whole) ? 1 : row.nameKey.indexOf(first) >= 0 ? 2 : 3;
      const b = buckets[rank]!;
      if (b.length < limit) b.push(i);
    }
    this.lastQuery = q;
    this.lastMatches = matches.subarray(0, total);
    const out: IndexSchool[] = [];
    for (const b of buckets) {
      for (const i of b) {
        if (out.length >= limit) break;
        out.push(this.rows[i]!);
      }
    }
    return { schools: out, total };
  }
}
