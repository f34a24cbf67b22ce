/**
 * Schema of data/imported/schools.csv: one slim row per school from the last import, for school
 * pages. Not in the registry (the file is large and gitignored): parse it with
 * parseTable(text, file, miSchoolsSchema) where a page needs it.
 */
import { INVALID, type Column } from "../csv.ts";
import { defineSchema, type SchemaRow } from "./types.ts";
import { number, optionalText, text } from "../schema.ts";
import { REPORT_CARD_GRADES, OLD_GRADES } from "../grades.ts";
import { SCHOOL_AREAS } from "../areas.ts";
import { EIF_JUDGEMENTS } from "../mi/columns.ts";

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

/** Columns `<prefix><key>` for each of `items`, typed by their names (card_<area>, eif_<judgement>). */
function columnsFor<const P extends string, K extends string, T>(prefix: P, items: readonly { key: K; label: string }[], column: (item: { key: K; label: string }) => Column<T>) {
  return Object.fromEntries(items.map((i) => [`${prefix}${i.key}`, column(i)])) as { [X in `${P}${K}`]: Column<T> };
}

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
  ...columnsFor("card_", SCHOOL_AREAS, (a) => optionalKey(CARD_KEYS, `Report card: ${a.label}`)),
  eif_inspection_start: optionalDate("Start date of the latest EIF graded inspection"),
  eif_publication: optionalDate("Publication date of the latest EIF graded inspection"),
  ...columnsFor("eif_", EIF_JUDGEMENTS, (j) => optionalKey(EIF_KEYS, `EIF: ${j.label}`)),
  eif_safeguarding: optionalKey(["met", "not-met", "not-applicable"] as const, "EIF: safeguarding is effective (met) or not"),
  ungraded_date: optionalDate("Date of the latest ungraded inspection"),
  ungraded_outcome: optionalText("Outcome of the latest ungraded inspection, as Ofsted words it"),
  category_of_concern: optionalText("Most recent category of concern, if any"),
  /** Parliamentary constituency ("" if none); appended last (issue 18, area pages), so every earlier column keeps its place. */
  constituency: optionalText("Parliamentary constituency"),
};

export const miSchoolsSchema = defineSchema({ columns, key: ["urn"] });
/** One school's row: each column's name and type read from the columns above. */
export type MiSchoolRow = SchemaRow<typeof miSchoolsSchema>;
export const MI_SCHOOLS_FILE = "imported/schools.csv";

