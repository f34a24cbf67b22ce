import * as Plot from "@observablehq/plot";
import type { OverallEffectivenessRow } from "../lib/datasets/overall-effectiveness.ts";
import { longDate, monthYear } from "../lib/format.ts";
import { OLD_GRADES, oldGrade, oldGradeLabel, type OldGradeKey } from "../lib/grades.ts";
import { textWidth } from "../lib/text-measure.ts";
import type { ChartDefinition } from "./types.ts";

/** One grade's share in one snapshot, with where its segment starts and ends on the 0-100 bar. */
export interface GradeMixRow {
  as_at: string;
  grade: OldGradeKey;
  pct: number;
  x1: number;
  x2: number;
  secondary_source: boolean;
  source_title: string;
  source_url: string;
}

const SHARE_COLUMN: Record<OldGradeKey, "pct_outstanding" | "pct_good" | "pct_ri_or_satisfactory" | "pct_inadequate"> = {
  outstanding: "pct_outstanding",
  good: "pct_good",
  "requires-improvement": "pct_ri_or_satisfactory",
  inadequate: "pct_inadequate",
};

/** Snapshots where all four shares were published, one row per grade, stacked best grade first. */
export function gradeMixRows(snapshots: readonly OverallEffectivenessRow[]): GradeMixRow[] {
  const rows: GradeMixRow[] = [];
  for (const s of snapshots) {
    const shares = OLD_GRADES.map((g) => s[SHARE_COLUMN[g.key]]);
    if (shares.some((v) => v === null)) continue;
    let x = 0;
    OLD_GRADES.forEach((g, i) => {
      const pct = shares[i]!;
      rows.push({ as_at: s.as_at, grade: g.key, pct, x1: x, x2: x + pct, secondary_source: s.secondary_source, source_title: s.source_title, source_url: s.source_url });
      x += pct;
    });
  }
  return rows;
}

/** Width of a segment label (13 px, semibold). */
const labelWidth = (s: string) => textWidth(s, 13, { bold: true });

const byDate = (rows: readonly GradeMixRow[], asAt: string, grade: OldGradeKey) => rows.find((r) => r.as_at === asAt && r.grade === grade);

