/**
 * The interactive charts in Chromium: ways-to-fail and report-card-builder work by keyboard alone,
 * keep their state in the URL, ignore hostile query strings, load their code only near the
 * viewport, and keep each page's JavaScript small.
 */
import { describe, expect, inject, it } from "vitest";
import { gzipSync } from "node:zlib";
import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "playwright-core";
import { useBrowser } from "../support/browser.ts";
import { formatCorrelation, formatPct, waysToFail } from "../../src/lib/ways-to-fail.ts";
import { loadDataset } from "../../src/render/load.ts";

const base = inject("baseUrl");
const WTF = "/charts/ways-to-fail/";
const RCB = "/charts/report-card-builder/";
const browser = useBrowser();

async function open(path: string, options: { width?: number; js?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; dialogs: string[] }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, javaScriptEnabled: options.js ?? true });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(base + path);
  return { context, page, dialogs };
}

/** Waits until the chart's script has enabled its controls. */
async function ready(page: Page, root: string): Promise<void> {
  await page.locator(`${root}[data-enhanced="true"] fieldset:not([disabled])`).waitFor({ timeout: 10_000 });
}

/** The figure's tooltip script (chart-points) has run: with preloaded modules it can finish after the controls. */
async function charted(page: Page): Promise<void> {
  await page.locator('figure [data-chart-plot][data-enhanced="true"]').first().waitFor({ state: "attached", timeout: 10_000 });
}

const sentence = (page: Page) => page.locator("[data-wtf-sentence]").textContent();
const dotYs = (page: Page) => page.locator(".chart-at-576 g.marks > circle").evaluateAll((els) => els.map((e) => Number(e.getAttribute("cy"))));

describe("with JavaScript off", () => {
  it.each([
    [WTF, 10],
    [RCB, 9],
  ])("%s shows a complete SVG (%i marks), the default sentence and disabled controls", async (path, marks) => {
    for (const width of [375, 1280]) {
      const { context, page } = await open(path, { width, js: false });
      const svg = page.locator("figure svg.plot:visible");
      await expect(svg.count()).resolves.toBe(1);
      await expect(svg.locator("g.marks > *").count()).resolves.toBe(marks);
      await expect(page.locator("figure fieldset[disabled]").count()).resolves.toBe(1);
      await context.close();
    }
  });
});

