/**
 * Preview images: /og/explainers/<slug>.png, /og/charts/<id>.png, /og/data/<id>.png and
 * /og/site.png (every other page), 1200x630, drawn at build time from the content collection,
 * the chart registry and the dataset registry (never a hand-kept list).
 */
import type { APIRoute } from "astro";
import { getCollection } from "astro:content";
import { CHARTS } from "../../render/charts.ts";
import { DATASETS } from "../../lib/datasets/index.ts";
import { availableDatasetIds } from "../../render/load.ts";
import { renderChart } from "../../render/chart.ts";
import { renderCard, type Card } from "../../render/og-image.ts";
import { SITE_NAME, SITE_TAGLINE } from "../../lib/site.ts";

interface Props {
  card: () => Card;
}

export async function getStaticPaths() {
  const site = new URL(import.meta.env.SITE);
  const shown = (path: string) => (site.host + path).replace(/\/$/, "") + (path === "/" ? "" : "/");
  const explainers = await getCollection("explainers");
  return [
    ...explainers.map((e) => ({
      params: { slug: `explainers/${e.id}` },
      props: { card: (): Card => ({ kind: "explainer", title: e.data.title, description: e.data.dek, url: shown(`/explainers/${e.id}`) }) },
    })),
    ...CHARTS.map((c) => ({
      params: { slug: `charts/${c.id}` },
      props: {
        card: (): Card => ({ kind: "chart", title: c.title, description: c.takeaway, url: shown(`/charts/${c.id}`), chart: renderChart(c.id).card }),
      },
    })),
    ...availableDatasetIds().map((id) => ({
      params: { slug: `data/${id}` },
      props: { card: (): Card => ({ kind: "dataset", title: DATASETS[id].title, description: DATASETS[id].description, url: shown(`/data/${id}`) }) },
    })),
    { params: { slug: "site" }, props: { card: (): Card => ({ kind: "site", title: SITE_NAME, description: SITE_TAGLINE + ".", url: site.host }) } },
  ] satisfies { params: { slug: string }; props: Props }[];
}

export const GET: APIRoute<Props> = async ({ props }) => {
  const png = await renderCard(props.card());
  return new Response(new Uint8Array(png), { headers: { "Content-Type": "image/png" } });
};
