/**
 * The chart registry. A new chart is one file in src/charts, one line here and one snapshot test.
 */
import { goodOrOutstandingOverTime } from "./good-or-outstanding-over-time.ts";
import { waysToFailChart } from "./ways-to-fail.ts";
import { reportCardBuilder } from "./report-card-builder.ts";
import type { ChartDefinition } from "./types.ts";

export const CHARTS: readonly ChartDefinition[] = [goodOrOutstandingOverTime, waysToFailChart, reportCardBuilder];

export const CHART_IDS = CHARTS.map((c) => c.id);

export function chartById(id: string): ChartDefinition | undefined {
  return CHARTS.find((c) => c.id === id);
}
