/**
 * oEmbed (https://oembed.com) as a prebuilt JSON per chart: a "rich" response whose html is the
 * iframe, found through the <link rel="alternate" type="application/json+oembed"> on chart pages.
 */
import type { APIRoute } from "astro";
import { PUBLISHED_CHARTS, chartById } from "../../charts/index.ts";
import { EMBED_DEFAULT_WIDTH, iframeHtml } from "../../lib/embed-code.ts";
import { chartEmbedHeight, exportChart } from "../../lib/export-svg.ts";
import { absoluteUrl, SITE_NAME } from "../../lib/site.ts";

export function getStaticPaths() {
  return PUBLISHED_CHARTS.map((c) => ({ params: { id: c.id } }));
}

export const GET: APIRoute = ({ params, site }) => {
  const chart = chartById(params.id!)!;
  const exp = exportChart(chart, absoluteUrl(`/charts/${chart.id}/`, site));
  const height = chartEmbedHeight(chart);
  const body = {
    type: "rich",
    version: "1.0",
    title: chart.title,
    provider_name: SITE_NAME,
    provider_url: absoluteUrl("/", site),
    html: iframeHtml({ chart, site: site!, height }),
    width: EMBED_DEFAULT_WIDTH,
    height,
    thumbnail_url: absoluteUrl(`/charts/${chart.id}/chart.png`, site),
    thumbnail_width: exp.width * 2,
    thumbnail_height: exp.height * 2,
    cache_age: 86400,
  };
  return new Response(JSON.stringify(body, null, 2) + "\n", { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
