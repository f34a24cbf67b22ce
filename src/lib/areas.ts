/**
 * The report card's evaluation areas for state-funded schools (final framework, from 10 Nov 2025),
 * in Ofsted's order, with the exact column names of Ofsted's monthly management-information file.
 * Source: Ofsted MI column list and gov.uk guidance "Understanding Ofsted report cards and grades";
 * see data/report-card-evaluation-areas.csv.
 */

export type AreaKey =
  | "inclusion"
  | "curriculum-and-teaching"
  | "achievement"
  | "attendance-and-behaviour"
  | "personal-development"
  | "early-years"
  | "post-16"
  | "leadership-and-governance";

export interface EvaluationArea {
  readonly key: AreaKey;
  readonly label: string;
  readonly shortLabel: string;
  /** False for areas graded only where they apply (early years, post-16). */
  readonly always: boolean;
  /** Column name in Ofsted's monthly MI file. */
  readonly miColumn: string;
}

export const SCHOOL_AREAS: readonly EvaluationArea[] = [
  { key: "inclusion", label: "Inclusion", shortLabel: "Inclusion", always: true, miColumn: "Inclusion" },
  { key: "curriculum-and-teaching", label: "Curriculum and teaching", shortLabel: "Curriculum", always: true, miColumn: "Curriculum and teaching" },
  { key: "achievement", label: "Achievement", shortLabel: "Achievement", always: true, miColumn: "Achievement" },
  { key: "attendance-and-behaviour", label: "Attendance and behaviour", shortLabel: "Attendance", always: true, miColumn: "Attendance and behaviour" },
  { key: "personal-development", label: "Personal development and well-being", shortLabel: "Personal dev.", always: true, miColumn: "Personal development and wellbeing" },
  { key: "early-years", label: "Early years", shortLabel: "Early years", always: false, miColumn: "Early years (where applicable)" },
  { key: "post-16", label: "Post-16 provision", shortLabel: "Post-16", always: false, miColumn: "Post-16 provision (where applicable)" },
  { key: "leadership-and-governance", label: "Leadership and governance", shortLabel: "Leadership", always: true, miColumn: "Leadership and governance" },
];

/** The MI column that carries safeguarding (Met / Not met). */
export const SAFEGUARDING_MI_COLUMN = "Safeguarding standards";

export function area(key: AreaKey): EvaluationArea {
  return SCHOOL_AREAS.find((a) => a.key === key)!;
}
