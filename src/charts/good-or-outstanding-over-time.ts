import * as Plot from "@observablehq/plot";
import type { OverallEffectivenessRow } from "../lib/datasets/overall-effectiveness.ts";
import { isoToDate, longDate, monthYear } from "../lib/format.ts";
import type { ChartDefinition } from "./types.ts";

type Row = OverallEffectivenessRow & { pct_good_or_outstanding: number };

const BASIS_LABEL = { "annual-report-2011": "Annual report 2010/11 count (a different count)", "to-2017": "As first published (to 2017)", "from-2018": "Restated basis (from 2018)" } as const;

/** Share of schools good or outstanding, 2010-2024, with the 2017/18 change of basis as a break. */
export const goodOrOutstandingOverTime: ChartDefinition<Row> = {
  id: "good-or-outstanding-over-time",
  title: "Nine in ten schools were rated good or outstanding by 2024",
  takeaway: "More and more schools were rated good or outstanding. The share rose from 68% in August 2010 to 90% in August 2024. That was the last year with one headline grade. It was still below 70% in August 2012, then rose 9 points in a year.",
  notes: [
    "Each point is one published snapshot of every state-funded school's most recent inspection.",
    "Ofsted changed the basis of its figures in 2018 (89% for August 2017 was later restated as 87%), so the line breaks between 2017 and 2018.",
    "August 2011 (70%, hollow point) comes from Ofsted's 2010/11 annual report, a different count from the official statistics, via a blog summary, so it is not joined to the line. For August 2012 Ofsted said \"less than 70 per cent\"; the 69% shown is from press reports and matches Ofsted's 9-point rise to 78% in 2013.",
    "Snapshots marked as resting on a secondary source are flagged on the dataset page.",
  ],
  sourceSummary: "Ofsted official statistics on state-funded school inspections, August 2010 to August 2024, with some grade splits from press coverage of them",
  sourceShort: "Ofsted statistics 2010–2024 and press reports",
  datasets: ["overall-effectiveness"],
  interactive: false,
  select: (data) =>
    (data["overall-effectiveness"] ?? []).filter((r): r is Row => r.pct_good_or_outstanding !== null),
  describe(rows) {
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (!first || !last) return "No data.";
    return `Line chart. The share of state schools in England rated good or outstanding rose from ${first.pct_good_or_outstanding}% in ${monthYear(first.as_at)} to ${last.pct_good_or_outstanding}% in ${monthYear(last.as_at)}. The line breaks in 2017/18, when Ofsted changed how it counted. In August 2012 it was still below 70% (69% in press reports). A 70% figure for August 2011 comes from a different count, Ofsted's annual report.`;
  },
  columns: [
    { key: "as_at", label: "As at", value: (r) => r.as_at },
    { key: "pct_good_or_outstanding", label: "Good or outstanding (%)", value: (r) => r.pct_good_or_outstanding },
    { key: "basis", label: "Basis", value: (r) => BASIS_LABEL[r.basis_period] },
    { key: "source_title", label: "Source", value: (r) => r.source_title },
    { key: "source_url", label: "Source URL", value: (r) => r.source_url },
  ],
  source: (r) => ({ dataset: "overall-effectiveness", key: r.as_at, title: r.source_title, url: r.source_url, secondary: r.secondary_source }),
  plot(rows, { width }) {
    const narrow = width < 480;
    const data = rows.map((r) => ({ ...r, date: isoToDate(r.as_at) }));
    const breakDate = isoToDate("2018-01-01");
    return {
      width,
      height: narrow ? 260 : 340,
      marginLeft: 40,
      marginRight: narrow ? 12 : 24,
      marginTop: 28,
      x: { type: "utc", label: null, ticks: narrow ? 4 : 8, tickFormat: "%Y" },
      y: { domain: [0, 100], grid: true, label: "% good or outstanding", tickFormat: (d: number) => `${d}`, ticks: 5 },
      marks: [
        Plot.ruleY([0]),
        Plot.ruleX([breakDate], { stroke: "currentColor", strokeDasharray: "3,3", strokeOpacity: 0.6 }),
        Plot.text([breakDate], {
          x: (d: Date) => d,
          y: 22,
          text: () => (narrow ? "Basis\nchanged" : "Ofsted changed\nits basis, 2018"),
          textAnchor: "start",
          dx: 4,
          fill: "currentColor",
          fillOpacity: 0.8,
        }),
        Plot.line(data, {
          x: "date",
          y: "pct_good_or_outstanding",
          z: "basis_period",
          stroke: "var(--series-1)",
          strokeWidth: 2.5,
        }),
        Plot.dot(data, {
          x: "date",
          y: "pct_good_or_outstanding",
          fill: (d: Row) => (d.basis_period === "annual-report-2011" ? "var(--surface)" : "var(--series-1)"),
          stroke: (d: Row) => (d.basis_period === "annual-report-2011" ? "var(--series-1)" : "var(--surface)"),
          strokeWidth: 1.5,
          r: 4.5,
          title: (d: Row) =>
            `${longDate(d.as_at)}: ${d.pct_good_or_outstanding}% good or outstanding${d.basis_period === "annual-report-2011" ? " (annual report count, not the official series)" : d.as_at === "2012-08-31" ? " (Ofsted: less than 70%)" : ""}`,
          className: "marks",
        }),
        // End labels anchored inwards, so they stay inside the frame and clear of the y-axis ticks.
        // At phone widths the first sits higher: 12 px up it ran into the hollow 2011 point (below
        // its point it would sit on the 60 gridline and read as "60-68%").
        ...[
          { d: data[0], textAnchor: "start" as const, dx: -2, dy: narrow ? -17 : -12 },
          { d: data[data.length - 1], textAnchor: "end" as const, dx: 2, dy: -12 },
        ].flatMap(({ d, textAnchor, dx, dy }) =>
          d ? [Plot.text([d], { x: "date", y: "pct_good_or_outstanding", text: (r: Row) => `${r.pct_good_or_outstanding}%`, dy, dx, textAnchor, fontWeight: 700, fill: "currentColor" })] : [],
        ),
      ],
    };
  },
};
