import type { TableSchema } from "../csv.ts";
import { oneOf, sharesSumTo100 } from "../schema.ts";
import type { DatasetMeta } from "./types.ts";
import { count, countsAddUp, groupColumns, MI_LICENCE, miSourceColumns, share, type Breakdown } from "./mi-common.ts";

/** Safeguarding outcomes: the report card's met / not met, and the EIF's "safeguarding is effective?". */
export interface MiSafeguardingRow {
  breakdown: Breakdown;
  group: string;
  framework: "report-card" | "eif";
  n_judged: number;
  n_met: number;
  n_not_met: number;
  pct_met: number | null;
  pct_not_met: number | null;
  as_at: string;
  source_title: string;
  source_url: string;
}

const schema: TableSchema<MiSafeguardingRow> = {
  columns: {
    ...groupColumns,
    framework: oneOf(["report-card", "eif"] as const, 'report-card: "Safeguarding standards" (Met / Not met); eif: latest EIF inspection, "safeguarding is effective?" (Yes = met, No = not met)'),
    n_judged: count("Schools with an outcome"),
    n_met: count("Met (EIF: effective)"),
    n_not_met: count("Not met (EIF: not effective)"),
    pct_met: share("% of schools with an outcome"),
    pct_not_met: share("% of schools with an outcome"),
    ...miSourceColumns,
  },
  key: ["breakdown", "group", "framework"],
  rowChecks: [countsAddUp<MiSafeguardingRow>("n_judged", ["n_met", "n_not_met"]), sharesSumTo100(["pct_met", "pct_not_met"], 0.5)],
};

export const miSafeguarding: DatasetMeta<MiSafeguardingRow> = {
  id: "mi-safeguarding",
  file: "mi-safeguarding.csv",
  title: "Imported: safeguarding met or not met, report cards and the old framework",
  description: "How many schools' safeguarding was met or not met on their report card, and effective or not at their latest inspection under the 2019 framework, for England, by phase and by region, from Ofsted's monthly management information.",
  licence: MI_LICENCE,
  schema,
  optional: true,
};
