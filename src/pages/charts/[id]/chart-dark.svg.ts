/**
 * The downloadable SVG (chart.svg) drawn in the dark theme's colours: the chart thumbnail a reader in
 * dark mode sees on the home page and /charts/ (src/components/ChartThumb.astro), in place of a white
 * box. Not listed as a download: slides get the light file.
 */
import type { APIRoute } from "astro";
import { PUBLISHED_CHARTS, chartById } from "../../../render/charts.ts";
import { renderChart } from "../../../render/chart.ts";
import { absoluteUrl } from "../../../lib/site.ts";
import { chartPagePath } from "../../../lib/chart.ts";

export function getStaticPaths() {
  return PUBLISHED_CHARTS.map((c) => ({ params: { id: c.id } }));
}

export const GET: APIRoute = ({ params, site }) => {
  const chart = chartById(params.id!)!;
  const { svg } = renderChart(chart.id).download(absoluteUrl(chartPagePath(chart), site), "dark");
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml" } });
};
