/**
 * The oEmbed "rich" response for a chart at one width (https://oembed.com, 2.3.4): the iframe from
 * src/lib/embed-code.ts with width="100%" (WordPress strips `style`, so the attribute must make it
 * column-wide) and the compact embed's measured height at that width; `width` is that width, so a
 * consumer asking maxwidth=W gets an answer no wider than W from /oembed/<id>/<W'>.json with the
 * largest W' <= W. Heights are those of the compact embed (<= 1,000 px at every width, WordPress's
 * clamp) plus a 24-px margin; a maxheight below them cannot be met without cutting the chart, so it is not.
 */
import { chartPagePath, type ChartDefinition } from "../lib/chart.ts";
import { iframeHtml, OEMBED_WIDTHS } from "../lib/embed-code.ts";
import { absoluteUrl, SITE_NAME } from "../lib/site.ts";
import { renderChart } from "./chart.ts";
import { embedHeightAt } from "./embed-height.ts";

export function oembedResponse(chart: ChartDefinition, site: URL, width: number, listWidths: boolean): Record<string, unknown> {
  const exp = renderChart(chart.id).download(absoluteUrl(chartPagePath(chart), site));
  const height = embedHeightAt(chart, width);
  return {
    type: "rich",
    version: "1.0",
    title: chart.title,
    provider_name: SITE_NAME,
    provider_url: absoluteUrl("/", site),
    html: iframeHtml({ chart, site, height }),
    width,
    height,
    // A chart without a built PNG (an area chart) shows the site's preview card.
    ...(chart.buildPng === false
      ? { thumbnail_url: absoluteUrl("/og/site.png", site), thumbnail_width: 1200, thumbnail_height: 630 }
      : { thumbnail_url: absoluteUrl(`/charts/${chart.id}/chart.png`, site), thumbnail_width: exp.width * 2, thumbnail_height: exp.height * 2 }),
    cache_age: 86400,
    // Area charts: one answer each (hundreds of areas times every width would be thousands of files).
    ...(listWidths && chart.buildPng !== false ? { widths: Object.fromEntries(OEMBED_WIDTHS.map((w) => [String(w), absoluteUrl(`/oembed/${chart.id}/${w}.json`, site)])) } : {}),
  };
}
