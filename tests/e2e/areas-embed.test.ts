/**
 * An area chart (issue 18) embedded like every other chart, in Chromium, on host pages served from a
 * second localhost server (another origin): the embed code copied from the area page resizes its
 * iframe at 320, 600 and 1000 px; WordPress's sandboxed iframe (#?secret=), Pym's childId and the
 * Datawrapper-style message all carry the height; the oEmbed JSON's iframe is the embed page; the
 * area page passes axe with the chart's small-numbers note; its "Chart (PNG)" button makes the PNG in
 * the browser from the SVG download, under the site's CSP. Runs against the shared fixture site with
 * an import (tests/support/fixture-site.ts: 40 fictional schools, seed 55), served with _headers.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import AxeBuilder from "@axe-core/playwright";
import { useBrowser } from "../support/browser.ts";
import { serveStatic, type RunningServer } from "../support/static-server.ts";
import { AXE_TAGS } from "../support/gates/axe.ts";
import { generateSchools } from "../../src/lib/mi/fixture.ts";
import { areaSlug } from "../../src/lib/areas-report.ts";
import { FIXTURE_SCHOOLS, FIXTURE_SEED } from "../support/fixture-site.ts";

const fixture = generateSchools(FIXTURE_SCHOOLS, FIXTURE_SEED);
/** The first school's local authority: a small area (fewer than 10 report cards among 40 schools). */
const la = areaSlug(fixture[0]!.localAuthority);
const id = `area-la-${la}`;
const SITE = new URL(process.env.SITE_URL ?? "https://beyondoneword.org.uk").origin;
const browser = useBrowser();
let site: RunningServer, host: RunningServer;
const dist = inject("schoolsDist");
let hostDir = "", base = "", copied = "";

beforeAll(async () => {
  site = await serveStatic(dist, 0, { headers: true });
  base = site.url;
  hostDir = mkdtempSync(join(tmpdir(), "bow-area-host-"));
  host = await serveStatic(hostDir);
  const page = await browser.newPage();
  await page.goto(`${base}/areas/la/${la}/`);
  copied = (await page.locator("textarea[data-embed-code]").inputValue()).split(SITE).join(base);
  await page.close();
}, 600_000);

afterAll(async () => {
  await site?.close();
  await host?.close();
  if (hostDir) rmSync(hostDir, { recursive: true, force: true });
});

function hostPage(name: string, body: string): string {
  writeFileSync(join(hostDir, name), `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title></head><body><p>A local paper's story.</p>${body}<p>After.</p></body></html>`);
  return `${host.url}/${name}`;
}

/** Waits until the iframe is within 10 px of its document's height; returns both. */
async function settles(page: Page): Promise<{ iframe: number; doc: number }> {
  const frame = (await (await page.locator("iframe").first().elementHandle())!.contentFrame())!;
  await frame.waitForLoadState("load");
  let last = { iframe: 0, doc: 0 };
  await expect.poll(async () => {
    last = { iframe: await page.locator("iframe").first().evaluate((el) => el.getBoundingClientRect().height), doc: await frame.evaluate(() => document.documentElement.scrollHeight) };
    return Math.abs(last.iframe - last.doc);
  }, { timeout: 15_000, interval: 100 }).toBeLessThanOrEqual(10);
  return last;
}

