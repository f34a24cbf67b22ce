import type { TableSchema } from "../csv.ts";
import { isoDate, number, oneOf, optionalText, percent, sharesSumTo100, sourceColumns, text, yesNo } from "../schema.ts";
import type { DatasetMeta } from "./types.ts";

/** One published snapshot of the share of state-funded schools at each overall-effectiveness grade. */
export interface OverallEffectivenessRow {
  as_at: string;
  pct_good_or_outstanding: number | null;
  pct_outstanding: number | null;
  pct_good: number | null;
  pct_ri_or_satisfactory: number | null;
  pct_inadequate: number | null;
  n_schools: number | null;
  basis: string;
  basis_period: "annual-report-2011" | "to-2017" | "from-2018";
  secondary_source: boolean;
  source_title: string;
  source_url: string;
  note: string;
}

const schema: TableSchema<OverallEffectivenessRow> = {
  columns: {
    as_at: isoDate("Date of the snapshot (schools' most recent inspection as at this date)"),
    pct_good_or_outstanding: percent("% of schools good or outstanding; blank where no exact figure was published"),
    pct_outstanding: percent("% outstanding"),
    pct_good: percent("% good"),
    pct_ri_or_satisfactory: percent("% requires improvement (satisfactory before Sept 2012)"),
    pct_inadequate: percent("% inadequate"),
    n_schools: number({ min: 0, integer: true, optional: true, description: "Number of schools in the snapshot, where published" }),
    basis: text("What the figure counts"),
    basis_period: oneOf(["annual-report-2011", "to-2017", "from-2018"] as const, "Which count: the 2010/11 annual report's one-off count (annual-report-2011), or the official statistics, restated on a new basis from 2018 (the series breaks between 2017 and 2018)"),
    secondary_source: yesNo("yes if any figure in the row rests on a secondary source (press or blog) - verify before quoting"),
    ...sourceColumns,
    note: optionalText("Caveats"),
  },
  key: ["as_at"],
  rowChecks: [
    sharesSumTo100<OverallEffectivenessRow>(["pct_outstanding", "pct_good", "pct_ri_or_satisfactory", "pct_inadequate"]),
    (r) => {
      const { pct_outstanding: o, pct_good: g, pct_good_or_outstanding: go } = r;
      if (o === null || g === null || go === null || Math.abs(o + g - go) <= 1) return undefined;
      return { column: "pct_good_or_outstanding", value: String(go), expected: `pct_outstanding + pct_good (${o + g}) within 1 point of rounding` };
    },
  ],
};

export const overallEffectiveness: DatasetMeta<OverallEffectivenessRow> = {
  id: "overall-effectiveness",
  file: "overall-effectiveness.csv",
  title: "Overall effectiveness of state-funded schools, 2010 to 2024",
  description:
    "The share of state-funded schools in England whose most recent inspection judged them good or outstanding for overall effectiveness, with the split across the four grades where it was published. Snapshots from August 2010 to August 2024, the last with a headline grade.",
  licence: "Open Government Licence v3.0 (Ofsted figures); press figures reused as facts with attribution",
  schema,
  checked: "2026-11-26",
};
