/** The rows a chart shows as CSV (UTF-8 with BOM; columns = the chart's table columns; formula-starting cells neutralised). */
import type { APIRoute } from "astro";
import { PUBLISHED_CHARTS, chartById } from "../../../render/charts.ts";
import { renderChart } from "../../../render/chart.ts";
import { downloadCsv } from "../../../lib/csv.ts";

export function getStaticPaths() {
  return PUBLISHED_CHARTS.map((c) => ({ params: { id: c.id } }));
}

export const GET: APIRoute = ({ params }) => {
  const chart = chartById(params.id!)!;
  const rows = renderChart(chart.id).csvRows;
  const csv = downloadCsv(rows, chart.columns.map((c) => c.key));
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="data-${chart.id}.csv"` },
  });
};
