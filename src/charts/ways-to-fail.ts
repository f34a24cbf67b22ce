import * as Plot from "@observablehq/plot";
import type { FirstReportCardsRow } from "../lib/datasets/first-report-cards.ts";
import { formatCorrelation, formatPct, outcomeCounts } from "../lib/ways-to-fail.ts";
import { WAYS_TO_FAIL_STATE } from "../lib/url-state.ts";
import type { ChartDefinition } from "./types.ts";
import {
  DEFAULT_AREAS,
  SELECTED_LABEL_DY,
  compactCount,
  tablePct,
  waysToFailPoints,
  waysToFailSpec,
  type WaysToFailPoint,
} from "./ways-to-fail-layout.ts";

/** A modelled point, with the published row its per-area rate comes from. */
export type Row = WaysToFailPoint & { readonly rateSource: FirstReportCardsRow };

/** Grades below the expected standard: their shares on the first 100 report cards give the default rate. */
const BELOW_EXPECTED = ["needs-attention", "urgent-improvement"] as const;

/**
 * The default per-area rate: the share of grades below expected on the first 100 report cards
 * (needs attention + urgent improvement), from data/first-report-cards.csv.
 */
export function publishedRate(rows: readonly FirstReportCardsRow[]): { ratePct: number; source: FirstReportCardsRow } {
  const found = BELOW_EXPECTED.map((g) => rows.find((r) => r.grade === g));
  if (found.some((r) => r === undefined)) throw new Error(`ways-to-fail: first-report-cards has no row for ${BELOW_EXPECTED.join(" or ")}`);
  const ratePct = Math.round(found.reduce((sum, r) => sum + r!.pct_of_grades, 0));
  return { ratePct, source: found[0]! };
}

