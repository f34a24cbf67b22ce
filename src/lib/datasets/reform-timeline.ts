import { isoDate, oneOf, optionalText, sourceColumns, text, yesNo } from "../schema.ts";
import { defineSchema, monthDatesOnTheFirst, type DatasetMeta, type SchemaRow } from "./types.ts";

const schema = defineSchema({
  columns: {
    date: isoDate("When it happened (the 1st of the month where only the month is known)"),
    date_precision: oneOf(["day", "month"] as const, "Whether the day is known or only the month"),
    event: text("What happened, in our words"),
    who: optionalText("Who acted, where one body or person did"),
    secondary_source: yesNo("yes if the event rests on press coverage rather than an official publication"),
    ...sourceColumns,
  },
  key: ["date"],
  rowChecks: [monthDatesOnTheFirst("date", "date_precision")],
});

/** One dated event in the move from single-word grades to report cards. */
export type ReformTimelineRow = SchemaRow<typeof schema>;

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
