/**
 * The embed code for a chart, built from data: the chart's id and title, the allow-listed state
 * (serialised by src/lib/url-state.ts, the same serialiser as the chart page's address), the known
 * render flags (src/lib/embed-flags.ts) and a default height. Every attribute value is escaped;
 * nothing from a page's address is ever spliced into markup by string replacement. Pure and
 * DOM-free: used at build time (chart pages, oEmbed) and in the browser (src/scripts/embed-code.ts).
 */
import { CHART_STATE_SPECS, defaultState, parseState, serialiseState } from "./url-state.ts";
import { flagsFragment, flagsFromQuery, type EmbedFlags } from "./embed-flags.ts";

/** Width the default height is for: a typical article column. */
export const EMBED_DEFAULT_WIDTH = 600;
/** Widths with a prebuilt oEmbed response (/oembed/<id>/<width>.json) and a measured height. */
export const OEMBED_WIDTHS = [320, 400, 500, 600, 700, 800, 1000] as const;
/** The message our embed pages post, and /embed.js accepts. */
export const HEIGHT_MESSAGE_TYPE = "beyond-one-word:height";
const SITE_NAME = "Beyond One Word";
const SAFE_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** What the code needs to know about a chart. */
export interface EmbedChart {
  readonly id: string;
  readonly title: string;
}

/** Escapes a string for a double-quoted attribute value. */
export function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#39;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** One element from a tag and a fixed list of attributes; values escaped, names only from our code. */
function element(tag: "iframe" | "script", attrs: readonly (readonly [string, string | null])[]): string {
  const parts = attrs.map(([name, value]) => (value === null ? name : `${name}="${escapeAttr(value)}"`));
  return `<${tag} ${parts.join(" ")}></${tag}>`;
}

export function embedPath(id: string): string {
  if (!SAFE_ID.test(id)) throw new Error(`embed code: not a chart id: ${JSON.stringify(id)}`);
  return `/embed/${id}/`;
}

/** The iframe's src: the embed page on `site`, the chart's state as the query, the flags as the fragment. */
export function embedSrc(id: string, site: URL | string, state = "", flags: EmbedFlags = {}): string {
  const url = new URL(embedPath(id), site);
  url.search = state;
  url.hash = flagsFragment(flags);
  return url.href;
}

/**
 * A chart's state from any query string, written canonically; "" when it is the chart's default
 * (or the chart has no state), so the default embed code has no query.
 */
export function stateQuery(id: string, search: string): string {
  const spec = CHART_STATE_SPECS[id];
  if (!spec) return "";
  const state = serialiseState(spec, parseState(spec, search));
  return state === serialiseState(spec, defaultState(spec)) ? "" : state;
}

export interface EmbedCodeInput {
  readonly chart: EmbedChart;
  readonly site: URL | string;
  /** Default height (px) that shows the whole embed at EMBED_DEFAULT_WIDTH without the script. */
  readonly height: number;
  /** Canonical state query (stateQuery), without "?". */
  readonly state?: string;
  readonly flags?: EmbedFlags;
}

/**
 * Just the iframe (what oEmbed returns: hosts like WordPress keep only this, and only src, width,
 * height, frameborder, scrolling and title, so those alone must give a full-width frame).
 */
export function iframeHtml({ chart, site, height, state = "", flags = {} }: EmbedCodeInput): string {
  return element("iframe", [
    ["title", chart.title],
    ["aria-label", `Chart: ${chart.title} (${SITE_NAME})`],
    ["src", embedSrc(chart.id, site, state, flags)],
    ["width", "100%"],
    ["height", String(Math.max(1, Math.round(height)))],
    ["frameborder", "0"],
    ["scrolling", "no"],
    ["loading", "lazy"],
    ["data-bow-embed", chart.id],
    ["style", "width:0;min-width:100%;border:none"],
  ]);
}

/** The resize script tag: /embed.js from the same site. */
export function scriptHtml(site: URL | string): string {
  return element("script", [["async", null], ["src", new URL("/embed.js", site).href]]);
}

/** The full embed code a journalist copies: iframe, then the script. */
export function embedCode(input: EmbedCodeInput): string {
  return `${iframeHtml(input)}\n${scriptHtml(input.site)}`;
}

/** The embed code for a chart page whose address has `search`: its allow-listed state and known flags only. */
export function embedCodeForPage(chart: EmbedChart, site: URL | string, height: number, search: string): string {
  return embedCode({ chart, site, height, state: stateQuery(chart.id, search), flags: flagsFromQuery(search) });
}

/** Lines a text of `chars` characters takes in `width` px at `size` px (0.55 em per character: generous). */
function lines(chars: number, width: number, size: number, emPerChar = 0.55): number {
  return Math.max(1, Math.ceil((chars * size * emPerChar) / width));
}

/**
 * Estimated height (px) of the compact embed at EMBED_DEFAULT_WIDTH, for a chart not yet measured
 * by scripts/measure-embeds.ts: the chart scaled from 720 px, title, takeaway, the one-line source
 * and the toggle, from their text and the embed's type sizes, rounded up to 10. Used by
 * src/lib/export-svg.ts (chartEmbedHeight). `sourceChars` is kept for that caller.
 */
export function defaultEmbedHeight(chart: { readonly title: string; readonly takeaway: string }, svgHeight720: number, _sourceChars = 0): number {
  const inner = EMBED_DEFAULT_WIDTH - 16;
  const chartH = svgHeight720 * Math.min(1, inner / 720);
  const title = lines(chart.title.length, inner, 19.2) * 24 + 4;
  const takeaway = lines(chart.takeaway.length, inner, 16) * 23.2 + 8;
  const total = 4 + title + takeaway + chartH + 8 + 24 + 24 + 8;
  return Math.ceil((total * 1.05 + 16) / 10) * 10;
}
