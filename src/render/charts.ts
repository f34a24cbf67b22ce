/**
 * The charts this build publishes: those in the registry (src/charts/index.ts, pure data) whose
 * datasets are all present in the data folder. Charts on imported data (mi-*) appear only after
 * `npm run data:import`. Build-time only: it asks load.ts which data files exist.
 */
import { ALL_CHARTS } from "../charts/index.ts";
import type { ChartDefinition } from "../lib/chart.ts";
import { datasetExists } from "./load.ts";

export const CHARTS: readonly ChartDefinition[] = ALL_CHARTS.filter((c) => c.datasets.every((d) => datasetExists(d)));

export const CHART_IDS = CHARTS.map((c) => c.id);

export function chartById(id: string): ChartDefinition | undefined {
  return CHARTS.find((c) => c.id === id);
}
