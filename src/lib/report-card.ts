/**
 * The report card as data, and our rough reading of what the old single word would most likely have
 * been for it. Ofsted says the new grades cannot be compared with the old ones, so the reading is a
 * teaching aid, not a conversion. It rests on how the 2019 framework (EIF) worked in practice
 * (FACTS.md sections 6-7; FFT Education Datalab, Sept 2024):
 * - safeguarding not effective usually meant an inadequate overall grade;
 * - a key judgement below good usually pulled the overall grade down to match it
 *   (RI in any key judgement usually meant RI overall);
 * - schools graded outstanding were outstanding in all four key judgements in almost all cases.
 * Pure: no DOM.
 */

import { SCHOOL_AREAS, type AreaKey, type EvaluationArea } from "./areas.ts";
import { oldGrade, reportCardGrade, safeguarding, type OldGradeKey, type ReportCardGradeKey, type SafeguardingKey } from "./grades.ts";
import { DEFAULT_CARD_GRADES, NOT_APPLICABLE, REPORT_CARD_BUILDER_STATE, parseState, serialiseState, type AreaGradeKey } from "./url-state.ts";

/** One school's card: a grade (or not applicable) per evaluation area, and safeguarding. */
export interface ReportCard {
  readonly grades: Readonly<Record<AreaKey, AreaGradeKey>>;
  readonly safeguarding: SafeguardingKey;
}

/** The builder's default card (illustrative, not a real school). */
export const DEFAULT_CARD: ReportCard = { grades: DEFAULT_CARD_GRADES, safeguarding: "met" };

/** One line of a card (safeguarding or an area) with its grade, as the card, chart and table show it. */
export interface CardLineGrade {
  readonly key: string;
  readonly label: string;
  readonly shortLabel: string;
  readonly kind: "safeguarding" | "area";
  /** Grade key (report-card grade, met / not-met, or not-applicable). */
  readonly grade: AreaGradeKey | "met" | "not-met";
  readonly gradeLabel: string;
  readonly symbol: string;
  /** CSS colour (a grade variable) or "none" for not applicable. */
  readonly fill: string;
  /** The report-card-scale row that explains the line: its grade, or the scale's middle row for safeguarding and "not applicable". */
  readonly scaleGrade: ReportCardGradeKey;
}

/** The lines of a card, safeguarding first, then the areas in Ofsted's order. */
export function cardLineGrades(card: ReportCard): CardLineGrade[] {
  const sg = safeguarding(card.safeguarding);
  const lines: CardLineGrade[] = [
    {
      key: "safeguarding",
      label: "Safeguarding",
      shortLabel: "Safeguarding",
      kind: "safeguarding",
      grade: sg.key,
      gradeLabel: sg.label,
      symbol: sg.symbol,
      fill: `var(--grade-safeguarding-${sg.key})`,
      // Safeguarding is met / not met, explained on the same Ofsted guidance page as the scale.
      scaleGrade: "expected-standard",
    },
  ];
  for (const a of SCHOOL_AREAS) {
    const g = card.grades[a.key];
    const grade = g === NOT_APPLICABLE ? undefined : reportCardGrade(g);
    lines.push({
      key: a.key,
      label: a.label,
      shortLabel: a.shortLabel,
      kind: "area",
      grade: g,
      gradeLabel: grade ? grade.label : "Not applicable",
      symbol: grade ? grade.symbol : "–",
      fill: grade ? `var(--grade-card-${grade.key})` : "none",
      scaleGrade: grade ? grade.key : "expected-standard",
    });
  }
  return lines;
}

/** A graded area of a card, in Ofsted's order, with its grade. */
export interface GradedArea {
  readonly area: EvaluationArea;
  readonly grade: ReportCardGradeKey;
}

/** The areas the card grades (not-applicable areas left out), in Ofsted's order. */
export function gradedAreas(card: ReportCard): GradedArea[] {
  return SCHOOL_AREAS.flatMap((area) => {
    const g = card.grades[area.key];
    return g === NOT_APPLICABLE ? [] : [{ area, grade: g }];
  });
}

/** Reads a card from a page's query (allow-listed; anything else takes the default card's value). */
export function cardFromQuery(query: URLSearchParams | string): ReportCard {
  const { safeguarding, ...grades } = parseState(REPORT_CARD_BUILDER_STATE, query);
  return { grades, safeguarding };
}

/** The card as a canonical query (every area, sorted), so a link reproduces it. */
export function cardToQuery(card: ReportCard): string {
  return serialiseState(REPORT_CARD_BUILDER_STATE, { ...card.grades, safeguarding: card.safeguarding });
}

/** Our rough reading of the old single word, and why. */
export interface OldWordReading {
  readonly grade: OldGradeKey;
  /** The rule that decided it, as a clause that follows "because". */
  readonly because: string;
}

/** Which old single word the card would most likely have matched, by our rough reading of the EIF. */
export function likelyOldGrade(card: ReportCard): OldWordReading {
  const graded = gradedAreas(card);
  const named = (grade: ReportCardGradeKey) => graded.filter((g) => g.grade === grade).map((g) => g.area.label.toLowerCase());
  if (card.safeguarding === "not-met") {
    return { grade: "inadequate", because: "under the 2019 framework, safeguarding that was not effective usually meant an inadequate overall grade" };
  }
  const urgent = named("urgent-improvement");
  if (urgent.length > 0) {
    return {
      grade: "inadequate",
      because: `${listAreas(urgent)} ${urgent.length === 1 ? "is" : "are"} at urgent improvement, and under the 2019 framework an inadequate key judgement usually made the overall grade inadequate`,
    };
  }
  const attention = named("needs-attention");
  if (attention.length > 0) {
    return {
      grade: "requires-improvement",
      because: `${listAreas(attention)} ${attention.length === 1 ? "needs" : "need"} attention, and under the 2019 framework a key judgement of requires improvement usually made the overall grade requires improvement`,
    };
  }
  if (graded.length > 0 && graded.every((g) => g.grade === "exceptional")) {
    return { grade: "outstanding", because: "every area is exceptional, and schools graded outstanding were outstanding in almost every key judgement" };
  }
  return {
    grade: "good",
    because: "every area is at or above the expected standard but not all are exceptional, and most schools rated good had no key judgement below good",
  };
}

/** The sentence shown under the card: the likely old word, why, and why the comparison is rough. */
export function describeOldWord(card: ReportCard): string {
  const { grade, because } = likelyOldGrade(card);
  return (
    `Under the old system this card would most likely have been “${oldGrade(grade).label}”, because ${because}. ` +
    "This is our rough reading: the scales differ, a report card has no overall grade, and Ofsted says the new grades cannot be compared with the old ones."
  );
}

/** The card in one sentence, for screen readers and the text alternative. */
export function describeCard(card: ReportCard): string {
  const parts = gradedAreas(card).map((g) => `The grade for ${g.area.label.toLowerCase()} is ${reportCardGrade(g.grade).label.toLowerCase()}`);
  const skipped = SCHOOL_AREAS.filter((a) => card.grades[a.key] === NOT_APPLICABLE).map((a) => a.label.toLowerCase());
  return (
    `Report card. Safeguarding is ${safeguarding(card.safeguarding).label.toLowerCase()}. ${parts.join(". ")}.` +
    (skipped.length ? ` Not applicable: ${listAreas(skipped)}.` : "")
  );
}

/** ["a", "b", "c"] -> "a, b and c". */
export function listAreas(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
