/**
 * WordPress, driven by its own code: the iframe WordPress builds from our oEmbed `html` (only the
 * attributes it keeps, sandbox="allow-scripts", #?secret=) on a host page on another origin, with
 * WordPress's wp-embed.js (../shared/clients/wp-embed.js) loaded on time and late, and our site
 * served with its _headers applied. The iframe must be as wide as the theme's column, as tall as
 * the embed's content (wp-embed.js clamps to 200..1000 px, so compact embeds must fit in 1,000),
 * nothing clipped, and the interactive charts' controls must work inside the sandbox.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { useBrowser } from "../support/browser.ts";
import { DIST } from "../support/dist.ts";
import { CHARTS } from "../../src/render/charts.ts";
import { boxAndContent, frameOf, SITE, startHosts, wordpressIframe, type Hosts } from "../support/hosts.ts";

const browser = useBrowser();
let hosts: Hosts;
beforeAll(async () => {
  hosts = await startHosts();
});
afterAll(() => hosts?.close());

/** The iframe WordPress would put in a post for this chart (its oEmbed html, filtered). */
function wpFrame(id: string, secret: string): string {
  const json = JSON.parse(readFileSync(join(DIST, `oembed/${id}.json`), "utf8")) as { html: string };
  return wordpressIframe(json.html.split(SITE).join(hosts.site), secret);
}

/** WordPress's wp-embed.js sets a frame's height between 200 and 1,000 px. */
const WP_MAX = 1000;

/** Waits until wp-embed.js has sized the iframe (to the content, or to its 1,000-px clamp), and returns the sizes. */
async function settled(page: Page, selector: string) {
  let last = await boxAndContent(page, selector);
  await expect
    .poll(
      async () => {
        last = await boxAndContent(page, selector);
        return Math.abs(last.height - Math.min(last.content, WP_MAX));
      },
      { timeout: 15_000, interval: 150 },
    )
    .toBeLessThanOrEqual(1);
  return last;
}

function expectWhole(s: Awaited<ReturnType<typeof settled>>, column: number) {
  expect(s.width, "iframe as wide as the column (WordPress strips style: width must be an attribute)").toBeGreaterThanOrEqual(column - 1);
  expect(s.content, "compact embed fits WordPress's 1,000 px clamp").toBeLessThanOrEqual(WP_MAX);
  expect(Math.abs(s.height - s.content), "iframe box = content height").toBeLessThanOrEqual(1);
  expect(s.scrollHeight, "nothing clipped at the bottom").toBeLessThanOrEqual(s.innerHeight);
  expect(s.scrollWidth, "nothing clipped at the side").toBeLessThanOrEqual(s.clientWidth);
}

/** Opens a WordPress-style host page at `width` and checks the embed is whole in its column. */
async function expectWholeInWordPress(on: Hosts, file: string, frame: string, id: string, width: number) {
  const url = on.page(file, frame, `<script src="/wp-embed.js"></script>`);
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  const column = await page.locator(".entry-content").evaluate((el) => el.clientWidth - 32);
  const s = await settled(page, "iframe.wp-embedded-content");
  console.log(`WordPress ${id} at ${width}: iframe ${s.width}x${s.height}, content ${s.content}`);
  expectWhole(s, column);
  await context.close();
}

/** Every published chart: each compact embed must fit WordPress's clamp in a phone's and an article's column. */
const IDS = CHARTS.map((c) => c.id);

