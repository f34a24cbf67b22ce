/**
 * The embed code for a chart (build time): the iframe snippet shown on chart pages, returned by
 * oEmbed, and its default height. Pure: the caller passes the site URL (Astro.site) and the chart's
 * measured 720 px SVG height (src/lib/export-svg.ts).
 */
import type { ChartDefinition } from "./chart.ts";
import { escapeHtml } from "./escape.ts";
import { textWidth } from "./text-measure.ts";
import { SITE_NAME } from "./site.ts";

/** Width the default height is computed for: a typical article column. */
export const EMBED_DEFAULT_WIDTH = 600;
/** The message our embed pages post, and /embed.js accepts. */
export const HEIGHT_MESSAGE_TYPE = "beyond-one-word:height";

const attr = escapeHtml;

export function embedPath(id: string): string {
  return `/embed/${id}/`;
}

/** Lines a text of `chars` characters takes in `width` px at `size` px (the shared text measure, with its spacing allowance: generous). */
function lines(chars: number, width: number, size: number): number {
  return Math.max(1, Math.ceil(textWidth("x".repeat(chars), size) / width));
}

/**
 * Height (px) that shows the whole embed page at EMBED_DEFAULT_WIDTH without the resize script:
 * the chart scaled from 720 px, plus title, takeaway, notes, source line, data toggle and menu,
 * estimated from their text with the embed's type sizes (src/styles/global.css), rounded up to 10.
 * tests/e2e/embed.test.ts checks it against the real page for every chart.
 */
export function defaultEmbedHeight(chart: ChartDefinition, svgHeight720: number, sourceChars: number): number {
  const inner = EMBED_DEFAULT_WIDTH - 16; // main's side padding
  const chartH = svgHeight720 * Math.min(1, inner / 720);
  const title = lines(chart.title.length, inner, 20) * 24 + 4;
  const takeaway = lines(chart.takeaway.length, inner, 17) * 27.2 + 12;
  const notes = chart.notes.length ? 12 + chart.notes.reduce((h, n) => h + lines(n.length, inner - 18, 14) * 22.4 + 3.2, 0) : 0;
  const source = 8 + lines(sourceChars, inner, 14) * 22.4;
  const data = 12 + 38; // "Show the data" toggle
  const menu = 8 + 36; // embed footer: page link and downloads menu
  const total = 8 + title + takeaway + notes + chartH + source + data + menu;
  return Math.ceil((total * 1.05 + 16) / 10) * 10;
}

export interface EmbedCodeInput {
  readonly chart: ChartDefinition;
  /** Astro.site */
  readonly site: URL;
  readonly height: number;
  /** Query string for the chart's state and render flags, with or without "?". */
  readonly query?: string;
}

/** The iframe's src: the embed page's absolute URL plus any query. */
export function embedSrc(id: string, site: URL, query = ""): string {
  const q = query.replace(/^\?/, "");
  return new URL(embedPath(id), site).href + (q ? `?${q}` : "");
}

/** Just the iframe (what oEmbed returns: hosts like WordPress keep only this). */
export function iframeHtml({ chart, site, height, query }: EmbedCodeInput): string {
  return (
    `<iframe title="${attr(chart.title)}" aria-label="${attr(`Chart: ${chart.title} (${SITE_NAME})`)}" ` +
    `src="${attr(embedSrc(chart.id, site, query))}" data-bow-embed="${attr(chart.id)}" loading="lazy" scrolling="no" ` +
    `style="width:0;min-width:100%;border:none" height="${Math.round(height)}"></iframe>`
  );
}

/** The resize script tag: /embed.js from the same site. */
export function scriptHtml(site: URL): string {
  return `<script async src="${attr(new URL("/embed.js", site).href)}"></script>`;
}

/** The full embed code a journalist copies: iframe, then the script. */
export function embedCode(input: EmbedCodeInput): string {
  return `${iframeHtml(input)}\n${scriptHtml(input.site)}`;
}
