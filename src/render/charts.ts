/**
 * The charts this build publishes: those in the registry (src/charts/index.ts, pure data) whose
 * datasets are all present in the data folder. Charts on imported data (mi-*) appear only after
 * `npm run data:import`. Build-time only: it asks load.ts which data files exist.
 */
import { ALL_CHARTS } from "../charts/index.ts";
import type { ChartDefinition } from "../lib/chart.ts";
import { datasetExists } from "./load.ts";
import { areaCharts } from "./areas-load.ts";

export const CHARTS: readonly ChartDefinition[] = ALL_CHARTS.filter((c) => c.datasets.every((d) => datasetExists(d)));

export const CHART_IDS = CHARTS.map((c) => c.id);

/**
 * One chart per local authority, region and constituency after an import (src/charts/area-report-cards.ts):
 * each has an embed, oEmbed and downloads like any chart; its page is its area's page (/areas/), it is
 * not in the gallery, and it shares the site's preview card.
 */
export const AREA_CHARTS: readonly ChartDefinition[] = areaCharts();
/** Every chart with an embed, oEmbed and downloads: the gallery's and the areas'. */
export const PUBLISHED_CHARTS: readonly ChartDefinition[] = [...CHARTS, ...AREA_CHARTS];
const BY_ID = new Map(PUBLISHED_CHARTS.map((c) => [c.id, c]));
const AREA_IDS = new Set(AREA_CHARTS.map((c) => c.id));

export function chartById(id: string): ChartDefinition | undefined {
  return BY_ID.get(id);
}

export function isAreaChart(id: string): boolean {
  return AREA_IDS.has(id);
}
