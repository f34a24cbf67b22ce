/**
 * The embed code's markup, built from data: the chart's id and title, a canonical state query
 * (src/lib/embed-state.ts makes it; "" for charts without state), the known render flags
 * (src/lib/embed-flags.ts) and a default height. Every attribute value is escaped; nothing from a
 * page's address is ever spliced into markup by string replacement. Pure and DOM-free.
 * Split from src/lib/embed-code.ts so that the browser script on static chart pages
 * (src/scripts/embed-code.ts) carries no chart-state code (src/lib/url-state.ts, 1.6 KB gzip): a
 * static chart has no state, only flags.
 */
import { flagsFragment, flagsFromQuery, type EmbedFlags } from "./embed-flags.ts";
import { escapeHtml } from "./escape.ts";

const SITE_NAME = "Beyond One Word";
const SAFE_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

/** What the code needs to know about a chart. */
export interface EmbedChart {
  readonly id: string;
  readonly title: string;
}

/** Escapes a string for an attribute value (the site's one escape helper). */
export const escapeAttr = escapeHtml;

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

/**
 * The embed code for a chart page whose address has `search`: the known flags read from it, and
 * `state`, the chart's canonical state query (stateQuery(id, search); "" for a chart without state).
 */
export function embedCodeWithFlags(chart: EmbedChart, site: URL | string, height: number, search: string, state = ""): string {
  return embedCode({ chart, site, height, state, flags: flagsFromQuery(search) });
}
