/**
 * What readers see for a dataset's columns and cells: a label in words for each column (the machine
 * names stay in the CSV and the schema), dates as readers write them, and grade, area and other
 * coded values as their labels. Pure functions; the dataset pages and tests use them.
 */
import { SCHOOL_AREAS } from "./areas.ts";
import { longDate, MONTHS } from "./format.ts";
import { OLD_GRADES, REPORT_CARD_GRADES, SAFEGUARDING } from "./grades.ts";

/** Labels for the columns of the bundled and imported datasets; anything else gets `humanise`. */
const LABELS: Record<string, string> = {
  as_at: "As at",
  as_of: "As of",
  date: "Date",
  date_precision: "Date known to",
  period_start: "From",
  period_end: "To",
  basis: "Basis",
  basis_period: "Basis of the figures",
  source_title: "Source",
  source_url: "Source address",
  secondary_source: "Secondary source",
  note: "Note",
  id: "ID",
  mi_column: "Column in Ofsted's file",
  eif_rough_analogue: "Roughly where, on the old scale",
  final_label: "Grade",
  final_colour_described: "Colour, as described",
  consultation_label_feb2025: "Label proposed in February 2025",
  consultation_colour_feb2025: "Colour proposed in February 2025",
  source_colours: "Source for the colours",
  source_consultation: "Source for the proposal",
  framework_date: "Framework published",
  n_grades_total: "Area grades in all",
  n_grades_derived: "Grades (worked out from the share)",
  pct_of_grades: "Share of grades (%)",
  pct_derived: "Share worked out by us",
  pct_ri_or_satisfactory: "Requires improvement or satisfactory (%)",
  study_inspections: "Inspections in the study",
  study_pct_good_or_better: "Good or better in the study (%)",
  n_with_eif_grade: "Schools with an EIF grade",
  n_eif_not_judged: "EIF: not judged",
  n_with_report_card: "Schools with a report card",
  n_with_both: "Schools with both",
  action_type: "Kind of action",
  old_grade: "Old grade",
  overall_grade: "Overall grade",
  area_label: "Area",
};

/** "pct_good_or_outstanding" -> "Good or outstanding (%)", "n_schools" -> "Number of schools". */
export function humanise(name: string): string {
  const words = name.split("_");
  let suffix = "";
  let prefix = "";
  if (words[0] === "pct") {
    words.shift();
    suffix = " (%)";
  } else if (words[0] === "n") {
    words.shift();
    const next: string = words[0] ?? "";
    prefix = next === "of" || next === "with" ? "Number " : "Number of ";
  }
  const text = words.map((w) => ({ eif: "EIF", mi: "MI", ri: "requires improvement", url: "address" })[w] ?? w).join(" ");
  const s = `${prefix}${text}${suffix}`.trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function columnLabel(name: string): string {
  return LABELS[name] ?? humanise(name);
}

/** Coded values ("strong-standard", "post-16", "quality-of-education") as their labels. */
const VALUE_LABELS = new Map<string, string>([
  ...OLD_GRADES.map((g) => [g.key, g.label] as const),
  ...REPORT_CARD_GRADES.map((g) => [g.key, g.label] as const),
  ...SAFEGUARDING.map((g) => [g.key, g.label] as const),
  ...SCHOOL_AREAS.map((a) => [a.key, a.label] as const),
]);

/** A value from a column with a fixed list of codes, in words: known labels first, else "to-2017" -> "To 2017". */
export function codeLabel(code: string): string {
  const known = VALUE_LABELS.get(code);
  if (known) return known;
  const s = code.replace(/-/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * One cell as a reader reads it. `expected` is the schema's rule for the column ("a date as
 * yyyy-mm-dd", 'one of "a", "b"', ...); a date whose row says only its month is known shows the month.
 */
export function cellText(column: string, value: unknown, expected: string, row: Record<string, unknown> = {}): string {
  if (value === null || value === undefined || value === "") return "–";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.map((v) => cellText(column, v, expected, row)).join("; ");
  const text = String(value);
  if (ISO.test(text)) {
    if (row.date_precision === "month" && column === "date") return `${MONTHS[Number(text.slice(5, 7)) - 1]} ${text.slice(0, 4)}`;
    return longDate(text);
  }
  if (expected.startsWith("one of ") || VALUE_LABELS.has(text)) return codeLabel(text);
  return text;
}
