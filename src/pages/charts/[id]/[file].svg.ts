/**
 * The chart as a standalone SVG (560 px chart, title and source): chart.svg in light colours (the
 * download, for slides and print), chart-dark.svg in the dark theme's colours (the thumbnail a reader
 * in dark mode sees on the home page and /charts/, src/components/ChartThumb.astro; not listed as a download).
 */
import type { APIRoute } from "astro";
import { PUBLISHED_CHARTS, chartById } from "../../../render/charts.ts";
import { renderChart } from "../../../render/chart.ts";
import { absoluteUrl } from "../../../lib/site.ts";
import { chartPagePath } from "../../../lib/chart.ts";

const FILES = { chart: "light", "chart-dark": "dark" } as const;

export function getStaticPaths() {
  return PUBLISHED_CHARTS.flatMap((c) => Object.keys(FILES).map((file) => ({ params: { id: c.id, file } })));
}

export const GET: APIRoute = ({ params, site }) => {
  const chart = chartById(params.id!)!;
  const { svg } = renderChart(chart.id).download(absoluteUrl(chartPagePath(chart), site), FILES[params.file as keyof typeof FILES]);
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml" } });
};
