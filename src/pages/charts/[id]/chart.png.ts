/** The chart as a PNG at twice the SVG's size, rendered at build time with resvg. */
import type { APIRoute } from "astro";
import { CHARTS, chartById } from "../../../render/charts.ts";
import { renderChart } from "../../../render/chart.ts";
import { absoluteUrl } from "../../../lib/site.ts";

export function getStaticPaths() {
  return CHARTS.map((c) => ({ params: { id: c.id } }));
}

export const GET: APIRoute = async ({ params, site }) => {
  const chart = chartById(params.id!)!;
  const png = await renderChart(chart.id).png(absoluteUrl(`/charts/${chart.id}/`, site));
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { "Content-Type": "image/png" } });
};
