/** Build-time bridge from the dataset loader to a chart's rows (node only). */
import type { ChartData, ChartDefinition } from "../charts/types.ts";
import { loadDataset } from "./load.ts";

/** The rows a chart shows, from the datasets it names (each parsed once per build). */
export function loadChartRows<Row>(chart: ChartDefinition<Row>): Row[] {
  const data: ChartData = {};
  for (const id of chart.datasets) (data as Record<string, unknown>)[id] = loadDataset(id);
  return chart.select(data);
}
