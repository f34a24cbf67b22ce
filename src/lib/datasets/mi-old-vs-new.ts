import { oldGradeColumn, oneOf, sharesSumTo100, text } from "../schema.ts";
import { SCHOOL_AREAS, type AreaKey } from "../areas.ts";
import { defineSchema, type DatasetMeta, type SchemaRow } from "./types.ts";
import { count, countsAddUp, GRADE_COUNT_COLUMNS, GRADE_SHARE_COLUMNS, gradeCountColumns, MI_LICENCE, miSourceColumns } from "./mi-common.ts";

/** The card's area: one evaluation area, or each school's lowest grade across its card. */
export type CrossTabArea = AreaKey | "lowest-area";

const schema = defineSchema({
  columns: {
    old_grade: oldGradeColumn("Overall effectiveness at the school's latest EIF graded inspection (before its report card)"),
    area: oneOf([...SCHOOL_AREAS.map((a) => a.key), "lowest-area"] as const, "Report-card area, or lowest-area: the lowest grade anywhere on the school's card"),
    area_label: text("Area as Ofsted names it"),
    n_schools: count("Schools with this old grade and a grade in this area"),
    ...gradeCountColumns("n_schools"),
    ...miSourceColumns,
  },
  key: ["old_grade", "area"],
  rowChecks: [countsAddUp("n_schools", GRADE_COUNT_COLUMNS), sharesSumTo100(GRADE_SHARE_COLUMNS, 0.5)],
});

/** For schools with both: their last single-word grade against the grades on their new report card. */
export type MiOldVsNewRow = SchemaRow<typeof schema>;

export const miOldVsNew: DatasetMeta<MiOldVsNewRow> = {
  id: "mi-old-vs-new",
  file: "mi-old-vs-new.csv",
  title: "Imported: old single-word grade against the new report card",
  description: "For schools that have both, the overall effectiveness grade from their latest inspection under the 2019 framework against the grades on their report card, area by area and for the lowest grade on the card. Ofsted says the two scales are not comparable; this shows how the same schools fare on each.",
  licence: MI_LICENCE,
  schema,
  optional: true,
};
