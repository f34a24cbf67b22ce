import type { TableSchema } from "../csv.ts";
import { isoDate, oneOf, optionalText, sourceColumns, text, yesNo } from "../schema.ts";
import type { DatasetMeta } from "./types.ts";

/** One dated event in the move from single-word grades to report cards. */
export interface ReformTimelineRow {
  date: string;
  date_precision: "day" | "month";
  event: string;
  who: string;
  secondary_source: boolean;
  source_title: string;
  source_url: string;
}

const schema: TableSchema<ReformTimelineRow> = {
  columns: {
    date: isoDate("When it happened (the 1st of the month where only the month is known)"),
    date_precision: oneOf(["day", "month"] as const, "Whether the day is known or only the month"),
    event: text("What happened, in our words"),
    who: optionalText("Who acted, where one body or person did"),
    secondary_source: yesNo("yes if the event rests on press coverage rather than an official publication"),
    ...sourceColumns,
  },
  key: ["date"],
  rowChecks: [
    (r) =>
      r.date_precision === "month" && !r.date.endsWith("-01")
        ? { column: "date", value: r.date, expected: "the 1st of the month when date_precision is month" }
        : undefined,
  ],
};

export const reformTimeline: DatasetMeta<ReformTimelineRow> = {
  id: "reform-timeline",
  file: "reform-timeline.csv",
  title: "From one word to report cards: a timeline, 2005 to 2026",
  description:
    "Dated events in the inspection of England's schools from the start of section 5 inspections in 2005 to the updated inspection guidance in force from September 2026, each with its source.",
  licence: "Our wording; facts from Ofsted (Open Government Licence v3.0) and press coverage, with attribution",
  schema,
  checked: "2026-11-26",
};
