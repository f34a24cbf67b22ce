import * as Plot from "@observablehq/plot";
import type { ReportCardSamplesRow } from "../lib/datasets/report-card-samples.ts";
import { monthYear } from "../lib/format.ts";
import { REPORT_CARD_GRADES, reportCardGrade } from "../lib/grades.ts";
import { roomyWidth, wrapRoomy } from "../lib/text-measure.ts";
import type { ChartDefinition } from "./types.ts";

/** One grade's segment of one sample's 0-100 bar. */
export type SampleRow = ReportCardSamplesRow & { x1: number; x2: number };

const ORDER = REPORT_CARD_GRADES.map((g) => g.key);

/** "6.0%" for our derived one-decimal shares, "35%" for published whole numbers. */
export const samplePct = (r: Pick<ReportCardSamplesRow, "pct_of_grades" | "pct_derived">) => (r.pct_derived ? r.pct_of_grades.toFixed(1) : String(r.pct_of_grades)) + "%";

/** Samples in date order, each sample's grades best first, stacked from 0. */
export function sampleRows(rows: readonly ReportCardSamplesRow[]): SampleRow[] {
  const samples = [...new Set([...rows].sort((a, b) => a.as_of.localeCompare(b.as_of)).map((r) => r.sample))];
  return samples.flatMap((s) => {
    let x = 0;
    return rows
      .filter((r) => r.sample === s)
      .sort((a, b) => ORDER.indexOf(a.grade) - ORDER.indexOf(b.grade))
      .map((r) => {
        const row = { ...r, x1: x, x2: x + r.pct_of_grades };
        x += r.pct_of_grades;
        return row;
      });
  });
}

/** Share of a sample's grades at or above expected standard, from the published figures. */
export function atOrAboveExpected(rows: readonly ReportCardSamplesRow[], sample: string): number {
  const sum = rows.filter((r) => r.sample === sample && !reportCardGrade(r.grade).belowExpected).reduce((a, r) => a + r.pct_of_grades, 0);
  return Math.round(sum * 10) / 10;
}

const tick = (r: ReportCardSamplesRow) => `First ${r.n_schools} volunteer schools, ${monthYear(r.as_of)}`;

