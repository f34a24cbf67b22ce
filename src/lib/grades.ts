/**
 * The one module that owns every grade scale on the site: order, labels, short labels and
 * colours (light and dark). Nothing else hard-codes a grade label or a grade colour.
 *
 * Sources: Ofsted, "Understanding Ofsted report cards and grades" (gov.uk guidance) for the final
 * labels; the February 2025 consultation ("Improving the way Ofsted inspects education") for the
 * proposed labels; Ofsted press release, Sept 2013, for "satisfactory" becoming "requires improvement"
 * in September 2012. Ofsted publishes no official hex codes, so the colours are ours. The report
 * card keeps the families of Ofsted's cards (blue, dark green, green, orange, red); the old four
 * words get their own colours (purple, teal, ochre, grey) and numbered marks (❶–❹, Ofsted's grade
 * numbers), so no old word shares a colour or a symbol with a new grade. Every colour reaches 3:1
 * against its theme's background, and every pair of grades shown together stays distinct under
 * simulated colour-vision deficiency (see tests/unit/grades.test.ts).
 */

export interface Swatch {
  /** Fill on the light theme background. */
  readonly light: string;
  /** Fill on the dark theme background. */
  readonly dark: string;
}

export interface Grade<K extends string = string> {
  readonly key: K;
  /** Position on its scale, 1 = best. */
  readonly order: number;
  readonly label: string;
  readonly shortLabel: string;
  readonly colour: Swatch;
  /** A non-colour cue drawn beside the colour (never colour alone). */
  readonly symbol: string;
}

/* ---------- The old single-word scale (overall effectiveness and EIF key judgements) ---------- */

export type OldGradeKey = "outstanding" | "good" | "requires-improvement" | "inadequate";

/** The four words, best first. Grade 3 was called "Satisfactory" before September 2012. */
export const OLD_GRADES: readonly Grade<OldGradeKey>[] = [
  { key: "outstanding", order: 1, label: "Outstanding", shortLabel: "O", symbol: "❶", colour: { light: "#613789", dark: "#a9a3ff" } },
  { key: "good", order: 2, label: "Good", shortLabel: "G", symbol: "❷", colour: { light: "#2a7f9e", dark: "#83ccd8" } },
  { key: "requires-improvement", order: 3, label: "Requires improvement", shortLabel: "RI", symbol: "❸", colour: { light: "#a47c01", dark: "#c0ad7e" } },
  { key: "inadequate", order: 4, label: "Inadequate", shortLabel: "I", symbol: "❹", colour: { light: "#595959", dark: "#a9a8a5" } },
];

/** The day "requires improvement" replaced "satisfactory" as grade 3. */
export const REQUIRES_IMPROVEMENT_FROM = "2012-09-01";

/** Label of an old grade as it was worded on a given date (ISO yyyy-mm-dd). */
export function oldGradeLabel(key: OldGradeKey, onDate?: string): string {
  if (key === "requires-improvement" && onDate !== undefined && onDate < REQUIRES_IMPROVEMENT_FROM) {
    return "Satisfactory";
  }
  return oldGrade(key).label;
}

export function oldGrade(key: OldGradeKey): Grade<OldGradeKey> {
  return OLD_GRADES.find((g) => g.key === key)!;
}

/* ---------- The report card's five-point scale (final, from 10 November 2025) ---------- */

export type ReportCardGradeKey =
  | "exceptional"
  | "strong-standard"
  | "expected-standard"
  | "needs-attention"
  | "urgent-improvement";

export interface ReportCardGrade extends Grade<ReportCardGradeKey> {
  /** The label proposed in the February 2025 consultation (superseded). */
  readonly proposedLabel: string;
  /** True for grades below the expected standard. */
  readonly belowExpected: boolean;
}

/** The five report-card grades, best first. */
export const REPORT_CARD_GRADES: readonly ReportCardGrade[] = [
  { key: "exceptional", order: 1, label: "Exceptional", shortLabel: "Exc", proposedLabel: "Exemplary", symbol: "★", belowExpected: false, colour: { light: "#3650d8", dark: "#6d79de" } },
  { key: "strong-standard", order: 2, label: "Strong standard", shortLabel: "Strong", proposedLabel: "Strong", symbol: "▲", belowExpected: false, colour: { light: "#0e5e3a", dark: "#1f8f63" } },
  { key: "expected-standard", order: 3, label: "Expected standard", shortLabel: "Expected", proposedLabel: "Secure", symbol: "●", belowExpected: false, colour: { light: "#639d55", dark: "#c2f6b1" } },
  { key: "needs-attention", order: 4, label: "Needs attention", shortLabel: "Attention", proposedLabel: "Attention needed", symbol: "▼", belowExpected: true, colour: { light: "#925e15", dark: "#fca938" } },
  { key: "urgent-improvement", order: 5, label: "Urgent improvement", shortLabel: "Urgent", proposedLabel: "Causing concern", symbol: "✕", belowExpected: true, colour: { light: "#8e0014", dark: "#ed2e47" } },
];

export function reportCardGrade(key: ReportCardGradeKey): ReportCardGrade {
  return REPORT_CARD_GRADES.find((g) => g.key === key)!;
}

/* ---------- Safeguarding: met / not met ---------- */

export type SafeguardingKey = "met" | "not-met";

export const SAFEGUARDING: readonly Grade<SafeguardingKey>[] = [
  { key: "met", order: 1, label: "Met", shortLabel: "Met", symbol: "✓", colour: { light: "#007d72", dark: "#5dd3c1" } },
  { key: "not-met", order: 2, label: "Not met", shortLabel: "Not met", symbol: "⊘", colour: { light: "#c50062", dark: "#ff669b" } },
];

export function safeguarding(key: SafeguardingKey): Grade<SafeguardingKey> {
  return SAFEGUARDING.find((g) => g.key === key)!;
}

/* ---------- Parsing labels found in data files ---------- */

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

/**
 * Reads an old-scale grade from a label ("Good", "Requires improvement", "Satisfactory") or an
 * Ofsted code ("1".."4"). Returns undefined for anything else, so callers can report the value.
 */
export function parseOldGrade(value: string): OldGradeKey | undefined {
  const v = norm(value);
  const byCode: Record<string, OldGradeKey> = { "1": "outstanding", "2": "good", "3": "requires-improvement", "4": "inadequate" };
  if (byCode[v]) return byCode[v];
  if (v === "satisfactory") return "requires-improvement";
  return OLD_GRADES.find((g) => norm(g.label) === v)?.key;
}

/** Reads a report-card grade from its final or its February 2025 label; undefined otherwise. */
export function parseReportCardGrade(value: string): ReportCardGradeKey | undefined {
  const v = norm(value);
  return REPORT_CARD_GRADES.find((g) => norm(g.label) === v || norm(g.proposedLabel) === v)?.key;
}

/** Reads "Met" / "Not met" (also "Yes"/"No" as the EIF asked "safeguarding is effective?"). */
export function parseSafeguarding(value: string): SafeguardingKey | undefined {
  const v = norm(value);
  if (v === "met" || v === "yes") return "met";
  if (v === "not met" || v === "no") return "not-met";
  return undefined;
}

/** Every label the site accepts for a grade, for error messages ("expected one of ..."). */
export const OLD_GRADE_LABELS = [...OLD_GRADES.map((g) => g.label), "Satisfactory"];
export const REPORT_CARD_LABELS = REPORT_CARD_GRADES.map((g) => g.label);
