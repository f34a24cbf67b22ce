/**
 * A reader's phone, in Chromium against dist/ (and the fixture site with school and area pages):
 *  - the header's section links sit on one row at 320 and 375 px whichever section is current (the
 *    current one is bold), so the header is the same height on every page; with the Schools link too
 *    at 375 px; Tab goes through the header in the order it is drawn (name, Search, then the links);
 *  - no element is wider than a 320 px screen on any page type (home, indexes, explainers, chart
 *    pages, embeds, datasets, search, corrections, about, accessibility, 404, school and area pages);
 *  - the report-card builder shows no "hover over a point" cue once its drawing gives way to the
 *    live card (there is no point to hover), and a grade reached by Tab is never hidden under the
 *    verdict stuck to the bottom of a phone's screen;
 *  - the report-card samples chart keeps each grade's symbol beside its share on the same line;
 *  - a wide table's caption wraps within its sideways-scrolling box at 320 px instead of running out of
 *    sight past its right edge (chart data tables, dataset rows, a school's comparison);
 *  - a dataset page printed on A4 keeps every column of its rows on the paper (the rows on landscape
 *    pages), without the screen's "scroll it sideways" cue.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
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

/** A phone as the brief describes one: touch, 2x pixels, light or dark. */
const phone = (url: string, width: number, scheme: "light" | "dark" = "light"): Promise<Page> => openPhone(browser, url, width, scheme);

const SITE_PAGES = [
  "/",
  "/explainers/",
  "/explainers/many-more-ways-to-fail/",
  "/explainers/timeline/",
  "/charts/",
  "/charts/good-or-outstanding-over-time/",
  "/charts/ways-to-fail/",
  "/charts/report-card-builder/",
  "/charts/reform-timeline/",
  "/embed/good-or-outstanding-over-time/",
  "/embed/ways-to-fail/",
  "/data/",
  "/data/overall-effectiveness/",
  "/search/",
  "/corrections/",
  "/about/",
  "/accessibility/",
  "/no-such-page/",
];
const SCHOOL_PAGES = ["/schools/", "/schools/100004/", "/areas/", "/areas/la/camden/", "/areas/constituency/camden-vale/"];

/** The header's rows of section links and its height. */
async function navRows(page: Page): Promise<{ rows: number; height: number; links: string[] }> {
  return page.evaluate(() => {
    const items = [...document.querySelectorAll(".site-nav li")];
    return {
      rows: new Set(items.map((li) => Math.round(li.getBoundingClientRect().top))).size,
      height: Math.round(document.querySelector(".site-header")!.getBoundingClientRect().height),
      links: items.map((li) => li.textContent!.trim()),
    };
  });
}

describe("the header on a phone", () => {
  const withHeader = SITE_PAGES.filter((p) => !p.startsWith("/embed/"));
  it.each([320, 375])("at %i px the section links sit on one row on every page, whichever is current, so the header keeps one height", async (width) => {
    const seen: string[] = [];
    const heights = new Set<number>();
    for (const path of withHeader) {
      const page = await phone(base + path, width);
      const { rows, height } = await navRows(page);
      heights.add(height);
      if (rows !== 1) seen.push(`${path}: ${rows} rows, header ${height} px`);
      await page.context().close();
    }
    expect(seen).toEqual([]);
    expect([...heights]).toHaveLength(1);
  });

  it("at 375 px with the Schools link (a site with imported schools) the five links still sit on one row", async () => {
    for (const path of ["/schools/", "/explainers/", "/areas/"]) {
      const page = await phone(schools.url + path, 375);
      const { rows, links } = await navRows(page);
      expect(links).toContain("Schools");
      expect(rows, path).toBe(1);
      await page.context().close();
    }
  });
});

describe("every area page on a 320 px phone (the fixture site's regions, local authorities and constituencies)", () => {
  it("no page is wider than the screen (a long one-word place name heading a table pushed Northumberland's 16 px past it)", async () => {
    const dist = inject("schoolsDist");
    const paths = ["region", "la", "constituency"].flatMap((kind) =>
      existsSync(join(dist, "areas", kind)) ? readdirSync(join(dist, "areas", kind)).map((slug) => `/areas/${kind}/${slug}/`) : [],
    );
    expect(paths.length).toBeGreaterThan(10);
    const context = await browser.newContext({ viewport: { width: 320, height: 800 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const wide: string[] = [];
    for (const path of paths) {
      await page.goto(schools.url + path, { waitUntil: "load" });
      if (await page.locator('meta[http-equiv="refresh"]').count()) continue; // a renamed area's forwarding page
      const r = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, vw: document.documentElement.clientWidth }));
      if (r.scroll > r.vw) wide.push(`${path} ${r.scroll - r.vw} px too wide`);
    }
    expect(wide).toEqual([]);
    await context.close();
  });
});

