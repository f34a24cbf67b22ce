/**
 * What a reader with fresh eyes noticed in screenshots (320, 375 and 1,280 px, light and dark) and in
 * the printed handouts, in Chromium against dist/ (and the fixture site with school pages):
 *  - on a site with imported schools, the header's five section links (Schools too) sit on one row
 *    at 320 px, whichever is current and bold (About wrapped to a second row);
 *  - a printed explainer fills its columns: no column before the last page ends more than 40 mm above
 *    its foot (a figure too tall for what was left of a column moved on and left the rest of it
 *    blank, half a column on many-more-ways-to-fail's first page), except where the timeline's
 *    event list starts a column on purpose so that it ends on the same page;
 *  - the two-page guide (how-to-read-a-report-card) prints on two pages, not a third sheet for a few
 *    source lines;
 *  - every chart drawing an explainer prints has its text at 7 pt or more on paper (two drawings
 *    print narrower than the column so that they fit beside their text);
 *  - an explainer prints the report-card builder as its card, each area and its grade on one line
 *    (its drawing printed two lines a row at 7.3 pt, "Personal dev." for the area's name);
 *  - /charts/ on a 320 px phone: each takeaway runs the width of the list under its thumbnail and
 *    title (in a column beside the thumbnail it was 130 px wide, five words a line), and every
 *    thumbnail's drawing fills its box (the reform timeline, 576 x 1,834, was a sliver 47 px wide);
 *  - a dataset page on a desktop screen shows its rows table the width of the window (90rem at most),
 *    not in the 736-px text column with the rest of a 1,280-px screen blank beside it, and never wider
 *    than the window.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { openPhone, useBrowser } from "../support/browser.ts";
import { serveStatic, type RunningServer } from "../support/static-server.ts";

const base = inject("baseUrl");
const browser = useBrowser();
let schools: RunningServer;
beforeAll(async () => {
  schools = await serveStatic(inject("schoolsDist"));
});
afterAll(async () => {
  await schools?.close();
});

const explainers = readdirSync("src/content/explainers")
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => f.replace(/\.mdx$/, ""))
  .sort();
const out = mkdtempSync(join(tmpdir(), "bow-review-visual-"));

const phone = (url: string, width: number, scheme: "light" | "dark" = "light"): Promise<Page> => openPhone(browser, url, width, scheme);

describe("the header on a 320 px phone, on a site with imported schools", () => {
  it.each(["/schools/", "/explainers/", "/charts/", "/data/", "/about/", "/areas/", "/"])("%s: the five section links sit on one row, light and dark", async (path) => {
    for (const scheme of ["light", "dark"] as const) {
      const page = await phone(schools.url + path, 320, scheme);
      const nav = await page.evaluate(() => {
        const items = [...document.querySelectorAll(".site-nav li")];
        const ul = document.querySelector(".site-nav ul")!.getBoundingClientRect();
        return {
          links: items.map((li) => li.textContent!.trim()),
          tops: [...new Set(items.map((li) => Math.round(li.getBoundingClientRect().top)))],
          inside: items.every((li) => li.getBoundingClientRect().right <= ul.right + 0.5),
        };
      });
      expect(nav.links, path).toEqual(["Explainers", "Charts", "Schools", "Data", "About"]);
      expect(nav.tops, `${path} (${scheme}): rows of links`).toHaveLength(1);
      expect(nav.inside, `${path}: every link inside the row`).toBe(true);
      await page.context().close();
    }
  });
});

interface Printed {
  pdf: string;
  /** The list figures' titles (the timeline's events run on across columns and may start one). */
  listTitles: string[];
}

