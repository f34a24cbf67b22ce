import { isoDate, number, oneOf, optionalText, sourceColumns, text, yesNo } from "../schema.ts";
import { defineSchema, monthDatesOnTheFirst, type DatasetMeta, type SchemaRow } from "./types.ts";

const schema = defineSchema({
  columns: {
    id: text("Short id of the finding"),
    date: isoDate("When the poll was published (the 1st of the month where only the month is known)"),
    date_precision: oneOf(["day", "month"] as const, "Whether the day is known or only the month"),
    group: text("Who was asked"),
    pollster: text("Who ran the poll"),
    commissioned_by: optionalText("Who paid for or asked for it, where known"),
    respondents: text("How many answered, as published"),
    finding: text("What the percentage measures"),
    pct: number({ min: 0, max: 100, description: "% of respondents" }),
    pct_derived: yesNo("yes: we added two published shares (e.g. somewhat and very negative)"),
    self_selected: yesNo("yes: respondents chose to answer (an app panel, a union's members, volunteers), so not a representative sample"),
    secondary_source: yesNo("yes: the figure comes from press coverage or a digest, not the pollster's own publication"),
    ...sourceColumns,
    note: optionalText("Caveats"),
  },
  key: ["id"],
  rowChecks: [monthDatesOnTheFirst("date", "date_precision")],
});

/** One finding of one poll or survey about report cards: parents, teachers or school leaders. */
export type PollRow = SchemaRow<typeof schema>;

export const polls: DatasetMeta<PollRow> = {
  id: "polls",
  file: "polls.csv",
  title: "Polls of parents, teachers and school leaders on report cards, 2025 to 2026",
  description:
    "What parents, teachers and school leaders said about Ofsted's report cards in polls and surveys from February 2025 to June 2026, with who ran each poll, who paid for it, how many answered and whether they chose to. Parents mostly preferred report cards; teachers and leaders mostly did not.",
  licence: "Figures reused as facts with attribution from the pollsters' releases and press reports named on each row",
  schema,
  checked: "2026-11-26",
};