describe("WordPress: wp-embed.js around the iframe WordPress builds from our oEmbed", () => {
  it.each(IDS.flatMap((id) => [375, 600, 700].map((w) => [id, w] as const)))("%s at %i px: full column width, box = content height, nothing clipped", async (id, width) => {
    await expectWholeInWordPress(hosts, `wp-${id}-${width}.html`, wpFrame(id, "a1B2c3D4e5"), id, width);
  });

  it("resizes when wp-embed.js runs after the embed has sent its heights (it answers {message: 'ready'})", async () => {
    const id = "key-judgements";
    const url = hosts.page("wp-late.html", wpFrame(id, "late12345"), `<script defer src="/wp-embed.js"></script>`);
    const context = await browser.newContext({ viewport: { width: 700, height: 900 } });
    const page = await context.newPage();
    // Hold wp-embed.js back until the embed has loaded and posted its first heights to nobody.
    let frameLoaded!: () => void;
    const loaded = new Promise<void>((ok) => (frameLoaded = ok));
    await page.route("**/wp-embed.js", async (route) => {
      await loaded;
      await route.continue();
    });
    const nav = page.goto(url);
    const embedFrame = () => page.frames().find((f) => f.url().includes(`/embed/${id}/`));
    await expect.poll(() => embedFrame() !== undefined, { timeout: 15_000 }).toBe(true);
    const frame = embedFrame()!;
    await frame.waitForLoadState("load");
    await frame.waitForTimeout(1000);
    expect(await page.evaluate(() => "wp" in window)).toBe(false);
    frameLoaded();
    await nav;
    await expect.poll(() => page.evaluate(() => "wp" in window)).toBe(true);
    const s = await settled(page, "iframe.wp-embedded-content");
    expectWhole(s, 640 - 32);
    await context.close();
  });

  it("keeps reporting: opening the notes and data inside the frame grows the iframe", async () => {
    const id = "good-or-outstanding-over-time";
    const url = hosts.page("wp-grow.html", wpFrame(id, "grow12345"), `<script src="/wp-embed.js"></script>`);
    const context = await browser.newContext({ viewport: { width: 700, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    const before = await settled(page, "iframe.wp-embedded-content");
    const frame = await frameOf(page, "iframe.wp-embedded-content");
    await frame.locator("details.figure-more > summary").click();
    await expect.poll(async () => (await boxAndContent(page, "iframe.wp-embedded-content")).height, { timeout: 10_000 }).toBeGreaterThan(before.height + 100);
    // Open, the data table may pass 1,000 px: then WordPress's clamp holds it there (scrolling="no": the rest
    // is cut), which is why the embed is compact by default.
    await expect
      .poll(async () => {
        const s = await boxAndContent(page, "iframe.wp-embedded-content");
        return s.height - Math.min(s.content, 1000);
      }, { timeout: 10_000 })
      .toBe(0);
    await context.close();
  });
});

describe("WordPress sandbox (opaque origin): the interactive charts' controls work", () => {
  it.each([375, 700])("ways-to-fail at %i px: moving a slider changes the sentence, and the frame follows its height", async (width) => {
    const url = hosts.page(`wp-wtf-${width}.html`, wpFrame("ways-to-fail", "wtf12345"), `<script src="/wp-embed.js"></script>`);
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(url);
    const frame = await frameOf(page, "iframe.wp-embedded-content");
    expect(await frame.evaluate(() => origin)).toBe("null"); // really sandboxed
    const slider = frame.locator("#wtf-areas");
    await expect.poll(() => slider.isEnabled(), { timeout: 15_000 }).toBe(true);
    await frame.locator("[data-wtf-sentence]").scrollIntoViewIfNeeded();
    const before = await frame.locator("[data-wtf-sentence]").textContent();
    await slider.focus();
    await slider.press("ArrowRight");
    await slider.press("ArrowRight");
    await expect.poll(() => frame.locator("[data-wtf-sentence]").textContent(), { timeout: 10_000 }).not.toBe(before);
    expect(await frame.locator("[data-wtf-sentence]").textContent()).toContain("8 areas");
    expectWhole(await settled(page, "iframe.wp-embedded-content"), Math.min(640, width) - 32);
    expect(errors, "no script failed to load or run").toEqual([]);
    await context.close();
  });

  it.each([375, 700])("report-card-builder at %i px: choosing a grade changes the reading of the card", async (width) => {
    const url = hosts.page(`wp-rcb-${width}.html`, wpFrame("report-card-builder", "rcb12345"), `<script src="/wp-embed.js"></script>`);
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(url);
    const frame = await frameOf(page, "iframe.wp-embedded-content");
    const select = frame.locator("#rcb-inclusion");
    await expect.poll(() => select.isEnabled(), { timeout: 15_000 }).toBe(true);
    const card = frame.locator("[data-rcb-sentence]");
    const before = await card.textContent();
    await select.selectOption("urgent-improvement");
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).not.toBe(before);
    expectWhole(await settled(page, "iframe.wp-embedded-content"), Math.min(640, width) - 32);
    expect(errors, "no script failed to load or run").toEqual([]);
    await context.close();
  });
});

describe("WordPress: an area chart (issue 18), from the fixture site with an import", () => {
  const dist = inject("schoolsDist");
  const id = readdirSync(join(dist, "embed")).sort().find((d) => d.startsWith("area-la-"))!;
  let area: Hosts;
  beforeAll(async () => {
    area = await startHosts(dist);
  });
  afterAll(() => area?.close());

  it.each([700, 375])(`${id} at %i px: full column width, box = content height`, async (width) => {
    const json = JSON.parse(readFileSync(join(dist, `oembed/${id}.json`), "utf8")) as { html: string };
    await expectWholeInWordPress(area, `wp-area-${width}.html`, wordpressIframe(json.html.split(SITE).join(area.site), "arEa12345"), id, width);
  });
});