describe(`area chart ${id}: embeds like every chart`, () => {
  it("the area page's embed code is the iframe to /embed/<id>/ and /embed.js", () => {
    expect(copied).toMatch(new RegExp(`^<iframe title="Report cards in [^"]+" [^>]*src="${base}/embed/${id}/"`));
    expect(copied).toMatch(/<script async src="[^"]+\/embed\.js"><\/script>$/);
  });

  it.each([320, 600, 1000])("at %i px the copied code's iframe settles to the embed's height (our message, via /embed.js)", async (width) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(hostPage(`area-${width}.html`, copied));
    const s = await settles(page);
    expect(s.iframe).toBeGreaterThan(300);
    await context.close();
  });

  it("WordPress's sandboxed iframe, Pym's childId and the Datawrapper-style listener each get the height", async () => {
    const url = hostPage(
      "area-protocols.html",
      `<iframe id="wp" sandbox="allow-scripts" src="${base}/embed/${id}/#?secret=abc123" data-secret="abc123" width="600" height="200" title="wp"></iframe>` +
        `<iframe id="pym" src="${base}/embed/${id}/?childId=area-1&initialWidth=600" width="600" height="200" title="pym"></iframe>` +
        `<script>window.got = { wp: [], pym: [], dw: [] };
          addEventListener("message", function (e) {
            var d = e.data, wp = document.getElementById("wp").contentWindow, pym = document.getElementById("pym").contentWindow;
            if (e.source === wp && d && d.message === "height" && d.secret === "abc123") window.got.wp.push(d.value);
            if (e.source === pym && typeof d === "string" && /^pymxPYMxarea-1xPYMxheightxPYMx\\d+$/.test(d)) window.got.pym.push(d);
            if (d && d["datawrapper-height"] && d["datawrapper-height"]["${id}"] > 0) window.got.dw.push(d["datawrapper-height"]["${id}"]);
          });</script>`,
    );
    const page = await browser.newPage({ viewport: { width: 700, height: 900 } });
    await page.goto(url);
    const got = () => page.evaluate(() => (window as unknown as { got: Record<string, unknown[]> }).got);
    await expect.poll(async () => { const g = await got(); return [g.wp!.length > 0, g.pym!.length > 0, g.dw!.length > 0]; }, { timeout: 15_000 }).toEqual([true, true, true]);
    await page.close();
  });

  it("the embed's credit dates its source: Ofsted's management information as at the file's date (the data table's 'As at')", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/embed/${id}/`);
    const asAt = await page.evaluate(() => {
      const table = document.querySelector(".figure-data table")!;
      const col = [...table.querySelectorAll("thead th")].findIndex((th) => th.textContent!.trim() === "As at");
      return [...table.querySelectorAll("tbody tr")].map((tr) => tr.children[col]!.textContent!.trim());
    });
    // One file, one date: the table shows it as the reader reads it ("31 March 2026").
    expect(asAt.length).toBeGreaterThan(0);
    expect(new Set(asAt).size).toBe(1);
    expect(asAt[0]).toMatch(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
    const credit = page.locator(".figure-credit");
    await expect(credit.textContent()).resolves.toBe(`Beyond One Word · Source: Ofsted management information, ${asAt[0]}`);
    await expect(credit.evaluate((el) => el.scrollWidth - el.clientWidth)).resolves.toBe(0);
    await context.close();
  });

  it("oEmbed returns the same iframe; the SVG and CSV downloads hold the area's rows", async () => {
    const o = JSON.parse(readFileSync(join(dist, "oembed", `${id}.json`), "utf8"));
    expect(o).toMatchObject({ type: "rich", version: "1.0" });
    expect(o.html).toContain(`/embed/${id}/`);
    expect(readFileSync(join(dist, "charts", id, "chart.svg"), "utf8")).toMatch(/^<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const csv = readFileSync(join(dist, "charts", id, "data.csv"), "utf8");
    expect(csv.split("\n")[1]).toContain(fixture[0]!.localAuthority.includes(",") ? `"${fixture[0]!.localAuthority}"` : fixture[0]!.localAuthority);
  });

  it.each([`/areas/la/${la}/`, `/embed/${id}/`])("%s: the PNG button saves a PNG at twice the SVG download's size, made in the browser under the CSP", async (path) => {
    const svg = readFileSync(join(dist, "charts", id, "chart.svg"), "utf8");
    const w = Number(/width="(\d+)"/.exec(svg)![1]), h = Number(/height="(\d+)"/.exec(svg)![1]);
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(base + path);
    if (path.startsWith("/embed/")) {
      await page.locator("details.figure-more > summary").click();
      await page.locator(".embed-menu summary").click();
    }
    const button = page.locator("button[data-png-from]");
    await button.waitFor({ state: "visible" });
    const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
    expect(download.suggestedFilename()).toBe(`${id}.png`);
    const file = join(hostDir, `dl-${path.split("/")[1]}.png`);
    await download.saveAs(file);
    const png = readFileSync(file);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([w * 2, h * 2]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the area page and its embed pass axe, light and dark", async () => {
    const found: string[] = [];
    for (const colorScheme of ["light", "dark"] as const) {
      const ctx = await browser.newContext({ colorScheme });
      const page = await ctx.newPage();
      for (const path of [`/areas/la/${la}/`, `/embed/${id}/`, "/areas/"]) {
        await page.goto(base + path);
        const r = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        found.push(...r.violations.map((v) => `${path} (${colorScheme}): ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`));
      }
      await ctx.close();
    }
    expect(found).toEqual([]);
  });

  it("the /schools/ search finds the area by name and by a postcode district, and opens it", async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/schools/`);
    await page.fill("#school-search-input", fixture[0]!.localAuthority);
    await page.locator(`#school-search-results a[href="/areas/la/${la}/"]`).waitFor();
    const district = fixture[0]!.postcode.split(" ")[0]!;
    await page.fill("#school-search-input", district);
    await page.locator(`#school-search-results a[href^="/areas/"]`).first().waitFor();
    await page.fill("#school-search-input", fixture[0]!.localAuthority);
    await page.locator(`#school-search-results a[href="/areas/la/${la}/"]`).waitFor();
    await page.press("#school-search-input", "Enter");
    await page.waitForURL(`**/areas/la/${la}/`);
    expect(await page.textContent("h1")).toBe(`Schools in ${fixture[0]!.localAuthority}`);
    await page.close();
  });
});
