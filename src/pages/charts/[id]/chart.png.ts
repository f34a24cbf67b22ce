/** The chart as a PNG at twice the SVG's size, rendered at build time with resvg. */
import type { APIRoute } from "astro";
import { PUBLISHED_CHARTS, chartById } from "../../../charts/index.ts";
import { exportChart, exportPng } from "../../../lib/export-svg.ts";
import { absoluteUrl } from "../../../lib/site.ts";

export function getStaticPaths() {
  return PUBLISHED_CHARTS.map((c) => ({ params: { id: c.id } }));
}

export const GET: APIRoute = async ({ params, site }) => {
  const chart = chartById(params.id!)!;
  const { svg } = exportChart(chart, absoluteUrl(`/charts/${chart.id}/`, site));
  const png = await exportPng(svg, 2);
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { "Content-Type": "image/png" } });
};
