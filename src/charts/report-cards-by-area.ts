import * as Plot from "@observablehq/plot";
import type { MiReportCardGradesRow } from "../lib/datasets/mi-report-card-grades.ts";
import { datasetRowKey } from "../lib/datasets/row-key.ts";
import { latestAsAt } from "../lib/chart.ts";
import { gradeCount } from "../lib/datasets/mi-common.ts";
import { longDate } from "../lib/format.ts";
import { REPORT_CARD_GRADES, reportCardGrade, type ReportCardGradeKey } from "../lib/grades.ts";
import type { ChartDefinition } from "./types.ts";

/** One segment: schools at one grade in one evaluation area, England. */
export interface AreaGradeSegment {
  area: MiReportCardGradesRow["area"];
  area_label: string;
  grade: ReportCardGradeKey;
  n: number;
  n_graded: number;
  pct: number;
  as_at: string;
  source_title: string;
  source_url: string;
  row: MiReportCardGradesRow;
}

/** England rows of the imported aggregates, one segment per area and grade (zero counts kept so the table is complete). */
export function areaGradeSegments(rows: readonly MiReportCardGradesRow[]): AreaGradeSegment[] {
  return rows
    .filter((r) => r.breakdown === "all" && r.n_graded > 0)
    .flatMap((r) =>
      REPORT_CARD_GRADES.map((g) => ({
        area: r.area,
        area_label: r.area_label,
        grade: g.key,
        n: gradeCount(r, g.key),
        n_graded: r.n_graded,
        pct: Math.round((gradeCount(r, g.key) / r.n_graded) * 1000) / 10,
        as_at: r.as_at,
        source_title: r.source_title,
        source_url: r.source_url,
        row: r,
      })),
    );
}

/**
 * Report-card grades by evaluation area, England, from an import of Ofsted's monthly management
 * information. Built only after `npm run data:import` (its dataset is optional); it then stands in
 * for the published first-100 figures as the national picture.
 */
export const reportCardsByArea: ChartDefinition<AreaGradeSegment> = {
  id: "report-cards-by-area",
  title: "Report-card grades in each area, all schools inspected so far",
  takeaway: "How the schools inspected under the renewed framework were graded in each evaluation area, from Ofsted's own monthly management information.",
  notes: [
    "Counts every school in the imported file with a report-card grade in the area (inspections from 10 November 2025). Early years and post-16 are graded only where they apply.",
    "Computed by this site from Ofsted's monthly management information; the date of the file is on the source line and the data page.",
    "Schools are not inspected at random, so early figures may not describe all schools.",
  ],
  sourceSummary: "Ofsted monthly management information on state-funded schools",
  sourceShort: "Ofsted management information",
  asAt: latestAsAt,
  datasets: ["mi-report-card-grades"],
  interactive: false,
  select: (data) => areaGradeSegments(data["mi-report-card-grades"] ?? []),
  describe(rows) {
    const first = rows[0];
    if (!first) return "No imported report-card grades.";
    const byArea = new Map<string, AreaGradeSegment[]>();
    for (const r of rows) byArea.set(r.area_label, [...(byArea.get(r.area_label) ?? []), r]);
    const below = [...byArea.entries()].map(([label, segs]) => {
      const pct = Math.round(segs.filter((s) => reportCardGrade(s.grade).belowExpected).reduce((a, s) => a + s.n, 0) / segs[0]!.n_graded * 1000) / 10;
      return `${label.toLowerCase()} ${pct}%`;
    });
    return `Stacked bars of report-card grades by evaluation area for schools in Ofsted's management information as at ${longDate(first.as_at)}. Share below the expected standard: ${below.join(", ")}.`;
  },
  columns: [
    { key: "area", label: "Evaluation area", value: (r) => r.area_label },
    { key: "grade", label: "Grade", value: (r) => reportCardGrade(r.grade).label },
    { key: "n", label: "Schools", value: (r) => r.n },
    { key: "pct", label: "Share of graded schools (%)", value: (r) => r.pct },
    { key: "as_at", label: "As at", value: (r) => r.as_at },
    { key: "source_title", label: "Source", value: (r) => r.source_title },
    { key: "source_url", label: "Source URL", value: (r) => r.source_url },
  ],
  source: (r) => ({
    dataset: "mi-report-card-grades",
    key: datasetRowKey(["breakdown", "group", "area"], r.row as unknown as Record<string, unknown>),
    title: r.source_title,
    url: r.source_url,
    secondary: false,
  }),
  plot(rows, { width }) {
    const narrow = width < 480;
    const areas = [...new Set(rows.map((r) => r.area_label))];
    const order = REPORT_CARD_GRADES.map((g) => g.key);
    const data = rows.map((r) => ({ ...r, order: order.indexOf(r.grade) }));
    return {
      width,
      height: 50 + areas.length * (narrow ? 56 : 36),
      marginLeft: narrow ? 8 : 190,
      marginRight: 12,
      marginTop: 30,
      x: { domain: [0, 100], label: "% of graded schools", ticks: 5, grid: true },
      y: { domain: areas, label: null, axis: narrow ? null : "left", tickSize: 0, padding: narrow ? 0.5 : 0.2 },
      color: { domain: order, range: order.map((k) => `var(--grade-card-${k})`) },
      marks: [
        Plot.barX(data, Plot.stackX({
          x: "pct",
          y: "area_label",
          fill: "grade",
          order: "order",
          stroke: "var(--surface)",
          title: (d: AreaGradeSegment) => `${d.area_label}, ${reportCardGrade(d.grade).label}: ${d.n} of ${d.n_graded} schools (${d.pct}%)`,
          className: "marks",
        })),
        Plot.text(data.filter((d) => d.pct >= (narrow ? 14 : 9)), Plot.stackX({
          x: "pct",
          y: "area_label",
          order: "order",
          text: (d: AreaGradeSegment) => `${reportCardGrade(d.grade).symbol} ${Math.round(d.pct)}%`,
          fill: (d: AreaGradeSegment) => (reportCardGrade(d.grade).order <= 2 || reportCardGrade(d.grade).order === 5 ? "white" : "black"),
        })),
        ...(narrow ? [Plot.text(areas, { x: 0, y: (a: string) => a, text: (a: string) => a, textAnchor: "start", dy: -21, fill: "currentColor" })] : []),
        Plot.ruleX([0]),
      ],
    };
  },
};