/** Modelled chance that some area of a report card is below expected, by number of areas, with outcome counts. */
export const waysToFailChart: ChartDefinition<Row> = {
  id: "ways-to-fail",
  title: "More areas, more ways for some grade to fall below “expected”",
  takeaway:
    `One word had ${outcomeCounts(DEFAULT_AREAS).singleWord} possible outcomes. A card with ${DEFAULT_AREAS} areas and safeguarding has ${outcomeCounts(DEFAULT_AREAS).reportCard.toLocaleString("en-GB")}. Each area you add makes it more likely that at least one is graded below the expected standard.`,
  notes: [
    "The chance is modelled, not observed: each area is given the same chance of a grade below expected (needs attention or urgent improvement), and areas are linked by a correlation (a one-factor Gaussian copula, computed exactly).",
    "The default chance per area is the share of grades below expected on the first 100 report cards (Schools Week analysis, 9 February 2026). Those schools volunteered, so this is not a national rate.",
    "The correlation of 0.5 is illustrative: no published figure says how closely a school's grades move together. At 0 areas are independent; at 1 they move as one and extra areas add no risk.",
    "Possible report cards: 5 grades for each area times safeguarding met or not met (5^k × 2); the old system had 4 single words.",
  ],
  sourceSummary: "Modelled from the share of grades below expected on the first 100 report cards (Schools Week, 9 February 2026)",
  sourceShort: "modelled on Schools Week data (February 2026)",
  datasets: ["first-report-cards"],
  interactive: true,
  select(data) {
    const { ratePct, source } = publishedRate(data["first-report-cards"] ?? []);
    return waysToFailPoints(ratePct, WAYS_TO_FAIL_STATE.correlation.default).map((p) => ({ ...p, rateSource: source }));
  },
  describe(rows) {
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (!first || !last) return "No data.";
    return (
      `Chart, modelled. Say each area has a ${formatPct(first.ratePct)} chance of a grade below expected. Say the areas have a correlation of ${formatCorrelation(first.correlationPct)}. ` +
      `Then the chance that at least one area is below expected rises from ${formatPct(first.probabilityPct)} with 1 area to ${formatPct(last.probabilityPct)} with ${last.areas}. ` +
      `The number of possible report cards rises from ${first.reportCards.toLocaleString("en-GB")} to ${last.reportCards.toLocaleString("en-GB")}. There were only ${first.singleWords} single words.`
    );
  },
  columns: [
    { key: "areas", label: "Graded areas", value: (r) => r.areas },
    { key: "probability", label: "Chance at least one is below expected (%, modelled)", value: tablePct },
    { key: "report_cards", label: "Possible report cards", value: (r) => r.reportCards },
    { key: "single_words", label: "Possible single words", value: (r) => r.singleWords },
    { key: "rate", label: "Chance per area (%)", value: (r) => r.ratePct },
    { key: "correlation", label: "Correlation (illustrative)", value: (r) => formatCorrelation(r.correlationPct) },
    { key: "source_title", label: "Source of the rate", value: (r) => r.rateSource.source_title },
    { key: "source_url", label: "Source URL", value: (r) => r.rateSource.source_url },
  ],
  source: (r) => ({
    dataset: "first-report-cards",
    key: r.rateSource.grade,
    title: r.rateSource.source_title,
    url: r.rateSource.source_url,
    secondary: r.rateSource.secondary_source,
  }),
  caption(rows) {
    const first = rows[0];
    return first ? waysToFailSpec({ areas: DEFAULT_AREAS, ratePct: first.ratePct, correlationPct: first.correlationPct }, 0, true, rows).caption : "";
  },
  plot(rows, { width }) {
    const first = rows[0];
    const spec = waysToFailSpec({ areas: DEFAULT_AREAS, ratePct: first?.ratePct ?? 0, correlationPct: first?.correlationPct ?? 0 }, width, true, rows);
    const f = spec.frame;
    const selected = rows.filter((r) => r.areas === DEFAULT_AREAS);
    return {
      width: f.width,
      height: f.height,
      marginTop: f.marginTop,
      marginRight: f.marginRight,
      marginBottom: f.marginBottom,
      marginLeft: f.marginLeft,
      x: {
        type: "linear",
        domain: spec.x.domain,
        range: spec.x.range,
        ticks: rows.map((r) => r.areas),
        // On a phone every other count, so the labels do not run together.
        tickFormat: (k: number) => `${k}\n${f.narrow && k % 2 === 1 ? "" : compactCount(outcomeCounts(k).reportCard)}`,
        // Narrow labels leave room for 0.12 em letter spacing (WCAG 1.4.12).
        label: f.narrow ? "Areas (top), cards (below) →" : "Graded areas (top) and possible report cards, 5ᵏ × 2 (below) →",
        labelOffset: 52,
      },
      y: {
        type: "linear",
        domain: spec.y.domain,
        range: spec.y.range,
        grid: true,
        ticks: 5,
        label: f.narrow ? "↑ Any area below expected (%)" : "↑ Chance that at least one area is below expected (%, modelled)",
      },
      marks: [
        Plot.ruleY([0]),
        Plot.line(rows, { x: "areas", y: "probabilityPct", stroke: "var(--series-1)", strokeWidth: 2.5, className: "wtf-line" }),
        Plot.dot(selected, { x: "areas", y: "probabilityPct", r: 10, stroke: "var(--series-2)", strokeWidth: 2.5, fill: "none", className: "wtf-selected" }),
        Plot.dot(rows, {
          x: "areas",
          y: "probabilityPct",
          r: 4.5,
          fill: "var(--series-1)",
          stroke: "var(--surface)",
          strokeWidth: 1.5,
          title: (_d: Row, i: number) => spec.points[i]!.title,
          className: "marks",
        }),
        Plot.text(selected, {
          x: "areas",
          y: "probabilityPct",
          text: () => spec.selected?.label ?? "",
          dy: SELECTED_LABEL_DY,
          fontWeight: 700,
          fill: "currentColor",
          className: "wtf-selected-label",
        }),
      ],
    };
  },
};
