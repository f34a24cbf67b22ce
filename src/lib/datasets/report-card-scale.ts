import { INVALID, type Column, type TableSchema } from "../csv.ts";
import { OLD_GRADE_LABELS, parseOldGrade, reportCardGrade, type OldGradeKey, type ReportCardGradeKey } from "../grades.ts";
import { number, optionalText, reportCardGradeColumn, sourceColumns, text, yesNo } from "../schema.ts";
import type { DatasetMeta } from "./types.ts";

/** One point of the report card's five-point scale, with its February 2025 name and a rough old-scale analogue. */
export interface ReportCardScaleRow {
  rank: number;
  final_label: ReportCardGradeKey;
  final_colour_described: string;
  consultation_label_feb2025: ReportCardGradeKey;
  consultation_colour_feb2025: string;
  eif_rough_analogue: OldGradeKey[];
  secondary_source: boolean;
  source_title: string;
  source_url: string;
  source_colours: string;
  source_consultation: string;
  note: string;
}

/** One or more old-scale grade labels joined by " or " ("Good or Outstanding"). */
function oldGradeList(description: string): Column<OldGradeKey[]> {
  return {
    description,
    expected: `old grade labels joined by " or " (${OLD_GRADE_LABELS.join(", ")})`,
    parse: (raw) => {
      const keys = raw.split(/\s+or\s+/i).map((s) => parseOldGrade(s));
      if (raw.trim() === "" || keys.some((k) => k === undefined)) return INVALID;
      return keys as OldGradeKey[];
    },
  } as Column<OldGradeKey[]>;
}

const schema: TableSchema<ReportCardScaleRow> = {
  columns: {
    rank: number({ min: 1, max: 5, integer: true, description: "Position on the scale, 5 = top" }),
    final_label: reportCardGradeColumn("Label in the final framework (from 10 November 2025)"),
    final_colour_described: text("Colour as Ofsted or press coverage describe it (Ofsted publishes no hex codes)"),
    consultation_label_feb2025: reportCardGradeColumn("Label proposed in the February 2025 consultation (superseded)"),
    consultation_colour_feb2025: text("Colour proposed in February 2025, as described"),
    eif_rough_analogue: oldGradeList("The old single-word grade(s) roughly in the same place: a reading aid only, since Ofsted says the grades are not comparable"),
    secondary_source: yesNo("yes if any part of the row (here: the colour) rests on press coverage"),
    ...sourceColumns,
    source_colours: text("Where the colour descriptions come from"),
    source_consultation: text("Where the February 2025 labels come from"),
    note: optionalText("Caveats"),
  },
  key: ["final_label"],
  rowChecks: [
    (r) =>
      r.consultation_label_feb2025 === r.final_label
        ? undefined
        : { column: "consultation_label_feb2025", value: r.consultation_label_feb2025, expected: `the February 2025 name of "${reportCardGrade(r.final_label).label}" (${reportCardGrade(r.final_label).proposedLabel})` },
    (r) =>
      r.rank === 6 - reportCardGrade(r.final_label).order
        ? undefined
        : { column: "rank", value: String(r.rank), expected: `${6 - reportCardGrade(r.final_label).order} for "${reportCardGrade(r.final_label).label}" (5 = top)` },
  ],
};

export const reportCardScale: DatasetMeta<ReportCardScaleRow> = {
  id: "report-card-scale",
  file: "report-card-scale.csv",
  title: "The report card's five-point scale, final and proposed",
  description:
    "The five grades of Ofsted's school report cards (from 10 November 2025) with their colours as described, the names proposed in the February 2025 consultation, and the old single-word grade each roughly sits beside. Ofsted says the new grades cannot be compared with the old ones.",
  licence: "Open Government Licence v3.0 (Ofsted guidance); colour descriptions from press coverage, reused as facts with attribution",
  schema,
  checked: "2026-11-26",
};
