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
import { CHART_IDS } from "../../src/charts/index.ts";
import { DATASET_IDS } from "../../src/lib/datasets/index.ts";
import { qrSvg } from "../../src/lib/qr.ts";

const pages = htmlPages();
const explainerSlugs = readdirSync("src/content/explainers")
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => f.replace(/\.mdx$/, ""))
  .sort();
/** Dataset pages that were built (datasets written by the Ofsted import exist only after an import). */
const datasetIds = DATASET_IDS.filter((id) => pages.includes(`/data/${id}/`));

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), `${file} is a PNG`).toBe(true);
  expect(b.toString("latin1", 12, 16), `${file} starts with IHDR`).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** dist/ file for an absolute URL on our site. */
const distFile = (url: string) => join(DIST, decodeURIComponent(new URL(url).pathname));

const meta = (doc: Document, sel: string) => doc.querySelector(sel)?.getAttribute("content") ?? "";
const isNoindex = (doc: Document) => meta(doc, 'meta[name="robots"]').includes("noindex");

function parseXml(text: string): Document {
  const doc = new DOMParser().parseFromString(text, "text/xml") as unknown as Document;
  expect(doc.querySelector("parsererror"), "XML parses").toBeNull();
  return doc;
}

describe("every page shares well", () => {
  it("the site has explainers, charts and datasets to check", () => {
    expect(explainerSlugs.length).toBeGreaterThan(0);
    expect(datasetIds.length).toBeGreaterThan(0);
    expect(pages.length).toBeGreaterThan(explainerSlugs.length + CHART_IDS.length + datasetIds.length);
  });

  it.each(pages)("%s has title, description, canonical, Open Graph and Twitter tags, and a 1200x630 preview image", (path) => {
    const doc = page(path);
    expect(doc.querySelector("title")?.textContent?.trim(), "title").toBeTruthy();
    expect(meta(doc, 'meta[name="description"]').length, "description").toBeGreaterThan(20);
    const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? "";
    expect(canonical, "canonical is absolute").toMatch(/^https?:\/\/[^/]+\/.*$/);
    expect(meta(doc, 'meta[property="og:url"]')).toBe(canonical);
    expect(meta(doc, 'meta[property="og:title"]')).toBeTruthy();
    expect(meta(doc, 'meta[property="og:description"]')).toBe(meta(doc, 'meta[name="description"]'));
    expect(meta(doc, 'meta[property="og:type"]')).toMatch(/^(website|article)$/);
    expect(meta(doc, 'meta[name="twitter:card"]')).toBe("summary_large_image");
    const image = meta(doc, 'meta[property="og:image"]');
    expect(image, "og:image is absolute").toMatch(/^https?:\/\/[^/]+\/og\/.+\.png$/);
    expect(new URL(image).origin).toBe(new URL(canonical).origin);
    expect(meta(doc, 'meta[name="twitter:image"]')).toBe(image);
    expect(meta(doc, 'meta[property="og:image:alt"]').length, "og:image:alt").toBeGreaterThan(20);
    expect(meta(doc, 'meta[property="og:image:width"]')).toBe("1200");
    expect(meta(doc, 'meta[property="og:image:height"]')).toBe("630");
    const file = distFile(image);
    expect(existsSync(file), `${file} exists`).toBe(true);
    expect(pngSize(file)).toEqual({ width: 1200, height: 630 });
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

  it("every page advertises the feed to feed readers", () => {
    for (const path of pages) {
      const doc = page(path);
      expect(doc.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute("href"), path).toMatch(/\/rss\.xml$/);
    }
  });

  it("sitemap.xml parses and lists exactly the indexable pages (every explainer; no embeds, no 404)", () => {
    const doc = parseXml(readFileSync(join(DIST, "sitemap.xml"), "utf8"));
    const listed = Array.from(doc.querySelectorAll("url > loc")).map((l) => new URL(l.textContent!.trim()).pathname).sort();
    const indexable = pages.filter((p) => p !== "/404.html" && !isNoindex(page(p))).sort();
    expect(listed).toEqual(indexable);
    for (const slug of explainerSlugs) expect(listed).toContain(`/explainers/${slug}/`);
    expect(listed.some((p) => p.startsWith("/embed/"))).toBe(false);
  });

  it("robots.txt allows crawling and points to the sitemap", () => {
    const text = readFileSync(join(DIST, "robots.txt"), "utf8");
    expect(text).toMatch(/^User-agent: \*$/m);
    expect(text).not.toMatch(/^Disallow: \/\s*$/m);
    const sitemap = /^Sitemap: (\S+)$/m.exec(text)?.[1];
    expect(sitemap).toMatch(/^https?:\/\/.+\/sitemap\.xml$/);
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

  it.each(CHART_IDS)("chart %s: the Copy image button fetches a PNG that exists", (id) => {
    const src = page(`/charts/${id}/`).querySelector('[data-share-action="image"]')?.getAttribute("data-image");
    expect(src).toBeTruthy();
    expect(existsSync(join(DIST, src!))).toBe(true);
  });
});

describe("what site search indexes", () => {
  it("exactly the explainer, chart and dataset pages carry data-pagefind-body (never embeds)", () => {
    const indexed = pages.filter((p) => page(p).querySelector("[data-pagefind-body]") !== null).sort();
    const expected = [
      ...explainerSlugs.map((s) => `/explainers/${s}/`),
      ...CHART_IDS.map((id) => `/charts/${id}/`),
      ...datasetIds.map((id) => `/data/${id}/`),
    ].sort();
    expect(indexed).toEqual(expected);
  });

  it("every page has a search form in its header that sends the query to /search/", () => {
    for (const path of pages.filter((p) => !p.startsWith("/embed/"))) {
      const form = page(path).querySelector('header form[role="search"]');
      expect(form?.getAttribute("action"), path).toBe("/search/");
      const input = form?.querySelector('input[name="q"]');
      expect(input && page(path).querySelector(`label[for="${input.getAttribute("id")}"]`), `${path}: labelled`).toBeTruthy();
    }
  });
});
