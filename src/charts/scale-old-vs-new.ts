import * as Plot from "@observablehq/plot";
import type { ReportCardScaleRow } from "../lib/datasets/report-card-scale.ts";
import { OLD_GRADES, oldGrade, reportCardGrade, type OldGradeKey } from "../lib/grades.ts";
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
    "Labels from Ofsted's guidance \"Understanding Ofsted report cards and grades\". The February 2025 consultation proposed different names (shown under each grade); they were changed in the final framework of September 2025.",
    "Colours are described in press coverage (exceptional blue, strong standard dark green, expected standard green, needs attention orange, urgent improvement red); Ofsted publishes no colour codes, so ours are tuned for colour-blind readers and every grade also carries a symbol.",
    "The dashed links are a reading aid only. Safeguarding is judged separately as met or not met (under the old framework: effective, yes or no).",
  ],
  sourceSummary: "Ofsted guidance on report cards and grades; press descriptions of the colours",
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
  plot(rows, { width }) {
    const narrow = width < 480;
    const xL = narrow ? 116 : 250; // right edge of the old scale's swatches
    const xR = narrow ? 184 : 420; // left edge of the report card's swatches
    const swatch = narrow ? 12 : 14;
    const symbolAt = narrow ? 9 : 10; // gap from swatch to the symbol's centre
    const labelAt = narrow ? 18 : 20; // gap from swatch to the label
    const labelWeight = narrow ? 400 : 600; // narrow: regular weight so "Urgent improvement" fits in 360 px
    const headingLines = narrow ? 2 : 1;
    const top = 14 + headingLines * 17 + 44;
    const step = 46;
    const yOf = (i: number) => top + i * step;
    const slots = oldGradeSlots(rows);
    const olds = OLD_GRADES.filter((g) => slots.has(g.key)).map((g) => ({ ...g, y: yOf(slots.get(g.key)!) }));
    const news = rows.map((r, i) => ({ ...r, grade: reportCardGrade(r.final_label), y: yOf(i) }));
    const links = news.flatMap((n) =>
      n.eif_rough_analogue.filter((k) => slots.has(k)).map((k) => ({ x1: xL + 4, y1: yOf(slots.get(k)!), x2: xR - 4, y2: n.y })),
    );
    const oldLabel = (label: string) => (narrow ? label.replace(" ", "\n") : label);
    return {
      width,
      height: yOf(rows.length - 1) + 58,
      margin: 0,
      x: { type: "identity", axis: null },
      y: { type: "identity", axis: null },
      marks: [
        Plot.text([NOT_COMPARABLE], { x: 8, y: 10, text: (d: string) => d, textAnchor: "start", lineAnchor: "top", lineWidth: ((width - 16) / 13) * 0.85, fontWeight: 700, fontSize: 13, fill: "currentColor" }),
        Plot.text(["Old: one word"], { x: xL, y: top - 38, text: (d: string) => d, textAnchor: "end", fill: "currentColor", fontWeight: 700 }),
        Plot.text(["Report card"], { x: xR, y: top - 38, text: (d: string) => d, textAnchor: "start", fill: "currentColor", fontWeight: 700 }),
        Plot.text([narrow ? "(2005–2024)" : "(overall grade, 2005 to 2024)"], { x: xL, y: top - 23, text: (d: string) => d, textAnchor: "end", fill: "currentColor", fillOpacity: 0.75 }),
        Plot.text([narrow ? "(from Nov 2025)" : "(each area, from November 2025)"], { x: xR, y: top - 23, text: (d: string) => d, textAnchor: "start", fill: "currentColor", fillOpacity: 0.75 }),
        Plot.link(links, { x1: "x1", y1: "y1", x2: "x2", y2: "y2", stroke: "currentColor", strokeOpacity: 0.55, strokeDasharray: "4,3" }),
        // The old scale: swatch, symbol, word (no "marks" class: the data rows are the new grades).
        Plot.rect(olds, { x1: xL - swatch, x2: xL, y1: (d) => d.y - swatch / 2, y2: (d) => d.y + swatch / 2, fill: (d) => `var(--grade-old-${d.key})`, stroke: "currentColor", strokeOpacity: 0.35 }),
        Plot.text(olds, { x: xL - swatch - symbolAt, y: "y", text: "symbol", fill: "currentColor", fontSize: 13 }),
        Plot.text(olds, { x: xL - swatch - labelAt, y: "y", text: (d) => oldLabel(d.label), textAnchor: "end", fill: "currentColor", fontWeight: labelWeight }),
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
        Plot.text(news, { x: xR + swatch + labelAt, y: "y", dy: -6, text: (d) => d.grade.label, textAnchor: "start", fill: "currentColor", fontWeight: labelWeight }),
        Plot.text(news, { x: xR + swatch + labelAt, y: "y", dy: 9, text: (d) => `was "${d.grade.proposedLabel}"`, textAnchor: "start", fill: "currentColor", fillOpacity: 0.75, fontSize: 11 }),
        Plot.text(
          narrow
            ? ["Dashed: rough analogue only", "\"was\": the name proposed in Feb 2025"]
            : ["Dashed lines: roughly where each new grade sits; a reading aid, not an equivalence", "\"was\": the name proposed in the February 2025 consultation"],
          {
            x: 8,
            y: (_d: string, i: number) => yOf(rows.length - 1) + 32 + i * 16,
            text: (d: string) => d,
            textAnchor: "start",
            fill: "currentColor",
            fillOpacity: 0.75,
            fontStyle: "italic",
          },
        ),
      ],
    };
  },
};
