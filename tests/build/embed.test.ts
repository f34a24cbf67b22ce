/**
 * Embeds and downloads in the built site, for every registered chart: oEmbed JSON, discovery links,
 * CSV / SVG / PNG downloads, embed pages (noindex, canonical), and the bytes an embed costs.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import Papa from "papaparse";
import { exportColours } from "../../src/lib/export-colours.ts";
import { DOMParser } from "linkedom";
import { DIST, page } from "../support/dist.ts";
import { CHARTS } from "../../src/render/charts.ts";
import { EXPORT_WIDTH, loadChartRows } from "../../src/render/chart.ts";

const SITE = new URL(process.env.SITE_URL ?? "https://beyondoneword.org.uk");
const ids = CHARTS.map((c) => c.id);
const file = (path: string) => join(DIST, path);
const decodeEntities = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/** A URL on our site whose file exists in dist/ (directory URLs need an index.html). */
function expectOurFile(url: string) {
  const u = new URL(url);
  expect(u.origin, url).toBe(SITE.origin);
  const path = u.pathname.endsWith("/") ? `${u.pathname}index.html` : u.pathname;
  expect(existsSync(file(path)), `${url} -> ${path} in ${DIST}`).toBe(true);
}

describe("oEmbed", () => {
  it.each(ids)("%s: /oembed/<id>.json has the spec's fields and working absolute URLs", (id) => {
    const json = JSON.parse(readFileSync(file(`/oembed/${id}.json`), "utf8")) as Record<string, unknown>;
    // oembed.com 2.3.4 / 2.3.4.4: type and version for all; html, width, height for "rich".
    expect(json.type).toBe("rich");
    expect(json.version).toBe("1.0");
    expect(typeof json.html).toBe("string");
    expect(Number.isInteger(json.width) && (json.width as number) > 0).toBe(true);
    expect(Number.isInteger(json.height) && (json.height as number) > 0).toBe(true);
    expect(json.title).toBe(CHARTS.find((c) => c.id === id)!.title);
    expect(json.provider_name).toBe("Beyond One Word");
    expect(json.provider_url).toBe(SITE.href);
    expect(typeof json.cache_age).toBe("number");
    // The html is one iframe whose src is this chart's embed page; its height matches.
    const html = json.html as string;
    expect(html).toMatch(/^<iframe [^>]+><\/iframe>$/);
    const src = /src="([^"]+)"/.exec(html)![1]!;
    expect(src).toBe(new URL(`/embed/${id}/`, SITE).href);
    expectOurFile(src);
    expect(html).toContain(` height="${json.height}"`);
    // WordPress keeps width and height but strips style: the attributes alone make it column-wide.
    expect(html).toContain(` width="100%"`);
    expect(html).toMatch(/ title="[^"]+"/);
    // Thumbnail: our PNG, with its real size.
    expectOurFile(json.thumbnail_url as string);
    const png = readFileSync(file(new URL(json.thumbnail_url as string).pathname));
    expect([json.thumbnail_width, json.thumbnail_height]).toEqual([png.readUInt32BE(16), png.readUInt32BE(20)]);
  });

  it.each(ids)("%s: one prebuilt answer per maxwidth, listed in the default answer", (id) => {
    const json = JSON.parse(readFileSync(file(`/oembed/${id}.json`), "utf8")) as { widths: Record<string, string>; width: number };
    expect(json.width).toBe(600);
    const widths = Object.keys(json.widths).map(Number);
    expect(widths).toEqual([320, 400, 500, 600, 700, 800, 1000]);
    for (const w of widths) {
      const url = json.widths[String(w)]!;
      expectOurFile(url);
      const at = JSON.parse(readFileSync(file(new URL(url).pathname), "utf8")) as { width: number; height: number; html: string; type: string };
      expect([at.type, at.width]).toEqual(["rich", w]);
      expect(at.html).toContain(` height="${at.height}"`);
    }
  });

  it.each(ids)("%s: the chart page links its oEmbed JSON in <head>", (id) => {
    const doc = page(`/charts/${id}/`);
    const link = doc.querySelector('head link[rel="alternate"][type="application/json+oembed"]');
    expect(link, "discovery link").not.toBeNull();
    expect(link!.getAttribute("title")).toBeTruthy();
    expect(link!.getAttribute("href")).toBe(new URL(`/oembed/${id}.json`, SITE).href);
    expectOurFile(link!.getAttribute("href")!);
  });
});

