import * as Plot from "@observablehq/plot";
import { PHASE_LABELS, type GoodOrOutstandingByPhaseRow } from "../lib/datasets/good-or-outstanding-by-phase.ts";
import { isoToDate, longDate, monthYear } from "../lib/format.ts";
import type { ChartDefinition } from "./types.ts";

type Row = GoodOrOutstandingByPhaseRow & { phase: "primary" | "secondary" };

/** Ofsted restated its figures on a new basis from 2018 (as for the all-schools series): lines break there. */
const BASIS_CHANGE = "2018-01-01";

const STYLE = {
  primary: { stroke: "var(--series-1)", symbol: "circle" },
  secondary: { stroke: "var(--series-2)", symbol: "square" },
} as const;

/** Primary-minus-secondary gap in points at each date where both phases were published. */
export function phaseGaps(rows: readonly Row[]): { as_at: string; primary: number; secondary: number; gap: number }[] {
  const dates = [...new Set(rows.map((r) => r.as_at))].sort();
  return dates.flatMap((d) => {
    const p = rows.find((r) => r.as_at === d && r.phase === "primary");
    const s = rows.find((r) => r.as_at === d && r.phase === "secondary");
    return p && s ? [{ as_at: d, primary: p.pct_good_or_outstanding, secondary: s.pct_good_or_outstanding, gap: p.pct_good_or_outstanding - s.pct_good_or_outstanding }] : [];
  });
}