describe("keyboard focus in the phone header", () => {
  it("at 375 px Tab follows the header as drawn: the site's name, Search beside it, then the section links below", async () => {
    const page = await phone(base + "/charts/good-or-outstanding-over-time/", 375);
    const order: { text: string; top: number; left: number }[] = [];
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press("Tab");
      order.push(await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const r = el.getBoundingClientRect();
        return { text: el.textContent!.trim(), top: Math.round(r.top), left: Math.round(r.left) };
      }));
    }
    expect(order.map((o) => o.text)).toEqual(["Skip to content", "Beyond One Word", "Search", "Explainers", "Charts", "Data", "About"]);
    // Reading order: never back up to an earlier row.
    for (let i = 2; i < order.length; i++) expect(order[i]!.top, order[i]!.text).toBeGreaterThanOrEqual(order[i - 1]!.top);
    await page.context().close();
  });
});

describe("nothing wider than a 320 px phone", () => {
  it.each([
    ...SITE_PAGES.map((p) => [p, "site"] as const),
    ...SCHOOL_PAGES.map((p) => [p, "schools"] as const),
  ])("%s (%s build): no element reaches past the screen's edges, light and dark", async (path, build) => {
    for (const scheme of ["light", "dark"] as const) {
      const page = await phone((build === "site" ? base : schools.url) + path, 320, scheme);
      const wide = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        const out: string[] = [];
        for (const el of document.querySelectorAll<HTMLElement>("body *")) {
          const r = el.getBoundingClientRect();
          if (r.width === 0 || (r.right <= vw + 0.5 && r.left >= -0.5)) continue;
          // Inside a box that scrolls sideways on purpose (a wide table, the embed code) and itself fits.
          let clipped = false;
          for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
            const pr = p.getBoundingClientRect();
            if (getComputedStyle(p).overflowX !== "visible" && pr.right <= vw + 0.5 && pr.left >= -0.5) {
              clipped = true;
              break;
            }
          }
          if (!clipped && !el.closest(".visually-hidden, .skip-link")) out.push(`${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""} ${Math.round(r.left)}..${Math.round(r.right)}`);
        }
        return { scroll: document.documentElement.scrollWidth, vw, out: out.slice(0, 5) };
      });
      expect(wide.out, `${path} (${scheme})`).toEqual([]);
      expect(wide.scroll, `${path} (${scheme})`).toBe(wide.vw);
      await page.context().close();
    }
  });
});

describe("the report-card builder's live card", () => {
  it.each([
    ["/charts/report-card-builder/", 320],
    ["/charts/report-card-builder/", 1280],
    ["/explainers/many-more-ways-to-fail/", 375],
  ] as const)("%s at %i px: once the card replaces the drawing, no cue tells the reader to hover over or tap a point", async (path, width) => {
    const page = await phone(base + path, width);
    const figure = page.locator('.figure[data-chart="report-card-builder"]');
    await figure.scrollIntoViewIfNeeded();
    await expect.poll(() => figure.locator(".chart[data-chart-plot]").evaluate((el) => (el as HTMLElement).hidden), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => figure.locator("[data-rcb-card]").evaluate((el) => (el as HTMLElement).hidden)).toBe(false);
    const cues = await figure.locator(".chart-cue").evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => e.textContent));
    expect(cues).toEqual([]);
    await page.context().close();
  });

  it.each([
    ["/charts/report-card-builder/", 375, 667],
    ["/charts/report-card-builder/", 320, 568],
    ["/explainers/many-more-ways-to-fail/", 375, 667],
  ] as const)("%s at %i x %i: a grade reached by Tab is never hidden under the old word stuck to the bottom of the screen (WCAG 2.4.11)", async (path, width, height) => {
    const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(base + path, { waitUntil: "load" });
    await page.locator("[data-report-card-builder]").scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector("[data-report-card-builder]")?.hasAttribute("data-enhanced"));
    await page.evaluate(() => window.scrollTo(0, 0));
    const covered: string[] = [];
    let selects = 0;
    for (let i = 0; i < 60 && selects < 9; i++) {
      await page.keyboard.press("Tab");
      const r = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        if (el.tagName !== "SELECT" || !el.closest("[data-report-card-builder]")) return null;
        const a = el.getBoundingClientRect();
        const b = document.querySelector("[data-rcb-card]")!.getBoundingClientRect();
        return { id: el.id, overlap: Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)) };
      });
      if (!r) continue;
      selects++;
      if (r.overlap > 0) covered.push(`${r.id}: ${Math.round(r.overlap)} px under the verdict`);
    }
    expect(selects).toBe(9);
    expect(covered).toEqual([]);
    await context.close();
  });

  it("a static chart still shows its cue (the rule is only for the hidden drawing)", async () => {
    const page = await phone(base + "/charts/good-or-outstanding-over-time/", 375);
    await expect.poll(() => page.locator(".chart-cue").evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length)).toBe(1);
    await page.context().close();
  });
});