describe("downloads", () => {
  it.each(ids)("%s: data.csv is UTF-8 with a BOM and parses back to exactly the chart's rows", (id) => {
    const chart = CHARTS.find((c) => c.id === id)!;
    const bytes = readFileSync(file(`/charts/${id}/data.csv`));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<Record<string, string>>(bytes.toString("utf8").slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual(chart.columns.map((c) => c.key));
    const expected = loadChartRows(chart).map((row) =>
      Object.fromEntries(chart.columns.map((c) => [c.key, c.value(row) === null ? "" : String(c.value(row))])),
    );
    expect(parsed.data).toEqual(expected);
    expect(parsed.data.length).toBeGreaterThan(0);
  });

  it.each(ids)("%s: chart.svg is a standalone SVG with the stated size and concrete colours", (id) => {
    const text = readFileSync(file(`/charts/${id}/chart.svg`), "utf8");
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const svg = doc.documentElement!;
    expect(svg.tagName.toLowerCase()).toBe("svg");
    expect(svg.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
    const [w, h] = [Number(svg.getAttribute("width")), Number(svg.getAttribute("height"))];
    // 576 px (EXPORT_WIDTH): shown 600 px wide, its 12 px text stays at 12 px or more.
    expect(w).toBe(EXPORT_WIDTH);
    expect(svg.getAttribute("viewBox")).toBe(`0 0 ${w} ${h}`);
    expect(svg.querySelector("svg")?.getAttribute("width")).toBe(String(EXPORT_WIDTH));
    expect(text).not.toMatch(/var\(--/);
    expect(text).not.toMatch(/currentColor/i);
    expect(svg.querySelector("title")?.textContent).toBe(CHARTS.find((c) => c.id === id)!.title);
    // Every text size in the file: 12 px or more at its own width, so 12.5 px or more shown 600 px wide.
    const sizes = [...text.matchAll(/font-size(?:="|:\s*)([\d.]+)/g)].map((m) => Number(m[1]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);
    // The page's download list states the same size.
    const list = page(`/charts/${id}/`).querySelector(".downloads-list")!.textContent!;
    expect(list).toContain(`${w} × ${h}`);
  });

  it.each(ids)("%s: chart-dark.svg (the dark-mode thumbnail) is chart.svg in the dark theme's colours", (id) => {
    const light = readFileSync(file(`/charts/${id}/chart.svg`), "utf8");
    const dark = readFileSync(file(`/charts/${id}/chart-dark.svg`), "utf8");
    const colours = (text: string) => [...text.matchAll(/\s(?:fill|stroke)="(#[0-9a-f]{3,8})"/gi)].map((m) => m[1]!.toLowerCase());
    const [lightTheme, darkTheme] = [exportColours("light"), exportColours("dark")];
    const darkValues = new Set(Object.values(darkTheme).map((c) => c.toLowerCase()));
    // Same drawing (every element and word), other colours.
    const shape = (text: string) => text.replace(/\s(?:fill|stroke)="#[0-9a-f]{3,8}"/gi, "");
    expect(shape(dark)).toBe(shape(light));
    expect(colours(dark).length).toBe(colours(light).length);
    for (const c of colours(dark)) expect(darkValues.has(c), `${c} is not a dark-theme colour`).toBe(true);
    // The ground (the first shape) is the dark page's surface, not white.
    expect(colours(dark)[0]).toBe(darkTheme["--surface"]!.toLowerCase());
    expect(colours(light)[0]).toBe(lightTheme["--surface"]!.toLowerCase());
  });

  it.each(ids)("%s: chart.png is a PNG at twice the SVG's size", (id) => {
    const png = readFileSync(file(`/charts/${id}/chart.png`));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
    const svg = new DOMParser().parseFromString(readFileSync(file(`/charts/${id}/chart.svg`), "utf8"), "image/svg+xml").documentElement!;
    expect(png.readUInt32BE(16)).toBe(2 * Number(svg.getAttribute("width")));
    expect(png.readUInt32BE(20)).toBe(2 * Number(svg.getAttribute("height")));
    expect(png.byteLength).toBeGreaterThan(20_000); // drawn, not blank
  });

  it.each(ids)("%s: the chart page offers CSV, SVG and PNG, a citation and the embed code", (id) => {
    const doc = page(`/charts/${id}/`);
    const links = Array.from(doc.querySelectorAll(".downloads-list a")).map((a) => [a.getAttribute("href"), a.getAttribute("download")]);
    expect(links).toEqual([
      [`/charts/${id}/data.csv`, `data-${id}.csv`],
      [`/charts/${id}/chart.svg`, `${id}.svg`],
      [`/charts/${id}/chart.png`, `${id}.png`],
    ]);
    const cite = doc.querySelector("[data-citation]")!.textContent!;
    expect(cite).toMatch(new RegExp(`^Source: .+ via Beyond One Word, ${SITE.href}charts/${id}/, accessed \\d{1,2} [A-Z][a-z]+ \\d{4}\\.$`));
    // linkedom keeps a <textarea>'s text as written (escaped); a browser shows it decoded.
    const code = decodeEntities(doc.querySelector("textarea[data-embed-code]")!.textContent!);
    expect(code).toContain(`src="${SITE.href}embed/${id}/"`);
    expect(code).toContain(`<script async src="${SITE.href}embed.js"></script>`);
    const oembed = JSON.parse(readFileSync(file(`/oembed/${id}.json`), "utf8"));
    expect(code.startsWith(oembed.html)).toBe(true);
  });
});

describe("embed pages", () => {
  it.each(ids)("%s: /embed/<id>/ is noindex, canonical to the chart page, with the chart, source and menu", (id) => {
    const doc = page(`/embed/${id}/`);
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute("content")).toContain("noindex");
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(new URL(`/charts/${id}/`, SITE).href);
    expect(doc.querySelector("header.site-header, footer.site-footer")).toBeNull();
    expect(doc.querySelector(`main[data-embed-id="${id}"] figure[data-chart="${id}"] svg.plot`)).not.toBeNull();
    expect(doc.querySelector(".figure-source")).not.toBeNull();
    expect(doc.querySelector(`.figure-credit a[href="/charts/${id}/"]`)).not.toBeNull();
    // Its link says where it goes (a screen reader lists it alone), its name starting with the words shown.
    const credit = doc.querySelector(".figure-credit a")!;
    expect(credit.getAttribute("aria-label")).toBe(`${credit.textContent}: this chart's own page`);
    // The title is a heading, not a link; notes, data and downloads come after the one toggle.
    expect(doc.querySelector("h1.figure-title a")).toBeNull();
    const more = doc.querySelector("figure > details.figure-more")!;
    expect(more).not.toBeNull();
    const after = new Set<Element>();
    for (let el = more.nextElementSibling; el; el = el.nextElementSibling) after.add(el);
    for (const sel of [".figure-source", ".figure-data", ".embed-footer"]) expect(after.has(doc.querySelector(sel)!), sel).toBe(true);
    expect(doc.querySelectorAll(".embed-menu a[download]").length).toBe(3);
    // No parser-blocking script: the render flags are CSS (:target), the height script is async.
    for (const s of Array.from(doc.querySelectorAll("script[src]"))) {
      const blocking = !s.hasAttribute("async") && !s.hasAttribute("defer") && s.getAttribute("type") !== "module";
      expect(blocking, s.getAttribute("src")!).toBe(false);
    }
    expect(doc.querySelector('script[src="/embed-flags.js"]')).toBeNull();
    // The flags' CSS (/embed/flags.css) is inlined with the page's CSS after the build (src/render/page-head.mjs): no request at all.
    expect(doc.querySelector('link[rel="stylesheet"]')).toBeNull();
    expect(doc.querySelector("head style")?.textContent).toContain('[data-flags~="light"]:target');
    expect(doc.querySelectorAll("body > span[hidden][data-flags]").length).toBe(23);
    expect(doc.querySelector('script[src="/embed/child.js"]')).not.toBeNull();
    // Only an embed whose chart scrolls in its own box (the timeline) loads the script for that box.
    expect(doc.querySelector('script[src="/embed/scroll.js"]') !== null, "/embed/scroll.js").toBe(id === "reform-timeline");
    expect(doc.querySelector("main.embed-scroll-chart") !== null).toBe(id === "reform-timeline");
  });

  it("/embed.js is under 1 KB gzipped, and an embed page's transfer is printed", () => {
    const js = readFileSync(file("/embed.js"));
    const gz = gzipSync(js, { level: 9 }).byteLength;
    console.log(`/embed.js: ${js.byteLength} bytes, ${gz} bytes gzip`);
    expect(gz).toBeLessThan(1024);

    for (const id of ids) {
      const html = readFileSync(file(`/embed/${id}/index.html`));
      const doc = page(`/embed/${id}/`);
      const assets = [
        ...Array.from(doc.querySelectorAll('link[rel="stylesheet"]')).map((l) => l.getAttribute("href")!),
        ...Array.from(doc.querySelectorAll("script[src]")).map((s) => s.getAttribute("src")!),
      ];
      const parts: [string, number, number][] = [["html", html.byteLength, gzipSync(html, { level: 9 }).byteLength]];
      for (const a of assets) {
        const body = readFileSync(file(a));
        parts.push([a, body.byteLength, gzipSync(body, { level: 9 }).byteLength]);
      }
      const total = parts.reduce((s, p) => s + p[2], 0);
      console.log(`/embed/${id}/: ${total} bytes gzip (HTML+CSS+JS): ${parts.map((p) => `${p[0]} ${p[2]}`).join(", ")}`);
      expect(total).toBeLessThan(40_000);
    }
  });
});