async function print(path: string, name: string): Promise<Printed> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(base + path, { waitUntil: "load" });
  await page.emulateMedia({ media: "print" });
  const listTitles = await page.$$eval(".figure:has(> .chart-print-list) .figure-title", (els) => els.map((e) => e.textContent!.replace(/\s+/g, " ").trim()));
  const pdf = join(out, `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true }));
  await context.close();
  return { pdf, listTitles };
}

interface Column {
  /** mm of blank paper between the column's last text and the foot of the printed area. */
  blankMm: number;
  /** The column's first words, top to bottom. */
  firstWords: string;
}

/** Each PDF page's two columns (left and right of the page's middle), read with pdftotext -bbox. */
function columns(pdf: string): Column[][] {
  const xml = execFileSync("/usr/bin/pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
  const bottomMargin = (10 / 25.4) * 72; // @page margin-bottom: 10mm
  return xml
    .split("<page ")
    .slice(1)
    .map((p) => {
      const width = Number(/width="([\d.]+)"/.exec(p)![1]);
      const height = Number(/height="([\d.]+)"/.exec(p)![1]);
      const cols: { words: { y: number; x: number; text: string }[]; bottom: number }[] = [
        { words: [], bottom: 0 },
        { words: [], bottom: 0 },
      ];
      for (const m of p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
        const col = cols[Number(m[1]) < width / 2 ? 0 : 1]!;
        col.words.push({ x: Number(m[1]), y: Number(m[2]), text: m[4]! });
        col.bottom = Math.max(col.bottom, Number(m[3]));
      }
      return cols.map((c) => ({
        blankMm: ((height - bottomMargin - c.bottom) / 72) * 25.4,
        firstWords: c.words
          .sort((a, b) => a.y - b.y || a.x - b.x)
          .slice(0, 12)
          .map((w) => w.text)
          .join(" "),
      }));
    });
}

const MAX_BLANK_MM = 40;

describe("printed explainers", () => {
  it.each(explainers)(`%s: no column before the last page ends more than ${MAX_BLANK_MM} mm above its foot`, async (slug) => {
    const { pdf, listTitles } = await print(`/explainers/${slug}/`, slug);
    const pages = columns(pdf);
    const flow = pages.slice(0, -1).flatMap((cols, p) => cols.map((c, i) => ({ ...c, where: `page ${p + 1}, ${i ? "right" : "left"} column` })));
    const next = pages.flat();
    const short = flow
      .filter((c, i) => {
        if (c.blankMm <= MAX_BLANK_MM) return false;
        // The timeline's event list starts the next column on purpose (it ends on the same page).
        const following = next[i + 1]?.firstWords.replace(/\s+/g, " ") ?? "";
        return !listTitles.some((t) => t.startsWith(following.slice(0, 30)) || following.startsWith(t.slice(0, 30)));
      })
      .map((c) => `${c.where}: ${Math.round(c.blankMm)} mm blank`);
    expect(short, `${pdf}`).toEqual([]);
  });

  it("how-to-read-a-report-card, a two-page guide, prints on two pages (not a third for a few source lines)", async () => {
    const { pdf } = await print("/explainers/how-to-read-a-report-card/", "how-to-read-pages");
    const pages = columns(pdf);
    expect(pages.length, pdf).toBe(2);
  });

  it.each(explainers)("%s: every chart drawing it prints has its text at 7 pt or more on paper", async (slug) => {
    // An A4 sheet's width at 96 px to the inch; drawings are sized in mm, so their scale is as on paper.
    const context = await browser.newContext({ viewport: { width: 794, height: 1123 } });
    const page = await context.newPage();
    await page.goto(`${base}/explainers/${slug}/`, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    const texts = await page.$$eval(".explainer-body .figure .chart svg.plot text", (els) =>
      els
        .filter((el) => el.checkVisibility() && el.getClientRects().length > 0 && (el.textContent ?? "").trim())
        .map((el) => {
          const svg = (el as SVGTextElement).ownerSVGElement!;
          const px = parseFloat(getComputedStyle(el).fontSize) * (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width);
          return { text: el.textContent!.trim().slice(0, 40), pt: px * 0.75 };
        }),
    );
    await context.close();
    const small = texts.filter((t) => t.pt < 7 - 0.01).map((t) => `${t.pt.toFixed(1)} pt: ${t.text}`);
    expect(small).toEqual([]);
  });
});

describe("the report-card builder on paper", () => {
  it("many-more-ways-to-fail prints the example card with each area and its grade on one line, in full", async () => {
    const context = await browser.newContext({ viewport: { width: 794, height: 1123 } });
    const page = await context.newPage();
    await page.goto(`${base}/explainers/many-more-ways-to-fail/`, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    const figure = page.locator('.explainer-body .figure[data-chart="report-card-builder"]');
    const printed = await figure.evaluate((fig) => ({
      drawing: [...fig.querySelectorAll(".chart svg.plot")].some((svg) => svg.checkVisibility()),
      rows: [...fig.querySelectorAll(".rcb-card .report-card-row")]
        .filter((row) => row.checkVisibility())
        .map((row) => {
          const dt = row.querySelector("dt")!.getBoundingClientRect();
          const dd = row.querySelector("dd")!.getBoundingClientRect();
          return { area: row.querySelector("dt")!.textContent!.trim(), grade: row.querySelector("dd")!.textContent!.replace(/\s+/g, " ").trim(), oneLine: Math.abs(dt.top - dd.top) < 4 && dt.height < 20 };
        }),
    }));
    await context.close();
    expect(printed.drawing, "the drawing prints").toBe(false);
    expect(printed.rows.map((r) => r.area)).toContain("Personal development and well-being");
    expect(printed.rows.length).toBeGreaterThanOrEqual(9);
    expect(printed.rows.filter((r) => !r.oneLine).map((r) => r.area)).toEqual([]);
    expect(printed.rows.find((r) => r.area.startsWith("Attendance"))?.grade).toContain("Needs attention");
  });
});

describe("the chart index on a phone", () => {
  it.each([320, 375])("at %i px each takeaway runs the list's width, under its thumbnail and title", async (width) => {
    const page = await phone(base + "/charts/", width);
    const rows = await page.$$eval(".chart-index > li", (lis) =>
      lis.map((li) => ({
        title: li.querySelector("h2")!.textContent!.trim(),
        list: li.getBoundingClientRect().width,
        takeaway: li.querySelector("p")!.getBoundingClientRect().width,
        below: li.querySelector("p")!.getBoundingClientRect().top >= li.querySelector(".chart-index-thumb")!.getBoundingClientRect().bottom - 0.5,
      })),
    );
    expect(rows.length).toBeGreaterThan(5);
    const narrow = rows.filter((r) => r.takeaway < r.list * 0.95 || !r.below).map((r) => `${r.title}: ${Math.round(r.takeaway)} of ${Math.round(r.list)} px`);
    expect(narrow).toEqual([]);
    await page.context().close();
  });

  it.each(["/charts/", "/"])("%s: every thumbnail's drawing fills at least 60 percent of its box's width, light and dark", async (path) => {
    for (const scheme of ["light", "dark"] as const) {
      const page = await phone(base + path, 320, scheme);
      const thumbs = page.locator("img.chart-thumb");
      const n = await thumbs.count();
      expect(n).toBeGreaterThan(3);
      const slivers: string[] = [];
      for (let i = 0; i < n; i++) {
        const img = thumbs.nth(i);
        await img.scrollIntoViewIfNeeded();
        await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
        const r = await img.evaluate((el: HTMLImageElement) => {
          const box = el.getBoundingClientRect();
          const fit = getComputedStyle(el).objectFit;
          const drawn = fit === "cover" || fit === "fill" ? box.width : Math.min(box.width, (box.height * el.naturalWidth) / el.naturalHeight);
          return { src: el.currentSrc, share: drawn / box.width };
        });
        if (r.share < 0.6) slivers.push(`${r.src}: ${Math.round(r.share * 100)}% of the box`);
      }
      expect(slivers, `${path} (${scheme})`).toEqual([]);
      await page.context().close();
    }
  });
});

describe("the interactive charts' controls on a phone", () => {
  it.each([
    ["/charts/report-card-builder/", 320],
    ["/charts/report-card-builder/", 375],
    ["/charts/ways-to-fail/", 320],
    ["/charts/ways-to-fail/", 375],
  ] as const)("%s at %i px: the box's top border never runs through its heading (the legend sits inside the box)", async (path, width) => {
    const page = await phone(base + path, width);
    const r = await page.$eval(".interactive .controls", (fs) => {
      const legend = fs.querySelector(":scope > legend")!;
      const lb = legend.getBoundingClientRect();
      const cs = getComputedStyle(legend);
      // HTML's rendering rules: a fieldset's "rendered legend" (its first legend child, not floated,
      // not absolutely positioned) sits on the top border, which is drawn through the legend's middle;
      // any other legend is laid out inside the box, under a border drawn at the box's top.
      const rendered = cs.float === "none" && cs.position !== "absolute" && cs.position !== "fixed";
      const border = rendered ? (lb.top + lb.bottom) / 2 : fs.getBoundingClientRect().top + parseFloat(getComputedStyle(fs).borderTopWidth) / 2;
      return { text: legend.textContent!.trim(), top: lb.top, bottom: lb.bottom, border, lines: Math.round(lb.height / parseFloat(cs.lineHeight)) };
    });
    // The border line must lie above the heading's text, not between its lines or through it.
    expect(r.border < r.top, `border at ${r.border.toFixed(1)}, "${r.text}" (${r.lines} lines) from ${r.top.toFixed(1)} to ${r.bottom.toFixed(1)}`).toBe(true);
    await page.context().close();
  });
});

describe("a dataset's rows on a desktop screen", () => {
  const datasets = readdirSync("dist/data", { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  it.each([1024, 1280, 1920])("at %i px every dataset's rows table spans the window (less 1rem a side, 90rem at most), inside it, the page never wider", async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    expect(datasets.length).toBeGreaterThan(5);
    for (const id of datasets) {
      await page.goto(`${base}/data/${id}/`);
      const r = await page.evaluate(() => {
        const box = document.querySelector(".table-scroll:has(> table.provenance)")!.getBoundingClientRect();
        const column = document.querySelector("main h1")!.getBoundingClientRect();
        const de = document.documentElement;
        return { left: box.left, right: box.right, column: column.width, client: de.clientWidth, over: de.scrollWidth - de.clientWidth };
      });
      const want = Math.min(r.client - 32, 1440);
      if (r.right - r.left < want - 1) problems.push(`${id}: rows box ${Math.round(r.right - r.left)} px wide (text column ${Math.round(r.column)}), want ${want}`);
      if (r.left < 0 || r.right > r.client + 0.5) problems.push(`${id}: rows box ${Math.round(r.left)}..${Math.round(r.right)} outside 0..${r.client}`);
      if (r.over > 0) problems.push(`${id}: page ${r.over} px wider than the window`);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
