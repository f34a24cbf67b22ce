/** Finishes each rendered HTML page: CSP hashes for its inline styles, module preloads (src/lib/page-head.mjs). */
import { defineMiddleware } from "astro:middleware";
import { finishPage } from "./lib/page-head.mjs";

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) return response;
  const html = finishPage(await response.text(), context.url.pathname);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
