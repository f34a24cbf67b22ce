/**
 * School pages' build-time reads: the last import's per-school extract (data/imported/schools.csv,
 * written by `npm run data:import -- <file>`; never committed), the mi-* lookups for "how this
 * school compares", the data date and the search index, each once per build (cached per data
 * folder, like load.ts). Without an import (or with 0 schools) `hasImportedSchools()` is false: no
 * school page is built and nothing links to one.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseTable } from "../lib/csv.ts";
import { MI_SCHOOLS_FILE, miSchoolsSchema, type MiSchoolRow } from "../lib/datasets/mi-schools.ts";
import { buildSearchIndex, type SearchIndexFile } from "../lib/school-search.ts";
import { laSlug, type Lookups } from "../lib/schools.ts";
import { dataDir, datasetExists, loadDataset } from "./load.ts";
import { readRelease } from "./release.ts";

const cache = new Map<string, unknown>();
function once<T>(key: string, make: () => T): T {
  const k = `${dataDir()}::${key}`;
  if (cache.has(k)) return cache.get(k) as T;
  const v = make();
  cache.set(k, v);
  return v;
}

/** How many times the extract was parsed in this process (the build should parse it once). */
export let schoolsParseCount = 0;

/** Every school row of the last import, in file order; [] when there is no import. */
export function loadSchools(): MiSchoolRow[] {
  return once("schools", () => {
    const path = join(dataDir(), MI_SCHOOLS_FILE);
    if (!existsSync(path)) return [];
    schoolsParseCount++;
    return parseTable(readFileSync(path, "utf8"), relative(process.cwd(), path) || path, miSchoolsSchema);
  });
}

/** True when imported school rows exist: only then are /schools/ pages built and linked. */
export function hasImportedSchools(): boolean {
  return loadSchools().length > 0;
}

/** The schools sorted by name (then URN), for lists. */
export function schoolsByName(): MiSchoolRow[] {
  return once("byName", () => [...loadSchools()].sort((a, b) => a.name.localeCompare(b.name, "en-GB") || a.urn - b.urn));
}

/** The date of the MI file the pages show (yyyy-mm-dd): its "as at" date, else the import date; null without an import. */
export function dataAsAt(): string | null {
  return once("asAt", () => {
    if (datasetExists("mi-overview")) {
      const row = loadDataset("mi-overview")[0];
      if (row) return row.as_at;
    }
    const r = readRelease();
    return r.kind === "import" ? (r.file_date ?? r.imported_at.slice(0, 10)) : null;
  });
}

export interface LocalAuthorityGroup {
  readonly name: string;
  readonly slug: string;
  readonly region: string;
  readonly schools: MiSchoolRow[];
}

/** Schools grouped by local authority (sorted by name), for the no-JavaScript lists. */
export function localAuthorities(): LocalAuthorityGroup[] {
  return once("las", () => {
    const by = new Map<string, MiSchoolRow[]>();
    for (const s of schoolsByName()) {
      const name = s.local_authority || "Not recorded";
      (by.get(name) ?? by.set(name, []).get(name)!).push(s);
    }
    const used = new Set<string>();
    return [...by.keys()].sort((a, b) => a.localeCompare(b, "en-GB")).map((name) => {
      let slug = laSlug(name);
      for (let i = 2; used.has(slug); i++) slug = `${laSlug(name)}-${i}`;
      used.add(slug);
      const schools = by.get(name)!;
      // A local authority belongs to one region; take the most common in case the file disagrees.
      const counts = new Map<string, number>();
      for (const s of schools) counts.set(s.region, (counts.get(s.region) ?? 0) + 1);
      const region = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      return { name, slug, region, schools };
    });
  });
}

/** The search index file, built once. */
export function searchIndex(): SearchIndexFile {
  return once("index", () =>
    buildSearchIndex(
      loadSchools().map((s) => ({ urn: s.urn, name: s.name, localAuthority: s.local_authority || "Not recorded", region: s.region, phase: s.phase, postcode: s.postcode })),
      dataAsAt(),
    ),
  );
}

/** Lookups of the mi-* aggregate datasets a school page compares with; built once. */
export function schoolLookups(): Lookups {
  return once("lookups", () => {
    const eif = new Map<string, Record<string, unknown>>();
    const card = new Map<string, Record<string, unknown>>();
    const sg = new Map<string, Record<string, unknown>>();
    if (datasetExists("mi-eif-grades")) for (const r of loadDataset("mi-eif-grades")) eif.set(`${r.breakdown}|${r.group}|${r.judgement}`, r as unknown as Record<string, unknown>);
    if (datasetExists("mi-report-card-grades")) for (const r of loadDataset("mi-report-card-grades")) card.set(`${r.breakdown}|${r.group}|${r.area}`, r as unknown as Record<string, unknown>);
    if (datasetExists("mi-safeguarding")) for (const r of loadDataset("mi-safeguarding")) sg.set(`${r.breakdown}|${r.group}|${r.framework}`, r as unknown as Record<string, unknown>);
    return { eif, card, sg };
  });
}
