/**
 * One chart per local authority, region and parliamentary constituency (issue 18): the report-card
 * grades of the area's schools in each evaluation area, and safeguarding, beside England's. Not in
 * the gallery's registry list: src/charts/index.ts publishes them as AREA_CHARTS after an import, and
 * the chart page, embed, oEmbed and downloads routes build them like any other chart.
 *
 * The area's counts come from its tally of the per-school extract (src/lib/areas-report.ts);
 * England's from the imported aggregate datasets, whose rows name the MI file they come from.
 */
import type { Area } from "../lib/areas-report.ts";
import { areaPath, kindInfo, SMALL_NUMBER, shareOf } from "../lib/areas-report.ts";
import { SCHOOL_AREAS, type AreaKey } from "../lib/areas.ts";
import { gradeCount } from "../lib/datasets/mi-common.ts";
import { datasetRowKey } from "../lib/datasets/row-key.ts";
import { latestAsAt } from "../lib/chart.ts";
import type { DatasetId } from "../lib/datasets/index.ts";
import { longDate } from "../lib/format.ts";
import { AREA_LEGEND, areaChartSvg, thousands, areaSvgDocument, CARD_PARTS, SAFEGUARDING_PARTS, SMALL_NUMBERS_NOTE, type AreaSvg, type Panel } from "../lib/area-chart-svg.ts";
import type { ChartData, ChartDefinition } from "./types.ts";

/** One row of an area chart: schools at one grade in one evaluation area (or safeguarding), in the area or in England. */
export interface AreaChartRow {
  place: string;
  where: "area" | "england";
  measure: AreaKey | "safeguarding";
  measure_label: string;
  grade: string;
  grade_label: string;
  schools: number;
  graded: number;
  /** Share of `graded` in %, or null when fewer than SMALL_NUMBER schools are graded. */
  pct: number | null;
  as_at: string;
  source_title: string;
  source_url: string;
  src: { dataset: DatasetId; key: string };
}

const ENGLAND = "England";
const MEASURES: { key: AreaKey | "safeguarding"; label: string; short: string }[] = [
  ...SCHOOL_AREAS.map((a) => ({ key: a.key, label: a.label, short: a.shortLabel })),
  { key: "safeguarding", label: "Safeguarding", short: "Safeguarding" },
];

/** Panels for the SVG, from the rows (so the picture, the table and the CSV cannot disagree). */
function panels(rows: readonly AreaChartRow[], areaName: string): Panel[] {
  return MEASURES.flatMap((m) => {
    const mine = rows.filter((r) => r.measure === m.key);
    if (mine.every((r) => r.graded === 0)) return [];
    const parts = m.key === "safeguarding" ? SAFEGUARDING_PARTS : CARD_PARTS;
    const barOf = (where: "area" | "england", place: string) => {
      const rs = mine.filter((r) => r.where === where);
      return { place, n: rs[0]?.graded ?? 0, parts: parts.map((p) => ({ ...p, count: rs.find((r) => r.grade === p.key)?.schools ?? 0 })) };
    };
    return [{ title: m.label, shortTitle: m.short, bars: [barOf("area", areaName), barOf("england", ENGLAND)] }];
  });
}

