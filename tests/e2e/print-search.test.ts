/**
 * Print handouts and site search in Chromium.
 *  - Each explainer (and a chart page) printed to an A4 PDF by Chromium; the PDF turned into PNG pages
 *    with pdftoppm (Debian poppler-utils) under reports/print/ for a person to look at; the test
 *    holds every explainer to four pages, checks no figure is split across pages (its caption and
 *    its source line fall on the same PDF page, read with pdftotext), and that the handout has no
 *    site chrome, buttons, controls, "try it" blocks, data tables or "Link to this card", but does
 *    have the page's URL, QR code, the print date and the sources' URLs; printed from dark mode it
 *    still uses the light palette, grade colours included.
 *  - The reform timeline, wherever it is shown (explainers and its chart page), prints every event with
 *    its date, and every text of its figure that prints is at least 7 pt on paper (its 576-px drawing
 *    shrunk into a column printed at 4.4 pt).
 *  - Pagefind search from /search/ and from the header box: "safeguarding" finds the
 *    how-to-read-a-report-card explainer; a chart's title finds the chart's page; keyboard use;
 *    no request leaves our own origin; with JavaScript off the page says so and links elsewhere.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { useBrowser } from "../support/browser.ts";
import { DIST } from "../support/dist.ts";
import { CHARTS } from "../../src/render/charts.ts";
import { OLD_GRADES, REPORT_CARD_GRADES } from "../../src/lib/grades.ts";
import { loadDataset } from "../../src/render/load.ts";
import { reformTimeline, spokenDate } from "../../src/charts/reform-timeline.ts";

const base = inject("baseUrl");
const OUT = "reports/print";
/**
 * Page bounds. An explainer is a handout of at most four A4 pages (the full data tables stay
 * online); a minimum density (a layout that squeezes text into a column or pushes figures on to
 * half-empty pages wastes paper), and no near-blank page.
 */
const MAX_PAGES = 4;
const MIN_WORDS_PER_PAGE = 250;
const MIN_WORDS_ON_A_PAGE = 60;
/** The smallest type a reader can read on paper (the sources list, in 6 pt, is a reference list, not read). */
const MIN_PRINT_PT = 7;
const explainers = readdirSync("src/content/explainers")
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => f.replace(/\.mdx$/, ""))
  .sort();
const browser = useBrowser();

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
});
afterAll(async () => {
});

const norm = (s: string) => s.replace(/\s+/g, " ").trim();

interface FigureText {
  title: string;
  takeaway: string;
}

