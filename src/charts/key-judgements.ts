import * as Plot from "@observablehq/plot";
import { KEY_JUDGEMENTS, KEY_JUDGEMENT_LABELS, type KeyJudgement, type KeyJudgementRow } from "../lib/datasets/key-judgements.ts";
import { longDate, monthYear } from "../lib/format.ts";
import { oldGrade, type OldGradeKey } from "../lib/grades.ts";
import { textWidth } from "../lib/text-measure.ts";
import type { ChartDefinition } from "./types.ts";

/** One grade's segment of one key judgement's diverging bar: good and better right of zero, below good left. */
export interface KeyJudgementSegment {
  judgement: KeyJudgement;
  grade: OldGradeKey;
  pct: number;
  x1: number;
  x2: number;
  /** Ofsted's published share good or outstanding (the segments are rounded, so may differ by a point). */
  pct_good_or_outstanding: number;
  period_start: string;
  period_end: string;
  secondary_source: boolean;
  source_title: string;
  source_url: string;
}

const SHARE: Record<OldGradeKey, "pct_outstanding" | "pct_good" | "pct_requires_improvement" | "pct_inadequate"> = {
  outstanding: "pct_outstanding",
  good: "pct_good",
  "requires-improvement": "pct_requires_improvement",
  inadequate: "pct_inadequate",
};

/**
 * Diverging segments for the latest period with a full four-grade split: good from 0, outstanding
 * beyond it; requires improvement from 0 leftwards, inadequate beyond it. Judgements in framework order.
 */
export function divergingSegments(rows: readonly KeyJudgementRow[]): KeyJudgementSegment[] {
  const full = rows.filter((r) => Object.values(SHARE).every((c) => r[c] !== null));
  const latest = full.map((r) => r.period_end).sort().at(-1);
  const out: KeyJudgementSegment[] = [];
  for (const judgement of KEY_JUDGEMENTS) {
    const r = full.find((x) => x.period_end === latest && x.judgement === judgement);
    if (!r) continue;
    const [o, g, ri, i] = [r.pct_outstanding!, r.pct_good!, r.pct_requires_improvement!, r.pct_inadequate!];
    const base = { judgement, pct_good_or_outstanding: r.pct_good_or_outstanding, period_start: r.period_start, period_end: r.period_end, secondary_source: r.secondary_source, source_title: r.source_title, source_url: r.source_url };
    out.push(
      { ...base, grade: "inadequate", pct: i, x1: -ri - i, x2: -ri },
      { ...base, grade: "requires-improvement", pct: ri, x1: -ri, x2: 0 },
      { ...base, grade: "good", pct: g, x1: 0, x2: g },
      { ...base, grade: "outstanding", pct: o, x1: g, x2: g + o },
    );
  }
  return out;
}

/** Rough width in px of bold 12px label text (symbols are wide, so err on the generous side). */
const labelWidth = (s: string) => textWidth(s, 12, { bold: true });

/** Tick values every 20 points, or every 50 when labels 20 points apart would touch ("80%" against "100%"). */
function ticks(minX: number, plotWidth: number): number[] {
  const step = (20 * plotWidth) / (100 - minX) >= textWidth("100%") + 8 ? 20 : 50;
  const out: number[] = [];
  for (let t = Math.ceil(minX / step) * step; t <= 100; t += step) out.push(t);
  return out;
}

