/**
 * The reader's screen, in Chromium against dist/:
 *  - the first minute: home and the lead explainer show one old word beside a report card within
 *    the first screen of a 375 x 667 phone (and the card starts within it at 320);
 *  - the report-card builder on a phone: after a grade changes, the changed row of the card and the
 *    old-word verdict are both on screen (375 x 667, and side by side at 1,280); as an embed at
 *    320 px it is far shorter than the 3,016 px it was;
 *  - a visual index: home and /charts/ show each listed chart's thumbnail (its build-time SVG as a
 *    lazy <img>), which loads and draws;
 *  - the 404 page survives a malformed % escape in the path (no uncaught URIError);
 *  - a 5,000-character unbroken word wraps instead of widening the page.
 */
import { describe, expect, inject, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { CHARTS } from "../../src/render/charts.ts";
import type { Page } from "playwright-core";
import { useBrowser } from "../support/browser.ts";

const base = inject("baseUrl");
const browser = useBrowser();

/** The lead explainer: the lowest `order:` in the MDX frontmatter (the home page's "Start here"). */
const lead = readdirSync("src/content/explainers")
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => ({ slug: f.replace(/\.mdx$/, ""), order: Number(/^order:\s*(-?\d+)/m.exec(readFileSync(`src/content/explainers/${f}`, "utf8"))?.[1]) }))
  .sort((a, b) => a.order - b.order)[0]!.slug;

async function open(path: string, width: number, height = 667, scheme: "light" | "dark" = "light"): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
  const page = await context.newPage();
  await page.goto(base + path, { waitUntil: "load" });
  return page;
}

describe("the first minute: one word beside a report card", () => {
  it.each([
    ["/", 375],
    [`/explainers/${lead}/`, 375],
    ["/", 320],
    [`/explainers/${lead}/`, 320],
  ] as const)("%s at %i x 667 shows the old word and a report card in the first screen", async (path, width) => {
    const page = await open(path, width);
    const word = await page.locator("[data-before-after] [data-old-grade]").boundingBox();
    const card = page.locator("[data-before-after] .report-card");
    await expect(card.count()).resolves.toBe(1);
    const box = (await card.boundingBox())!;
    const rows = await card.locator(".report-card-row").count();
    expect(rows).toBeGreaterThanOrEqual(7); // safeguarding and the six core areas
    expect(word!.y + word!.height, "old word inside the first screen").toBeLessThanOrEqual(667);
    // At 375 the whole card is on the first screen; at 320 at least safeguarding and three areas are.
    if (width >= 375) expect(box.y + box.height, "card bottom inside the first screen").toBeLessThanOrEqual(667);
    else {
      const fourth = (await card.locator(".report-card-row").nth(3).boundingBox())!;
      expect(fourth.y + fourth.height).toBeLessThanOrEqual(667);
    }
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(width);
    await page.context().close();
  });

  it("the old word is the builder's reading of the card shown (a card with nothing below expected reads as Good)", async () => {
    const page = await open("/", 1280, 800);
    const grades = await page.locator("[data-before-after] .report-card-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-grade")));
    expect(grades).not.toContain("needs-attention");
    expect(grades).not.toContain("urgent-improvement");
    expect(grades[0]).toBe("met");
    await expect(page.locator("[data-before-after] [data-old-grade]").getAttribute("data-old-grade")).resolves.toBe("good");
    await page.context().close();
  });

  it("other explainers do not repeat it", async () => {
    const other = readdirSync("src/content/explainers").map((f) => f.replace(/\.mdx$/, "")).find((s) => s !== lead)!;
    const page = await open(`/explainers/${other}/`, 375);
    await expect(page.locator("[data-before-after]").count()).resolves.toBe(0);
    await page.context().close();
  });
});