describe("ways-to-fail by keyboard", () => {
  it("each slider changes with the arrow keys, and the sentence, marks and URL follow", async () => {
    const { context, page } = await open(WTF);
    await ready(page, "[data-ways-to-fail]");
    expect(await sentence(page)).toContain(`With 6 areas each with a 5% chance of a grade below expected, the chance that at least one is below expected is ${formatPct(100 * waysToFail(6, 0.05, 0.5))}, modelled. That is with a correlation of 0.5 between areas.`);
    const before = await dotYs(page);

    await page.locator("#wtf-areas").focus();
    await page.keyboard.press("ArrowRight");
    expect(await sentence(page)).toContain("With 7 areas each with a 5% chance");
    await expect(page.locator('[data-output="areas"]').textContent()).resolves.toBe("7");
    await expect(page.locator("#wtf-areas").getAttribute("aria-valuetext")).resolves.toBe("7 areas");
    await expect(page.locator(".chart-at-576 g.wtf-selected-label text").textContent()).resolves.toBe(formatPct(100 * waysToFail(7, 0.05, 0.5)));

    // Tab reaches the next slider (the rate's hint has a link after it)
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("wtf-rate");
    for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
    expect(await sentence(page)).toContain("With 7 areas each with a 10% chance");
    const afterRate = await dotYs(page);
    expect(afterRate.every((y, i) => y < before[i]!)).toBe(true); // a higher chance moves every point up
    expect(afterRate[9]!).toBeLessThan(before[9]! - 10);

    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("wtf-correlation");
    await page.keyboard.press("Home");
    const expected = formatPct(100 * waysToFail(7, 0.1, 0));
    expect(await sentence(page)).toContain(`the chance that at least one is below expected is ${expected}, modelled. That is with a correlation of 0 between areas.`);
    expect(expected).toBe(formatPct(100 * (1 - 0.9 ** 7)));
    await expect(page.locator("[data-chart-caption]").textContent()).resolves.toContain("Correlation between areas: 0 (illustrative)");
    await expect(page.locator("[data-chart-caption]").textContent()).resolves.toContain("(your setting)");

    // the address follows once the changed chart is on screen (after the next frame)
    await expect.poll(() => new URL(page.url()).search).toBe("?areas=7&correlation=0&rate=10");
    // the data table follows: every row's modelled chance, rate and correlation, and says the rate is the reader's
    const table = await tableRows(page);
    expect(table.length).toBe(10);
    table.forEach((r, i) => {
      expect(r.probability).toBe(String(Math.round(1000 * waysToFail(i + 1, 0.1, 0)) / 10));
      expect(r.rate).toBe("10");
      expect(r.correlation).toBe(formatCorrelation(0));
      expect(r.source).toBe("Your setting (illustrative), not a published rate");
    });
    // the moved point reads its new value on keyboard focus of the chart
    await page.locator("[data-chart-plot]").focus();
    await page.keyboard.press("End");
    await expect(page.locator(".chart-tip").textContent()).resolves.toContain(`10 areas: ${formatPct(100 * waysToFail(10, 0.1, 0))} chance`);
    await context.close();
  });

  it("the data table starts at the published setting, and says nothing of the reader's own rate until there is one", async () => {
    const js = await open(WTF);
    await ready(js.page, "[data-ways-to-fail]");
    const withJs = await tableRows(js.page);
    await js.context.close();
    const off = await open(WTF, { js: false });
    const withoutJs = await tableRows(off.page);
    await off.context.close();
    expect(withJs).toEqual(withoutJs);
    expect(withJs[5]!.probability).toBe(String(Math.round(1000 * waysToFail(6, 0.05, 0.5)) / 10));
    expect(withJs.every((r) => !(r.source ?? "").startsWith("Your setting"))).toBe(true);
  });

  it("the table's source cells say when the rate is the reader's own, and name the published source again on return", async () => {
    const { context, page } = await open(`${WTF}?rate=12`);
    await ready(page, "[data-ways-to-fail]");
    const own = await tableRows(page);
    expect(own.every((r) => r.source === "Your setting (illustrative), not a published rate" && r.rate === "12")).toBe(true);
    const published = await page.locator("#wtf-rate").evaluate((input: HTMLInputElement) => {
      input.value = (input.closest("[data-ways-to-fail]") as HTMLElement).dataset.defaultRate!;
      input.dispatchEvent(new Event("input", { bubbles: true }));
      return input.value;
    });
    const back = await tableRows(page);
    await context.close();
    const off = await open(WTF, { js: false });
    expect(back[0]!.rate).toBe(published);
    expect(back).toEqual(await tableRows(off.page)); // the published setting's table, source links and flags included
    await off.context.close();
  });

  it("every drawing follows a change: the one on screen at once, the phone and print drawings when they are shown", async () => {
    const { context, page } = await open(WTF);
    await ready(page, "[data-ways-to-fail]");
    const labels = () => page.locator("[data-chart-plot] svg.plot g.wtf-selected-label text").allTextContents();
    const rings = () => page.locator("[data-chart-plot] svg.plot g.wtf-selected circle").evaluateAll((els) => els.map((e) => Number(e.getAttribute("cy"))));
    const before = await rings();
    await page.locator("#wtf-rate").focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
    const want = formatPct(100 * waysToFail(6, 0.15, 0.5));
    await expect(page.locator(".chart-at-576 g.wtf-selected-label text").textContent()).resolves.toBe(want);
    // the phone drawing, shown after a resize (a rotated phone), and the print drawing
    // Read after the next frame has been drawn: the reader sees nothing before it, and the
    // page's resize observer (which redraws a drawing as it gets a box) runs before that paint.
    const painted = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.setViewportSize({ width: 375, height: 800 });
    await painted();
    await expect(page.locator("[data-chart-plot] svg.plot:visible g.wtf-selected-label text").textContent()).resolves.toBe(want);
    await page.emulateMedia({ media: "print" });
    await painted();
    await expect(page.locator("[data-chart-plot] svg.plot:visible g.wtf-selected-label text").textContent()).resolves.toBe(want);
    expect(await labels()).toEqual(before.map(() => want));
    const after = await rings();
    expect(after.every((y, i) => y < before[i]!)).toBe(true); // every drawing's ring moved up
    await context.close();
  });

  it("a link with a setting opens with that setting", async () => {
    const { context, page } = await open(`${WTF}?areas=3&rate=20&correlation=0`);
    await ready(page, "[data-ways-to-fail]");
    expect(await sentence(page)).toContain("With 3 areas each with a 20% chance of a grade below expected, the chance that at least one is below expected is 49%, modelled. That is with a correlation of 0 between areas.");
    await expect(page.locator("#wtf-rate").inputValue()).resolves.toBe("20");
    await context.close();
  });
});

