/**
 * /schools/search-index.json: the school search index (src/lib/school-search.ts), built once at
 * build time; only the /schools/ page fetches it. No file without imported school rows.
 */
import type { APIRoute } from "astro";
import { hasImportedSchools, searchIndex } from "../../render/schools.ts";

export function getStaticPaths() {
  return hasImportedSchools() ? [{ params: { file: "search-index" } }] : [];
}

export const GET: APIRoute = () =>
  new Response(JSON.stringify(searchIndex()), { headers: { "Content-Type": "application/json; charset=utf-8" } });
