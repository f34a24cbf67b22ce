/**
 * /schools/search-index.json: the school search index (src/lib/school-search.ts), built once at
 * build time; only the /schools/ page fetches it. No file without imported school rows. With area
 * pages (issue 18) it also lists every area, so the search finds them by name or postcode district.
 */
import type { APIRoute } from "astro";
import { hasImportedSchools, searchIndex } from "../../render/schools.ts";
import { areaIndexRows } from "../../lib/school-search.ts";
import { areaReport, hasAreaPages } from "../../render/areas-load.ts";

export function getStaticPaths() {
  return hasImportedSchools() ? [{ params: { file: "search-index" } }] : [];
}

export const GET: APIRoute = () => {
  const areas = hasAreaPages() ? areaIndexRows(areaReport().areas.map((a) => ({ ...a, schools: a.tally.schools }))) : undefined;
  return new Response(JSON.stringify(areas ? { ...searchIndex(), areas } : searchIndex()), { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