/** The data table's rows (text per column as displayed: notes and flags that do not show are left out). */
const tableRows = (page: Page) =>
  page.locator("figure table tbody tr").evaluateAll((rows) =>
    rows.map((tr) =>
      Object.fromEntries(
        Array.from(tr.querySelectorAll<HTMLElement>("td[data-col]")).map((td) => [
          td.dataset.col === "source_title" ? "source" : td.dataset.col,
          Array.from(td.childNodes)
            .filter((n) => !(n instanceof HTMLElement && getComputedStyle(n).display === "none"))
            .map((n) => n.textContent)
            .join("")
            .replace(/\s+/g, " ")
            .trim(),
        ]),
      ),
    ),
  ) as Promise<Record<string, string>[]>;
const tableLinks = (page: Page) => page.locator('figure table tbody td[data-col="source_title"] a').evaluateAll((as) => as.map((a) => a.getAttribute("href")));

/** Every line of the live card as "area: symbol word". */
const cardText = (page: Page) =>
  page.locator("[data-report-card] .report-card-row").evaluateAll((rows) => rows.map((r) => `${r.querySelector("dt")?.textContent}: ${r.querySelector("dd")?.textContent?.replace(/\s+/g, " ").trim()}`));

describe("report-card builder by keyboard", () => {
  it("every control changes its line of the card; the sentence follows; the URL reproduces the card", async () => {
    const { context, page } = await open(RCB);
    await ready(page, "[data-report-card-builder]");
    await expect(page.locator("figure [data-chart-plot]").isHidden()).resolves.toBe(true);
    const rcbSentence = page.locator("[data-rcb-sentence]");
    await expect(rcbSentence.textContent()).resolves.toContain("would most likely have been “Requires improvement”");

    const selects = page.locator("[data-report-card-builder] select");
    const count = await selects.count();
    expect(count).toBe(9);
    for (let i = 0; i < count; i++) {
      const select = selects.nth(i);
      const name = (await select.getAttribute("name"))!;
      const row = page.locator(`[data-report-card] .report-card-row[data-area="${name}"] .report-card-word`);
      const before = await row.textContent();
      await select.focus();
      const last = await select.evaluate((s: HTMLSelectElement) => s.selectedIndex === s.options.length - 1);
      await page.keyboard.press(last ? "ArrowUp" : "ArrowDown");
      const chosen = await select.evaluate((s: HTMLSelectElement) => s.options[s.selectedIndex]!.textContent!.replace(/^\S+\s/, ""));
      await expect(row.textContent(), name).resolves.toBe(chosen);
      expect(chosen).not.toBe(before);
      expect(new URL(page.url()).searchParams.get(name)).toBe(await select.inputValue());
    }
    // safeguarding went from met to not met: the old word reads inadequate
    await expect(page.locator('[data-report-card] [data-area="safeguarding"] .report-card-word').textContent()).resolves.toBe("Not met");
    await expect(rcbSentence.textContent()).resolves.toContain("would most likely have been “Inadequate”, because under the 2019 framework, safeguarding that was not effective");

    // the data table follows the card: each line's grade, its source row and the secondary-source flag
    const card = await cardText(page);
    const table = await tableRows(page);
    expect(table.map((r) => `${r.area}: ${r.grade}`)).toEqual(card.map((l) => l.replace(/^Safeguarding standards:/, "Safeguarding:")));
    const links = await tableLinks(page);
    const grades = await page.locator("[data-report-card] .report-card-row").evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.grade));
    expect(links).toEqual(grades.map((g) => `/data/report-card-scale/#row-${g === "met" || g === "not-met" || g === "not-applicable" ? "expected-standard" : g}`));
    const secondary = new Set(loadDataset("report-card-scale").filter((r) => r.secondary_source).map((r) => `/data/report-card-scale/#row-${r.final_label}`));
    expect(secondary.size).toBeGreaterThan(0);
    expect(table.map((r) => (r.source ?? "").endsWith("secondary source"))).toEqual(links.map((h) => secondary.has(h!)));

    const said = await rcbSentence.textContent();
    const link = page.url();
    await expect(page.locator("[data-rcb-link]").getAttribute("href")).resolves.toBe(new URL(link).search);
    await context.close();

    // the link opened fresh shows the same card
    const fresh = await open(new URL(link).pathname + new URL(link).search);
    await ready(fresh.page, "[data-report-card-builder]");
    expect(await cardText(fresh.page)).toEqual(card);
    await expect(fresh.page.locator("[data-rcb-sentence]").textContent()).resolves.toBe(said);
    await fresh.context.close();
  });
});

