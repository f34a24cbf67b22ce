import type { TableSchema } from "../csv.ts";
import { isoDate, number, oneOf, optionalText, sourceColumns, text, yesNo } from "../schema.ts";
import { SCHOOL_AREAS, SAFEGUARDING_MI_COLUMN } from "../areas.ts";
import type { DatasetMeta } from "./types.ts";

export const REMITS = ["school", "early-years-setting", "school-proposed-feb-2025"] as const;
export type Remit = (typeof REMITS)[number];

/** One evaluation area of a report card, for one remit (final or as proposed in February 2025). */
export interface EvaluationAreaRow {
  remit: Remit;
  order: number;
  area: string;
  scale: "five-point" | "met-not-met";
  applies: string;
  mi_column: string;
  framework_date: string;
  status: "final" | "proposed (superseded)";
  secondary_source: boolean;
  source_title: string;
  source_url: string;
  note: string;
}

/** The MI columns the site knows for school areas (src/lib/areas.ts); the CSV must agree with them. */
const KNOWN_MI_COLUMNS = [SAFEGUARDING_MI_COLUMN, ...SCHOOL_AREAS.map((a) => a.miColumn)];

const schema: TableSchema<EvaluationAreaRow> = {
  columns: {
    remit: oneOf(REMITS, "Who the areas apply to: schools (final), early years settings (final), or schools as proposed in February 2025 (superseded)"),
    order: number({ min: 1, max: 20, integer: true, description: "Position of the area on the report card, in Ofsted's order" }),
    area: text("Name of the evaluation area"),
    scale: oneOf(["five-point", "met-not-met"] as const, "five-point: graded on the report card's five-point scale; met-not-met: safeguarding, reported only as met or not met"),
    applies: text("Which schools or settings get a grade for this area"),
    mi_column: optionalText("Exact column name in Ofsted's monthly management-information file for state-funded schools (final school areas only)"),
    framework_date: isoDate("Date the framework or proposal was published (final: 9 Sep 2025, for inspections from 10 Nov 2025; proposed: 3 Feb 2025)"),
    status: oneOf(["final", "proposed (superseded)"] as const, "final, or proposed in the February 2025 consultation and later superseded"),
    secondary_source: yesNo("yes if the row rests on a secondary source (press, adviser or school summary of Ofsted's announcement) - verify before quoting"),
    ...sourceColumns,
    note: optionalText("Caveats"),
  },
  key: ["remit", "order"],
  rowChecks: [
    Object.assign(
      (r: EvaluationAreaRow) => {
        if (r.remit === "school" && !KNOWN_MI_COLUMNS.includes(r.mi_column)) {
          return { column: "mi_column", value: r.mi_column, expected: `one of the MI columns in src/lib/areas.ts: ${KNOWN_MI_COLUMNS.join(", ")}` };
        }
        if (r.remit !== "school" && r.mi_column !== "") {
          return { column: "mi_column", value: r.mi_column, expected: "blank (only final school areas have an MI column)" };
        }
        return undefined;
      },
      { description: "final school areas name an MI column known to src/lib/areas.ts; other remits leave mi_column blank" },
    ),
    Object.assign(
      (r: EvaluationAreaRow) =>
        (r.status === "final") === (r.remit !== "school-proposed-feb-2025")
          ? undefined
          : { column: "status", value: r.status, expected: r.remit === "school-proposed-feb-2025" ? '"proposed (superseded)"' : '"final"' },
      { description: "the February 2025 proposal is marked superseded; the other remits are final" },
    ),
  ],
};

export const evaluationAreas: DatasetMeta<EvaluationAreaRow> = {
  id: "evaluation-areas",
  file: "evaluation-areas.csv",
  title: "Report-card evaluation areas: schools, early years, and the 2025 proposal",
  description:
    "The areas a report card grades: for state-funded schools under the final framework (with the column names Ofsted's monthly data uses), for early years settings, and for schools as proposed in February 2025 before the final framework merged and renamed them.",
  licence: "Open Government Licence v3.0 (Ofsted material); facts from press and adviser summaries reused with attribution",
  schema,
  checked: "2026-11-26",
};
