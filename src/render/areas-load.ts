/**
 * Build-time loader for the local edition (issue 18): the area report of the last import, made once
 * per build from the per-school extract (read through src/render/schools.ts), and one chart per area.
 * No import, no areas: nothing is built and nothing links to them.
 */
import { loadSchools } from "./schools.ts";
import { AREA_RENAMES } from "../lib/area-renames.ts";
import { buildAreaReport, NOT_RECORDED, renamedAliases, type Area, type AreaAlias, type AreaKind, type AreaReport } from "../lib/areas-report.ts";
import { areaChart } from "../charts/area-report-cards.ts";
import { datasetExists } from "./load.ts";
import type { ChartDefinition } from "../charts/types.ts";

let report: AreaReport | undefined;
let charts: ChartDefinition[] | undefined;

/** Every area of the last import, with England's tally; empty without an import. */
export function areaReport(): AreaReport {
  return (report ??= buildAreaReport(loadSchools()));
}

/**
 * True when area pages are built: imported schools and the aggregates their charts compare with.
 * BOW_AREA_PAGES=0 builds the site without them (npm run bench:build measures what they add).
 */
let has: boolean | undefined;
export function hasAreaPages(): boolean {
  return (has ??= process.env.BOW_AREA_PAGES !== "0" && areaReport().areas.length > 0 && ["mi-report-card-grades", "mi-safeguarding", "mi-overview"].every((d) => datasetExists(d as never)));
}

let aliases: AreaAlias[] | undefined;
/** Old names' URLs of renamed areas (src/lib/area-renames.ts), each pointing at its current area. */
export function areaAliases(): AreaAlias[] {
  return (aliases ??= hasAreaPages() ? renamedAliases(areaReport().areas, AREA_RENAMES) : []);
}

/** One chart per area (ids area-<kind>-<slug>), plus one per old name of a renamed area; none without an import. */
export function areaCharts(): ChartDefinition[] {
  return (charts ??= hasAreaPages() ? [...areaReport().areas.map((a) => areaChart(a)), ...areaAliases().map((al) => ({ ...areaChart(al.area), id: al.id }))] : []);
}

export function areasOfKind(kind: AreaKind): Area[] {
  return areaReport().areas.filter((a) => a.kind === kind);
}

const byName = new Map<string, Area>();
/** The area of `kind` a school belongs to (its page links to its local authority and constituency); undefined without area pages. */
export function areaOfSchool(kind: AreaKind, name: string): Area | undefined {
  if (!hasAreaPages()) return undefined;
  if (byName.size === 0) for (const a of areaReport().areas) byName.set(`${a.kind}|${a.name}`, a);
  return byName.get(`${kind}|${name.trim() || NOT_RECORDED}`);
}