/** Shares of schools at each of the four overall grades, in the snapshots where the full split was published. */
export const gradeMixOverTime: ChartDefinition<GradeMixRow> = {
  id: "grade-mix-over-time",
  title: "Good grew to three in four schools as the lower grades shrank",
  takeaway:
    "Good became the usual grade. The share of schools rated good rose from 50% in August 2011 to 77% in August 2024. Satisfactory or requires improvement fell from 28% to 8%. Outstanding slipped from 20% to 14%. The 2011 and 2024 splits come from a blog and a research note citing Ofsted, so they rest on secondary sources.",
  notes: [
    "Each bar is one snapshot of every state-funded school's most recent inspection; only snapshots with all four shares published are shown, so the bars are unevenly spaced in time.",
    "Grade 3 was called \"satisfactory\" until September 2012 and \"requires improvement\" after it.",
    "Ofsted restated its figures on a new basis from 2018. Several splits (2011, 2014, 2015, 2024) rest on secondary sources and are flagged on the dataset page. Rounded shares may not sum to exactly 100.",
    "The August 2011 split comes from Ofsted's 2010/11 annual report, a one-off count of every open school that differs from the official statistics used for the later bars.",
  ],
  sourceSummary: "Ofsted official statistics on state-funded school inspections, 2011 to 2024, with grade splits from press coverage of them",
  sourceShort: "Ofsted statistics 2011–2024 and press reports",
  datasets: ["overall-effectiveness"],
  interactive: false,
  select: (data) => gradeMixRows(data["overall-effectiveness"] ?? []),
  describe(rows) {
    const dates = [...new Set(rows.map((r) => r.as_at))];
    const first = dates[0];
    const last = dates[dates.length - 1];
    if (!first || !last || first === last) return "No data.";
    const share = (d: string, g: OldGradeKey) => byDate(rows, d, g)?.pct ?? 0;
    const change = (g: OldGradeKey, verb: string) =>
      share(first, g) === share(last, g) ? `stayed at ${share(first, g)}%` : `${verb} from ${share(first, g)}% to ${share(last, g)}%`;
    return `Stacked bar chart of the share of schools at each grade, from ${monthYear(first)} to ${monthYear(last)}. Good ${change("good", "went")}. Outstanding ${change("outstanding", "went")}. ${oldGradeLabel("requires-improvement", first)} or requires improvement ${change("requires-improvement", "went")}. Inadequate ${change("inadequate", "went")}.`;
  },
  columns: [
    { key: "as_at", label: "As at", value: (r) => r.as_at },
    { key: "grade", label: "Grade", value: (r) => oldGradeLabel(r.grade, r.as_at) },
    { key: "pct", label: "Share of schools (%)", value: (r) => r.pct },
    { key: "source_title", label: "Source", value: (r) => r.source_title },
    { key: "source_url", label: "Source URL", value: (r) => r.source_url },
  ],
  source: (r) => ({ dataset: "overall-effectiveness", key: r.as_at, title: r.source_title, url: r.source_url, secondary: r.secondary_source }),
  legend: () =>
    OLD_GRADES.map((g) => ({
      label: g.key === "requires-improvement" ? `${g.label} (satisfactory before Sept 2012)` : g.label,
      symbol: g.symbol,
      colour: `--grade-old-${g.key}`,
    })),
  plot(rows, { width }) {
    const narrow = width < 480;
    // Narrow: years only on the axis (every snapshot is in a different year); full dates in tooltips and the table.
    const years = new Set(rows.map((r) => r.as_at.slice(0, 4)));
    const yearsOnly = narrow && years.size === new Set(rows.map((r) => r.as_at)).size;
    // Room for the dates with 0.12 em letter spacing in a wide fallback font (WCAG 1.4.12).
    const marginLeft = yearsOnly ? 48 : 84;

    // The key is HTML above the chart (see legend), so it wraps and follows the reader's text spacing.
    const marginTop = 8;
    const dates = [...new Set(rows.map((r) => r.as_at))];
    // Narrow: segments too small to label are named on a line under their bar (the bar keeps the full
    // width); wide: just past the end of the bar.
    const bandHeight = narrow ? 52 : 38;
    const padding = narrow ? 0.45 : 0.22;
    const below = narrow ? (bandHeight * (1 - padding)) / 2 + 9 : 0;

    // Segment labels: symbol and value inside when they fit, value only when that fits; segments too
    // small for either are labelled together, in stacking order, just past the end of their bar. The
    // right margin makes room for those, and the room changes what fits, so settle it in a few rounds.
    let marginRight = 12;
    let labels: (GradeMixRow & { text: string; outside: boolean })[] = [];
    let outsideLabels: { as_at: string; x: number; text: string }[] = [];
    for (let round = 0; round < 4; round++) {
      const plotWidth = width - marginLeft - marginRight;
      labels = rows.map((r) => {
        const full = `${oldGrade(r.grade).symbol} ${r.pct}%`;
        const short = `${r.pct}%`;
        const room = (r.pct / 100) * plotWidth - 6;
        const text = labelWidth(full) <= room ? full : labelWidth(short) <= room ? short : "";
        return { ...r, text, outside: text === "" };
      });
      outsideLabels = dates.flatMap((d) => {
        const small = labels.filter((l) => l.as_at === d && l.outside && l.pct > 0);
        // Rounded shares can sum to 101, so start past the bar's real end, not at 100.
        const end = Math.max(...labels.filter((l) => l.as_at === d).map((l) => l.x2));
        return small.length ? [{ as_at: d, x: end, text: small.map((l) => `${oldGrade(l.grade).symbol} ${l.pct}%`).join("  ") }] : [];
      });
      // 1.12: room for 0.12 em letter spacing (WCAG 1.4.12)
      marginRight = narrow ? 12 : Math.max(12, ...outsideLabels.map((o) => Math.ceil(labelWidth(o.text) * 1.12) + 10));
    }

    return {
      width,
      height: marginTop + dates.length * bandHeight + 8,
      marginLeft,
      marginRight,
      marginTop,
      marginBottom: 8,
      x: { domain: [0, Math.max(100, ...rows.map((r) => r.x2))], axis: null },
      y: { domain: dates, tickFormat: (d: string) => (yearsOnly ? d.slice(0, 4) : monthYear(d)), label: null, tickSize: 0, padding },
      marks: [
        Plot.barX(rows, {
          x1: "x1",
          x2: "x2",
          y: "as_at",
          fill: (r: GradeMixRow) => `var(--grade-old-${r.grade})`,
          stroke: "var(--surface)",
          strokeWidth: 1,
          title: (r: GradeMixRow) => `${longDate(r.as_at)}, ${oldGradeLabel(r.grade, r.as_at)}: ${r.pct}% of schools`,
          className: "marks",
        }),
        Plot.text(labels.filter((l) => !l.outside), {
          x: (r: GradeMixRow) => (r.x1 + r.x2) / 2,
          y: "as_at",
          text: "text",
          fill: "currentColor",
          stroke: "var(--surface)",
          strokeWidth: 3,
          fontWeight: 600,
        }),
        Plot.text(outsideLabels, {
          x: narrow ? 0 : "x",
          y: "as_at",
          text: "text",
          dy: below,
          dx: narrow ? 0 : 4,
          textAnchor: "start",
          fill: "currentColor",
          fontWeight: 600,
        }),
      ],
    };
  },
};
