/**
 * The registry of bundled datasets. Add a dataset here and it gets a page, a download and checks.
 */
import { overallEffectiveness, type OverallEffectivenessRow } from "./overall-effectiveness.ts";

export const DATASETS = {
  "overall-effectiveness": overallEffectiveness,
} as const;

export type DatasetId = keyof typeof DATASETS;

/** Row type of each dataset, by id. */
export interface DatasetRows {
  "overall-effectiveness": OverallEffectivenessRow;
}

export const DATASET_IDS = Object.keys(DATASETS) as DatasetId[];