const HOSTILE = [
  "?areas=<script>alert(1)</script>&rate=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&correlation=javascript:alert(1)",
  "?inclusion=%3Csvg%20onload%3Dalert(1)%3E&safeguarding=%27%3Balert(1)%2F%2F&achievement=" + "A".repeat(5000),
  "?areas=%EF%BC%96&rate=1e1&correlation=-50&early-years=%E2%80%AEexceptional&post-16=NOT-APPLICABLE",
  "?__proto__[x]=1&constructor=alert&leadership-and-governance=strong-standard%00&%3Cb%3E=%3Ci%3E",
];

describe("hostile query strings", () => {
  it.each([
    [WTF, "[data-ways-to-fail]"],
    [RCB, "[data-report-card-builder]"],
  ])("leave %s as it is with no query, and fire no dialog", async (path, root) => {
    const clean = await open(path);
    await ready(clean.page, root);
    await charted(clean.page);
    await clean.page.waitForTimeout(200); // as below: the figure's tooltip script may finish after the controls
    const expected = await clean.page.locator("figure").evaluate((f) => f.outerHTML);
    await clean.context.close();
    for (const query of HOSTILE) {
      const { context, page, dialogs } = await open(path + query);
      await ready(page, root);
      await charted(page);
      await page.waitForTimeout(200);
      expect(await page.locator("figure").evaluate((f) => f.outerHTML), query.slice(0, 60)).toBe(expected);
      expect(await page.locator("img[src='x'], script:not([src]), [onload], [onerror]").count()).toBe(0);
      expect(dialogs).toEqual([]);
      await context.close();
    }
  });
});

describe("accessibility", () => {
  for (const scheme of ["light", "dark"] as const) {
    it.each([
      [WTF, "[data-ways-to-fail]"],
      [RCB, "[data-report-card-builder]"],
    ])(`%s with its controls enabled has no axe violations (${scheme})`, async (path, root) => {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(base + path);
      await ready(page, root);
      const result = await new AxeBuilder({ page }).include("figure").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
      const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
      expect(summary).toEqual([]);
      await context.close();
    });
  }
});

describe("loading and weight", () => {
  it("the builder's code loads only when its figure nears the viewport", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${base}/explainers/many-more-ways-to-fail/`);
    await page.waitForTimeout(500);
    expect(scripts.some((s) => /report-card-builder\.[\w-]+\.js$/.test(s))).toBe(false);
    await page.locator('figure[data-chart="report-card-builder"]').scrollIntoViewIfNeeded();
    await ready(page, "[data-report-card-builder]");
    expect(scripts.some((s) => /report-card-builder\.[\w-]+\.js$/.test(s))).toBe(true);
    await context.close();
  });

  it.each([WTF, RCB, "/embed/ways-to-fail/", "/embed/report-card-builder/"])("%s ships under 100 KB of JavaScript (gzip), controls loaded", async (path) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const sizes = new Map<string, number>();
    page.on("response", async (r) => {
      if (r.request().resourceType() !== "script") return;
      const body = await r.body().catch(() => Buffer.alloc(0));
      sizes.set(new URL(r.url()).pathname, gzipSync(body, { level: 9 }).byteLength);
    });
    await page.goto(base + path);
    await ready(page, path.includes("ways") ? "[data-ways-to-fail]" : "[data-report-card-builder]");
    await page.waitForLoadState("networkidle");
    const inline = await page.evaluate(() => Array.from(document.querySelectorAll("script:not([src])")).map((s) => s.textContent ?? "").join("\n"));
    const total = [...sizes.values()].reduce((a, b) => a + b, 0) + (inline.trim() ? gzipSync(inline, { level: 9 }).byteLength : 0);
    console.log(`JS gzip ${path}: ${total} bytes (${sizes.size} files: ${[...sizes].map(([p, n]) => `${p.split("/").pop()} ${n}`).join(", ")}; inline ${inline.length} chars)`);
    expect(sizes.size).toBeGreaterThan(0);
    expect(total).toBeLessThan(100 * 1024);
    await context.close();
  });
});
