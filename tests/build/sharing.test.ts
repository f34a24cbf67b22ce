/**
 * Sharing and finding, on the built site: every page's title, description, canonical and
 * preview card (a real 1200x630 PNG in dist/), JSON-LD for explainers and datasets, the RSS feed,
 * sitemap and robots.txt, the print-only block (QR of the canonical URL) and what Pagefind indexes.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser } from "linkedom";
import { DIST, htmlPages, page } from "../support/dist.ts";
import { CHART_IDS } from "../../src/render/charts.ts";
import { DATASET_IDS } from "../../src/lib/datasets/index.ts";
import { qrSvg } from "../../src/lib/qr.ts";

const pages = htmlPages();
const explainerSlugs = readdirSync("src/content/explainers")
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => f.replace(/\.mdx$/, ""))
  .sort();
/** Dataset pages that were built (datasets written by the Ofsted import exist only after an import). */
const datasetIds = DATASET_IDS.filter((id) => pages.includes(`/data/${id}/`));

/** Width and height from a PNG's IHDR chunk (undefined if the file is not a PNG). */
function pngSize(file: string): { width: number; height: number } | undefined {
  const b = readFileSync(file);
  if (!b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) || b.toString("latin1", 12, 16) !== "IHDR") return undefined;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}
const imageSizes = new Map<string, string>();
/** "1200x630", "missing" or "not a PNG", cached per file (many pages share the site card). */
function imageSize(file: string): string {
  let size = imageSizes.get(file);
  if (size === undefined) {
    const dims = existsSync(file) ? pngSize(file) : undefined;
    size = !existsSync(file) ? "missing" : dims ? `${dims.width}x${dims.height}` : "not a PNG";
    imageSizes.set(file, size);
  }
  return size;
}

/** dist/ file for an absolute URL on our site. */
const distFile = (url: string) => join(DIST, decodeURIComponent(new URL(url).pathname));

const meta = (doc: Document, sel: string) => doc.querySelector(sel)?.getAttribute("content") ?? "";

function parseXml(text: string): Document {
  const doc = new DOMParser().parseFromString(text, "text/xml") as unknown as Document;
  expect(doc.querySelector("parsererror"), "XML parses").toBeNull();
  return doc;
}

/** What a reader's browser, a crawler and a share preview see in a page's head; each page parsed once. */
interface Head {
  title: string;
  description: string;
  canonical: string;
  meta: Map<string, string>;
  noindex: boolean;
  pagefindBody: boolean;
  feed: string;
  headerSearch: { action: string; labelled: boolean } | undefined;
}
const heads = new Map<string, Head>();
function head(path: string): Head {
  let h = heads.get(path);
  if (!h) {
    const doc = page(path);
    const metaMap = new Map<string, string>();
    for (const m of Array.from(doc.querySelectorAll("meta[property], meta[name]"))) {
      metaMap.set(m.getAttribute("property") ?? m.getAttribute("name")!, m.getAttribute("content") ?? "");
    }
    const form = doc.querySelector('header form[role="search"]');
    const input = form?.querySelector('input[name="q"]');
    h = {
      title: doc.querySelector("title")?.textContent?.trim() ?? "",
      description: metaMap.get("description") ?? "",
      canonical: doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? "",
      meta: metaMap,
      noindex: (metaMap.get("robots") ?? "").includes("noindex"),
      pagefindBody: doc.querySelector("[data-pagefind-body]") !== null,
      feed: doc.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute("href") ?? "",
      headerSearch: form
        ? { action: form.getAttribute("action") ?? "", labelled: !!input && doc.querySelector(`label[for="${input.getAttribute("id")}"]`) !== null }
        : undefined,
    };
    heads.set(path, h);
  }
  return h;
}

