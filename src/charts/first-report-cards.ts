import * as Plot from "@observablehq/plot";
import type { FirstReportCardsRow } from "../lib/datasets/first-report-cards.ts";
import { longDate } from "../lib/format.ts";
import { REPORT_CARD_GRADES, reportCardGrade } from "../lib/grades.ts";
import type { ChartDefinition } from "./types.ts";

const ORDER = REPORT_CARD_GRADES.map((g) => g.key);

/** Share of grades at or above the expected standard. */
export function shareAtOrAboveExpected(rows: readonly FirstReportCardsRow[]): number {
  return rows.filter((r) => !reportCardGrade(r.grade).belowExpected).reduce((a, r) => a + r.pct_of_grades, 0);
}

/** How the 659 area grades on the first 100 (volunteer) report cards were spread across the five grades. */
export const firstReportCards: ChartDefinition<FirstReportCardsRow> = {
  id: "first-report-cards",
  title: "On the first 100 report cards, most grades were \"expected standard\"",
  takeaway:
    "The first 100 schools on the new system got 659 area grades, a count in Schools Week found. Most of them, 56%, were expected standard. Then 35% were strong standard and 4% exceptional. Only 5% were needs attention, and none were urgent improvement. These schools chose to go first, so they are not a national picture.",
  notes: [
    "The schools volunteered to be inspected first (from 10 November 2025): 69 primary, 25 secondary and 6 special schools. A self-selected group is probably stronger than average, so this is not a national picture.",
    "Percentages are from an analysis by David Scott published in Schools Week (opinion) on 9 February 2026, not official statistics. The approximate counts in the data are ours (percentage x 659, rounded).",
    "Safeguarding (met or not met) is not one of the five grades and is not counted here.",
  ],
  sourceSummary: "Schools Week analysis of the first 100 report cards (9 February 2026)",
  sourceShort: "Schools Week (9 February 2026)",
  datasets: ["first-report-cards"],
  interactive: false,
  select: (data) => [...(data["first-report-cards"] ?? [])].sort((a, b) => ORDER.indexOf(a.grade) - ORDER.indexOf(b.grade)),
  describe(rows) {
    const first = rows[0];
    if (!first) return "No data.";
    return `Bar chart of ${first.n_grades_total} area grades on the first ${first.n_schools} report cards, up to ${longDate(first.as_of)}. They were volunteer schools, which chose to go first. ${rows.map((r) => `${reportCardGrade(r.grade).label}: ${r.pct_of_grades}%.`).join(" ")} In all, ${shareAtOrAboveExpected(rows)}% were at or above the expected standard.`;
  },
  columns: [
    { key: "grade", label: "Grade", value: (r) => reportCardGrade(r.grade).label },
    { key: "pct_of_grades", label: "Share of grades (%)", value: (r) => r.pct_of_grades },
    { key: "n_grades_derived", label: "About this many grades (ours)", value: (r) => r.n_grades_derived },
    { key: "n_grades_total", label: "Grades in total", value: (r) => r.n_grades_total },
    { key: "source_title", label: "Source", value: (r) => r.source_title },
    { key: "source_url", label: "Source URL", value: (r) => r.source_url },
  ],
  source: (r) => ({ dataset: "first-report-cards", key: r.grade, title: r.source_title, url: r.source_url, secondary: r.secondary_source }),
  caption(rows) {
    const first = rows[0];
    return first ? `${first.n_grades_total} grades, ${first.n_schools} volunteer schools: not a national picture.` : "";
  },
  plot(rows, { width }) {
    const narrow = width < 480;
    return {
      width,
      height: 14 + rows.length * (narrow ? 36 : 40),
      marginTop: 8,
      // Room for each label with WCAG 1.4.12 letter spacing (0.12 em) in a wide fallback font; narrow
      // drawings put two-word labels on two lines.
      marginLeft: narrow ? 132 : 192,
      marginRight: 44,
      marginBottom: 6,
      x: { domain: [0, 100], axis: null },
      y: {
        domain: rows.map((r) => r.grade),
        tickFormat: (k: FirstReportCardsRow["grade"]) => `${narrow ? reportCardGrade(k).label.replace(" ", "\n") : reportCardGrade(k).label}  ${reportCardGrade(k).symbol}`,
        tickSize: 0,
        label: null,
        padding: 0.25,
      },
      marks: [
        Plot.barX(rows, { x1: 0, x2: 100, y: "grade", fill: "currentColor", fillOpacity: 0.07 }),
        Plot.barX(rows, {
          x1: 0,
          x2: "pct_of_grades",
          y: "grade",
          fill: (r: FirstReportCardsRow) => `var(--grade-card-${r.grade})`,
          title: (r: FirstReportCardsRow) => `${reportCardGrade(r.grade).label}: ${r.pct_of_grades}% of ${r.n_grades_total} grades${r.n_grades_derived > 0 ? ` (about ${r.n_grades_derived})` : " (none)"}`,
          className: "marks",
        }),
        Plot.text(rows, { x: "pct_of_grades", y: "grade", text: (r: FirstReportCardsRow) => `${r.pct_of_grades}%`, dx: 5, textAnchor: "start", fill: "currentColor", fontWeight: 700, fontSize: 13 }),
      ],
    };
  },
};