describe("the report-card builder on a phone", () => {
  const inView = async (page: Page, selector: string) => {
    const box = (await page.locator(selector).first().boundingBox())!;
    const vh = page.viewportSize()!.height;
    return box.y >= 0 && box.y + box.height <= vh && box.height > 0;
  };

  it.each([
    [375, 667],
    [320, 568],
    [1280, 800],
  ] as const)("at %i x %i the card and the verdict stay in view while each grade changes", async (width, height) => {
    const page = await open("/charts/report-card-builder/", width, height);
    await page.locator("[data-report-card-builder]").scrollIntoViewIfNeeded();
    await page.waitForSelector("[data-report-card-builder][data-enhanced] fieldset:not([disabled])");
    // Work down the card as a reader would, last rows included.
    for (const [name, value, word] of [
      ["inclusion", "strong-standard", "Requires improvement"],
      ["attendance-and-behaviour", "expected-standard", "Good"],
      ["leadership-and-governance", "urgent-improvement", "Inadequate"],
    ] as const) {
      const select = page.locator(`select[name="${name}"]`);
      await select.scrollIntoViewIfNeeded();
      await select.selectOption(value);
      await expect(page.locator("[data-rcb-word]").textContent()).resolves.toBe(word);
      expect(await inView(page, "[data-rcb-word]"), `verdict in view after ${name}`).toBe(true);
      // The card's line for that area: the select itself on a phone (the controls are the card), the live card's row side by side.
      const row = width < 760 ? `select[name="${name}"]` : `[data-rcb-card] .report-card-row[data-area="${name}"]`;
      expect(await inView(page, row), `card line for ${name} in view`).toBe(true);
      if (width >= 760) await expect(page.locator(`[data-rcb-card] .report-card-row[data-area="${name}"]`).getAttribute("data-grade")).resolves.toBe(value);
    }
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(width);
    await page.context().close();
  });

  it("a phone's card shows each grade's colour beside its select", async () => {
    const page = await open("/charts/report-card-builder/", 375);
    await page.locator("[data-report-card-builder]").scrollIntoViewIfNeeded();
    await page.waitForSelector("[data-report-card-builder][data-enhanced] fieldset:not([disabled])");
    await page.locator('select[name="achievement"]').selectOption("needs-attention");
    const swatch = await page.locator('select[name="achievement"]').evaluate((s) => getComputedStyle(s.parentElement!, "::after").backgroundColor);
    const expected = await page.evaluate(() => {
      const probe = document.body.appendChild(document.createElement("span"));
      probe.style.color = "var(--grade-card-needs-attention)";
      const c = getComputedStyle(probe).color;
      probe.remove();
      return c;
    });
    expect(swatch).toBe(expected);
    await page.context().close();
  });

  it.each([
    ["/charts/report-card-builder/", 320],
    ["/charts/report-card-builder/", 360],
    ["/charts/report-card-builder/", 375],
    ["/charts/report-card-builder/", 414],
    ["/embed/report-card-builder/", 320],
    ["/embed/report-card-builder/", 375],
  ] as const)("%s at %i px: no area name or legend breaks inside a word ('Safeguardi / ng'; after a hyphen is fine)", async (path, width) => {
    const page = await open(path, width);
    await page.locator("[data-report-card-builder]").scrollIntoViewIfNeeded();
    await page.waitForSelector("[data-report-card-builder][data-enhanced] fieldset:not([disabled])");
    const broken = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of Array.from(document.querySelectorAll("[data-report-card-builder] label, [data-report-card-builder] legend"))) {
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          for (const m of (node.textContent ?? "").matchAll(/[^\s-]+/g)) {
            const range = document.createRange();
            range.setStart(node, m.index!);
            range.setEnd(node, m.index! + m[0].length);
            const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (lines.size > 1) out.push(`"${m[0]}" over ${lines.size} lines`);
          }
        }
      }
      return out;
    });
    expect(broken).toEqual([]);
    await page.context().close();
  });

  it("as an embed at 320 px it is far shorter than before (3,016 px)", async () => {
    const page = await open("/embed/report-card-builder/", 320);
    await page.waitForSelector("[data-report-card-builder][data-enhanced]");
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`report-card-builder embed at 320 px: ${height} px tall`);
    expect(height).toBeLessThan(3016 * 0.75);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(320);
    await page.context().close();
  });
});

describe("a visual index of the charts", () => {
  it.each([
    ["/charts/", CHARTS.length],
    ["/", Math.min(6, CHARTS.length)],
  ] as const)("%s shows a thumbnail for each chart it lists, lazy, sized and drawn", async (path, count) => {
    const page = await open(path, 375);
    const thumbs = page.locator("img.chart-thumb");
    await expect(thumbs.count()).resolves.toBe(count);
    const attrs = await thumbs.evaluateAll((imgs) => imgs.map((i) => ({ src: i.getAttribute("src"), loading: i.getAttribute("loading"), w: i.getAttribute("width"), h: i.getAttribute("height"), alt: i.getAttribute("alt") })));
    for (const a of attrs) {
      expect(a.src).toMatch(/^\/charts\/[a-z0-9-]+\/chart\.svg$/);
      expect(a).toMatchObject({ loading: "lazy", alt: "" });
      expect(Number(a.w) > 0 && Number(a.h) > 0).toBe(true);
    }
    for (let i = 0; i < count; i++) {
      const img = thumbs.nth(i);
      await img.scrollIntoViewIfNeeded();
      await page.waitForFunction((el) => (el as HTMLImageElement).complete, await img.elementHandle());
      const drawn = await img.evaluate((el) => ({ natural: (el as HTMLImageElement).naturalWidth, width: el.getBoundingClientRect().width }));
      expect(drawn.natural, attrs[i]!.src!).toBeGreaterThan(0);
      expect(drawn.width).toBeGreaterThanOrEqual(100);
    }
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(375);
    await page.context().close();
  });
});

describe("robust pages", () => {
  it("the 404 page survives a malformed % escape in its path and still offers a search", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(`${e.name}: ${e.message}`));
    const response = await page.goto(`${base}/explainers/report%zzcards%E0%A4%A/`);
    expect(response?.status()).toBe(404);
    await page.waitForLoadState("load");
    await page.waitForTimeout(200);
    expect(errors).toEqual([]);
    await expect(page.locator("main #not-found-search").inputValue()).resolves.toMatch(/report/);
    await context.close();
  });

  it.each([320, 375, 1280])("a 5,000-character unbroken word wraps instead of widening the page at %i px", async (width) => {
    const page = await open(`/explainers/${lead}/`, width);
    const long = "Ab".repeat(2500);
    // The places a long school or dataset name lands: headings, list links, report-card caption, definition lists.
    await page.evaluate((w) => {
      const main = document.querySelector("main")!;
      main.insertAdjacentHTML(
        "afterbegin",
        `<h1 data-long>${w}</h1><p data-long>${w}</p><ul class="list-plain"><li><a data-long href="#">${w}</a></li></ul>` +
          `<ul class="school-la-list"><li><a data-long href="#">${w}</a></li></ul><ol class="search-results list-plain"><li><h2><a data-long href="#">${w}</a></h2><p>${w}</p></li></ol>` +
          `<dl class="school-facts"><div><dt>Name</dt><dd data-long>${w}</dd></div></dl>` +
          `<section class="report-card"><header class="report-card-head"><p class="report-card-caption" data-long>${w}</p></header></section>`,
      );
    }, long);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBe(width);
    const widest = await page.locator("[data-long]").evaluateAll((els) => Math.max(...els.map((e) => e.getBoundingClientRect().right)));
    expect(widest).toBeLessThanOrEqual(width);
    await page.context().close();
  });
});
