/**
 * The registry of bundled datasets. Add a dataset here and it gets a page, a download and checks.
 */
import { overallEffectiveness } from "./overall-effectiveness.ts";
import { evaluationAreas } from "./evaluation-areas.ts";
import { unionsActions } from "./unions-actions.ts";
import { miOverview } from "./mi-overview.ts";
import { miReportCardGrades } from "./mi-report-card-grades.ts";
import { miSafeguarding } from "./mi-safeguarding.ts";
import { miEifGrades } from "./mi-eif-grades.ts";
import { miOldVsNew } from "./mi-old-vs-new.ts";
import { goodOrOutstandingByPhase } from "./good-or-outstanding-by-phase.ts";
import { keyJudgements } from "./key-judgements.ts";
import { subJudgements } from "./sub-judgements.ts";
import { reportCardScale } from "./report-card-scale.ts";
import { firstReportCards } from "./first-report-cards.ts";
import { reformTimeline } from "./reform-timeline.ts";
import { achievementByDisadvantage } from "./achievement-by-disadvantage.ts";
import { reportCardSamples } from "./report-card-samples.ts";
import { polls } from "./polls.ts";
import { reportCardCounts } from "./report-card-counts.ts";
import type { SchemaRow } from "./types.ts";

export const DATASETS = {
  "overall-effectiveness": overallEffectiveness,
  "evaluation-areas": evaluationAreas,
  "unions-actions": unionsActions,
  // Written by `npm run data:import` (optional: absent until an import; see datasetExists in load.ts).
  "mi-overview": miOverview,
  "mi-report-card-grades": miReportCardGrades,
  "mi-safeguarding": miSafeguarding,
  "mi-eif-grades": miEifGrades,
  "mi-old-vs-new": miOldVsNew,
  "good-or-outstanding-by-phase": goodOrOutstandingByPhase,
  "key-judgements": keyJudgements,
  "sub-judgements": subJudgements,
  "report-card-scale": reportCardScale,
  "first-report-cards": firstReportCards,
  "reform-timeline": reformTimeline,
  "achievement-by-disadvantage": achievementByDisadvantage,
  "report-card-samples": reportCardSamples,
  polls,
  "report-card-counts": reportCardCounts,
} as const;

export type DatasetId = keyof typeof DATASETS;

/** Row type of each dataset, by id: read from its schema (so a new dataset is one line in DATASETS). */
export type DatasetRows = { [K in DatasetId]: SchemaRow<(typeof DATASETS)[K]["schema"]> };

export const DATASET_IDS = Object.keys(DATASETS) as DatasetId[];
