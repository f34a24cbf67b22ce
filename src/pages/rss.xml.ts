/** RSS 2.0 feed of the explainers, newest first, from the content collection. */
import type { APIRoute } from "astro";
import { getCollection } from "astro:content";
import { SITE_NAME, SITE_TAGLINE } from "../lib/site.ts";

const xmlEscape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/** RFC 822 date (RSS 2.0) for an ISO day, at noon UTC. */
const rfc822 = (iso: string) => new Date(`${iso}T12:00:00Z`).toUTCString();

export const GET: APIRoute = async ({ site }) => {
  const base = site!;
  const abs = (p: string) => new URL(p, base).href;
  const entries = (await getCollection("explainers")).sort(
    (a, b) => (b.data.updated ?? b.data.published).localeCompare(a.data.updated ?? a.data.published) || a.data.order - b.data.order,
  );
  const latest = entries[0] ? (entries[0].data.updated ?? entries[0].data.published) : undefined;
  const items = entries
    .map((e) => {
      const url = abs(`/explainers/${e.id}/`);
      return [
        "    <item>",
        `      <title>${xmlEscape(e.data.title)}</title>`,
        `      <link>${xmlEscape(url)}</link>`,
        `      <guid isPermaLink="true">${xmlEscape(url)}</guid>`,
        `      <description>${xmlEscape(`${e.data.dek} ${e.data.summary}`)}</description>`,
        `      <pubDate>${rfc822(e.data.published)}</pubDate>`,
        `      <dc:creator>${xmlEscape(e.data.byline)}</dc:creator>`,
        "    </item>",
      ].join("\n");
    })
    .join("\n");
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">',
    "  <channel>",
    `    <title>${xmlEscape(`${SITE_NAME}: explainers`)}</title>`,
    `    <link>${xmlEscape(abs("/explainers/"))}</link>`,
    `    <atom:link href="${xmlEscape(abs("/rss.xml"))}" rel="self" type="application/rss+xml" />`,
    `    <description>${xmlEscape(SITE_TAGLINE)}.</description>`,
    "    <language>en-gb</language>",
    latest ? `    <lastBuildDate>${rfc822(latest)}</lastBuildDate>` : "",
    items,
    "  </channel>",
    "</rss>",
    "",
  ]
    .filter((l) => l !== "")
    .join("\n");
  return new Response(xml + "\n", { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
};
