import { oneOf, sharesSumTo100 } from "../schema.ts";
import { defineSchema, type DatasetMeta, type SchemaRow } from "./types.ts";
import { count, countsAddUp, groupColumns, MI_LICENCE, miSourceColumns, share } from "./mi-common.ts";

const schema = defineSchema({
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
  rowChecks: [countsAddUp("n_judged", ["n_met", "n_not_met"]), sharesSumTo100(["pct_met", "pct_not_met"], 0.5)],
});

/** Safeguarding outcomes: the report card's met / not met, and the EIF's "safeguarding is effective?". */
export type MiSafeguardingRow = SchemaRow<typeof schema>;

export const miSafeguarding: DatasetMeta<MiSafeguardingRow> = {
  id: "mi-safeguarding",
  file: "mi-safeguarding.csv",
  title: "Imported: safeguarding met or not met, report cards and the old framework",
  description: "How many schools' safeguarding was met or not met on their report card, and effective or not at their latest inspection under the 2019 framework, for England, by phase and by region, from Ofsted's monthly management information.",
  licence: MI_LICENCE,
  schema,
  optional: true,
};
