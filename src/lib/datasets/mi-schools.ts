/**
 * Schema of data/imported/schools.csv: one slim row per school from the last import, for school
 * pages. Not in the registry (the file is large and gitignored): parse it with
 * parseTable(text, file, miSchoolsSchema) where a page needs it.
 */
import { INVALID, type Column, type TableSchema } from "../csv.ts";
import { number, optionalText, text } from "../schema.ts";
import { REPORT_CARD_GRADES, OLD_GRADES, type OldGradeKey, type ReportCardGradeKey } from "../grades.ts";
import { SCHOOL_AREAS, type AreaKey } from "../areas.ts";
import { EIF_JUDGEMENTS, type EifJudgementKey } from "../mi/columns.ts";

const optionalDate = (description: string): Column<string | null> => ({
  description,
  expected: "a date as yyyy-mm-dd or blank",
  parse: (raw) => {
    const s = raw.trim();
    if (s === "") return null;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || new Date(s + "T00:00:00Z").toISOString().slice(0, 10) !== s) return INVALID;
    return s;
  },
});
const optionalKey = <T extends string>(keys: readonly T[], description: string): Column<T | null> => ({
  description,
  expected: `one of ${keys.join(", ")} or blank`,
  parse: (raw) => {
    const s = raw.trim();
    if (s === "") return null;
    return (keys as readonly string[]).includes(s) ? (s as T) : INVALID;
  },
});

const CARD_KEYS = REPORT_CARD_GRADES.map((g) => g.key);
const EIF_KEYS = [...OLD_GRADES.map((g) => g.key), "not-judged", "not-applicable"] as const;

export type MiSchoolRow = {
  urn: number;
  name: string;
  phase: string;
  type: string;
  local_authority: string;
  region: string;
  postcode: string;
  web_link: string;
  safeguarding: "met" | "not-met" | null;
  safeguarding_date: string | null;
  card_date: string | null;
  eif_inspection_start: string | null;
  eif_publication: string | null;
  eif_safeguarding: "met" | "not-met" | "not-applicable" | null;
  ungraded_date: string | null;
  ungraded_outcome: string;
  category_of_concern: string;
  /** Parliamentary constituency ("" if the file has none); last column of the extract. */
  constituency: string;
} & { [K in `card_${AreaKey}`]: ReportCardGradeKey | null } & { [K in `eif_${EifJudgementKey}`]: OldGradeKey | "not-judged" | "not-applicable" | null };

const columns = {
  urn: number({ min: 1, integer: true, description: "Unique reference number" }),
  name: text("School name"),
  phase: text("Ofsted phase"),
  type: optionalText("Type of education"),
  local_authority: optionalText("Local authority"),
  region: text("Region"),
  postcode: optionalText("Postcode"),
  web_link: optionalText("Link to the school's Ofsted reports"),
  safeguarding: optionalKey(["met", "not-met"] as const, "Report card: safeguarding standards met / not met"),
  safeguarding_date: optionalDate("Date of the safeguarding outcome"),
  card_date: optionalDate("Latest date of any report-card grade"),
  ...Object.fromEntries(SCHOOL_AREAS.map((a) => [`card_${a.key}`, optionalKey(CARD_KEYS, `Report card: ${a.label}`)])),
  eif_inspection_start: optionalDate("Start date of the latest EIF graded inspection"),
  eif_publication: optionalDate("Publication date of the latest EIF graded inspection"),
  ...Object.fromEntries(EIF_JUDGEMENTS.map((j) => [`eif_${j.key}`, optionalKey(EIF_KEYS, `EIF: ${j.label}`)])),
  eif_safeguarding: optionalKey(["met", "not-met", "not-applicable"] as const, "EIF: safeguarding is effective (met) or not"),
  ungraded_date: optionalDate("Date of the latest ungraded inspection"),
  ungraded_outcome: optionalText("Outcome of the latest ungraded inspection, as Ofsted words it"),
  category_of_concern: optionalText("Most recent category of concern, if any"),
  constituency: optionalText("Parliamentary constituency"),
} as unknown as TableSchema<MiSchoolRow>["columns"];

export const miSchoolsSchema: TableSchema<MiSchoolRow> = { columns, key: ["urn"] };
export const MI_SCHOOLS_FILE = "imported/schools.csv";