describe("report-card samples: each share beside its grade's symbol", () => {
  it.each([320, 375, 1280])("at %i px no line of the drawn shares ends with a symbol or starts with a share", async (width) => {
    const page = await phone(base + "/charts/report-card-samples/", width);
    const lines = await page.evaluate(() => {
      const svg = [...document.querySelectorAll<SVGSVGElement>(".figure .chart svg.plot")].find((s) => s.getBoundingClientRect().width > 0)!;
      return [...svg.querySelectorAll("text")].flatMap((t) => {
        const spans = t.querySelectorAll("tspan");
        return spans.length ? [...spans].map((s) => s.textContent ?? "") : [t.textContent ?? ""];
      });
    });
    const symbols = /[★▲●▼✕×]/u;
    const valueLines = lines.filter((l) => /%/.test(l));
    expect(valueLines.length).toBeGreaterThan(0);
    for (const line of valueLines) {
      expect(line.trim(), line).not.toMatch(new RegExp(`${symbols.source}$`, "u"));
      expect(line.trim(), line).not.toMatch(/^\d/);
    }
    await page.context().close();
  });
});

describe("table captions on a 320 px phone", () => {
  it.each([
    ["/charts/good-or-outstanding-over-time/", "site"],
    ["/charts/ways-to-fail/", "site"],
    ["/data/overall-effectiveness/", "site"],
    ["/schools/100004/", "schools"],
  ] as const)("%s: every caption's words stay inside its scroll box, before and after the table is scrolled sideways", async (path, build) => {
    const page = await phone((build === "site" ? base : schools.url) + path, 320);
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    const outside = () =>
      page.evaluate(() =>
        [...document.querySelectorAll(".table-scroll caption")].flatMap((c) => {
          const box = c.closest(".table-scroll")!.getBoundingClientRect();
          const range = document.createRange();
          range.selectNodeContents(c);
          const text = range.getBoundingClientRect();
          return text.left < box.left - 0.5 || text.right > box.right + 0.5 ? [`"${c.textContent!.slice(0, 40)}…" ${Math.round(text.left)}..${Math.round(text.right)} in ${Math.round(box.left)}..${Math.round(box.right)}`] : [];
        }),
      );
    expect(await page.locator(".table-scroll caption").count()).toBeGreaterThan(0);
    expect(await outside()).toEqual([]);
    await page.evaluate(() => document.querySelectorAll(".table-scroll").forEach((b) => (b.scrollLeft = b.scrollWidth)));
    expect(await outside()).toEqual([]);
    await page.context().close();
  });
});

describe("a dataset page on paper", () => {
  it.each(["/data/overall-effectiveness/", "/data/polls/", "/data/reform-timeline/"])("%s prints every column of its rows within the page, the rows on landscape A4, and no 'scroll it sideways' cue", async (path) => {
    const page = await phone(base + path, 375);
    // The rows' printed pages: landscape A4 less print.css's 11 mm side margins, 275 mm at 96 px per inch.
    await page.setViewportSize({ width: Math.floor((275 / 25.4) * 96), height: 1100 });
    await page.emulateMedia({ media: "print" });
    const r = await page.evaluate(() => {
      const table = document.querySelector<HTMLElement>("table.provenance")!;
      const cells = [...table.querySelectorAll("th, td")].map((c) => c.getBoundingClientRect().right);
      const cue = document.querySelector<HTMLElement>(".scroll-cue");
      return { right: Math.max(...cells), width: document.documentElement.clientWidth, cue: cue ? cue.getClientRects().length > 0 : false };
    });
    expect(r.right).toBeLessThanOrEqual(r.width + 0.5);
    expect(r.cue).toBe(false);
    // And Chromium really prints them across the page: the first page (title, checks) upright, then landscape.
    const pdf = join(mkdtempSync(join(tmpdir(), "review-phone-")), "rows.pdf");
    writeFileSync(pdf, await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true }));
    const info = execFileSync("/usr/bin/pdfinfo", ["-f", "1", "-l", "99", pdf], { encoding: "utf8" });
    const landscape = [...info.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => Number(m[1]) > Number(m[2]));
    expect(landscape[0]).toBe(false);
    expect(landscape.filter(Boolean).length).toBeGreaterThan(0);
    await page.context().close();
  });
});
