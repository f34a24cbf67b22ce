/**
 * The embed code for a chart, built from data: the chart's id and title, the allow-listed state
 * (serialised by src/lib/url-state.ts, the same serialiser as the chart page's address), the known
 * render flags (src/lib/embed-flags.ts) and a default height. Every attribute value is escaped;
 * nothing from a page's address is ever spliced into markup by string replacement. Pure and
 * DOM-free: used at build time (chart pages, oEmbed). The markup lives in src/lib/embed-html.ts and
 * the state in src/lib/embed-state.ts, so that the browser loads the state code (url-state) only on
 * the pages of charts that have state; this module gathers both for build-time callers.
 */
import { embedCodeWithFlags, type EmbedChart } from "./embed-html.ts";
import { stateQuery } from "./embed-state.ts";

export { embedCode, embedPath, embedSrc, escapeAttr, iframeHtml, scriptHtml, type EmbedChart, type EmbedCodeInput } from "./embed-html.ts";
export { stateQuery } from "./embed-state.ts";

/** Width the default height is for: a typical article column. */
export const EMBED_DEFAULT_WIDTH = 600;
/** Widths with a prebuilt oEmbed response (/oembed/<id>/<width>.json) and a measured height. */
export const OEMBED_WIDTHS = [320, 400, 500, 600, 700, 800, 1000] as const;
/** The message our embed pages post, and /embed.js accepts. */
export const HEIGHT_MESSAGE_TYPE = "beyond-one-word:height";

/** The embed code for a chart page whose address has `search`: its allow-listed state and known flags only. */
export function embedCodeForPage(chart: EmbedChart, site: URL | string, height: number, search: string): string {
  return embedCodeWithFlags(chart, site, height, search, stateQuery(chart.id, search));
}

/** Lines a text of `chars` characters takes in `width` px at `size` px (0.55 em per character: generous). */
function lines(chars: number, width: number, size: number, emPerChar = 0.55): number {
  return Math.max(1, Math.ceil((chars * size * emPerChar) / width));
}

/**
 * Estimated height (px) of the compact embed at EMBED_DEFAULT_WIDTH, for a chart not yet measured
 * by scripts/measure-embeds.ts: the chart scaled from 720 px, title, takeaway, the one-line source
 * and the toggle, from their text and the embed's type sizes, rounded up to 10. Used by
 * src/render/chart.ts (embedHeight). `sourceChars` is kept for that caller.
 */
export function defaultEmbedHeight(chart: { readonly title: string; readonly takeaway: string }, svgHeight720: number, _sourceChars = 0): number {
  const inner = EMBED_DEFAULT_WIDTH - 16;
  const chartH = svgHeight720 * Math.min(1, inner / 720);
  const title = lines(chart.title.length, inner, 19.2) * 24 + 4;
  const takeaway = lines(chart.takeaway.length, inner, 16) * 23.2 + 8;
  const total = 4 + title + takeaway + chartH + 8 + 24 + 24 + 8;
  return Math.ceil((total * 1.05 + 16) / 10) * 10;
}
