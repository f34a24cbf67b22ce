/**
 * The registry of bundled datasets. Add a dataset here and it gets a page, a download and checks.
 */
import { overallEffectiveness, type OverallEffectivenessRow } from "./overall-effectiveness.ts";
import { evaluationAreas, type EvaluationAreaRow } from "./evaluation-areas.ts";
import { unionsActions, type UnionActionRow } from "./unions-actions.ts";
import { miOverview, type MiOverviewRow } from "./mi-overview.ts";
import { miReportCardGrades, type MiReportCardGradesRow } from "./mi-report-card-grades.ts";
import { miSafeguarding, type MiSafeguardingRow } from "./mi-safeguarding.ts";
import { miEifGrades, type MiEifGradesRow } from "./mi-eif-grades.ts";
import { miOldVsNew, type MiOldVsNewRow } from "./mi-old-vs-new.ts";
import { goodOrOutstandingByPhase, type GoodOrOutstandingByPhaseRow } from "./good-or-outstanding-by-phase.ts";
import { keyJudgements, type KeyJudgementRow } from "./key-judgements.ts";
import { subJudgements, type SubJudgementRow } from "./sub-judgements.ts";
import { reportCardScale, type ReportCardScaleRow } from "./report-card-scale.ts";
import { firstReportCards, type FirstReportCardsRow } from "./first-report-cards.ts";
import { reformTimeline, type ReformTimelineRow } from "./reform-timeline.ts";
import { achievementByDisadvantage, type AchievementByDisadvantageRow } from "./achievement-by-disadvantage.ts";
import { reportCardSamples, type ReportCardSamplesRow } from "./report-card-samples.ts";
import { polls, type PollRow } from "./polls.ts";

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
} as const;

export type DatasetId = keyof typeof DATASETS;

/** Row type of each dataset, by id. */
export interface DatasetRows {
  "overall-effectiveness": OverallEffectivenessRow;
  "evaluation-areas": EvaluationAreaRow;
  "unions-actions": UnionActionRow;
  "mi-overview": MiOverviewRow;
  "mi-report-card-grades": MiReportCardGradesRow;
  "mi-safeguarding": MiSafeguardingRow;
  "mi-eif-grades": MiEifGradesRow;
  "mi-old-vs-new": MiOldVsNewRow;
  "good-or-outstanding-by-phase": GoodOrOutstandingByPhaseRow;
  "key-judgements": KeyJudgementRow;
  "sub-judgements": SubJudgementRow;
  "report-card-scale": ReportCardScaleRow;
  "first-report-cards": FirstReportCardsRow;
  "reform-timeline": ReformTimelineRow;
  "achievement-by-disadvantage": AchievementByDisadvantageRow;
  "report-card-samples": ReportCardSamplesRow;
  polls: PollRow;
}

export const DATASET_IDS = Object.keys(DATASETS) as DatasetId[];
