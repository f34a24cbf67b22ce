import { isoDate, number, oneOf, optionalText, reportCardGradeColumn, sourceColumns, text, yesNo } from "../schema.ts";
import { defineSchema, monthDatesOnTheFirst, type DatasetMeta, type SchemaRow } from "./types.ts";

const count = (description: string) => number({ min: 0, integer: true, optional: true, description });

const schema = defineSchema({
  columns: {
    sample: text("Short id of the sample"),
    sample_label: text("The sample as a reader names it"),
    as_of: isoDate("Date of the analysis (the 1st of the month where only the month is known)"),
    as_of_precision: oneOf(["day", "month"] as const, "Whether the day is known or only the month"),
    n_schools: number({ min: 1, integer: true, description: "Schools in the sample" }),
    n_primary: count("Primary schools in the sample"),
    n_secondary: count("Secondary schools in the sample"),
    n_special: count("Special schools in the sample"),
    n_grades: number({ min: 1, integer: true, description: "Area grades in the sample (safeguarding not counted)" }),
    grade: reportCardGradeColumn("Report-card grade"),
    n_grades_at_grade: count("Grades at this grade, where the count was published"),
    pct_of_grades: number({ min: 0, max: 100, description: "% of the sample's area grades" }),
    pct_derived: yesNo("yes: we worked the percentage out from the published counts (to one decimal place)"),
    volunteers: yesNo("yes: the schools volunteered to be inspected first, so the sample is not a national picture"),
    secondary_source: yesNo("yes: a press analysis of published reports, not official statistics"),
    ...sourceColumns,
    note: optionalText("Caveats"),
  },
  key: ["sample", "grade"],
  rowChecks: [
    {
      description: "Where the percentage is ours (pct_derived), it equals n_grades_at_grade / n_grades to one decimal place",
      check: (r) => {
        if (!r.pct_derived) return undefined;
        if (r.n_grades_at_grade === null) return { column: "n_grades_at_grade", value: "", expected: "a count when pct_derived is yes" };
        const want = Math.round((r.n_grades_at_grade / r.n_grades) * 1000) / 10;
        return Math.abs(want - r.pct_of_grades) < 0.05 ? undefined : { column: "pct_of_grades", value: String(r.pct_of_grades), expected: `n_grades_at_grade / n_grades to one decimal (${want})` };
      },
    },
    {
      description: "Primary, secondary and special schools add up to the sample's schools",
      check: (r) => {
        const parts = [r.n_primary, r.n_secondary, r.n_special];
        if (parts.some((p) => p === null)) return undefined;
        const sum = (parts as number[]).reduce((a, b) => a + b, 0);
        return sum === r.n_schools ? undefined : { column: "n_primary+n_secondary+n_special", value: String(sum), expected: `the sample's ${r.n_schools} schools` };
      },
    },
    monthDatesOnTheFirst("as_of", "as_of_precision"),
  ],
});

/** One grade's share of all area grades in one published sample of report cards. */
export type ReportCardSamplesRow = SchemaRow<typeof schema>;

export const reportCardSamples: DatasetMeta<ReportCardSamplesRow> = {
  id: "report-card-samples",
  file: "report-card-samples.csv",
  title: "Report-card grades in the published samples, December 2025 to February 2026",
  description:
    "How the area grades on report cards were spread across the five grades in each published sample: the first 22 volunteer schools (December 2025, 150 grades) and the first 100 volunteer schools (to 9 February 2026, 659 grades), both from Schools Week. Volunteers, so not a national picture; no official national figures by grade had been found.",
  licence: "Figures from Schools Week's analyses of published Ofsted reports, reused as facts with attribution",
  schema,
  checked: "2026-11-26",
};
