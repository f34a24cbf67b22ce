import * as Plot from "@observablehq/plot";
import type { ReportCardScaleRow } from "../lib/datasets/report-card-scale.ts";
import { OLD_GRADES, oldGrade, reportCardGrade, type OldGradeKey } from "../lib/grades.ts";
import { roomyWidth } from "../lib/text-measure.ts";
import type { ChartDefinition } from "./types.ts";

/** "Good or Outstanding" from a list of old grade keys, in scale order. */
const analogueText = (keys: readonly OldGradeKey[]) =>
  [...keys].sort((a, b) => oldGrade(a).order - oldGrade(b).order).map((k) => oldGrade(k).label).join(" or ");

/**
 * Where each old grade sits beside the five new positions (0 = top): at the first new grade that names
 * it as its only rough analogue. Returns undefined for an old grade no new grade maps to alone.
 */
export function oldGradeSlots(rows: readonly ReportCardScaleRow[]): Map<OldGradeKey, number> {
  const slots = new Map<OldGradeKey, number>();
  rows.forEach((r, i) => {
    const only = r.eif_rough_analogue.length === 1 ? r.eif_rough_analogue[0] : undefined;
    if (only && !slots.has(only)) slots.set(only, i);
  });
  return slots;
}

const NOT_COMPARABLE = "Ofsted says the new grades cannot be compared with the old ones";

