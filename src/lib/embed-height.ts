/**
 * Default iframe heights for embed code and oEmbed, from the compact embed pages as measured in
 * Chromium (scripts/measure-embeds.ts writes embed-heights-by-width.json, and embed-heights.json
 * for 600 px, which src/lib/export-svg.ts reads). A chart not measured at a width gets the
 * estimate from its text, scaled.
 */
import type { ChartDefinition } from "../charts/types.ts";
import { chartEmbedHeight } from "./export-svg.ts";
import BY_WIDTH from "./embed-heights-by-width.json" with { type: "json" };
import { EMBED_DEFAULT_WIDTH } from "./embed-code.ts";

/** Height (px) that shows the whole compact embed at `width` without the script, with a margin (as chartEmbedHeight). */
export function embedHeightAt(chart: ChartDefinition, width: number): number {
  const at600 = chartEmbedHeight(chart); // the chart page's embed code uses this one
  if (width === EMBED_DEFAULT_WIDTH) return at600;
  const measured = (BY_WIDTH as Record<string, Record<string, number>>)[chart.id]?.[String(width)];
  if (measured) return Math.ceil((measured + 24) / 10) * 10;
  return width === EMBED_DEFAULT_WIDTH ? at600 : Math.ceil((at600 * Math.max(1, EMBED_DEFAULT_WIDTH / width)) / 10) * 10;
}
