/** The chart as a standalone SVG (560 px chart, light colours, title and source). */
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
  const { svg } = renderChart(chart.id).download(absoluteUrl(chartPagePath(chart), site));
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml" } });
};
