import type { TableSchema } from "../csv.ts";
import { isoDate, number, oneOf, optionalText, sourceColumns, yesNo } from "../schema.ts";
import type { DatasetMeta } from "./types.ts";

export const PHASES = ["nursery", "primary", "secondary", "special", "pupil-referral-unit", "alternative-provision"] as const;
export type Phase = (typeof PHASES)[number];

/** How each phase is written in prose and on charts. */
export const PHASE_LABELS: Record<Phase, string> = {
  nursery: "Nursery",
  primary: "Primary",
  secondary: "Secondary",
  special: "Special",
  "pupil-referral-unit": "Pupil referral unit",
  "alternative-provision": "Alternative provision",
};

/** One published snapshot of the share of one phase's schools rated good or outstanding. */
export interface GoodOrOutstandingByPhaseRow {
  as_at: string;
  phase: Phase;
  pct_good_or_outstanding: number;
  secondary_source: boolean;
  source_title: string;
  source_url: string;
  note: string;
}

const schema: TableSchema<GoodOrOutstandingByPhaseRow> = {
  columns: {
    as_at: isoDate("Date of the snapshot (schools' most recent inspection as at this date)"),
    phase: oneOf(PHASES, "School phase (pupil referral units were later counted as alternative provision)"),
    pct_good_or_outstanding: number({ min: 0, max: 100, description: "% of the phase's schools rated good or outstanding for overall effectiveness" }),
    secondary_source: yesNo("yes if the figure rests on a secondary source (press, blog or research note) - verify before quoting"),
    ...sourceColumns,
    note: optionalText("Caveats"),
  },
  key: ["as_at", "phase"],
};

export const goodOrOutstandingByPhase: DatasetMeta<GoodOrOutstandingByPhaseRow> = {
  id: "good-or-outstanding-by-phase",
  file: "good-or-outstanding-by-phase.csv",
  title: "Schools rated good or outstanding by phase, 2014 to 2024",
  description:
    "The share of state-funded nursery, primary, secondary and special schools and pupil referral units (later alternative provision) in England rated good or outstanding at their most recent inspection, in published snapshots from June 2014 to August 2024.",
  licence: "Open Government Licence v3.0 (Ofsted figures); press and blog figures reused as facts with attribution",
  schema,
  checked: "2026-11-26",
};