/** Everything wrong with one page's sharing metadata, as readable lines (empty when all is well). */
function shareProblems(path: string): string[] {
  const h = head(path);
  const m = (k: string) => h.meta.get(k) ?? "";
  const problems: string[] = [];
  const want = (ok: boolean, what: string) => {
    if (!ok) problems.push(`${path}: ${what}`);
  };
  want(h.title.length > 0, "no <title>");
  want(h.description.length > 20, `meta description too short: "${h.description}"`);
  want(/^https?:\/\/[^/]+\/.*$/.test(h.canonical), `canonical not absolute: "${h.canonical}"`);
  want(m("og:url") === h.canonical, `og:url "${m("og:url")}" is not the canonical URL`);
  want(m("og:title").length > 0, "no og:title");
  want(m("og:description") === h.description, "og:description differs from the meta description");
  want(/^(website|article)$/.test(m("og:type")), `og:type "${m("og:type")}"`);
  want(m("twitter:card") === "summary_large_image", `twitter:card "${m("twitter:card")}"`);
  const image = m("og:image");
  want(/^https?:\/\/[^/]+\/og\/.+\.png$/.test(image), `og:image not an absolute /og/*.png URL: "${image}"`);
  want(m("twitter:image") === image, "twitter:image differs from og:image");
  want(m("og:image:alt").length > 20, "og:image:alt missing or too short");
  want(m("og:image:width") === "1200" && m("og:image:height") === "630", "og:image width/height not 1200x630");
  if (image.startsWith("http") && h.canonical.startsWith("http")) {
    want(new URL(image).origin === new URL(h.canonical).origin, "og:image on another origin");
    const size = imageSize(distFile(image));
    want(size === "1200x630", `og:image file ${new URL(image).pathname} is ${size}, expected a 1200x630 PNG`);
  }
  want(h.feed.endsWith("/rss.xml"), "no RSS alternate link");
  return problems;
}

/** Pages grouped by their first path segment ("/charts/", "/schools/", "/" for the rest). */
const sections = [...new Set(pages.map((p) => /^\/[^/]+\/(?=.)/.exec(p)?.[0] ?? "/"))].sort();

describe("every page shares well", () => {
  it("the site has explainers, charts and datasets to check", () => {
    expect(explainerSlugs.length).toBeGreaterThan(0);
    expect(datasetIds.length).toBeGreaterThan(0);
    expect(pages.length).toBeGreaterThan(explainerSlugs.length + CHART_IDS.length + datasetIds.length);
  });

  it.each(sections)("every page under %s has title, description, canonical, Open Graph and Twitter tags, a feed link and a 1200x630 preview PNG in dist/", (section) => {
    const inSection = pages.filter((p) => (/^\/[^/]+\/(?=.)/.exec(p)?.[0] ?? "/") === section);
    expect(inSection.length).toBeGreaterThan(0);
    expect(inSection.flatMap(shareProblems)).toEqual([]);
  });

  it("explainers, charts (and their embeds) and datasets each get their own card", () => {
    for (const slug of explainerSlugs) expect(meta(page(`/explainers/${slug}/`), 'meta[property="og:image"]')).toMatch(new RegExp(`/og/explainers/${slug}\\.png$`));
    for (const id of CHART_IDS) {
      expect(meta(page(`/charts/${id}/`), 'meta[property="og:image"]')).toMatch(new RegExp(`/og/charts/${id}\\.png$`));
      expect(meta(page(`/embed/${id}/`), 'meta[property="og:image"]')).toMatch(new RegExp(`/og/charts/${id}\\.png$`));
    }
    for (const id of datasetIds) expect(meta(page(`/data/${id}/`), 'meta[property="og:image"]')).toMatch(new RegExp(`/og/data/${id}\\.png$`));
  });

  it("a chart card shows the chart: its PNG is far from blank and differs from a text-only card", () => {
    for (const id of CHART_IDS) {
      const chart = readFileSync(join(DIST, `og/charts/${id}.png`));
      // A drawn chart compresses much worse than a title on a flat background.
      expect(chart.length, id).toBeGreaterThan(readFileSync(join(DIST, "og/site.png")).length * 1.5);
    }
  });
});

