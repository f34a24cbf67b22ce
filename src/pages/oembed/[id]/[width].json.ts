/** /oembed/<id>/<width>.json: the oEmbed answer for a consumer's maxwidth (see ../[id].json.ts). */
import type { APIRoute } from "astro";
import { CHARTS, chartById } from "../../../render/charts.ts";
import { OEMBED_WIDTHS } from "../../../lib/embed-code.ts";
import { oembedResponse } from "../../../render/oembed.ts";

export function getStaticPaths() {
  return CHARTS.flatMap((c) => OEMBED_WIDTHS.map((w) => ({ params: { id: c.id, width: String(w) } })));
}

export const GET: APIRoute = ({ params, site }) => {
  const body = oembedResponse(chartById(params.id!)!, site!, Number(params.width), false);
  return new Response(JSON.stringify(body, null, 2) + "\n", { headers: { "Content-Type": "application/json; charset=utf-8" } });
};
