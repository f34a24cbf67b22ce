import type { TableSchema } from "../csv.ts";
import type { OldGradeKey } from "../grades.ts";
import { number, oldGradeColumn, optionalText, percent, sourceColumns, text, yesNo } from "../schema.ts";
import type { DatasetMeta } from "./types.ts";

/** For one overall grade, how far the four key judgements agreed with it (2023/24 graded inspections). */
export interface SubJudgementRow {
  overall_grade: OldGradeKey;
  n_schools: number | null;
  measure: string;
  pct: number | null;
  pct_derived: boolean;
  qualitative: string;
  study_inspections: number;
  study_pct_good_or_better: number;
  secondary_source: boolean;
  source_title: string;
  source_url: string;
  note: string;
}

const schema: TableSchema<SubJudgementRow> = {
  columns: {
    overall_grade: oldGradeColumn("The single overall-effectiveness grade the schools received"),
    n_schools: number({ min: 0, integer: true, optional: true, description: "Schools with that overall grade in the study, where published" }),
    measure: text("What the percentage counts, among schools with that overall grade"),
    pct: percent("% of those schools for which the measure holds (blank where only words were published)"),
    pct_derived: yesNo("yes if we worked the percentage out from a published one (e.g. 100 minus a published share)"),
    qualitative: optionalText("The published wording where no figure was given"),
    study_inspections: number({ min: 1, integer: true, description: "Graded inspections in the study (2023/24)" }),
    study_pct_good_or_better: number({ min: 0, max: 100, description: "% of the study's inspections graded good or better overall" }),
    secondary_source: yesNo("yes if the figure rests on a secondary source"),
    ...sourceColumns,
    note: optionalText("Caveats"),
  },
  key: ["overall_grade"],
  rowChecks: [
    (r) =>
      r.pct === null && r.qualitative === ""
        ? { column: "pct", value: "", expected: "a percentage, or the published wording in qualitative" }
        : undefined,
  ],
};

export const subJudgements: DatasetMeta<SubJudgementRow> = {
  id: "sub-judgements",
  file: "sub-judgements.csv",
  title: "How the four key judgements related to the single overall grade, 2023/24",
  description:
    "FFT Education Datalab's analysis of 3,660 graded inspections of state-funded schools in 2023/24: for each overall grade, how often the four key judgements (quality of education, behaviour and attitudes, personal development, leadership and management) differed from it.",
  licence: "Figures from FFT Education Datalab analysis of Ofsted data (Open Government Licence v3.0), reused as facts with attribution",
  schema,
  checked: "2026-11-26",
};
