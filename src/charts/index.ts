/**
 * The chart registry. A new chart is one file in src/charts, one line here and one snapshot test.
 */
import { goodOrOutstandingOverTime } from "./good-or-outstanding-over-time.ts";
import { gradeMixOverTime } from "./grade-mix-over-time.ts";
import { goodOrOutstandingByPhase } from "./good-or-outstanding-by-phase.ts";
import { keyJudgementsChart } from "./key-judgements.ts";
import { whatOneWordHid } from "./what-one-word-hid.ts";
import { scaleOldVsNew } from "./scale-old-vs-new.ts";
import { firstReportCards } from "./first-report-cards.ts";
import { reformTimeline } from "./reform-timeline.ts";
import { waysToFailChart } from "./ways-to-fail.ts";
import { reportCardBuilder } from "./report-card-builder.ts";
import { reportCardsByArea } from "./report-cards-by-area.ts";
import { achievementByDisadvantage } from "./achievement-by-disadvantage.ts";
import { reportCardSamples } from "./report-card-samples.ts";
import { datasetExists } from "../render/load.ts";
import { areaCharts } from "../render/areas-load.ts";
import type { ChartDefinition } from "./types.ts";

/** Every chart the site knows, including those that need an import of Ofsted's monthly file. */
export const ALL_CHARTS: readonly ChartDefinition[] = [
  goodOrOutstandingOverTime,
  gradeMixOverTime,
  goodOrOutstandingByPhase,
  keyJudgementsChart,
  whatOneWordHid,
  waysToFailChart,
  reportCardBuilder,
  scaleOldVsNew,
  firstReportCards,
  reformTimeline,
  reportCardsByArea,
  achievementByDisadvantage,
  reportCardSamples,
];

/**
 * The charts this build publishes: those whose datasets are all present. Charts on imported
 * data (mi-*) appear only after `npm run data:import`. Build-time only (reads data/).
 */
export const CHARTS: readonly ChartDefinition[] = ALL_CHARTS.filter((c) => c.datasets.every((d) => datasetExists(d)));

export const CHART_IDS = CHARTS.map((c) => c.id);

/**
 * One chart per local authority, region and constituency after an import (area-report-cards.ts):
 * each has a chart page, embed, oEmbed and downloads like any chart, but is listed on its area's
 * page (/areas/), not in the gallery, and has no preview card of its own.
 */
export const AREA_CHARTS: readonly ChartDefinition[] = areaCharts();
/** Every chart with a page, an embed, oEmbed and downloads: the gallery's and the areas'. */
export const PUBLISHED_CHARTS: readonly ChartDefinition[] = [...CHARTS, ...AREA_CHARTS];
const BY_ID = new Map(PUBLISHED_CHARTS.map((c) => [c.id, c]));
const AREA_IDS = new Set(AREA_CHARTS.map((c) => c.id));

export function chartById(id: string): ChartDefinition | undefined {
  return BY_ID.get(id);
}

export function isAreaChart(id: string): boolean {
  return AREA_IDS.has(id);
}
