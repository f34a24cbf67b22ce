import { number, oneOf, optionalText, sourceColumns, yesNo } from "../schema.ts";
import { defineSchema, type DatasetMeta, type SchemaRow } from "./types.ts";

const schema = defineSchema({
  columns: {
    scale: oneOf(["single-word", "report-card"] as const, "The old single word, or one area of a report card"),
    n_grades: number({ min: 2, integer: true, description: "Grades on the scale" }),
    secondary_source: yesNo("yes: not Ofsted's own page"),
    ...sourceColumns,
    note: optionalText("The grades, best first"),
  },
  key: ["scale"],
});

/** How many grades one scale has. */
export type GradeScaleSizesRow = SchemaRow<typeof schema>;

export const gradeScaleSizes: DatasetMeta<GradeScaleSizesRow> = {
  id: "grade-scale-sizes",
  file: "grade-scale-sizes.csv",
  title: "How many grades each scale has",
  description: "The old single-word scale has four grades; each area of a report card has five.",
  licence: "Open Government Licence v3.0",
  schema,
  checked: "2026-11-26",
};
