/**
 * The chart registry: pure data, every chart definition in the order the site lists them. A new
 * chart is one file in src/charts, its entry here and its snapshots (README, "Add a chart").
 * Which charts a build publishes (those whose datasets are present) is decided by the render layer:
 * src/render/charts.ts.
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

