/**
 * Column names of Ofsted's monthly management information for state-funded schools, sheet
 * D2_Most_recent_inspections (85 columns, from 2025/26), exactly as published - including the
 * double space in "Latest OEIF  safeguarding is effective?". Source: the column list in
 * /work/shared/data/ofsted/mi_schema_state_funded_schools_2025_26.csv (see data/README.md).
 */
import { SCHOOL_AREAS, SAFEGUARDING_MI_COLUMN, type AreaKey } from "../areas.ts";

/** All 85 headers of sheet D2_Most_recent_inspections, in file order. */
export const MI_D2_COLUMNS = [
  "Web Link (opens in new window)", "URN", "LAESTAB", "School name", "Ofsted phase", "Type of education", "School open date",
  "Admissions policy", "Sixth form", "Designated religious character", "Religious ethos", "Faith grouping", "Ofsted region",
  "Region", "Local authority", "Parliamentary constituency", "Postcode", "Multi-academy trust UID", "Multi-academy trust name",
  "Academy sponsor UID", "Academy sponsor name", "The income deprivation affecting children index (IDACI) quintile",
  "Total number of pupils", "Statutory lowest age", "Statutory highest age", "Inspection number of latest full inspection",
  "Inspection type", "Inspection type grouping", "Event type grouping", "Inspection start date", "Publication date",
  "Does the latest full inspection relate to the URN of the current school?", "URN at time of latest full inspection",
  "LAESTAB at time of latest full inspection", "School name at time of latest full inspection",
  "School type at time of latest full inspection", "Category of concern", "Safeguarding standards",
  "Safeguarding standards - date of grade", "Inclusion", "Inclusion - date of grade", "Curriculum and teaching",
  "Curriculum and teaching - date of grade", "Achievement", "Achievement - date of grade", "Attendance and behaviour",
  "Attendance and behaviour - date of grade", "Personal development and wellbeing", "Personal development and wellbeing - date of grade",
  "Early years (where applicable)", "Early years - date of grade", "Post-16 provision (where applicable)",
  "Post-16 provision - date of grade", "Leadership and governance", "Leadership and governance - date of grade",
  "Inspection number of latest OEIF graded inspection", "Inspection type of latest OEIF graded inspection",
  "Inspection type grouping of latest OEIF graded inspection", "Event type grouping of latest OEIF graded inspection",
  "Inspection start date of latest OEIF graded inspection", "Publication date of latest OEIF graded inspection",
  "Does the latest OEIF graded inspection relate to the URN of the current school?", "URN at time of latest OEIF graded inspection",
  "LAESTAB at time of latest OEIF graded inspection", "School name at time of latest OEIF graded inspection",
  "School type at time of latest OEIF graded inspection", "Latest OEIF category of concern", "Latest OEIF overall effectiveness",
  "Latest OEIF quality of education", "Latest OEIF behaviour and attitudes", "Latest OEIF personal development",
  "Latest OEIF effectiveness of leadership and management", "Latest OEIF  safeguarding is effective?",
  "Latest OEIF early years provision (where applicable)", "Latest OEIF sixth form provision (where applicable)",
  "Latest ungraded inspection number", "Date of latest ungraded inspection", "Ungraded inspection publication date",
  "Does the ungraded inspection relate to the URN of the current school?", "URN at time of the ungraded inspection",
  "LAESTAB at time of the ungraded inspection", "School name at time of the ungraded inspection",
  "School type at time of the ungraded inspection", "Ungraded inspection overall outcome", "Most recent category of concern",
] as const;

export type MiColumn = (typeof MI_D2_COLUMNS)[number];

/** The date column published beside each report-card area's grade. */
export const AREA_DATE_COLUMN: Record<AreaKey, MiColumn> = {
  inclusion: "Inclusion - date of grade",
  "curriculum-and-teaching": "Curriculum and teaching - date of grade",
  achievement: "Achievement - date of grade",
  "attendance-and-behaviour": "Attendance and behaviour - date of grade",
  "personal-development": "Personal development and wellbeing - date of grade",
  "early-years": "Early years - date of grade",
  "post-16": "Post-16 provision - date of grade",
  "leadership-and-governance": "Leadership and governance - date of grade",
};

/** The old (EIF, 2019 framework) judgements, with their `Latest OEIF ...` columns. */
export const EIF_JUDGEMENTS = [
  { key: "overall-effectiveness", label: "Overall effectiveness", column: "Latest OEIF overall effectiveness" },
  { key: "quality-of-education", label: "Quality of education", column: "Latest OEIF quality of education" },
  { key: "behaviour-and-attitudes", label: "Behaviour and attitudes", column: "Latest OEIF behaviour and attitudes" },
  { key: "personal-development", label: "Personal development", column: "Latest OEIF personal development" },
  { key: "leadership-and-management", label: "Leadership and management", column: "Latest OEIF effectiveness of leadership and management" },
  { key: "early-years", label: "Early years provision", column: "Latest OEIF early years provision (where applicable)" },
  { key: "sixth-form", label: "Sixth form provision", column: "Latest OEIF sixth form provision (where applicable)" },
] as const satisfies readonly { key: string; label: string; column: MiColumn }[];

export type EifJudgementKey = (typeof EIF_JUDGEMENTS)[number]["key"];
export const EIF_SAFEGUARDING_COLUMN: MiColumn = "Latest OEIF  safeguarding is effective?";

/** Columns the importer reads. A file without any of them is refused, naming the column. */
export const MI_REQUIRED_COLUMNS: readonly MiColumn[] = [
  "URN",
  "School name",
  "Ofsted phase",
  "Type of education",
  "Region",
  "Local authority",
  // Groups the area pages (issue 18); every layout of the file since 2019 has it.
  "Parliamentary constituency",
  "Postcode",
  "Web Link (opens in new window)",
  "Inspection start date",
  "Publication date",
  SAFEGUARDING_MI_COLUMN as MiColumn,
  "Safeguarding standards - date of grade",
  ...SCHOOL_AREAS.flatMap((a) => [a.miColumn as MiColumn, AREA_DATE_COLUMN[a.key]]),
  "Inspection start date of latest OEIF graded inspection",
  "Publication date of latest OEIF graded inspection",
  ...EIF_JUDGEMENTS.map((j) => j.column),
  EIF_SAFEGUARDING_COLUMN,
  "Date of latest ungraded inspection",
  "Ungraded inspection overall outcome",
  "Most recent category of concern",
];