/** The four EIF key judgements, autumn 2024: shares good or better against shares below good. */
export const keyJudgementsChart: ChartDefinition<KeyJudgementSegment> = {
  id: "key-judgements",
  title: "Quality of education was the judgement schools most often fell short on",
  takeaway:
    "Schools did worst on quality of education. From September to December 2024, 84% were good or outstanding on it. The other three scores were higher. They were 94% for behaviour, 97% for personal development and 89% for leadership.",
  notes: [
    "Each bar splits one key judgement across the four grades: good and outstanding to the right of the centre line, requires improvement and inadequate to the left.",
    "The shares good or outstanding are Ofsted's published figures. The four-grade split rests on a secondary research note citing Ofsted's page and is flagged; its rounded shares can differ from the published total by a point.",
    "Over the whole of 2024/25 the pattern held: 83%, 94%, 96% and 88% good or outstanding (see the dataset).",
  ],
  sourceSummary: "Ofsted official statistics as at 31 December 2024, with the grade split from a secondary note",
  sourceShort: "Ofsted statistics, December 2024; secondary note",
  datasets: ["key-judgements"],
  interactive: false,
  select: (data) => divergingSegments(data["key-judgements"] ?? []),
  describe(rows) {
    const totals = KEY_JUDGEMENTS.map((j) => rows.find((r) => r.judgement === j)).filter((r): r is KeyJudgementSegment => r !== undefined);
    if (totals.length === 0) return "No data.";
    const sorted = [...totals].sort((a, b) => a.pct_good_or_outstanding - b.pct_good_or_outstanding);
    const low = sorted[0]!;
    const high = sorted[sorted.length - 1]!;
    const below = (j: KeyJudgement) => rows.filter((r) => r.judgement === j && (r.grade === "requires-improvement" || r.grade === "inadequate")).reduce((a, r) => a + r.pct, 0);
    return `Bar chart of school inspections from ${monthYear(low.period_start)} to ${monthYear(low.period_end)}. It shows the share good or outstanding on each of four key judgements. ${KEY_JUDGEMENT_LABELS[low.judgement]} had the lowest share, at ${low.pct_good_or_outstanding}%. Here ${below(low.judgement)}% were below good. ${KEY_JUDGEMENT_LABELS[high.judgement]} had the highest, at ${high.pct_good_or_outstanding}%. ${totals.map((t) => `${KEY_JUDGEMENT_LABELS[t.judgement]}: ${t.pct_good_or_outstanding}%.`).join(" ")}`;
  },
  columns: [
    { key: "judgement", label: "Key judgement", value: (r) => KEY_JUDGEMENT_LABELS[r.judgement] },
    { key: "grade", label: "Grade", value: (r) => oldGrade(r.grade).label },
    { key: "pct", label: "Share of inspections (%)", value: (r) => r.pct },
    { key: "pct_good_or_outstanding", label: "Good or outstanding, published (%)", value: (r) => r.pct_good_or_outstanding },
    { key: "period", label: "Period", value: (r) => `${r.period_start} to ${r.period_end}` },
    { key: "source_title", label: "Source", value: (r) => r.source_title },
    { key: "source_url", label: "Source URL", value: (r) => r.source_url },
  ],
  source: (r) => ({ dataset: "key-judgements", key: `${r.period_end}--${r.judgement}`, title: r.source_title, url: r.source_url, secondary: r.secondary_source }),
  plot(rows, { width }) {
    const judgements = KEY_JUDGEMENTS.filter((j) => rows.some((r) => r.judgement === j));
    const marginLeft = 8;
    const marginRight = 20; // room for the "100%" tick label
    const band = 60;
    const heading = 22;
    const marginTop = 22;
    const marginBottom = 30;
    const plotWidth = width - marginLeft - marginRight;
    const label = (r: KeyJudgementSegment, room: number) => {
      const full = `${oldGrade(r.grade).symbol} ${r.pct}%`;
      return labelWidth(full) <= room ? full : labelWidth(`${r.pct}%`) <= room ? `${r.pct}%` : "";
    };
    // The left edge leaves room for the labels of thin below-good segments; labels depend on the
    // scale and the scale on the labels, so settle both in a few rounds.
    let minX = -20;
    let inside: (KeyJudgementSegment & { text: string })[] = [];
    let outsideLeft: { judgement: KeyJudgement; x: number; text: string }[] = [];
    for (let round = 0; round < 4; round++) {
      const pxPerPoint = plotWidth / (100 - minX);
      inside = rows.map((r) => ({ ...r, text: label(r, r.pct * pxPerPoint - 6) }));
      // Below-good segments too thin to hold a label are named together just left of the bar.
      outsideLeft = judgements.flatMap((j) => {
        const thin = inside.filter((r) => r.judgement === j && r.x2 <= 0 && r.text === "");
        if (thin.length === 0) return [];
        const start = Math.min(...rows.filter((r) => r.judgement === j).map((r) => r.x1));
        return [{ judgement: j, x: start, text: thin.map((r) => `${oldGrade(r.grade).symbol} ${r.pct}%`).join("  ") }];
      });
      const needed = Math.min(
        -20,
        // 1.15: room for 0.12 em letter spacing in a wide fallback font (WCAG 1.4.12)
        ...outsideLeft.map((o) => o.x - (labelWidth(o.text) * 1.15 + 8) / pxPerPoint),
        ...rows.map((r) => r.x1 - 2),
      );
      minX = Math.floor(needed);
    }
    // Narrow drawings shorten the longest words so each heading keeps clear of its total with 0.12 em letter spacing.
    const narrow = width < 560;
    const headings = judgements.map((j) => {
      const r = rows.find((x) => x.judgement === j)!;
      return { judgement: j, label: narrow ? KEY_JUDGEMENT_LABELS[j].replace(" and ", " & ") : KEY_JUDGEMENT_LABELS[j], total: `${r.pct_good_or_outstanding}%` };
    });

    return {
      width,
      height: marginTop + judgements.length * band + marginBottom,
      marginLeft,
      marginRight,
      marginTop,
      marginBottom,
      x: {
        domain: [minX, 100],
        ticks: ticks(minX, plotWidth),
        tickFormat: (d: number) => `${Math.abs(d)}%`,
        label: null,
      },
      y: { domain: judgements, axis: null, padding: 0 },
      marks: [
        Plot.text(["← below good"], { x: 0, frameAnchor: "top", dy: -marginTop + 4, dx: -6, fill: "currentColor", textAnchor: "end", fontWeight: 600 }),
        Plot.text([narrow ? "good or better →" : "good or outstanding →"], { x: 0, frameAnchor: "top", dy: -marginTop + 4, dx: 6, fill: "currentColor", textAnchor: "start", fontWeight: 600 }),
        Plot.text(headings, { y: "judgement", x: minX, dy: -band / 2 + 10, text: "label", textAnchor: "start", fill: "currentColor", fontWeight: 700 }),
        Plot.text(headings, { y: "judgement", x: 100, dy: -band / 2 + 10, text: "total", textAnchor: "end", fill: "currentColor", fontWeight: 700 }),
        Plot.barX(rows, {
          x1: "x1",
          x2: "x2",
          y: "judgement",
          insetTop: heading,
          insetBottom: 8,
          fill: (r: KeyJudgementSegment) => `var(--grade-old-${r.grade})`,
          stroke: "var(--surface)",
          strokeWidth: 1,
          title: (r: KeyJudgementSegment) => `${KEY_JUDGEMENT_LABELS[r.judgement]}, ${oldGrade(r.grade).label}: ${r.pct}% of inspections (${longDate(r.period_start)} to ${longDate(r.period_end)})`,
          className: "marks",
        }),
        Plot.ruleX(judgements, { x: 0, y: (j: KeyJudgement) => j, insetTop: heading - 3, insetBottom: 5, stroke: "currentColor", strokeWidth: 1.5 }),
        Plot.text(inside.filter((r) => r.text !== ""), {
          x: (r: KeyJudgementSegment) => (r.x1 + r.x2) / 2,
          y: "judgement",
          dy: (heading - 8) / 2,
          text: "text",
          fill: "currentColor",
          stroke: "var(--surface)",
          strokeWidth: 3,
          fontWeight: 600,
        }),
        Plot.text(outsideLeft, { x: "x", y: "judgement", dy: (heading - 8) / 2, dx: -4, text: "text", textAnchor: "end", fill: "currentColor", fontWeight: 600 }),
      ],
    };
  },
};
