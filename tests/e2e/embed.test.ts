/**
 * Embeds in Chromium, on host pages served from a SECOND localhost server (another origin):
 *  1. the embed code copied from the chart page resizes its iframe to the embed document's height
 *     at 320, 600 and 1000 px, and follows when the chart's content changes height;
 *  2. a WordPress-style sandboxed iframe (#?secret=) resizes through the WordPress message;
 *  3. forged height messages from another frame or window do not change the iframe's height;
 * plus: every chart's default iframe height shows the whole embed at 600 px without the script,
 * the render flags (in the fragment, applied by CSS before first paint), and the copy buttons.
 * The hosts' own code (wp-embed.js, pym.js, Datawrapper's listeners) is driven in hosts-*.test.ts.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { useBrowser } from "../support/browser.ts";
import { serveStatic, type RunningServer } from "../support/static-server.ts";
import { page as builtPage } from "../support/dist.ts";
import { CHARTS } from "../../src/render/charts.ts";
import { isOnDemand } from "../../src/render/page-head.mjs";

const base = inject("baseUrl");
const id = "good-or-outstanding-over-time";
/** The site origin the build wrote into absolute URLs (astro.config.mjs, SITE_URL). */
const SITE = new URL(process.env.SITE_URL ?? "https://beyondoneword.org.uk").origin;

const browser = useBrowser();
let host: RunningServer;
let hostDir: string;
let copiedCode = "";

/** Size of the embed document inside a frame: its scrollHeight and its own content height. */
async function frameHeights(frame: Frame): Promise<{ scroll: number; content: number }> {
  return frame.evaluate(() => ({
    scroll: document.documentElement.scrollHeight,
    content: Math.ceil(document.documentElement.getBoundingClientRect().height),
  }));
}

async function iframeHeight(page: Page, selector = "iframe"): Promise<number> {
  return page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().height);
}

/** Waits until the iframe's height is within 10 px of its document's height (scroll and content). */
async function settles(page: Page, selector = "iframe"): Promise<{ iframe: number; scroll: number; content: number }> {
  const handle = await page.locator(selector).first().elementHandle();
  const frame = (await handle!.contentFrame())!;
  await frame.waitForLoadState("load");
  let last = { iframe: 0, scroll: 0, content: 0 };
  await expect
    .poll(
      async () => {
        const h = await frameHeights(frame);
        last = { iframe: await iframeHeight(page, selector), ...h };
        return Math.max(Math.abs(last.iframe - h.scroll), Math.abs(last.iframe - h.content));
      },
      { timeout: 10_000, interval: 100 },
    )
    .toBeLessThanOrEqual(10);
  return last;
}

function hostPage(name: string, body: string): string {
  writeFileSync(
    join(hostDir, name),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host ${name}</title>` +
      `<style>body{margin:0;font:16px/1.5 serif}main{padding:0}</style></head><body><main><p>A newsroom's article text above the chart.</p>${body}<p>Text below.</p></main></body></html>`,
  );
  return `${host.url}/${name}`;
}

beforeAll(async () => {
  hostDir = mkdtempSync(join(tmpdir(), "bow-embed-host-"));
  host = await serveStatic(hostDir);
  expect(new URL(host.url).origin).not.toBe(new URL(base).origin);
  // The journalist's step: open the chart page and read the embed code from its text box.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/charts/${id}/`);
  copiedCode = await page.locator("textarea[data-embed-code]").inputValue();
  await context.close();
});

