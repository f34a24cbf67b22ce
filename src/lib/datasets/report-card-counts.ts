import { isoDate, number, oneOf, optionalText, sourceColumns, text, yesNo } from "../schema.ts";
import { defineSchema, monthDatesOnTheFirst, type DatasetMeta, type SchemaRow } from "./types.ts";

const schema = defineSchema({
  columns: {
    id: text("Short id of the count"),
    date: isoDate("The date the count runs to or was reported (the 1st of the month where only the month is known)"),
    date_precision: oneOf(["day", "month"] as const, "Whether the day is known or only the month"),
    measure: text("What is counted"),
    value: number({ min: 0, integer: true, description: "The count, as published" }),
    qualifier: oneOf(["exactly", "more than"] as const, "How the source states it: an exact count or 'more than'"),
    secondary_source: yesNo("yes: the count comes from press coverage or a digest, not the original publication"),
    ...sourceColumns,
    note: optionalText("Caveats"),
  },
  key: ["id"],
  rowChecks: [monthDatesOnTheFirst("date", "date_precision")],
});

/** One published count about the reform: consultation responses, inspections, reports. */
export type ReportCardCountRow = SchemaRow<typeof schema>;

export const reportCardCounts: DatasetMeta<ReportCardCountRow> = {
  id: "report-card-counts",
  file: "report-card-counts.csv",
  title: "Counts behind the reform: responses, inspections and reports, 2025 to 2026",
  description:
    "Counts the explainers quote about the move to report cards: responses to Ofsted's 2025 consultation, state schools inspected under the new framework by the end of May 2026, the reports and schools in two analyses of achievement grades, and the old framework's safeguarding failures in 2024/25 as a baseline. Most rest on press reports, and each row says so.",
  licence: "Counts reused as facts with attribution from the publications named on each row",
  schema,
  checked: "2026-11-26",
};
