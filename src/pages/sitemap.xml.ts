/**
 * sitemap.xml: every indexable HTML page. Routes are discovered from src/pages itself (static
 * pages, and each dynamic page's own getStaticPaths), so pages added later are listed without
 * touching this file. Left out: embeds (noindex; their canonical is the chart page) and 404.
 */
import type { APIRoute } from "astro";

interface PageModule {
  getStaticPaths?: (options: { paginate: () => never; routePattern: string }) => unknown;
}

const modules = import.meta.glob<PageModule>(["./**/*.astro", "./**/*.md", "./**/*.mdx"], { eager: true });

/** Site paths that are not for search engines. */
const NOT_INDEXED = [/^\/embed\//, /^\/404\/$/, /^\/500\/$/];

/** "./charts/[id].astro" -> "/charts/[id]/", "./index.astro" -> "/". */
export function routeOf(file: string): string {
  const path = file.replace(/^\.\//, "/").replace(/\.(astro|mdx?)$/, "").replace(/(^|\/)index$/, "$1");
  return path.endsWith("/") ? path : `${path}/`;
}

function fill(route: string, params: Record<string, string | number | undefined>): string {
  const filled = route.replace(/\[(\.\.\.)?([^\]]+)\]/g, (_all, _rest, name: string) => String(params[name] ?? ""));
  return filled.replace(/\/{2,}/g, "/");
}

async function allPaths(): Promise<string[]> {
  const out = new Set<string>();
  for (const [file, mod] of Object.entries(modules)) {
    if (file.split("/").some((seg) => seg.startsWith("_"))) continue;
    const route = routeOf(file);
    if (!route.includes("[")) {
      out.add(route);
      continue;
    }
    if (typeof mod.getStaticPaths !== "function") continue;
    const paginate = (): never => {
      throw new Error(`sitemap.xml: ${file} uses paginate(), which the sitemap does not expand yet`);
    };
    const result = (await mod.getStaticPaths({ paginate, routePattern: route })) as { params: Record<string, string | number | undefined> }[] | unknown[][];
    for (const entry of (result as unknown[]).flat() as { params: Record<string, string | number | undefined> }[]) {
      out.add(fill(route, entry.params));
    }
  }
  return [...out].filter((p) => !NOT_INDEXED.some((re) => re.test(p))).sort();
}

export const GET: APIRoute = async ({ site }) => {
  const urls = (await allPaths()).map((p) => `  <url><loc>${new URL(p, site!).href.replace(/&/g, "&amp;")}</loc></url>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
  return new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8" } });
};