afterAll(async () => {
  await host?.close();
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

describe("the embed code on the chart page", () => {
  it("is a titled, lazy, responsive iframe with a default height, then /embed.js from the site", () => {
    expect(copiedCode).toMatch(/^<iframe title="[^"]+" aria-label="[^"]+" src="[^"]+\/embed\/good-or-outstanding-over-time\/" /);
    expect(copiedCode).toContain('loading="lazy"');
    expect(copiedCode).toContain('style="width:0;min-width:100%;border:none"');
    expect(copiedCode).toMatch(/ height="\d{3,4}"/);
    expect(copiedCode).toMatch(/<\/iframe>\n<script async src="[^"]+\/embed\.js"><\/script>$/);
    expect(copiedCode).toContain(`${SITE}/embed/`);
  });
});

describe("host page on another origin, with the copied embed code", () => {
  // The copied code points at the production site; the test serves the site on localhost, so the
  // origin (and only the origin) is swapped.
  const localCode = () => copiedCode.split(SITE).join(base);

  it.each([320, 600, 1000])("at %i px the iframe settles within 10 px of the embed document's height", async (width) => {
    const url = hostPage(`copied-${width}.html`, localCode());
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    const s = await settles(page);
    // The script, not the default height, set it.
    await expect(page.locator("iframe").evaluate((el) => (el as HTMLIFrameElement).style.height)).resolves.toBe(`${Math.round(s.iframe)}px`);
    console.log(`embed at ${width} px: iframe ${s.iframe} px, document scrollHeight ${s.scroll} px, content ${s.content} px`);
    await context.close();
  });

  it("follows the chart's content when it changes height (opening the notes and data inside the iframe)", async () => {
    const url = hostPage("copied-grow.html", localCode());
    const context = await browser.newContext({ viewport: { width: 600, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    const before = await settles(page);
    const frame = (await (await page.locator("iframe").elementHandle())!.contentFrame())!;
    await frame.locator("details.figure-more > summary").click();
    await expect.poll(() => iframeHeight(page), { timeout: 10_000 }).toBeGreaterThan(before.iframe + 200);
    const opened = await settles(page);
    // And back when it closes.
    await frame.locator("details.figure-more > summary").click();
    await expect.poll(() => iframeHeight(page), { timeout: 10_000 }).toBeLessThan(opened.iframe - 200);
    const closed = await settles(page);
    expect(Math.abs(closed.iframe - before.iframe)).toBeLessThanOrEqual(10);
    await context.close();
  });

  it("two embeds and two copies of the script on one page each get their own height", async () => {
    const code = localCode();
    const plain = code.split(`/embed/${id}/"`).join(`/embed/${id}/#plain"`);
    const url = hostPage("two.html", `<div id="a">${code}</div><div id="b">${plain}</div>`);
    const context = await browser.newContext({ viewport: { width: 600, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    const a = await settles(page, "#a iframe");
    const b = await settles(page, "#b iframe");
    expect(a.iframe - b.iframe).toBeGreaterThan(40); // plain drops the title and takeaway
    await context.close();
  });
});

describe("chart state", () => {
  it("a reader's choices on the chart page go into the copied embed code, and the embed shows them", async () => {
    const stateful = "report-card-builder";
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 }, permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto(`${base}/charts/${stateful}/`);
    const select = page.locator("#rcb-inclusion");
    await expect.poll(() => select.isEnabled(), { timeout: 10_000 }).toBe(true);
    await select.selectOption("needs-attention");
    await expect.poll(() => page.evaluate(() => location.search)).toContain("inclusion=needs-attention");
    await page.locator("button[data-copy][data-copy-ready]").first().waitFor();
    await page.getByRole("button", { name: "Copy embed code" }).click();
    await expect.poll(() => page.locator(`[data-copy-status="embed-code-${stateful}"]`).textContent()).toBe("Copied.");
    const code = await page.evaluate(() => navigator.clipboard.readText());
    const src = /src="([^"]+)"/.exec(code)![1]!.replace(/&amp;/g, "&");
    expect(new URL(src).searchParams.get("inclusion")).toBe("needs-attention");
    // On a host page, the embed opens in that state.
    const url = hostPage("state.html", code.split(SITE).join(base));
    await page.goto(url);
    const frame = (await (await page.locator("iframe").elementHandle())!.contentFrame())!;
    await expect.poll(() => frame.locator("#rcb-inclusion").inputValue(), { timeout: 10_000 }).toBe("needs-attention");
    await settles(page);
    await context.close();
  });
});

describe("chart state and flags in the box as the page loads", () => {
  /** The code in the box once data-embed-for says it was built from the page's query. */
  async function boxCode(page: Page): Promise<string> {
    await expect.poll(() => page.evaluate(() => document.querySelector<HTMLElement>("textarea[data-embed-code]")!.dataset.embedFor === location.search)).toBe(true);
    return page.locator("textarea[data-embed-code]").inputValue();
  }
  const srcOf = (code: string) => new URL(/src="([^"]+)"/.exec(code)![1]!.replace(/&amp;/g, "&"));

  it("a chart with state: the address's state and flags are in the code before any focus or click", async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/charts/ways-to-fail/?areas=8&rate=10&dark=true&evil=%22%3E%3Cscript%3E`);
    const src = srcOf(await boxCode(page));
    expect(src.pathname).toBe("/embed/ways-to-fail/");
    expect(src.searchParams.get("areas")).toBe("8");
    expect(src.searchParams.get("rate")).toBe("10");
    expect(src.searchParams.has("evil")).toBe(false);
    expect(src.hash).toBe("#dark");
    // A change of the controls (history.replaceState, no event) reaches the code on focus.
    await page.locator('[data-ways-to-fail][data-enhanced="true"] fieldset:not([disabled])').waitFor({ timeout: 10_000 });
    await page.locator("#wtf-areas").focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.evaluate(() => new URLSearchParams(location.search).get("areas"))).toBe("9");
    const query = await page.evaluate(() => location.search);
    await page.locator("textarea[data-embed-code]").focus();
    const after = srcOf(await boxCode(page));
    const expected = new URLSearchParams(query);
    expect(after.searchParams.get("areas")).toBe("9");
    for (const key of ["rate", "correlation"]) expect(after.searchParams.get(key), key).toBe(expected.get(key));
    expect(after.hash).toBe("#dark");
    await context.close();
  });

  it("a static chart: flags in the code, anything else in the address ignored (it has no state)", async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/charts/${id}/?areas=8&plain&dark=false`);
    const src = srcOf(await boxCode(page));
    expect(src.search).toBe("");
    expect(src.hash).toBe("#light-plain");
    await context.close();
  });
});

describe("WordPress-style sandboxed iframe", () => {
  it("resizes through the WordPress height message (#?secret=)", async () => {
    // Like WordPress's wp-embed.js: sandboxed without allow-same-origin, matched by data-secret and
    // event.source, height clamped to 200-1000.
    const url = hostPage(
      "wordpress.html",
      `<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted" title="Embedded chart" ` +
        `src="${base}/embed/${id}/#?secret=abc123" data-secret="abc123" width="600" height="200" frameborder="0" marginwidth="0" marginheight="0" scrolling="no"></iframe>` +
        `<script>
          window.wpHeights = [];
          window.addEventListener("message", function (e) {
            var d = e.data;
            if (!d || !(d.secret || d.message || d.value)) return;
            if (/[^a-zA-Z0-9]/.test(d.secret)) return;
            var frames = document.querySelectorAll('iframe[data-secret="' + d.secret + '"]');
            for (var i = 0; i < frames.length; i++) {
              var f = frames[i];
              if (e.source !== f.contentWindow) continue;
              f.removeAttribute("style");
              if (d.message === "height") {
                var h = parseInt(d.value, 10);
                if (h > 1000) h = 1000; else if (~~h < 200) h = 200;
                f.height = h;
                window.wpHeights.push(h);
              }
            }
          });
        </script>`,
    );
    const context = await browser.newContext({ viewport: { width: 700, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await expect.poll(() => page.evaluate(() => (window as unknown as { wpHeights: number[] }).wpHeights.length), { timeout: 10_000 }).toBeGreaterThan(0);
    const s = await settles(page);
    expect(s.iframe).toBeGreaterThan(200);
    await expect(page.locator("iframe").getAttribute("height")).resolves.toBe(String(Math.round(s.iframe)));
    await context.close();
  });

  it("sends no WordPress message for a secret that is not short and alphanumeric", async () => {
    const url = hostPage(
      "wordpress-bad-secret.html",
      `<iframe sandbox="allow-scripts" src="${base}/embed/${id}/#?secret=abc%22%3E" width="600" height="300" title="chart"></iframe>` +
        `<script>window.got = []; addEventListener("message", function (e) { window.got.push(e.data); });</script>`,
    );
    const context = await browser.newContext({ viewport: { width: 700, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await expect.poll(() => page.evaluate(() => (window as unknown as { got: unknown[] }).got.length), { timeout: 10_000 }).toBeGreaterThan(0);
    const got = await page.evaluate(() => (window as unknown as { got: unknown[] }).got);
    expect(got.some((m) => typeof m === "object" && m !== null && "secret" in m)).toBe(false);
    expect(got).toContainEqual(expect.objectContaining({ type: "beyond-one-word:height", id }));
    expect(got).toContainEqual({ "datawrapper-height": { [id]: expect.any(Number) } });
    await context.close();
  });
});

describe("height messages", () => {
  it("are sent only when the height changes", async () => {
    const url = hostPage(
      "count.html",
      `<iframe src="${base}/embed/${id}/" width="600" height="300" title="chart"></iframe>` +
        `<script>window.got = []; addEventListener("message", function (e) { if (e.data && e.data.type === "beyond-one-word:height") window.got.push(e.data.height); });</script>`,
    );
    const context = await browser.newContext({ viewport: { width: 700, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    const got = () => page.evaluate(() => (window as unknown as { got: number[] }).got);
    await expect.poll(async () => (await got()).length, { timeout: 10_000 }).toBeGreaterThan(0);
    // Resize the iframe's width without changing its content height much, then wait.
    await page.locator("iframe").evaluate((el) => ((el as HTMLIFrameElement).width = "610"));
    await page.waitForTimeout(1500);
    const heights = await got();
    for (let i = 1; i < heights.length; i++) expect(heights[i], `message ${i} repeats the height`).not.toBe(heights[i - 1]);
    // Now a real change: the frame gets narrow, the chart switches to its 360 px version and text wraps.
    await page.locator("iframe").evaluate((el) => ((el as HTMLIFrameElement).width = "320"));
    await expect.poll(async () => (await got()).length, { timeout: 10_000 }).toBeGreaterThan(heights.length);
    await context.close();
  });
});

describe("Pym.js", () => {
  it("with ?childId= the embed posts Pym's height string; without it, none", async () => {
    const url = hostPage(
      "pym.html",
      `<iframe id="p" src="${base}/embed/${id}/?childId=chart-1&initialWidth=600" width="600" height="300" title="chart"></iframe>` +
        `<iframe id="q" src="${base}/embed/${id}/" width="600" height="300" title="chart"></iframe>` +
        `<script>window.got = []; addEventListener("message", function (e) { if (typeof e.data === "string") window.got.push([e.source === document.getElementById("p").contentWindow ? "p" : "q", e.data]); });</script>`,
    );
    const context = await browser.newContext({ viewport: { width: 700, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await expect.poll(() => page.evaluate(() => (window as unknown as { got: unknown[] }).got.length), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    const got = await page.evaluate(() => (window as unknown as { got: [string, string][] }).got);
    expect(got.every(([from]) => from === "p")).toBe(true);
    expect(got[0]![1]).toMatch(/^pymxPYMxchart-1xPYMxheightxPYMx\d+$/);
    await context.close();
  });
});

describe("forged height messages", () => {
  it("from another frame or window (any origin, even our own) do not change the iframe's height", async () => {
    const code = copiedCode.split(SITE).join(base);
    // Another origin's frame and our own origin's page in a second frame both post our message
    // format; the host page itself posts too. Only the embed's own window may set its height.
    const forger = hostPage(
      "forger.html",
      `<script>setInterval(function () { parent.postMessage({ type: "beyond-one-word:height", id: "${id}", height: 5000 }, "*"); }, 50);</script>`,
    );
    const url = hostPage(
      "forged.html",
      `${code}<iframe id="forger" src="${forger}" width="10" height="10" title="forger"></iframe>` +
        `<iframe id="same-origin" src="${base}/about/" width="10" height="10" title="our own page"></iframe>` +
        `<script>setInterval(function () { postMessage({ type: "beyond-one-word:height", id: "${id}", height: 4000 }, "*"); }, 50);</script>`,
    );
    const context = await browser.newContext({ viewport: { width: 600, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    const s = await settles(page);
    // Our own origin, but not the embed's window: inject a forger into the same-origin frame.
    const own = (await (await page.locator("#same-origin").elementHandle())!.contentFrame())!;
    await own.waitForLoadState("load");
    await own.evaluate((embedId) => {
      setInterval(() => parent.postMessage({ type: "beyond-one-word:height", id: embedId, height: 3000 }, "*"), 50);
    }, id);
    await page.waitForTimeout(1500);
    const after = await iframeHeight(page);
    expect(after).toBe(s.iframe);
    expect(after).toBeLessThan(2000);
    await context.close();
  });
});

describe("default height without the script", () => {
  it.each(CHARTS.map((c) => c.id))("%s: the default height shows the whole embed at 600 px", async (chartId) => {
    // Read the default from the chart page's embed code, then open the embed page in a 600 px wide
    // viewport of exactly that height, as an iframe without the script would be.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/charts/${chartId}/`);
    const code = await page.locator("textarea[data-embed-code]").inputValue();
    const height = Number(/ height="(\d+)"/.exec(code)![1]);
    await page.setViewportSize({ width: 600, height });
    await page.goto(`${base}/embed/${chartId}/`);
    const content = await page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    console.log(`${chartId}: default ${height} px, embed content at 600 px ${content} px`);
    expect(content, "the default height no longer fits: rebuild, then `npm run embeds:measure -- <dist>`").toBeLessThanOrEqual(height);
    expect(height - content, "not more than 25% taller than needed").toBeLessThanOrEqual(content * 0.25);
    await context.close();
  });
});

/** Embed widths checked: a 320-px phone's WordPress column (288), then 320 to 1,000 px in 40-px steps. */
const SWEEP = [288, ...Array.from({ length: 18 }, (_, i) => 320 + i * 40)];

describe("compact embeds at every width", () => {
  it.each(CHARTS.flatMap((c) => [[c.id, true] as const, [c.id, false] as const]))(
    "%s (JavaScript %s): within WordPress's 1,000 px, nothing wider than the frame, source line whole, chart text >= 12 px, at every width from 288 to 1,000",
    async (chartId, javaScriptEnabled) => {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 320, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${base}/embed/${chartId}/`);
      await page.waitForTimeout(javaScriptEnabled ? 700 : 0); // the interactive charts' controls enable themselves
      const rows: string[] = [];
      const problems: string[] = [];
      for (const width of SWEEP) {
        await page.setViewportSize({ width, height: 900 });
        const r = await page.evaluate(() => {
          const svgs = Array.from(document.querySelectorAll<SVGSVGElement>("[data-chart-plot] svg.plot")).filter((el) => el.getClientRects().length > 0);
          const px = svgs.flatMap((svg) => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return Array.from(svg.querySelectorAll("text")).map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
          });
          // The credit line (site and source) shows every word: nothing cut off or hidden past its box.
          const credit = document.querySelector<HTMLElement>(".figure-credit");
          return {
            creditCut: credit ? credit.scrollWidth - credit.clientWidth : 0,
            height: Math.ceil(document.documentElement.getBoundingClientRect().height),
            overflowX: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            minText: px.length ? Math.min(...px) : null,
            svgs: svgs.length,
          };
        });
        rows.push(`${width}:${r.height}`);
        if (r.height > 1000) problems.push(`${width} px wide: ${r.height} px tall`);
        if (r.overflowX > 0) problems.push(`${width} px wide: ${r.overflowX} px wider than the frame`);
        if (r.creditCut > 0) problems.push(`${width} px wide: the source line is cut off (${r.creditCut} px hidden)`);
        if (r.minText !== null && r.minText < 11.99) problems.push(`${width} px wide: chart text ${r.minText.toFixed(1)} px`);
        // The builder, live, shows its choices instead of the drawing of the card.
        if (r.svgs > 1 || (r.svgs === 0 && !(chartId === "report-card-builder" && javaScriptEnabled))) problems.push(`${width} px wide: ${r.svgs} drawings shown`);
      }
      console.log(`${chartId} (JS ${javaScriptEnabled ? "on" : "off"}) ${rows.join(" ")}`);
      expect(problems).toEqual([]);
      await context.close();
    },
  );

  it("a chart too tall for the compact embed (the timeline) scrolls in its own box: every event in it, the last reachable, the arrow keys' point kept in view", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/embed/reform-timeline/`);
    const box = page.locator(".chart-at:visible");
    const sizes = () => box.evaluate((el) => ({ client: el.clientHeight, scroll: el.scrollHeight, top: el.scrollTop }));
    const s = await sizes();
    expect(s.scroll, "the drawing is taller than its box").toBeGreaterThan(s.client + 200);
    expect(s.client).toBeLessThanOrEqual(560);
    // Every event of the data table is drawn in the box (none left out to make it fit).
    const events = await page.locator(".figure-data tbody tr").count();
    expect(events).toBeGreaterThanOrEqual(20);
    await expect(box.locator("circle").count()).resolves.toBe(events);
    // The last event is reachable by scrolling the box.
    await box.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const last = await box.evaluate((el) => {
      const dots = el.querySelectorAll("circle");
      const d = dots[dots.length - 1]!.getBoundingClientRect();
      const b = el.getBoundingClientRect();
      return d.top >= b.top && d.bottom <= b.bottom;
    });
    expect(last, "last event's dot inside the box once scrolled").toBe(true);
    // Keyboard: the chart takes the arrow keys; the point they move to is scrolled into view, its tooltip beside it.
    await box.evaluate((el) => el.scrollTo(0, 0));
    await page.locator("[data-chart-plot]").focus();
    for (let i = 0; i < 12; i++) await page.keyboard.press("ArrowRight");
    await expect
      .poll(() =>
        page.evaluate(() => {
          const el = Array.from(document.querySelectorAll<HTMLElement>(".chart-at")).find((b) => b.getClientRects().length > 0)!;
          const b = el.getBoundingClientRect();
          const m = el.querySelector(".is-active")!.getBoundingClientRect();
          const t = document.querySelector<HTMLElement>(".chart-tip")!.getBoundingClientRect();
          return m.top >= b.top && m.bottom <= b.bottom && Math.abs(t.top - m.top) < 200;
        }),
      )
      .toBe(true);
    expect((await sizes()).top).toBeGreaterThan(0);
    // The full flag shows the whole drawing, no box.
    await page.goto(`${base}/embed/reform-timeline/#full`);
    const full = await page.locator(".chart-at:visible").evaluate((el) => ({ client: el.clientHeight, scroll: el.scrollHeight }));
    expect(full.scroll).toBe(full.client);
    expect(full.client).toBeGreaterThan(1000);
    await context.close();
  });
});

describe("render flags and JS off", () => {
  it("#dark, #light, #plain, #transparent, #full (and combinations) apply by CSS alone, with scripts off", async () => {
    // No script at all: the flags are :target styles (/embed/flags.css), not JavaScript.
    const context = await browser.newContext({ colorScheme: "light", javaScriptEnabled: false, viewport: { width: 600, height: 900 } });
    const page = await context.newPage();
    const first = () =>
      page.evaluate(() => ({
        surface: getComputedStyle(document.documentElement).getPropertyValue("--surface").trim(),
        body: getComputedStyle(document.body).backgroundColor,
      }));
    await page.goto(`${base}/embed/${id}/#dark`);
    await expect.poll(first).toMatchObject({ surface: "#15171b", body: "rgb(21, 23, 27)" });
    await page.goto(`${base}/embed/${id}/#dark-transparent-full`);
    await expect.poll(first).toMatchObject({ surface: "#15171b", body: "rgba(0, 0, 0, 0)" });
    await expect(page.locator(".figure-data table").isVisible()).resolves.toBe(true);
    await expect(page.locator(".figure-more").isVisible()).resolves.toBe(false);
    await page.goto(`${base}/embed/${id}/#nonsense`);
    await expect.poll(first).toMatchObject({ body: "rgb(255, 255, 255)" });
    await expect(page.locator(".figure-data table").isVisible()).resolves.toBe(false);
    await page.goto(`${base}/embed/${id}/#plain`);
    // The title stays for screen readers (the page keeps its heading) but takes no space.
    await expect(page.locator(".figure-title").evaluate((el) => el.getBoundingClientRect().height)).resolves.toBeLessThanOrEqual(1);
    await expect(page.locator(".figure-title").textContent()).resolves.toBeTruthy();
    await expect(page.locator(".figure-takeaway").isVisible()).resolves.toBe(false);
    await expect(page.locator(".chart svg.plot:visible").count()).resolves.toBe(1);
    await expect(page.locator(".figure-credit").isVisible()).resolves.toBe(true);
    await context.close();
    // A reader in dark mode: #light keeps the embed light.
    const dark = await browser.newContext({ colorScheme: "dark", viewport: { width: 600, height: 900 } });
    const p2 = await dark.newPage();
    // (with scripts on, too)
    await p2.goto(`${base}/embed/${id}/#light`);
    await expect(p2.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe("rgb(255, 255, 255)");
    await p2.goto(`${base}/embed/${id}/`);
    await expect(p2.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe("rgb(21, 23, 27)");
    await dark.close();
  });

  it("older embed codes' query flags still apply (after the async script): dark=true/false, plain; others ignored", async () => {
    const context = await browser.newContext({ colorScheme: "light", viewport: { width: 600, height: 900 } });
    const page = await context.newPage();
    const theme = () => page.evaluate(() => document.documentElement.getAttribute("data-theme"));
    await page.goto(`${base}/embed/${id}/?dark=true`);
    await expect.poll(theme).toBe("dark");
    await page.goto(`${base}/embed/${id}/?dark=false`);
    await expect.poll(theme).toBe("light");
    await page.goto(`${base}/embed/${id}/?dark=yes`);
    await page.waitForLoadState("load");
    await expect(theme()).resolves.toBeNull();
    await page.goto(`${base}/embed/${id}/?plain`);
    await expect.poll(() => page.locator(".figure-takeaway").isVisible()).toBe(false);
    await page.goto(`${base}/embed/${id}/?plain=false`);
    await expect(page.locator(".figure-title").isVisible()).resolves.toBe(true);
    await context.close();
  });

  it("compact: title (a heading, not a link), chart, a short source line to the chart page (whole: two lines at most at 320, one at 600); the rest behind one toggle", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/embed/${id}/`);
    await expect(page.locator("h1.figure-title a").count()).resolves.toBe(0);
    const credit = page.locator(".figure-credit");
    const chart = CHARTS.find((c) => c.id === id)!;
    await expect(credit.textContent()).resolves.toBe(`Beyond One Word · Source: ${chart.sourceShort}`);
    const box = () => credit.evaluate((el) => ({ height: Math.round(el.getBoundingClientRect().height), cut: el.scrollWidth - el.clientWidth }));
    await expect(box()).resolves.toMatchObject({ cut: 0 });
    expect((await box()).height, "two lines at most at 320 px").toBeLessThanOrEqual(2 * 21 + 3);
    await page.setViewportSize({ width: 600, height: 900 });
    expect((await box()).height, "one line at 600 px (the embed code's measured height)").toBeLessThanOrEqual(26);
    await page.setViewportSize({ width: 320, height: 900 });
    await expect(page.locator(`.figure-credit a[href="/charts/${id}/"]`).isVisible()).resolves.toBe(true);
    for (const sel of [".figure-notes", ".figure-source", ".figure-data", ".embed-footer"]) await expect(page.locator(sel).isVisible(), sel).resolves.toBe(false);
    await page.locator(".figure-more > summary").click();
    for (const sel of [".figure-notes", ".figure-source", ".figure-data table", ".embed-footer"]) await expect(page.locator(sel).isVisible(), sel).resolves.toBe(true);
    await context.close();
  });

  it("with JS off the embed shows title, chart, source line, and the toggle opens notes, data and downloads", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 600, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/embed/${id}/`);
    await expect(page.locator(".figure-title").isVisible()).resolves.toBe(true);
    await expect(page.locator(".chart svg.plot:visible").count()).resolves.toBe(1);
    await expect(page.locator(`.figure-credit a[href="/charts/${id}/"]`).isVisible()).resolves.toBe(true);
    await page.locator(".figure-more > summary").click();
    await expect(page.locator(".figure-source").isVisible()).resolves.toBe(true);
    await page.locator(".embed-menu summary").click();
    await expect(page.locator(`.embed-menu a[href="/charts/${id}/data.csv"]`).isVisible()).resolves.toBe(true);
    await context.close();
  });
});

describe("embed code from a hostile chart page address, pasted into a host page", () => {
  it.each(["good-or-outstanding-over-time", "ways-to-fail", "report-card-builder"])("%s?x=$&/onload=alert(document.domain)//: one iframe of ours, one script, no handler, no dialog", async (chartId) => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/charts/${chartId}/?x=$&/onload=alert(document.domain)//&dark=true%22%3E`);
    const textarea = page.locator("textarea[data-embed-code]");
    await textarea.focus(); // the script rebuilds the code from the address on focus, as on copy
    // Ready: data-embed-for is the query the code in the box was built from.
    await expect.poll(() => page.evaluate(() => document.querySelector<HTMLElement>("textarea[data-embed-code]")!.dataset.embedFor === location.search)).toBe(true);
    const code = await textarea.inputValue();
    // Chromium's own parser: exactly one iframe and one script, both ours, no event handler.
    const parsed = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, "text/html");
      const els = Array.from(doc.body.querySelectorAll("*"));
      return els.map((e) => ({ tag: e.tagName.toLowerCase(), attrs: e.getAttributeNames(), src: e.getAttribute("src") }));
    }, code);
    expect(parsed.map((e) => e.tag)).toEqual(["iframe", "script"]);
    expect(parsed.flatMap((e) => e.attrs).filter((a) => a.startsWith("on"))).toEqual([]);
    expect(new URL(parsed[0]!.src!).pathname).toBe(`/embed/${chartId}/`);
    expect(new URL(parsed[1]!.src!).pathname).toBe("/embed.js");
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(hostPage(`hostile-${chartId}.html`, code.split(SITE).join(base)));
    await settles(page);
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await context.close();
  });
});

describe("copy buttons on the chart page", () => {
  it("copy the embed code (with the page's query as chart state) and the citation", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    await page.goto(`${base}/charts/${id}/?dark=true&x=$%26/onload=alert(1)//`);
    await page.locator("button[data-copy][data-copy-ready]").first().waitFor();
    await page.getByRole("button", { name: "Copy embed code" }).click();
    await expect.poll(() => page.locator(`[data-copy-status="embed-code-${id}"]`).textContent()).toBe("Copied.");
    const clip = await page.evaluate(() => navigator.clipboard.readText());
    // The page's query (where the chart's state lives) is passed through to the embed.
    expect(clip).toContain(`/embed/${id}/#dark"`);
    expect(clip).not.toContain("onload");
    expect(clip).toContain("/embed.js");
    await page.getByRole("button", { name: "Copy citation" }).click();
    await expect.poll(() => page.locator(`[data-copy-status="cite-${id}"]`).textContent()).toBe("Copied.");
    const cite = await page.evaluate(() => navigator.clipboard.readText());
    const today = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    expect(cite).toMatch(new RegExp(`^Source: .+ via Beyond One Word, ${SITE}/charts/${id}/, accessed ${today}\\.$`));
    await context.close();
  });

  it("without clipboard access, selects the code so the reader can copy it", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      Object.defineProperty(navigator, "clipboard", { value: { writeText: () => Promise.reject(new Error("denied")) } });
    });
    await page.goto(`${base}/charts/${id}/`);
    await page.locator("button[data-copy][data-copy-ready]").first().waitFor();
    await page.getByRole("button", { name: "Copy embed code" }).click();
    await expect.poll(() => page.locator(`[data-copy-status="embed-code-${id}"]`).textContent()).toContain("Ctrl+C");
    const selected = await page.evaluate(() => {
      const ta = document.activeElement as HTMLTextAreaElement;
      return ta.value.slice(ta.selectionStart, ta.selectionEnd);
    });
    expect(selected).toMatch(/^<iframe[\s\S]+embed\.js"><\/script>$/);
    await context.close();
  });
});

describe("the embed code's rebuild, loaded on demand", () => {
  /** The code the build wrote into the chart page's box: as Chromium reads the page with scripts off. */
  let built = "";
  beforeAll(async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/charts/${id}/`);
    built = await page.locator("textarea[data-embed-code]").inputValue();
    await context.close();
    // The same text as in the built file (the server serves DIST).
    expect(builtPage(`/charts/${id}/`).querySelector("textarea[data-embed-code]")!.innerHTML).toContain(`/embed/${id}/&quot;`);
  });
  const box = (page: Page) => page.locator("textarea[data-embed-code]");
  const embedFor = (page: Page) => page.evaluate(() => document.querySelector<HTMLElement>("textarea[data-embed-code]")!.dataset.embedFor ?? null);

  /** Every script the page fetches; the rebuild is the one that writes the code's markup (embed-html's data-bow-embed). */
  function scriptsOf(page: Page) {
    const urls: string[] = [];
    const bodies: Promise<string>[] = [];
    page.on("response", (r) => {
      if (!new URL(r.url()).pathname.endsWith(".js")) return;
      urls.push(new URL(r.url()).pathname);
      bodies.push(r.text().catch(() => ""));
    });
    return { urls, rebuilds: async () => (await Promise.all(bodies)).filter((b) => b.includes("data-bow-embed")).length };
  }

  async function open(query = "") {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    const scripts = scriptsOf(page);
    await page.goto(`${base}/charts/${id}/${query}`);
    await page.locator("button[data-copy][data-copy-ready]").first().waitFor();
    return { context, page, scripts };
  }

  async function copyEmbed(page: Page): Promise<string> {
    await page.getByRole("button", { name: "Copy embed code" }).click();
    await expect.poll(() => page.locator(`[data-copy-status="embed-code-${id}"]`).textContent()).toBe("Copied.");
    return page.evaluate(() => navigator.clipboard.readText());
  }

  it("a static chart page with no query never fetches the rebuild, and Copy puts exactly the build-time code on the clipboard", async () => {
    expect(built).toMatch(/^<iframe [\s\S]+embed\.js"><\/script>$/);
    const { context, page, scripts } = await open();
    await expect.poll(() => embedFor(page)).toBe("");
    await box(page).focus();
    expect(await copyEmbed(page)).toBe(built);
    expect(await box(page).inputValue()).toBe(built);
    await page.waitForLoadState("networkidle");
    expect(scripts.urls.length, "the page's own scripts were seen").toBeGreaterThan(0);
    expect(scripts.urls.filter(isOnDemand)).toEqual([]);
    expect(await scripts.rebuilds(), `scripts fetched: ${scripts.urls.join(", ")}`).toBe(0);
    await context.close();
  });

  it("with ?dark=true the box holds the dark code before the reader touches it", async () => {
    const { context, page, scripts } = await open("?dark=true");
    await expect.poll(() => embedFor(page)).toBe("?dark=true");
    const code = await box(page).inputValue();
    expect(code).toBe(built.replace(`/embed/${id}/"`, `/embed/${id}/#dark"`));
    expect(await scripts.rebuilds(), "the rebuild was fetched").toBe(1);
    expect(scripts.urls.filter(isOnDemand)).toHaveLength(1);
    await context.close();
  });

  it("after history.pushState to a query, popstate: the code follows the address, there and back", async () => {
    const { context, page } = await open();
    await expect.poll(() => embedFor(page)).toBe("");
    await page.evaluate(() => {
      history.pushState(null, "", "?dark=true");
      history.pushState(null, "", "?plain");
      history.back(); // popstate, at ?dark=true
    });
    await expect.poll(() => embedFor(page)).toBe("?dark=true");
    expect(await box(page).inputValue()).toContain(`/embed/${id}/#dark"`);
    await page.evaluate(() => history.back()); // popstate, at no query
    await expect.poll(() => embedFor(page)).toBe("");
    expect(await box(page).inputValue()).toBe(built);
    await context.close();
  });

  it("Copy right after the address changed without an event (rebuild not yet loaded) copies the code for the new address", async () => {
    const { context, page, scripts } = await open();
    await expect.poll(() => embedFor(page)).toBe("");
    await page.evaluate(() => history.pushState(null, "", "?dark=false&plain"));
    expect(await scripts.rebuilds()).toBe(0);
    const code = await copyEmbed(page);
    expect(code).toBe(built.replace(`/embed/${id}/"`, `/embed/${id}/#light-plain"`));
    expect(await embedFor(page)).toBe("?dark=false&plain");
    await context.close();
  });

  it("a chart with state: the first change of its controls fetches the rebuild, before the reader reaches Copy", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ["clipboard-read", "clipboard-write"] });
    const page = await context.newPage();
    const scripts = scriptsOf(page);
    await page.goto(`${base}/charts/ways-to-fail/`);
    await page.locator('[data-ways-to-fail][data-enhanced="true"] fieldset:not([disabled])').waitFor({ timeout: 10_000 });
    await expect.poll(() => embedFor(page)).toBe("");
    expect(scripts.urls.filter(isOnDemand), "not before").toEqual([]);
    await page.locator("#wtf-areas").focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => scripts.urls.filter(isOnDemand).length).toBe(1);
    await page.getByRole("button", { name: "Copy embed code" }).click();
    await expect.poll(() => page.locator(`[data-copy-status="embed-code-ways-to-fail"]`).textContent()).toBe("Copied.");
    const code = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(/src="([^"]+)"/.exec(code)![1]!.replace(/&amp;/g, "&")).searchParams.get("areas")).toBe(await page.evaluate(() => new URLSearchParams(location.search).get("areas")));
    await context.close();
  });

  it("if the rebuild cannot be fetched, Copy says so and copies nothing stale; the next Copy tries again", async () => {
    const { context, page } = await open();
    await expect.poll(() => embedFor(page)).toBe("");
    await page.evaluate(() => navigator.clipboard.writeText("before"));
    const rebuild = (url: URL) => isOnDemand(url.pathname);
    await page.route(rebuild, (route) => route.abort());
    await page.evaluate(() => history.pushState(null, "", "?dark=true"));
    const status = page.locator(`[data-copy-status="embed-code-${id}"]`);
    await page.getByRole("button", { name: "Copy embed code" }).click();
    await expect.poll(() => status.textContent()).toMatch(/^Could not update the code for this address: press Copy again/);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("before");
    expect(await embedFor(page)).toBe("");
    await page.unroute(rebuild);
    expect(await copyEmbed(page)).toBe(built.replace(`/embed/${id}/"`, `/embed/${id}/#dark"`));
    await context.close();
  });
});