/** Prints `path` to an A4 PDF, writes PNG pages to reports/print/, returns each page's text. */
async function printToPdf(path: string, name: string, colorScheme: "light" | "dark" = "light"): Promise<{ pages: string[]; figures: FigureText[]; pdf: string; qr: number; tables: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
  const page = await context.newPage();
  await page.goto(base + path, { waitUntil: "load" });
  await page.emulateMedia({ media: "print", colorScheme });
  const qr = await page.locator(".print-qr svg").evaluateAll((els) => els.filter((e) => e.getBoundingClientRect().width > 30).length);
  const tables = await page.locator("table").evaluateAll((els) => els.filter((e) => e.checkVisibility()).length);
  // Figures that print (a "try it" block's figure is screen-only).
  const figures = await page.$$eval("figure.figure", (els) =>
    els
      .filter((el) => el.checkVisibility())
      .map((el) => ({
        title: el.querySelector(".figure-title")?.textContent ?? "",
        takeaway: el.querySelector(".figure-takeaway")?.textContent ?? "",
      }))
      .filter((f) => f.title && f.takeaway),
  );
  const pdf = join(OUT, `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true }));
  await context.close();
  for (const old of readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith(".png"))) rmSync(join(OUT, old));
  execFileSync("/usr/bin/pdftoppm", ["-png", "-r", "70", pdf, join(OUT, name)]);
  // -raw: text in the order the page drew it (the DOM order), not merged across a figure's two columns.
  const text = execFileSync("/usr/bin/pdftotext", ["-raw", "-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
  const pages = text.split("\f").slice(0, -1);
  return { pages, figures: figures.map((f) => ({ title: norm(f.title), takeaway: norm(f.takeaway) })), pdf, qr, tables };
}

/** The PDF page on which `needle` first appears at or after character `from` of the joined text. */
function locate(pages: string[], needle: string, from = 0): { page: number; at: number } | undefined {
  const joined = pages.map(norm);
  let offset = 0;
  const starts = joined.map((p) => {
    const s = offset;
    offset += p.length + 1;
    return s;
  });
  const all = joined.join(" ");
  const at = all.indexOf(needle, from);
  if (at < 0) return undefined;
  let page = 0;
  while (page + 1 < starts.length && starts[page + 1]! <= at) page++;
  return { page, at };
}

describe("print: an explainer as an A4 handout", () => {
  it("pdftoppm is installed (Debian poppler-utils)", () => {
    expect(existsSync("/usr/bin/pdftoppm") && existsSync("/usr/bin/pdftotext")).toBe(true);
  });

  it.each(explainers)(`%s prints to at most ${MAX_PAGES} well-filled A4 pages, figures whole, no chrome, with URL, QR, date and source URLs`, async (slug) => {
    const { pages, figures, pdf, qr, tables } = await printToPdf(`/explainers/${slug}/`, `explainer-${slug}`);
    expect(qr, "the QR code of the page prints").toBe(1);
    const pngs = readdirSync(OUT).filter((f) => f.startsWith(`explainer-${slug}-`) && f.endsWith(".png"));
    expect(pngs.length).toBe(pages.length);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length, `${pdf} has ${pages.length} pages`).toBeLessThanOrEqual(MAX_PAGES);
    const words = pages.map((p) => p.split(/\s+/).filter(Boolean).length);
    const total = words.reduce((a, b) => a + b, 0);
    expect(total / pages.length, `${pdf}: words per page ${words.join(", ")}`).toBeGreaterThanOrEqual(MIN_WORDS_PER_PAGE);
    words.slice(0, -1).forEach((n, i) => expect(n, `${pdf}: page ${i + 1} is nearly blank`).toBeGreaterThanOrEqual(MIN_WORDS_ON_A_PAGE));
    const info = execFileSync("/usr/bin/pdfinfo", [pdf], { encoding: "utf8" });
    // A4 is 595 x 842 points.
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 84[12](\.\d+)? pts \(A4\)/);

    const all = norm(pages.join(" "));
    for (const chrome of ["Skip to content", "Copy link", "Print handout", "Share…", "Copy embed code"]) expect(all, chrome).not.toContain(chrome);
    // Screen-only parts: controls, "try it" blocks, the builder's link, the data tables and their labels.
    for (const screenOnly of ["Try it yourself", "Link to this card", "Choose a grade for each area", "Change the model", "Show the data", "Charts in this explainer"]) {
      expect(all, screenOnly).not.toContain(screenOnly);
    }
    expect(tables, "data tables printed").toBe(0);
    expect(all).toContain(`/explainers/${slug}/`);
    const today = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    expect(all).toContain(`Printed on ${today}`);
    // Sources with web addresses print them, without "https://" and "www.": "(gov.uk/...)".
    expect(all).toMatch(/\((?:[a-z0-9-]+\.)+[a-z]{2,}\/[^)\s]*/);
    expect(all).not.toMatch(/\(https?:\/\//);

    // No figure split: its caption (title then takeaway) and its source line share one page. (A figure
    // floats to the next column when it does not fit, so figures are looked for from the start: on
    // paper one may come before the text, or the list figure, that precedes it in the page.)
    for (const f of figures) {
      const title = locate(pages, f.title.slice(0, 40));
      expect(title, `figure "${f.title}" is in the PDF`).toBeDefined();
      const takeaway = locate(pages, f.takeaway.slice(0, 40), title!.at);
      const source = locate(pages, "Source:", takeaway?.at ?? title!.at);
      expect(takeaway, `takeaway of "${f.title}"`).toBeDefined();
      expect(source, `source line of "${f.title}"`).toBeDefined();
      expect([takeaway!.page, source!.page], `figure "${f.title}" split across PDF pages`).toEqual([title!.page, title!.page]);
    }
  });

  // Every page that shows the timeline: the explainers whose MDX places it, and the chart's page.
  const timelinePages = [
    ...explainers.filter((slug) => readFileSync(`src/content/explainers/${slug}.mdx`, "utf8").includes('<Figure id="reform-timeline"')).map((slug) => [`/explainers/${slug}/`, `explainer-${slug}`]),
    ["/charts/reform-timeline/", "chart-reform-timeline"],
  ];
  it.each(timelinePages)(`%s prints the reform timeline readably: every event with its date, all its text at ${MIN_PRINT_PT} pt or more`, async (path, name) => {
    const rows = reformTimeline.select({ "reform-timeline": loadDataset("reform-timeline") });
    expect(rows.length, "events in data/reform-timeline.csv").toBeGreaterThanOrEqual(24);
    // An A4 sheet's width at 96 px to the inch, so that sizes set in % resolve much as on paper.
    const context = await browser.newContext({ viewport: { width: 794, height: 1123 } });
    const page = await context.newPage();
    await page.goto(base + path, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    // Each text that prints, at the size it prints: HTML at its computed size; SVG text at its computed
    // size times the drawing's scale (its printed width over its viewBox width). 1 pt = 4/3 px.
    const texts = await page.$eval('.figure[data-chart="reform-timeline"]', (figure) => {
      const out: { text: string; pt: number }[] = [];
      const walker = document.createTreeWalker(figure, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        const text = node.textContent?.trim();
        if (!el || !text || !el.checkVisibility() || el.getClientRects().length === 0) continue;
        let px = parseFloat(getComputedStyle(el).fontSize);
        if (el instanceof SVGElement) {
          if (!(el instanceof SVGTextContentElement)) continue; // <title>, <desc>: not drawn
          const svg = el.ownerSVGElement!;
          px *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        }
        out.push({ text: text.slice(0, 60), pt: px * 0.75 });
      }
      return out;
    });
    await context.close();
    expect(texts.length, "the timeline figure prints some text").toBeGreaterThan(rows.length);
    const small = texts.filter((t) => t.pt < MIN_PRINT_PT - 0.01).map((t) => `${t.pt.toFixed(1)} pt: ${t.text}`);
    expect.soft(small, `text printed under ${MIN_PRINT_PT} pt on ${path}`).toEqual([]);

    // Every event, with its date as a reader says it, is in the PDF (compared without spaces: a line
    // may break after a hyphen, "COVID-" / "19").
    const { pages } = await printToPdf(path, name);
    const printed = pages.join("").replace(/\s+/g, "");
    const missing = rows.filter((r) => !printed.includes(`${spokenDate(r)}${r.event}`.replace(/\s+/g, ""))).map((r) => `${spokenDate(r)}: ${r.event}`);
    expect(missing, `events missing from the printed ${path}`).toEqual([]);
  });

  it("printed from dark mode, a handout still uses the light palette, grade colours included", async () => {
    const context = await browser.newContext({ colorScheme: "dark" });
    const page = await context.newPage();
    await page.goto(`${base}/explainers/${explainers[0]}/`, { waitUntil: "load" });
    const read = () =>
      page.evaluate(() => {
        // Each variable resolved to rgb() through a probe element (CSSOM, allowed by the CSP).
        const probe = document.body.appendChild(document.createElement("span"));
        const v = (n: string) => {
          probe.style.color = `var(${n})`;
          return getComputedStyle(probe).color;
        };
        const out = { surface: v("--surface"), ink: v("--ink"), expected: v("--grade-card-expected-standard"), good: v("--grade-old-good"), body: getComputedStyle(document.body).backgroundColor };
        probe.remove();
        return out;
      });
    const screen = await read();
    expect(screen.surface, "dark on screen").not.toBe("rgb(255, 255, 255)");
    await page.emulateMedia({ media: "print", colorScheme: "dark" });
    const printed = await read();
    const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;
    expect(printed).toEqual({
      surface: "rgb(255, 255, 255)",
      ink: "rgb(0, 0, 0)",
      expected: rgb(REPORT_CARD_GRADES.find((g) => g.key === "expected-standard")!.colour.light),
      good: rgb(OLD_GRADES.find((g) => g.key === "good")!.colour.light),
      body: "rgb(255, 255, 255)",
    });
    await context.close();
  });

  it("a chart page prints as a one- or two-page handout with the chart whole and no embed code", async () => {
    const chart = CHARTS[0]!;
    const { pages, figures } = await printToPdf(`/charts/${chart.id}/`, `chart-${chart.id}`);
    expect(pages.length).toBeLessThanOrEqual(3);
    expect(figures.length).toBe(1);
    const all = norm(pages.join(" "));
    expect(all).not.toContain("<iframe");
    expect(all).not.toContain("Copy embed code");
    const title = locate(pages, figures[0]!.title.slice(0, 40))!;
    const source = locate(pages, "Source:", title.at)!;
    expect(source.page).toBe(title.page);
  });
});

async function searchResults(page: Page): Promise<string[]> {
  await page.locator("[data-search-results] a").first().waitFor({ timeout: 15_000 });
  return page.$$eval("[data-search-results] a", (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

describe("site search (Pagefind)", () => {
  it("the Pagefind index was built into the site", () => {
    expect(existsSync(join(DIST, "pagefind/pagefind.js")), `run \`npx pagefind --site ${DIST}\` after the build`).toBe(true);
  });

  it('"safeguarding" on /search/ finds the how-to-read-a-report-card explainer, with no request leaving our origin', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const foreign: string[] = [];
    page.on("request", (r) => {
      if (!r.url().startsWith(base) && !r.url().startsWith("data:")) foreign.push(r.url());
    });
    await page.goto(`${base}/search/`);
    await page.locator("main").getByLabel("Search explainers, charts and data").fill("safeguarding");
    await page.keyboard.press("Enter");
    const results = await searchResults(page);
    expect(results).toContain("/explainers/how-to-read-a-report-card/");
    await expect(page.locator("[data-search-status]").textContent()).resolves.toMatch(/\d+ results? for “safeguarding”/);
    expect(new URL(page.url()).searchParams.get("q")).toBe("safeguarding");
    expect(foreign).toEqual([]);
    await context.close();
  });

  it.each(CHARTS.map((c) => [c.id, c.title] as const))("the header search box finds chart %s by its title", async (id, title) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/`);
    const box = page.locator('header form[role="search"] input[name="q"]');
    await box.fill(title);
    await box.press("Enter");
    await page.waitForURL(/\/search\/\?q=/);
    const results = await searchResults(page);
    expect(results.slice(0, 5)).toContain(`/charts/${id}/`);
    await context.close();
  });

  it("is keyboard usable: ArrowDown moves from the box into the results, Enter opens one", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/search/?q=report%20card`);
    const first = await searchResults(page);
    await page.locator("main input[name=q]").focus();
    await page.keyboard.press("ArrowDown");
    await expect(page.evaluate(() => new URL((document.activeElement as HTMLAnchorElement).href).pathname)).resolves.toBe(first[0]);
    if (first.length > 1) {
      await page.keyboard.press("ArrowDown");
      await expect(page.evaluate(() => new URL((document.activeElement as HTMLAnchorElement).href).pathname)).resolves.toBe(first[1]);
      await page.keyboard.press("ArrowUp");
    }
    await page.keyboard.press("Enter");
    await page.waitForURL((u) => u.pathname === first[0]);
    await context.close();
  });

  it("a missing page offers a search for the words of its address, which finds results", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`${base}/explainers/report-card-safeguarding/`);
    expect(response?.status()).toBe(404);
    const box = page.locator("main #not-found-search");
    await expect(box.inputValue()).resolves.toBe("report card safeguarding");
    await box.press("Enter");
    await page.waitForURL(/\/search\/\?q=report\+card\+safeguarding/);
    expect((await searchResults(page)).length).toBeGreaterThan(0);
    await context.close();
  });

  it("the index gives clean excerpts, one result per page and thing, each with its page's summary, and no embed pages", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}/search/`);
    const queries = ["Ruth Perry", "secondary source", "strong standard", "timeline", "safeguarding", "report card", "good or outstanding", "expected standard", "overall effectiveness", "Schools Week", "David Scott", "sources checked", ...CHARTS.map((c) => c.title)];
    // A string, so vitest does not rewrite the browser's dynamic import().
    const results: { q: string; url: string; excerpt: string; summary: string | undefined }[] = await page.evaluate(`(async (qs) => {
      const pf = await import("/pagefind/pagefind.js");
      const out = [];
      for (const q of qs) {
        const found = await pf.search(q);
        for (const r of found.results) {
          const d = await r.data();
          out.push({ q, url: d.url, excerpt: d.excerpt.replace(/<\\/?mark>/g, ""), summary: d.meta.summary });
        }
      }
      return out;
    })(${JSON.stringify(queries)})`);
    expect(results.length).toBeGreaterThan(queries.length);
    const descriptions = new Map<string, string>();
    for (const r of results) {
      expect(r.url, "embeds, home and search are not indexed").toMatch(/^\/(explainers|charts|data)\/[a-z0-9-]+\/$/);
      // Badges glued to words ("coveragesecondary source"), grade symbols, tables' and controls' labels stay out.
      expect(r.excerpt, `${r.url} for "${r.q}"`).not.toMatch(/[a-z]secondary source|[★▲●▼✕✓]|Show the data|All charts|Choose a grade|Change the model/);
      if (!descriptions.has(r.url)) {
        const html = await (await fetch(base + r.url)).text();
        descriptions.set(r.url, /<meta name="description" content="([^"]*)"/.exec(html)![1]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
      }
      expect(r.summary, `${r.url} has its description as the result's summary`).toBe(descriptions.get(r.url));
    }
    for (const q of queries) {
      const mine = results.filter((r) => r.q === q);
      expect(new Set(mine.map((r) => r.url)).size, `one result per page for "${q}"`).toBe(mine.length);
      expect(new Set(mine.map((r) => r.excerpt)).size, `no two results read the same for "${q}": ${mine.map((r) => r.url).join(", ")}`).toBe(mine.length);
    }
    // A chart and its dataset are two things, and read differently.
    const chart = results.find((r) => r.q === "Ruth Perry" && r.url === "/charts/reform-timeline/");
    const dataset = results.find((r) => r.q === "Ruth Perry" && r.url === "/data/reform-timeline/");
    if (chart && dataset) expect(chart.excerpt).not.toBe(dataset.excerpt);
    await context.close();
  });

  it("with JavaScript off, the search page says search needs JavaScript and links to the explainers", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/search/?q=safeguarding`);
    const note = page.locator("[data-search-nojs]");
    await expect(note.isVisible()).resolves.toBe(true);
    await expect(note.textContent()).resolves.toContain("needs JavaScript");
    await expect(note.locator('a[href="/explainers/"]').count()).resolves.toBe(1);
    await context.close();
  });
});

describe("share bar", () => {
  it("shows copy link and print where the browser supports them, and Copy link puts the page's address on the clipboard", async () => {
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    const slug = explainers[0]!;
    await page.goto(`${base}/explainers/${slug}/`);
    const bar = page.locator("[data-share]").first();
    await expect(bar.locator('[data-share-action="copy"]').isVisible()).resolves.toBe(true);
    await expect(bar.locator('[data-share-action="print"]').isVisible()).resolves.toBe(true);
    await expect(bar.locator('[data-share-action="email"]').isVisible()).resolves.toBe(true);
    await bar.locator('[data-share-action="copy"]').click();
    await page.waitForFunction(() => document.querySelector(".share-status")?.textContent === "Link copied.");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(copied).pathname).toBe(`/explainers/${slug}/`);
    await context.close();
  });

  it("on a chart page, Copy image writes the chart PNG to the clipboard", async () => {
    const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto(`${base}/charts/${CHARTS[0]!.id}/`);
    const button = page.locator('[data-share-action="image"]');
    await expect(button.isVisible()).resolves.toBe(true);
    await button.click();
    await page.waitForFunction(() => /copied|Could not/.test(document.querySelector(".share-status")?.textContent ?? ""), null, { timeout: 10_000 });
    await expect(page.locator(".share-status").textContent()).resolves.toBe("Chart image copied.");
    const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((i) => i.types));
    expect(types).toContain("image/png");
    await context.close();
  });

  it("with JavaScript off, only the email link shows (it needs no script)", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/explainers/${explainers[0]}/`);
    const visible = await page.locator("[data-share] [data-share-action]:visible").evaluateAll((els) => els.map((e) => e.getAttribute("data-share-action")));
    expect(visible).toEqual(["email"]);
    await context.close();
  });
});
