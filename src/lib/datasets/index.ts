/**
 * The registry of bundled datasets. Add a dataset here and it gets a page, a download and checks.
 */
import { overallEffectiveness, type OverallEffectivenessRow } from "./overall-effectiveness.ts";
import { goodOrOutstandingByPhase, type GoodOrOutstandingByPhaseRow } from "./good-or-outstanding-by-phase.ts";
import { keyJudgements, type KeyJudgementRow } from "./key-judgements.ts";
import { subJudgements, type SubJudgementRow } from "./sub-judgements.ts";
import { reportCardScale, type ReportCardScaleRow } from "./report-card-scale.ts";
import { firstReportCards, type FirstReportCardsRow } from "./first-report-cards.ts";
import { reformTimeline, type ReformTimelineRow } from "./reform-timeline.ts";

export const DATASETS = {
  "overall-effectiveness": overallEffectiveness,
  "good-or-outstanding-by-phase": goodOrOutstandingByPhase,
  "key-judgements": keyJudgements,
  "sub-judgements": subJudgements,
  "report-card-scale": reportCardScale,
  "first-report-cards": firstReportCards,
  "reform-timeline": reformTimeline,
} as const;

export type DatasetId = keyof typeof DATASETS;

/** Row type of each dataset, by id. */
export interface DatasetRows {
  "overall-effectiveness": OverallEffectivenessRow;
  "good-or-outstanding-by-phase": GoodOrOutstandingByPhaseRow;
  "key-judgements": KeyJudgementRow;
  "sub-judgements": SubJudgementRow;
  "report-card-scale": ReportCardScaleRow;
  "first-report-cards": FirstReportCardsRow;
  "reform-timeline": ReformTimelineRow;
}

export const DATASET_IDS = Object.keys(DATASETS) as DatasetId[];