/** Primary and secondary schools rated good or outstanding, 2014-2024, with the gap between them. */
export const goodOrOutstandingByPhase: ChartDefinition<Row> = {
  id: "good-or-outstanding-by-phase",
  title: "Secondary schools have trailed primaries by 8 to 12 points since 2015",
  takeaway:
    "Both primary and secondary schools rose, but the gap stayed. In March 2015, press reports of Ofsted's figures put 83% of primary and 73% of secondary schools at good or outstanding. By August 2024, a research note citing Ofsted put them at 92% and 84%. Those four figures rest on secondary sources.",
  notes: [
    "Each point is one published snapshot of schools' most recent inspections. Ofsted changed the basis of its figures in 2018, so the lines break between 2017 and 2018.",
    "The 2014 and 2015 figures and the August 2024 figures rest on secondary sources (press, blog or research notes citing Ofsted) and are flagged: verify them before quoting.",
    "The dataset also holds nursery, special and alternative-provision figures (for example, 97%, 90% and 86% in August 2024).",
  ],
  sourceSummary: "Ofsted official statistics on state-funded school inspections, 2014 to 2024, with some figures from press coverage of them",
  sourceShort: "Ofsted statistics 2014–2024 and press reports",
  datasets: ["good-or-outstanding-by-phase"],
  interactive: false,
  select: (data) =>
    (data["good-or-outstanding-by-phase"] ?? [])
      .filter((r): r is Row => r.phase === "primary" || r.phase === "secondary")
      .sort((a, b) => (a.phase === b.phase ? a.as_at.localeCompare(b.as_at) : a.phase === "primary" ? -1 : 1)),
  describe(rows) {
    const gaps = phaseGaps(rows);
    const first = gaps[0];
    const last = gaps[gaps.length - 1];
    if (!first || !last) return "No data.";
    return `Line chart with two lines. Primary schools rated good or outstanding went from ${first.primary}% in ${monthYear(first.as_at)} to ${last.primary}% in ${monthYear(last.as_at)}. Secondary schools went from ${first.secondary}% to ${last.secondary}%. Secondary schools were ${first.gap} points behind at the start and ${last.gap} points behind at the end.`;
  },
  columns: [
    { key: "as_at", label: "As at", value: (r) => r.as_at },
    { key: "phase", label: "Phase", value: (r) => PHASE_LABELS[r.phase] },
    { key: "pct_good_or_outstanding", label: "Good or outstanding (%)", value: (r) => r.pct_good_or_outstanding },
    { key: "source_title", label: "Source", value: (r) => r.source_title },
    { key: "source_url", label: "Source URL", value: (r) => r.source_url },
  ],
  source: (r) => ({ dataset: "good-or-outstanding-by-phase", key: `${r.as_at}--${r.phase}`, title: r.source_title, url: r.source_url, secondary: r.secondary_source }),
  plot(rows, { width }) {
    const narrow = width < 480;
    const data = rows.map((r) => ({ ...r, date: isoToDate(r.as_at), series: `${r.phase}-${r.as_at < BASIS_CHANGE ? "old" : "new"}` }));
    const last = (phase: Row["phase"]) => data.filter((d) => d.phase === phase).at(-1);
    const ends = [last("primary"), last("secondary")].filter((d): d is (typeof data)[number] => d !== undefined);
    const gaps = phaseGaps(rows);
    const lastGap = gaps[gaps.length - 1];
    // Wide: brackets at the first and last shared dates. Narrow: only the last, its number in the end label.
    const gapMarks = (narrow ? [lastGap] : [gaps[0], lastGap]).filter((g, i, a): g is NonNullable<typeof g> => g !== undefined && a.indexOf(g) === i);
    const breakDate = isoToDate(BASIS_CHANGE);
    const dotsOf = (phase: Row["phase"]) =>
      Plot.dot(
        data.filter((d) => d.phase === phase),
        {
          x: "date",
          y: "pct_good_or_outstanding",
          symbol: STYLE[phase].symbol,
          fill: STYLE[phase].stroke,
          stroke: "var(--surface)",
          strokeWidth: 1.5,
          r: 4.5,
          title: (d: Row) => `${PHASE_LABELS[d.phase]}, ${longDate(d.as_at)}: ${d.pct_good_or_outstanding}% good or outstanding`,
          className: "marks",
        },
      );
    return {
      width,
      height: narrow ? 280 : 340,
      marginLeft: 36,
      // Room for the end labels and year ticks with 0.12 em letter spacing (WCAG 1.4.12).
      marginRight: narrow ? 96 : 100,
      marginTop: 28,
      x: { type: "utc", label: null, ticks: narrow ? 3 : 6, tickFormat: "%Y" },
      y: { domain: [60, 100], grid: true, label: "% good or outstanding", ticks: 4 },
      marks: [
        Plot.ruleX([breakDate], { stroke: "currentColor", strokeDasharray: "3,3", strokeOpacity: 0.6 }),
        Plot.text([breakDate], { x: (d: Date) => d, y: 64, text: () => (narrow ? "Basis\nchanged" : "Ofsted changed\nits basis, 2018"), textAnchor: "start", dx: 4, fill: "currentColor", fillOpacity: 0.8 }),
        // The gap between the phases at the first and last shared dates, as a bracket and a number.
        Plot.ruleX(gapMarks, { x: (g) => isoToDate(g.as_at), y1: "secondary", y2: "primary", stroke: "currentColor", strokeWidth: 1, dx: -8 }),
        // The first gap is labelled to the right of its bracket, the last to the left (the phase labels sit right of it).
        ...(narrow ? [] : gapMarks).map((g, i) =>
          Plot.text([g], {
            x: (d: typeof g) => isoToDate(d.as_at),
            y: (d: typeof g) => (d.primary + d.secondary) / 2,
            text: (d: typeof g) => `${d.gap}-point\ngap`,
            textAnchor: i === 0 && gapMarks.length > 1 ? "start" : "end",
            dx: i === 0 && gapMarks.length > 1 ? -2 : -14,
            fill: "currentColor",
            fontWeight: 600,
          }),
        ),
        Plot.line(data, { x: "date", y: "pct_good_or_outstanding", z: "series", stroke: (d) => STYLE[d.phase as Row["phase"]].stroke, strokeWidth: 2.5 }),
        dotsOf("primary"),
        dotsOf("secondary"),
        Plot.text(ends, {
          x: "date",
          y: "pct_good_or_outstanding",
          text: (d: Row) =>
            `${PHASE_LABELS[d.phase]}\n${d.pct_good_or_outstanding}%` + (narrow && d.phase === "secondary" && lastGap ? `\n(${lastGap.gap} points\nlower)` : ""),
          lineAnchor: "top",
          dy: -10,
          textAnchor: "start",
          dx: 10,
          fill: "currentColor",
          fontWeight: 700,
        }),
      ],
    };
  },
};
