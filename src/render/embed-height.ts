/**
 * Default iframe heights for embed code and oEmbed, from the compact embed pages as measured in
 * Chromium (scripts/measure-embeds.ts writes embed-heights-by-width.json, and embed-heights.json
 * for 600 px, which src/render/chart.ts reads). A chart not measured at a width gets the
 * estimate from its text, scaled.
 */
import type { ChartDefinition } from "../lib/chart.ts";
import BY_WIDTH from "../lib/embed-heights-by-width.json" with { type: "json" };
import { EMBED_DEFAULT_WIDTH } from "../lib/embed-code.ts";
import { renderChart } from "./chart.ts";

/**
 * Tallest a chart's drawing may be (at its drawn size) and still show whole in a compact embed: the
 * embed must fit WordPress's 1,000 px at 320 px wide, where the title, summary, source line and
 * toggle take up to about 400. A taller chart (the reform timeline: 24 dated events, 1,503 px at 576)
 * scrolls in a box of this height inside the embed (Embed.astro, `embed-scroll-chart`), every event
 * still there; the `full` flag lifts the box. Keep in step with the max-height there (35rem).
 */
export const EMBED_CHART_BOX = 560;

/** Whether a chart's drawing scrolls in its own box in the compact embed (see EMBED_CHART_BOX). */
export function embedChartScrolls(id: string): boolean {
  const render = renderChart(id);
  return render.widths.some((w) => render.standalone(w).height > EMBED_CHART_BOX);
}

/** Height (px) that shows the whole compact embed at `width` without the script, with a margin (as chartEmbedHeight). */
export function embedHeightAt(chart: ChartDefinition, width: number): number {
  const at600 = renderChart(chart.id).embedHeight; // the chart page's embed code uses this one
  if (width === EMBED_DEFAULT_WIDTH) return at600;
  const measured = (BY_WIDTH as Record<string, Record<string, number>>)[chart.id]?.[String(width)];
  if (measured) return Math.ceil((measured + 24) / 10) * 10;
  return width === EMBED_DEFAULT_WIDTH ? at600 : Math.ceil((at600 * Math.max(1, EMBED_DEFAULT_WIDTH / width)) / 10) * 10;
}