/** Grade shares in each published sample of report cards (volunteer schools so far). */
export const reportCardSamples: ChartDefinition<SampleRow> = {
  id: "report-card-samples",
  title: "In both published samples, most grades were expected standard or better",
  takeaway:
    "Schools Week counted the grades on the first report cards. The first 22 cards, in December 2025, had 150 grades. Just 4 were needs attention. The first 100 cards, up to February 2026, had 659 grades. Of those, 5% were needs attention. Neither sample had an urgent improvement grade. All were volunteer schools, so neither is a national picture.",
  notes: [
    "Volunteers: every school in both samples chose to be inspected first. A self-selected group is probably stronger than average, so these are not national figures and should not be read as the share of all schools.",
    "The shares count grades, not schools: a school with two needs attention grades counts twice. Safeguarding (met or not met) is not counted.",
    "The December 2025 shares are ours, worked out from the counts Schools Week published (to one decimal place); the February 2026 shares are as published, in whole numbers. The month of the December article is inferred: the copy we read has no date.",
    "No later sample of every grade had been found by November 2026. Ofsted's official statistics as at 31 March 2026 (published 24 June 2026) cover these inspections, but we have not seen their figures, and Ofsted says the new grades are not comparable with the old ones.",
  ],
  sourceSummary: "Schools Week analyses of published report cards, December 2025 and February 2026",
  sourceShort: "Schools Week (December 2025, February 2026)",
  datasets: ["report-card-samples"],
  interactive: false,
  select: (data) => sampleRows(data["report-card-samples"] ?? []),
  describe(rows) {
    const samples = [...new Set(rows.map((r) => r.sample))];
    if (samples.length === 0) return "No data.";
    const parts = samples.map((s) => {
      const rs = rows.filter((r) => r.sample === s);
      const f = rs[0]!;
      return `${f.sample_label}. This one had ${f.n_grades} grades. ${rs.map((r) => `${reportCardGrade(r.grade).label}: ${samplePct(r)} of them.`).join(" ")}`;
    });
    return `Stacked bar chart of report-card grades in ${samples.length} published samples of volunteer schools. They are not a national picture. ${parts.join(" ")}`;
  },
  columns: [
    { key: "sample_label", label: "Sample", value: (r) => r.sample_label },
    { key: "grade", label: "Grade", value: (r) => reportCardGrade(r.grade).label },
    { key: "n_grades_at_grade", label: "Grades (published count)", value: (r) => r.n_grades_at_grade },
    { key: "pct_of_grades", label: "Share of grades (%)", value: (r) => r.pct_of_grades },
    { key: "pct_derived", label: "Share worked out by us", value: (r) => (r.pct_derived ? "yes" : "no") },
    { key: "n_grades", label: "Grades in the sample", value: (r) => r.n_grades },
    { key: "source_title", label: "Source", value: (r) => r.source_title },
    { key: "source_url", label: "Source URL", value: (r) => r.source_url },
  ],
  source: (r) => ({ dataset: "report-card-samples", key: `${r.sample}--${r.grade}`, title: r.source_title, url: r.source_url, secondary: r.secondary_source }),
  legend: () => REPORT_CARD_GRADES.map((g) => ({ label: g.label, symbol: g.symbol, colour: `--grade-card-${g.key}` })),
  caption: () => "Volunteer schools only: not a national picture of all schools.",
  plot(rows, { width }) {
    const narrow = width < 480;
    const samples = [...new Set(rows.map((r) => r.sample))];
    const firstOf = (s: string) => rows.find((r) => r.sample === s)!;
    const margin = 8;

    // Key and caveat are HTML above the chart (legend, caption), so they wrap; headings and values
    // wrap here when the drawing is narrow.
    const room = width - 2 * margin;
    // Each sample is a block: its name, its 100% bar, then every grade's share in words and symbols
    // (small shares such as 2.7% or 0% cannot be labelled inside the bar).
    // Each share stays beside its symbol ("▼ 2.7%" is never split across lines) and the pairs are
    // spaced apart, so a symbol reads with the share after it, not the one before (an en or em space:
    // runs of plain spaces collapse to one in the standalone SVG and the PNG).
    const gap = narrow ? "\u2002" : "\u2003";
    const pairs = (s: string) => rows.filter((r) => r.sample === s).map((r) => `${reportCardGrade(r.grade).symbol} ${samplePct(r)}`);
    // Both wrap with room for 0.12 em letter spacing in a wide fallback font (WCAG 1.4.12).
    const heading = (x: string) => wrapRoomy(`${tick(firstOf(x)).replace(/:$/, "")}: ${firstOf(x).n_grades} grades`, room, 12, { bold: true });
    const headingLines = Math.max(...samples.map((x) => heading(x).length));
    const valueLines = (x: string) =>
      pairs(x).reduce<string[]>((lines, pair) => {
        const last = lines.at(-1);
        if (last !== undefined && roomyWidth(last + gap + pair, 13, { bold: true }) <= room - 16) lines[lines.length - 1] = last + gap + pair;
        else lines.push(pair);
        return lines;
      }, []);
    const valuesCount = Math.max(...samples.map((x) => valueLines(x).length));
    const bar = 8 + (headingLines - 1) * 15;
    const BLOCK = { label: 0, bar, barHeight: 28, values: bar + 48, height: bar + 48 + (valuesCount - 1) * 16 + 28 };
    const top = 16;
    const innerHeight = top + samples.length * BLOCK.height;
    const blockTop = (s: string) => top + samples.indexOf(s) * BLOCK.height;

    return {
      width,
      height: innerHeight + margin,
      marginLeft: margin,
      marginRight: margin,
      marginTop: 0,
      marginBottom: margin,
      x: { domain: [0, Math.max(100, ...rows.map((r) => r.x2))], axis: null },
      y: { domain: [0, innerHeight], range: [0, innerHeight], axis: null },
      marks: [
        Plot.text(samples, {
          x: 0,
          y: (s: string) => blockTop(s) + BLOCK.label + ((heading(s).length - 1) * 15) / 2,
          text: (s: string) => heading(s).join("\n"),
          lineHeight: 1.25,
          textAnchor: "start",
          fill: "currentColor",
          fontWeight: 700,
        }),
        Plot.rect(rows, {
          x1: "x1",
          x2: "x2",
          y1: (r: SampleRow) => blockTop(r.sample) + BLOCK.bar,
          y2: (r: SampleRow) => blockTop(r.sample) + BLOCK.bar + BLOCK.barHeight,
          fill: (r: SampleRow) => `var(--grade-card-${r.grade})`,
          stroke: "var(--surface)",
          strokeWidth: 1,
          title: (r: SampleRow) =>
            `${r.sample_label}, ${reportCardGrade(r.grade).label}: ${samplePct(r)} of ${r.n_grades} grades${r.n_grades_at_grade !== null ? ` (${r.n_grades_at_grade})` : ""}${r.pct_derived ? ", share worked out by us" : ""}`,
          className: "marks",
        }),
        Plot.text(samples, {
          x: 0,
          y: (s: string) => blockTop(s) + BLOCK.values + ((valueLines(s).length - 1) * 16) / 2,
          text: (s: string) => valueLines(s).join("\n"),
          lineHeight: 1.23,
          textAnchor: "start",
          fill: "currentColor",
          fontWeight: 600,
          fontSize: 13,
        }),
      ],
    };
  },
};
