/** robots.txt: everything may be crawled (embeds say noindex in their own meta); points to the sitemap (written by @astrojs/sitemap). */
import type { APIRoute } from "astro";

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${new URL("/sitemap-index.xml", site!).href}\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
