import * as Plot from "@observablehq/plot";
import type { GradeScaleSizesRow } from "../lib/datasets/grade-scale-sizes.ts";
import type { ChartDefinition } from "./types.ts";

const LABEL = { "single-word": "Old single word", "report-card": "Each report-card area" } as const;

/** Scratch chart: the number of grades on each scale. */
export const gradeScaleSizesChart: ChartDefinition<GradeScaleSizesRow> = {
  id: "grade-scale-sizes",
  title: "The new scale has one more grade",
  takeaway: "The old single word had four grades. Each area of a report card has five.",
  notes: ["Safeguarding is met or not met, and is not one of the five grades."],
  sourceSummary: "Ofsted guidance on report cards",
  datasets: ["grade-scale-sizes"],
  interactive: false,
  select: (data) => [...(data["grade-scale-sizes"] ?? [])],
  describe: (rows) => `Bar chart of the number of grades on each scale. ${rows.map((r) => `${LABEL[r.scale]}: ${r.n_grades} grades.`).join(" ")}`,
  columns: [
    { key: "scale", label: "Scale", value: (r) => LABEL[r.scale] },
    { key: "n_grades", label: "Number of grades", value: (r) => r.n_grades },
    { key: "source_title", label: "Source", value: (r) => r.source_title },
    { key: "source_url", label: "Source URL", value: (r) => r.source_url },
  ],
  source: (r) => ({ dataset: "grade-scale-sizes", key: r.scale, title: r.source_title, url: r.source_url, secondary: r.secondary_source }),
  plot(rows, { width }) {
    return {
      width,
      height: 20 + rows.length * 40,
      marginLeft: 170,
      marginRight: 30,
      x: { domain: [0, 5], axis: null },
      y: { domain: rows.map((r) => r.scale), tickFormat: (k: GradeScaleSizesRow["scale"]) => LABEL[k], tickSize: 0, label: null },
      marks: [
        Plot.barX(rows, { x: "n_grades", y: "scale", fill: "currentColor", title: (r: GradeScaleSizesRow) => `${LABEL[r.scale]}: ${r.n_grades} grades`, className: "marks" }),
        Plot.text(rows, { x: "n_grades", y: "scale", text: (r: GradeScaleSizesRow) => String(r.n_grades), dx: 5, textAnchor: "start", fill: "currentColor", fontSize: 13 }),
      ],
    };
  },
};
