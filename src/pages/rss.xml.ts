/** RSS 2.0 feed of the explainers, newest first, from the content collection (@astrojs/rss writes the XML). */
import rss from "@astrojs/rss";
import type { APIRoute } from "astro";
import { getCollection } from "astro:content";
import { SITE_NAME, SITE_TAGLINE } from "../lib/site.ts";
import { escapeHtml } from "../lib/escape.ts";

/** An ISO day at noon UTC (so the date is the same in every time zone). */
const noon = (iso: string) => new Date(`${iso}T12:00:00Z`);

export const GET: APIRoute = async ({ site }) => {
  const entries = (await getCollection("explainers")).sort(
    (a, b) => (b.data.updated ?? b.data.published).localeCompare(a.data.updated ?? a.data.published) || a.data.order - b.data.order,
  );
  const latest = entries[0] ? (entries[0].data.updated ?? entries[0].data.published) : undefined;
  return rss({
    title: `${SITE_NAME}: explainers`,
    description: `${SITE_TAGLINE}.`,
    site: new URL("/explainers/", site!).href,
    xmlns: { atom: "http://www.w3.org/2005/Atom", dc: "http://purl.org/dc/elements/1.1/" },
    customData: [
      `<atom:link href="${escapeHtml(new URL("/rss.xml", site!).href)}" rel="self" type="application/rss+xml"/>`,
      "<language>en-gb</language>",
      latest ? `<lastBuildDate>${noon(latest).toUTCString()}</lastBuildDate>` : "",
    ].join(""),
    items: entries.map((e) => ({
      title: e.data.title,
      link: `/explainers/${e.id}/`,
      description: `${e.data.dek} ${e.data.summary}`,
      pubDate: noon(e.data.published),
      customData: `<dc:creator>${escapeHtml(e.data.byline)}</dc:creator>`,
    })),
  });
};