/** The old four-word scale beside the report card's five points, with rough analogues drawn as dashed links. */
export const scaleOldVsNew: ChartDefinition<ReportCardScaleRow> = {
  id: "scale-old-vs-new",
  title: "Four words became five grades, and Ofsted says they do not line up",
  takeaway:
    "Report cards grade each area on five points, from exceptional to urgent improvement, where the old system gave one of four words. The lines show only roughly where each new grade sits: Ofsted says the two scales cannot be compared.",
  notes: [
    "Labels from Ofsted's guidance \"Understanding Ofsted report cards and grades\". The February 2025 consultation proposed different names (shown under each grade where the chart is wide enough, and in the data table); they were changed in the final framework of September 2025.",
    "Colours are described in press coverage (exceptional blue, strong standard dark green, expected standard green, needs attention orange, urgent improvement red); Ofsted publishes no colour codes, so ours are tuned for colour-blind readers and every grade also carries a symbol.",
    "The dashed links are a reading aid only. Safeguarding is judged separately as met or not met (under the old framework: effective, yes or no).",
  ],
  sourceSummary: "Ofsted guidance on report cards and grades; press descriptions of the colours",
  sourceShort: "Ofsted guidance; press",
  datasets: ["report-card-scale"],
  interactive: false,
  select: (data) => [...(data["report-card-scale"] ?? [])].sort((a, b) => b.rank - a.rank),
  describe(rows) {
    if (rows.length === 0) return "No data.";
    return `Diagram. The old scale had four words: ${OLD_GRADES.map((g) => g.label).join(", ")}. The report card has five grades: ${rows.map((r) => reportCardGrade(r.final_label).label).join(", ")}. ${rows.map((r) => `${reportCardGrade(r.final_label).label} sits roughly where ${analogueText(r.eif_rough_analogue).toLowerCase()} did.`).join(" ")} ${NOT_COMPARABLE}.`;
  },
  columns: [
    { key: "rank", label: "Position (5 = top)", value: (r) => r.rank },
    { key: "final_label", label: "Grade (final, from Nov 2025)", value: (r) => reportCardGrade(r.final_label).label },
    { key: "consultation_label_feb2025", label: "Proposed in Feb 2025", value: (r) => reportCardGrade(r.consultation_label_feb2025).proposedLabel },
    { key: "final_colour_described", label: "Colour as described", value: (r) => r.final_colour_described },
    { key: "eif_rough_analogue", label: "Roughly where (not comparable)", value: (r) => analogueText(r.eif_rough_analogue) },
    { key: "source_title", label: "Source", value: (r) => r.source_title },
    { key: "source_url", label: "Source URL", value: (r) => r.source_url },
  ],
  source: (r) => ({ dataset: "report-card-scale", key: r.final_label, title: r.source_title, url: r.source_url, secondary: r.secondary_source }),
  // The warning is HTML above the drawing, so it wraps and follows the reader's text spacing.
  caption: () => `${NOT_COMPARABLE}.`,
  plot(rows, { width }) {
    const swatch = width < 400 ? 12 : 14;
    const symbolAt = swatch - 3; // gap from swatch to the symbol's centre
    const labelAt = swatch + 6; // gap from swatch to the label
    const labelWeight = width < 560 ? 400 : 600;
    const measure = (t: string, size = 12, bold = labelWeight > 400) => Math.max(...t.split("\n").map((l) => roomyWidth(l, size, { bold })));
    // Words wrap onto two lines below 560 px; the names proposed in Feb 2025 ("was ...") need 400 px.
    const wrap = (label: string) => (width < 560 ? label.replace(" ", "\n") : label);
    const showWas = width >= 400;
    const heads = width >= 720 ? ["(overall grade, 2005 to 2024)", "(each area, from November 2025)"] : ["(2005–2024)", "(from Nov 2025)"];
    const leftText = Math.max(...OLD_GRADES.map((g) => measure(wrap(g.label))));
    const rightText = Math.max(...rows.map((r) => measure(wrap(reportCardGrade(r.final_label).label))), ...(showWas ? rows.map((r) => measure(`was "${reportCardGrade(r.final_label).proposedLabel}"`, 12, false)) : [0]));
    const xL = Math.ceil(Math.max(8 + leftText + labelAt + swatch, 8 + measure(heads[0]!, 12, false), 8 + measure("Old: one word", 12, true))); // right edge of the old scale's swatches
    const xR = Math.floor(Math.min(width - 8 - rightText - labelAt - swatch, width - 8 - measure(heads[1]!, 12, false))); // left edge of the report card's swatches
    const top = 52;
    const step = width < 560 ? 50 : 46;
    const yOf = (i: number) => top + i * step;
    const slots = oldGradeSlots(rows);
    const olds = OLD_GRADES.filter((g) => slots.has(g.key)).map((g) => ({ ...g, y: yOf(slots.get(g.key)!) }));
    const news = rows.map((r, i) => ({ ...r, grade: reportCardGrade(r.final_label), y: yOf(i) }));
    const links = news.flatMap((n) =>
      n.eif_rough_analogue.filter((k) => slots.has(k)).map((k) => ({ x1: xL + 4, y1: yOf(slots.get(k)!), x2: xR - 4, y2: n.y })),
    );
    return {
      width,
      height: yOf(rows.length - 1) + 30,
      margin: 0,
      x: { type: "identity", axis: null },
      y: { type: "identity", axis: null },
      marks: [
        Plot.text(["Old: one word"], { x: xL, y: top - 38, text: (d: string) => d, textAnchor: "end", fill: "currentColor", fontWeight: 700 }),
        Plot.text(["Report card"], { x: xR, y: top - 38, text: (d: string) => d, textAnchor: "start", fill: "currentColor", fontWeight: 700 }),
        Plot.text([heads[0]], { x: xL, y: top - 23, text: (d: string) => d, textAnchor: "end", fill: "currentColor", fillOpacity: 0.75 }),
        Plot.text([heads[1]], { x: xR, y: top - 23, text: (d: string) => d, textAnchor: "start", fill: "currentColor", fillOpacity: 0.75 }),
        Plot.link(links, { x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: "currentColor", strokeOpacity: 0.55, strokeDasharray: "4,3" }),
        // The old scale: swatch, symbol, word (no "marks" class: the data rows are the new grades).
        Plot.rect(olds, { x1: xL - swatch, x2: xL, y1: (d) => d.y - swatch / 2, y2: (d) => d.y + swatch / 2, fill: (d) => `var(--grade-old-${d.key})`, stroke: "currentColor", strokeOpacity: 0.35 }),
        Plot.text(olds, { x: xL - swatch - symbolAt, y: "y", text: "symbol", fill: "currentColor", fontSize: 13 }),
        Plot.text(olds, { x: xL - swatch - labelAt, y: "y", text: (d) => wrap(d.label), textAnchor: "end", fill: "currentColor", fontWeight: labelWeight }),
        // The report card's five points: the data marks.
        Plot.rect(news, {
          x1: xR,
          x2: xR + swatch,
          y1: (d) => d.y - swatch / 2,
          y2: (d) => d.y + swatch / 2,
          fill: (d) => `var(--grade-card-${d.final_label})`,
          stroke: "currentColor",
          strokeOpacity: 0.35,
          title: (d) =>
            `${d.grade.label}: ${d.rank} of 5 (proposed in Feb 2025 as "${d.grade.proposedLabel}"; colour described as ${d.final_colour_described}); roughly where ${analogueText(d.eif_rough_analogue)} sat, but not comparable`,
          className: "marks",
        }),
        Plot.text(news, { x: xR + swatch + symbolAt, y: "y", text: (d) => d.grade.symbol, fill: "currentColor", fontSize: 13 }),
        Plot.text(news, { x: xR + swatch + labelAt, y: "y", dy: showWas ? -7 : 0, text: (d) => wrap(d.grade.label), textAnchor: "start", fill: "currentColor", fontWeight: labelWeight }),
        ...(showWas ? [Plot.text(news, { x: xR + swatch + labelAt, y: "y", dy: width < 560 ? 15 : 9, text: (d) => `was "${d.grade.proposedLabel}"`, textAnchor: "start", fill: "currentColor", fillOpacity: 0.75 })] : []),
      ],
    };
  },
};