describe("structured data", () => {
  const ld = (doc: Document) =>
    Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).map((s) => JSON.parse(s.textContent ?? "") as Record<string, any>);

  it.each(explainerSlugs)("explainer %s carries NewsArticle JSON-LD with dates, author, publisher and image", (slug) => {
    const doc = page(`/explainers/${slug}/`);
    const [article] = ld(doc).filter((d) => d["@type"] === "NewsArticle");
    expect(article).toBeDefined();
    expect(article!.headline).toBe(doc.querySelector("h1")?.textContent?.trim());
    expect(article!.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(article!.dateModified >= article!.datePublished).toBe(true);
    expect(doc.querySelector(`time[datetime="${article!.datePublished}"]`), "the date shown on the page").not.toBeNull();
    expect(article!.author?.name).toBeTruthy();
    expect(article!.publisher?.name).toBe("Beyond One Word");
    expect(existsSync(distFile(article!.image[0]))).toBe(true);
    expect(meta(doc, 'meta[property="og:type"]')).toBe("article");
  });

  it.each(datasetIds)("dataset %s carries Dataset JSON-LD with licence, creator and a CSV distribution that exists", (id) => {
    const doc = page(`/data/${id}/`);
    const [dataset] = ld(doc).filter((d) => d["@type"] === "Dataset");
    expect(dataset).toBeDefined();
    expect(dataset!.name).toBe(doc.querySelector("h1")?.textContent?.trim());
    expect(dataset!.description.length).toBeGreaterThan(20);
    expect(dataset!.license).toBeTruthy();
    expect(dataset!.creator?.name).toBe("Beyond One Word");
    expect(dataset!.url).toBe(doc.querySelector('link[rel="canonical"]')?.getAttribute("href"));
    const csv = dataset!.distribution.find((d: Record<string, string>) => d.encodingFormat === "text/csv");
    expect(existsSync(distFile(csv.contentUrl)), csv.contentUrl).toBe(true);
  });

  it("JSON-LD never contains a raw '<' (it could close the script element)", () => {
    for (const path of pages) {
      const html = readFileSync(path.endsWith(".html") ? join(DIST, path) : join(DIST, path, "index.html"), "utf8");
      for (const m of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) expect(m[1]).not.toContain("<");
    }
  });
});

describe("feed, sitemap and robots.txt", () => {
  it("rss.xml parses and lists every explainer once, with title, link, date and description", () => {
    const doc = parseXml(readFileSync(join(DIST, "rss.xml"), "utf8"));
    expect(doc.querySelector("rss")?.getAttribute("version")).toBe("2.0");
    const items = Array.from(doc.querySelectorAll("item"));
    const links = items.map((i) => new URL(i.querySelector("link")!.textContent!.trim()).pathname).sort();
    expect(links).toEqual(explainerSlugs.map((s) => `/explainers/${s}/`).sort());
    for (const item of items) {
      expect(item.querySelector("title")?.textContent).toBeTruthy();
      expect(item.querySelector("description")?.textContent?.length).toBeGreaterThan(20);
      expect(Number.isNaN(Date.parse(item.querySelector("pubDate")!.textContent!))).toBe(false);
    }
  });

  it("the sitemap parses and lists exactly the indexable pages (every explainer; no embeds, no 404)", () => {
    const index = parseXml(readFileSync(join(DIST, "sitemap-index.xml"), "utf8"));
    const parts = Array.from(index.querySelectorAll("sitemap > loc")).map((l) => new URL(l.textContent!.trim()).pathname);
    expect(parts.length).toBeGreaterThan(0);
    const listed = parts
      .flatMap((p) => Array.from(parseXml(readFileSync(join(DIST, p), "utf8")).querySelectorAll("url > loc")))
      .map((l) => new URL(l.textContent!.trim()).pathname)
      .sort();
    const indexable = pages.filter((p) => p !== "/404.html" && !head(p).noindex).sort();
    expect(listed).toEqual(indexable);
    for (const slug of explainerSlugs) expect(listed).toContain(`/explainers/${slug}/`);
    expect(listed.some((p) => p.startsWith("/embed/"))).toBe(false);
  });

  it("robots.txt allows crawling and points to the sitemap", () => {
    const text = readFileSync(join(DIST, "robots.txt"), "utf8");
    expect(text).toMatch(/^User-agent: \*$/m);
    expect(text).not.toMatch(/^Disallow: \/\s*$/m);
    const sitemap = /^Sitemap: (\S+)$/m.exec(text)?.[1];
    expect(sitemap).toMatch(/^https?:\/\/.+\/sitemap-index\.xml$/);
    expect(existsSync(join(DIST, new URL(sitemap!).pathname))).toBe(true);
    expect(new URL(sitemap!).origin).toBe(new URL(page("/").querySelector('link[rel="canonical"]')!.getAttribute("href")!).origin);
  });

  it("the 404 page offers a search box and ways in", () => {
    const doc = page("/404.html");
    const form = doc.querySelector('main form[role="search"]');
    expect(form?.getAttribute("action")).toBe("/search/");
    expect(form?.querySelector('input[name="q"]')).not.toBeNull();
    for (const href of ["/", "/explainers/", "/charts/", "/data/"]) expect(doc.querySelector(`main a[href="${href}"]`), href).not.toBeNull();
  });
});

