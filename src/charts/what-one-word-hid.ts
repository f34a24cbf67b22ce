import * as Plot from "@observablehq/plot";
import type { SubJudgementRow } from "../lib/datasets/sub-judgements.ts";
import { OLD_GRADES, oldGrade, type OldGradeKey } from "../lib/grades.ts";
import { roomyWidth, wrapRoomy } from "../lib/text-measure.ts";
import type { ChartDefinition } from "./types.ts";

const ORDER = OLD_GRADES.map((g) => g.key);

/** What the bar says for a row, in words ("62% good or better in at least two key judgements"). */
export function finding(r: SubJudgementRow): string {
  if (r.pct === null) return `"${r.qualitative}" ${r.measure} (no figure published)`;
  return `${r.pct}% ${r.measure}${r.pct_derived ? ` (worked out as 100 minus the published ${100 - r.pct}%)` : ""}`;
}

/** For each overall grade, how often the four key judgements told a different story (FFT Education Datalab, 2023/24). */
export const whatOneWordHid: ChartDefinition<SubJudgementRow> = {
  id: "what-one-word-hid",
  title: "Behind one word, the four key judgements often told a more mixed story",
  takeaway:
    "One word hid a mixed picture. In 2023/24, 569 schools were rated requires improvement overall. Yet 62% of them were good or better in at least two of the four parts. And 30% of good schools were not good in all four, mostly because some parts were outstanding.",
  notes: [
    "FFT Education Datalab looked at 3,660 graded inspections of state-funded schools in 2023/24, 83% of them good or better overall.",
    "The measure differs by grade, as published: for good schools, the share not good in all four (our arithmetic: 100 minus the published 70%); for requires improvement and inadequate, the share good or better in at least two.",
    "For outstanding schools the analysis says only that \"almost all\" were outstanding in all four, so no bar is drawn. Schools Week reports that most good schools with differing judgements had outstanding ones; under the 2019 framework a key judgement below good usually pulled the overall grade down too.",
  ],
  sourceSummary: "FFT Education Datalab analysis of 2023/24 Ofsted graded inspections (September 2024)",
  sourceShort: "FFT Education Datalab (September 2024)",
  datasets: ["sub-judgements"],
  interactive: false,
  select: (data) => [...(data["sub-judgements"] ?? [])].sort((a, b) => ORDER.indexOf(a.overall_grade) - ORDER.indexOf(b.overall_grade)),
  describe(rows) {
    if (rows.length === 0) return "No data.";
    const parts = rows.map((r) => `${oldGrade(r.overall_grade).label} overall${r.n_schools ? ` (${r.n_schools.toLocaleString("en-GB")} schools)` : ""}: ${finding(r)}.`);
    const study = rows[0]!;
    return `Bar chart of ${study.study_inspections.toLocaleString("en-GB")} graded inspections in 2023/24. It shows how often the four key judgements told a different story from the one overall grade. ${parts.join(" ")}`;
  },
  columns: [
    { key: "overall_grade", label: "Overall grade", value: (r) => oldGrade(r.overall_grade).label },
    { key: "n_schools", label: "Schools", value: (r) => r.n_schools },
    { key: "measure", label: "Measure", value: (r) => r.measure },
    { key: "pct", label: "Share (%)", value: (r) => r.pct },
    { key: "pct_derived", label: "Share worked out by us", value: (r) => (r.pct_derived ? "yes" : "no") },
    { key: "qualitative", label: "Published wording", value: (r) => r.qualitative || null },
    { key: "source_title", label: "Source", value: (r) => r.source_title },
    { key: "source_url", label: "Source URL", value: (r) => r.source_url },
  ],
  source: (r) => ({ dataset: "sub-judgements", key: r.overall_grade, title: r.source_title, url: r.source_url, secondary: r.secondary_source }),
  plot(rows, { width }) {
    const marginTop = 4;
    const marginLeft = 8;
    const marginRight = 8;
    const plotWidth = width - marginLeft - marginRight;
    const heading = 22;
    const barHeight = 18;
    const grades = rows.map((r) => r.overall_grade);
    const headings = rows.map((r) => {
      const n = r.n_schools ? ` (${r.n_schools.toLocaleString("en-GB")} schools)` : "";
      const full = `${oldGrade(r.overall_grade).label} overall${n}`;
      // The heading starts 20 px in, after the grade's symbol; drop "overall", then "schools", where it
      // would not fit with 0.12 em letter spacing in a wide fallback font (WCAG 1.4.12).
      const fits = (t: string) => roomyWidth(t, 12, { bold: true }) <= plotWidth - 20;
      const short = `${oldGrade(r.overall_grade).label}${n}`;
      const shortest = `${oldGrade(r.overall_grade).label}${r.n_schools ? ` (${r.n_schools.toLocaleString("en-GB")})` : ""}`;
      return { grade: r.overall_grade, text: fits(full) ? full : fits(short) ? short : shortest };
    });
    const captions = rows.map((r) => ({
      grade: r.overall_grade,
      text:
        r.pct === null
          ? `"${r.qualitative[0]!.toUpperCase()}${r.qualitative.slice(1)}" were ${r.measure}: no figure published`
          : `${r.measure[0]!.toUpperCase()}${r.measure.slice(1)}${r.pct_derived ? ` (100 − ${100 - r.pct}%)` : ""}`,
    })).map((c) => ({ ...c, text: wrapRoomy(c.text, plotWidth).join("\n") }));
    // Each band holds its heading, its bar and its caption's lines (wrapped with room for letter spacing).
    const captionLines = Math.max(1, ...captions.map((c) => c.text.split("\n").length));
    const band = Math.max(80, heading + barHeight + 5 + captionLines * 12 + 8);
    const top = -band / 2;
    return {
      width,
      height: marginTop + rows.length * band + 4,
      marginTop,
      marginBottom: 4,
      marginLeft,
      marginRight,
      x: { domain: [0, 100], axis: null },
      y: { domain: grades, axis: null, padding: 0 },
      marks: [
        Plot.text(headings, { y: "grade", x: 0, dy: top + 9, text: (d: { grade: OldGradeKey }) => oldGrade(d.grade).symbol, fill: (d: { grade: OldGradeKey }) => `var(--grade-old-${d.grade})`, textAnchor: "start", fontSize: 15 }),
        Plot.text(headings, { y: "grade", x: 0, dx: 20, dy: top + 9, text: "text", textAnchor: "start", fill: "currentColor", fontWeight: 700 }),
        // The 0-100% track, so each bar reads as a share of its grade's schools.
        Plot.barX(rows.filter((r) => r.pct !== null), { x1: 0, x2: 100, y: "overall_grade", insetTop: heading, insetBottom: band - heading - barHeight, fill: "currentColor", fillOpacity: 0.1 }),
        Plot.barX(rows, {
          x1: 0,
          x2: (r: SubJudgementRow) => r.pct ?? 0,
          y: "overall_grade",
          insetTop: heading,
          insetBottom: band - heading - barHeight,
          fill: (r: SubJudgementRow) => `var(--grade-old-${r.overall_grade})`,
          title: (r: SubJudgementRow) => `${oldGrade(r.overall_grade).label} overall: ${finding(r)}`,
          className: "marks",
        }),
        Plot.text(
          rows.filter((r) => r.pct !== null),
          { x: (r: SubJudgementRow) => r.pct, y: "overall_grade", dy: top + heading + barHeight / 2, dx: 5, text: (r: SubJudgementRow) => `${r.pct}%`, textAnchor: "start", fill: "currentColor", fontWeight: 700, fontSize: 14 },
        ),
        // Captions sit under their bar; where no figure was published the caption takes the bar's place.
        ...[false, true].map((noFigure) =>
          Plot.text(
            captions.filter((c) => (rows.find((r) => r.overall_grade === c.grade)!.pct === null) === noFigure),
            {
              y: "grade",
              x: 0,
              dy: top + heading + (noFigure ? 1 : barHeight + 5),
              text: "text",
              textAnchor: "start",
              lineAnchor: "top",
              fill: "currentColor",
              fontStyle: noFigure ? "italic" : "normal",
            },
          ),
        ),
      ],
    };
  },
};
