import * as Plot from "@observablehq/plot";
import type { ReportCardScaleRow } from "../lib/datasets/report-card-scale.ts";
import { oldGrade, REPORT_CARD_GRADES } from "../lib/grades.ts";
import { DEFAULT_CARD, cardLineGrades, describeCard, likelyOldGrade, type CardLineGrade, type ReportCard } from "../lib/report-card.ts";
import { textWidth, wrapText } from "../lib/text-measure.ts";
import type { ChartDefinition } from "./types.ts";

/** One line of the card with the report-card-scale row that explains its grade (the table's source). */
export interface CardLine extends CardLineGrade {
  readonly scaleRow: ReportCardScaleRow;
}

/** The lines of a card, safeguarding first, then the areas in Ofsted's order. */
export function cardLines(card: ReportCard, scale: readonly ReportCardScaleRow[]): CardLine[] {
  return cardLineGrades(card).map((l) => {
    const row = scale.find((r) => r.final_label === l.scaleGrade);
    if (!row) throw new Error(`report-card-builder: report-card-scale has no row for "${l.scaleGrade}"`);
    return { ...l, scaleRow: row };
  });
}

/** Rebuilds the card a set of lines shows. */
function cardOf(lines: readonly CardLine[]): ReportCard {
  const sg = lines.find((l) => l.kind === "safeguarding");
  const grades = Object.fromEntries(lines.filter((l) => l.kind === "area").map((l) => [l.key, l.grade])) as ReportCard["grades"];
  return { grades, safeguarding: sg?.grade === "not-met" ? "not-met" : "met" };
}

/** Pick a grade for each area: the card, and what the old single word would most likely have been. */
export const reportCardBuilder: ChartDefinition<CardLine> = {
  id: "report-card-builder",
  title: "Build a report card, and see what one word would have said",
  takeaway:
    "A report card grades each area on its own; the old system gave one word for the whole school. Pick a grade for each area to see the card, and our rough reading of the word it would most likely have had.",
  notes: [
    "The example card is illustrative, not a real school. Early years and post-16 are graded only where a school has them.",
    "The old word is our rough reading of how the 2019 framework worked: safeguarding that was not effective usually meant inadequate; a key judgement below good usually pulled the overall grade down with it (FFT Education Datalab, September 2024); outstanding schools were outstanding in almost every key judgement.",
    "Ofsted says the new grades cannot be compared with the old ones, and a report card has no overall grade.",
    "Your choices are kept in the page address, so a link reproduces the card.",
  ],
  sourceSummary: "Ofsted, “Understanding Ofsted report cards and grades” (gov.uk guidance), for the areas and grades",
  sourceShort: "Ofsted",
  datasets: ["report-card-scale"],
  interactive: true,
  select: (data) => cardLines(DEFAULT_CARD, data["report-card-scale"] ?? []),
  describe(lines) {
    const card = cardOf(lines);
    return `${describeCard(card)} Our rough guess at the old single word: ${oldGrade(likelyOldGrade(card).grade).label}.`;
  },
  columns: [
    { key: "area", label: "Area", value: (l) => l.label },
    { key: "grade", label: "Grade", value: (l) => `${l.symbol} ${l.gradeLabel}` },
    { key: "source_title", label: "What the grade means", value: (l) => l.scaleRow.source_title },
    { key: "source_url", label: "Source URL", value: (l) => l.scaleRow.source_url },
  ],
  source: (l) => ({
    dataset: "report-card-scale",
    key: l.scaleRow.final_label,
    title: l.scaleRow.source_title,
    url: l.scaleRow.source_url,
    secondary: l.scaleRow.secondary_source,
  }),
  // A list of lines: two drawings (the narrow one is shown up to 418 px wide) keep the page light.
  widths: [288, 576],
  plot(lines, { width }) {
    const card = cardOf(lines);
    const old = oldGrade(likelyOldGrade(card).grade);
    const short = width < 480;
    const data = lines.map((l) => ({ ...l, name: short ? l.shortLabel : l.label }));
    const gradeText = (d: CardLine) => `${d.symbol} ${d.gradeLabel}`;
    const nameW = Math.max(...data.map((d) => textWidth(d.name, 12, { bold: d.kind === "safeguarding" })));
    const gradeW = Math.max(...REPORT_CARD_GRADES.map((g) => textWidth(`${g.symbol} ${g.label}`)), ...data.map((d) => textWidth(gradeText(d))));
    // One line per area when name, swatch and grade fit side by side; else the grade goes under the name.
    const stacked = 8 + nameW + 12 + 30 + gradeW > width - 16;
    const rowH = stacked ? 50 : short ? 30 : 34;
    const swatchX = stacked ? 8 : Math.max(Math.ceil(8 + nameW + 12), Math.min(330, width - 16 - 30 - gradeW));
    const lineDy = stacked ? 10 : 0;
    const oldText = `Old single word, our rough reading: ${old.symbol} ${old.label}`;
    const oldLines = wrapText(oldText, width - 16, 12);
    const bottom = 16 + oldLines.length * 16;
    return {
      width,
      height: 36 + rowH * lines.length + bottom,
      marginTop: 36,
      marginBottom: bottom,
      marginLeft: 8,
      marginRight: 8,
      x: { type: "linear", domain: [0, width - 16], range: [8, width - 8], axis: null },
      y: { type: "band", domain: data.map((d) => d.name), axis: null, padding: 0.08 },
      marks: [
        Plot.text(["Report card (illustrative)"], { frameAnchor: "top-left", dy: -26, fontWeight: 700, fontSize: 14, fill: "currentColor" }),
        Plot.barX(data, { x1: 0, x2: width - 16, y: "name", fill: "var(--surface-2)" }),
        Plot.text(data.filter((d) => d.kind === "safeguarding"), { x: 8, y: "name", dy: -lineDy, text: "name", textAnchor: "start", fill: "currentColor", fontWeight: 700 }),
        Plot.text(data.filter((d) => d.kind === "area"), { x: 8, y: "name", dy: -lineDy, text: "name", textAnchor: "start", fill: "currentColor" }),
        Plot.barX(data, {
          x1: swatchX,
          x2: swatchX + 22,
          y: "name",
          insetTop: stacked ? 27 : 5,
          insetBottom: 5,
          fill: "fill",
          stroke: (d: CardLine) => (d.fill === "none" ? "currentColor" : "none"),
          strokeDasharray: "3,2",
          title: (d: CardLine) => `${d.label}: ${d.gradeLabel}`,
          className: "marks",
        }),
        Plot.text(data, { x: swatchX + 30, y: "name", dy: lineDy, text: gradeText, textAnchor: "start", fill: "currentColor" }),
        Plot.text([oldLines.join("\n")], { frameAnchor: "bottom-left", dy: bottom - 6, fill: "currentColor", fontStyle: "italic", lineHeight: 1.33 }),
      ],
    };
  },
};
