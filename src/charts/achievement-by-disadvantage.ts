import * as Plot from "@observablehq/plot";
import { FSM_BAND_LABELS, type AchievementByDisadvantageRow } from "../lib/datasets/achievement-by-disadvantage.ts";
import type { ChartDefinition } from "./types.ts";

const label = (r: AchievementByDisadvantageRow) => FSM_BAND_LABELS[r.fsm_band];

/** Achievement graded below expected standard, by schools' free-school-meal eligibility (Ofsted, first 921 reports). */
export const achievementByDisadvantage: ChartDefinition<AchievementByDisadvantageRow> = {
  id: "achievement-by-disadvantage",
  title: "Achievement graded below expected more often in more disadvantaged schools",
  takeaway:
    "Schools with more poor pupils were more often graded below the expected standard for achievement. Ofsted looked at its first 921 report cards, Schools Week reported. Where more pupils than average got free school meals, 43% of schools were below the standard. Where the share was close to average, 33% were. Where it was below average, 16% were.",
  notes: [
    "Below the expected standard means needs attention or urgent improvement. Primary and secondary schools inspected under the renewed framework, reports to 30 April 2026. The above-average band holds 294 schools; the other bands' sizes were not in the part of the report we could read.",
    "These are Ofsted's figures as reported by Schools Week (about 20 May 2026; the date is inferred), not an Ofsted page, so they are flagged as resting on a secondary source. Ofsted acknowledged \"a relationship between the level of disadvantage in a school and the school's grade for the 'achievement' evaluation area\" and said it would bring in a new context measure for 2026/27.",
    "Context: FFT Education Datalab (June 2026), matching inspections to the end of April 2026 with exam results, found that schools graded strong standard or exceptional for achievement tended to have higher-attaining intakes, and questioned Ofsted's reading of the link: \"Case closed? I'm not so sure.\"",
    "A share of schools, not of grades. The renewed framework's grades are not comparable with the old single words.",
  ],
  sourceSummary: "Ofsted's analysis of its first 921 school reports, as reported by Schools Week (May 2026)",
  sourceShort: "Ofsted analysis, via Schools Week (May 2026)",
  datasets: ["achievement-by-disadvantage"],
  interactive: false,
  select: (data) => [...(data["achievement-by-disadvantage"] ?? [])].sort((a, b) => a.band_order - b.band_order),
  describe(rows) {
    if (rows.length === 0) return "No data.";
    return `Bar chart from Ofsted's look at its first 921 report cards. It shows the share of schools graded below the expected standard for achievement. Schools are grouped by how many pupils get free school meals. ${rows.map((r) => `${label(r)}: ${r.pct_below_expected}%${r.n_schools ? ` of ${r.n_schools} schools` : ""}.`).join(" ")}`;
  },
  columns: [
    { key: "fsm_band", label: "Free-school-meal eligibility", value: (r) => label(r) },
    { key: "pct_below_expected", label: "Below expected for achievement (% of schools)", value: (r) => r.pct_below_expected },
    { key: "n_schools", label: "Schools in the band", value: (r) => r.n_schools },
    { key: "period", label: "Reports covered", value: (r) => r.period },
    { key: "source_title", label: "Source", value: (r) => r.source_title },
    { key: "source_url", label: "Source URL", value: (r) => r.source_url },
  ],
  source: (r) => ({ dataset: "achievement-by-disadvantage", key: r.fsm_band, title: r.source_title, url: r.source_url, secondary: r.secondary_source }),
  // What the bars measure, as HTML above the drawing (it wraps and follows the reader's text spacing).
  caption: () => "Share of schools graded below the expected standard for achievement.",
  plot(rows, { width }) {
    const narrow = width < 480;
    return {
      width,
      height: 14 + rows.length * (narrow ? 40 : 44),
      marginTop: 8,
      // Narrow drawings put each band's name on two lines; both leave room for 0.12 em letter spacing.
      marginLeft: narrow ? 118 : 172,
      marginRight: 48,
      marginBottom: 6,
      x: { domain: [0, 100], axis: null },
      y: { domain: rows.map((r) => r.fsm_band), tickFormat: (k: AchievementByDisadvantageRow["fsm_band"]) => (narrow ? FSM_BAND_LABELS[k].replace(" ", "\n") : FSM_BAND_LABELS[k]), tickSize: 0, label: null, padding: 0.25 },
      marks: [
        Plot.barX(rows, { x1: 0, x2: 100, y: "fsm_band", fill: "currentColor", fillOpacity: 0.07 }),
        Plot.barX(rows, {
          x1: 0,
          x2: "pct_below_expected",
          y: "fsm_band",
          fill: "var(--grade-card-needs-attention)",
          title: (r: AchievementByDisadvantageRow) => `${label(r)}: ${r.pct_below_expected}% of schools below expected for achievement${r.n_schools ? ` (of ${r.n_schools})` : ""}`,
          className: "marks",
        }),
        Plot.text(rows, { x: "pct_below_expected", y: "fsm_band", text: (r: AchievementByDisadvantageRow) => `${r.pct_below_expected}%`, dx: 5, textAnchor: "start", fill: "currentColor", fontWeight: 700, fontSize: 13 }),
      ],
    };
  },
};
