/**
 * oEmbed (https://oembed.com) as prebuilt JSON per chart: a "rich" response whose html is the
 * iframe, found through the <link rel="alternate" type="application/json+oembed"> on chart pages.
 * A static host cannot read `maxwidth`/`maxheight` from the query, so there is one file per width
 * in OEMBED_WIDTHS as well (src/pages/oembed/[id]/[width].json.ts): /oembed/<id>.json is the
 * 600 px answer and lists the others under `widths`, for consumers that pick by maxwidth.
 */
import type { APIRoute } from "astro";
import { PUBLISHED_CHARTS, chartById } from "../../render/charts.ts";
import { EMBED_DEFAULT_WIDTH } from "../../lib/embed-code.ts";
import { oembedResponse } from "../../render/oembed.ts";

export function getStaticPaths() {
  return PUBLISHED_CHARTS.map((c) => ({ params: { id: c.id } }));
}

export const GET: APIRoute = ({ params, site }) => {
  const body = oembedResponse(chartById(params.id!)!, site!, EMBED_DEFAULT_WIDTH, true);
  return new Response(JSON.stringify(body, null, 2) + "\n", { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