export function areaChart(area: Area): ChartDefinition<AreaChartRow> {
  const kind = kindInfo(area.kind);
  const t = area.tally;
  const small = t.withCard < SMALL_NUMBER;
  const where = area.kind === "region" ? `the ${area.name} region` : area.name;
  const svgCache = new Map<number, AreaSvg>();
  const drawn = (rows: readonly AreaChartRow[], width: number): AreaSvg => {
    let svg = svgCache.get(width);
    if (!svg) svgCache.set(width, (svg = areaChartSvg(panels(rows, area.name), width)));
    return svg;
  };
  // The page, embed, downloads and embed code each ask for the rows: make them once per data set.
  const rowCache = new WeakMap<object, AreaChartRow[]>();
  // Short: the compact embed of a small area must fit WordPress's 1,000-px iframe on a phone. Why
  // counts, not percentages, is said under the drawing, in the notes and on the area page.
  const takeaway =
    t.schools === 1
      ? `The only school in ${where} ${t.withCard ? "has a report card: a count, not a percentage." : "has no report card yet."}`
      : t.withCard === 0
      ? `None of the ${thousands(t.schools)} schools in ${where} has a report card yet.`
      : small
        ? `${t.withCard} of ${thousands(t.schools)} schools in ${where} ${t.withCard === 1 ? "has" : "have"} a report card: counts, not percentages.`
        : `${thousands(t.withCard)} of the ${thousands(t.schools)} schools in ${where} have a report card so far (${shareOf(t.withCard, t.schools)}%): their grades in each area beside England's.`;
  return {
    id: area.id,
    title: `Report cards in ${area.name}, beside England`,
    takeaway,
    notes: [
      `Schools whose ${kind.label} in Ofsted's monthly management information is ${area.name}, inspected under the renewed framework from 10 November 2025; early years and post-16 are graded only where they apply.`,
      ...(small || SCHOOL_AREAS.some((a) => t.grades[a.key].n > 0 && t.grades[a.key].n < SMALL_NUMBER) ? [SMALL_NUMBERS_NOTE] : []),
      "Schools are not inspected in random order, so the first report cards in an area may not describe all its schools.",
    ],
    sourceSummary: "Ofsted monthly management information on state-funded schools",
    sourceShort: "Ofsted management information",
    asAt: latestAsAt,
    datasets: ["mi-report-card-grades", "mi-safeguarding", "mi-overview"],
    interactive: false,
    select(data: ChartData): AreaChartRow[] {
      const hit = data["mi-overview"] && rowCache.get(data["mi-overview"]);
      if (hit) return hit;
      const cards = data["mi-report-card-grades"] ?? [];
      const sg = (data["mi-safeguarding"] ?? []).filter((r) => r.framework === "report-card");
      const overall = (data["mi-overview"] ?? []).find((r) => r.breakdown === "all");
      if (!overall) return [];
      const file = { as_at: overall.as_at, source_title: overall.source_title, source_url: overall.source_url };
      const fileSrc = { dataset: "mi-overview" as const, key: datasetRowKey(["breakdown", "group"], overall as unknown as Record<string, unknown>) };
      const rows: AreaChartRow[] = [];
      for (const a of SCHOOL_AREAS) {
        const eng = cards.find((r) => r.breakdown === "all" && r.area === a.key);
        const reg = area.kind === "region" ? cards.find((r) => r.breakdown === "region" && r.group === area.name && r.area === a.key) : undefined;
        const mine = t.grades[a.key];
        for (const g of CARD_PARTS) {
          rows.push({ place: area.name, where: "area", measure: a.key, measure_label: a.label, grade: g.key, grade_label: g.label, schools: mine.counts[g.key as keyof typeof mine.counts], graded: mine.n, pct: shareOf(mine.counts[g.key as keyof typeof mine.counts], mine.n), ...file,
            src: reg ? { dataset: "mi-report-card-grades", key: datasetRowKey(["breakdown", "group", "area"], reg as unknown as Record<string, unknown>) } : fileSrc });
        }
        for (const g of CARD_PARTS) {
          const n = eng?.n_graded ?? 0, c = eng ? gradeCount(eng, g.key as never) : 0;
          rows.push({ place: ENGLAND, where: "england", measure: a.key, measure_label: a.label, grade: g.key, grade_label: g.label, schools: c, graded: n, pct: shareOf(c, n), ...(eng ? { as_at: eng.as_at, source_title: eng.source_title, source_url: eng.source_url } : file),
            src: eng ? { dataset: "mi-report-card-grades", key: datasetRowKey(["breakdown", "group", "area"], eng as unknown as Record<string, unknown>) } : fileSrc });
        }
      }
      const engSg = sg.find((r) => r.breakdown === "all");
      const regSg = area.kind === "region" ? sg.find((r) => r.breakdown === "region" && r.group === area.name) : undefined;
      const mineN = t.safeguarding.met + t.safeguarding.notMet;
      for (const [key, label, mineC, engC] of [["met", "Met", t.safeguarding.met, engSg?.n_met ?? 0], ["not-met", "Not met", t.safeguarding.notMet, engSg?.n_not_met ?? 0]] as const) {
        rows.push({ place: area.name, where: "area", measure: "safeguarding", measure_label: "Safeguarding", grade: key, grade_label: label, schools: mineC, graded: mineN, pct: shareOf(mineC, mineN), ...file,
          src: regSg ? { dataset: "mi-safeguarding", key: datasetRowKey(["breakdown", "group", "framework"], regSg as unknown as Record<string, unknown>) } : fileSrc });
        const n = engSg?.n_judged ?? 0;
        rows.push({ place: ENGLAND, where: "england", measure: "safeguarding", measure_label: "Safeguarding", grade: key, grade_label: label, schools: engC, graded: n, pct: shareOf(engC, n), ...file,
          src: engSg ? { dataset: "mi-safeguarding", key: datasetRowKey(["breakdown", "group", "framework"], engSg as unknown as Record<string, unknown>) } : fileSrc });
      }
      rowCache.set(data["mi-overview"]!, rows);
      return rows;
    },
    describe(rows) {
      const first = rows[0];
      if (!first) return `No imported report cards for ${area.name}.`;
      const below = (w: "area" | "england") => {
        const rs = rows.filter((r) => r.where === w && (r.grade === "needs-attention" || r.grade === "urgent-improvement"));
        return { c: rs.reduce((a, r) => a + r.schools, 0), n: rows.filter((r) => r.where === w && r.grade === "exceptional").reduce((a, r) => a + r.graded, 0) };
      };
      const a = below("area"), e = below("england");
      const share = (x: { c: number; n: number }) => (x.n < SMALL_NUMBER ? `${x.c} of ${x.n} area grades` : `${shareOf(x.c, x.n)}% of ${thousands(x.n)} area grades`);
      return `Report-card grades of the ${t.withCard} schools with a report card in ${area.name}, beside England, by evaluation area, from Ofsted's management information as at ${longDate(first.as_at)}. Below the expected standard: ${share(a)} in ${area.name}, ${share(e)} in England.${small ? " Fewer than 10 schools, so counts are shown, not percentages." : ""}`;
    },
    columns: [
      { key: "place", label: "Place", value: (r) => r.place },
      { key: "measure", label: "Evaluation area", value: (r) => r.measure_label },
      { key: "grade", label: "Grade", value: (r) => r.grade_label },
      { key: "schools", label: "Schools", value: (r) => r.schools },
      { key: "graded", label: "Schools graded", value: (r) => r.graded },
      { key: "pct", label: `Share (%; blank below ${SMALL_NUMBER} schools)`, value: (r) => r.pct },
      { key: "as_at", label: "As at", value: (r) => r.as_at },
      { key: "source_title", label: "Source", value: (r) => r.source_title },
      { key: "source_url", label: "Source URL", value: (r) => r.source_url },
    ],
    source: (r) => ({ ...r.src, title: r.source_title, url: r.source_url, secondary: false }),
    legend: () => AREA_LEGEND,
    // Drawn as text (no Plot, no DOM): hundreds of areas per build. `plot` gives the same drawing to Plot.
    draw: (rows, { width, label }) => areaSvgDocument(drawn(rows, width), width, label),
    plot(rows, { width }) {
      const { body, height } = drawn(rows, width);
      const mark = (_i: unknown, _s: unknown, _v: unknown, _d: unknown, ctx: { document: Document }) => {
        const g = ctx.document.createElementNS("http://www.w3.org/2000/svg", "g");
        g.setAttribute("text-anchor", "start");
        g.innerHTML = body;
        return g;
      };
      return { width, height, margin: 0, marks: [mark as never] };
    },
    pagePath: areaPath(area),
    buildPng: false,
  };
}