describe("print handout and share bar", () => {
  const handouts = [...explainerSlugs.map((s) => `/explainers/${s}/`), ...CHART_IDS.map((id) => `/charts/${id}/`)];

  it.each(handouts)("%s has a share bar, a print button and a print-only QR code of its canonical URL", async (path) => {
    const doc = page(path);
    const bar = doc.querySelector("[data-share]");
    expect(bar, "share bar").not.toBeNull();
    for (const action of ["copy", "native", "print"]) expect(bar!.querySelector(`button[data-share-action="${action}"]`), action).not.toBeNull();
    const canonical = doc.querySelector('link[rel="canonical"]')!.getAttribute("href")!;
    const email = bar!.querySelector('a[data-share-action="email"]')?.getAttribute("href") ?? "";
    expect(email.startsWith("mailto:?subject=")).toBe(true);
    expect(decodeURIComponent(email.split("&body=")[1] ?? "")).toContain(canonical);
    const extras = doc.querySelector(".print-extras");
    expect(extras?.querySelector(".print-url")?.textContent?.trim()).toBe(canonical);
    expect(extras?.querySelector("[data-print-date]")?.getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const qr = extras?.querySelector(".print-qr svg");
    expect(qr).not.toBeNull();
    // The QR on the page is the one qrcode draws for the canonical URL (so it scans to that URL).
    const expected = (await qrSvg(canonical)).match(/ d="([^"]+)"/g);
    expect(qr!.outerHTML.match(/ d="([^"]+)"/g)).toEqual(expected);
  });

  it("every page with a citation date also carries the share bar, whose script stamps that date with today's", () => {
    let cited = 0;
    for (const path of pages) {
      const doc = page(path);
      if (!doc.querySelector("time[data-citation-date]")) continue;
      cited++;
      expect(doc.querySelector("[data-share]"), `${path}: a citation date but no share bar to stamp it`).not.toBeNull();
    }
    expect(cited).toBeGreaterThan(0);
  });

  it.each(CHART_IDS)("chart %s: the Copy image button fetches a PNG that exists", (id) => {
    const src = page(`/charts/${id}/`).querySelector('[data-share-action="image"]')?.getAttribute("data-image");
    expect(src).toBeTruthy();
    expect(existsSync(join(DIST, src!))).toBe(true);
  });
});

describe("what site search indexes", () => {
  it("exactly the explainer, chart and dataset pages carry data-pagefind-body (never embeds)", () => {
    const indexed = pages.filter((p) => head(p).pagefindBody).sort();
    const expected = [
      ...explainerSlugs.map((s) => `/explainers/${s}/`),
      ...CHART_IDS.map((id) => `/charts/${id}/`),
      ...datasetIds.map((id) => `/data/${id}/`),
    ].sort();
    expect(indexed).toEqual(expected);
  });

  it("every page has a search form in its header that sends the query to /search/", () => {
    const wrong = pages
      .filter((p) => !p.startsWith("/embed/"))
      .filter((p) => head(p).headerSearch?.action !== "/search/" || !head(p).headerSearch?.labelled);
    expect(wrong).toEqual([]);
  });
});
