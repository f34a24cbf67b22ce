/**
 * Pym.js and Datawrapper-style hosts, driven by their own code on a second origin, with our site
 * served with its _headers applied: pym.js 1.3.2 from npm (`new pym.Parent(id, url)`) with the
 * container ids CMSs really use (`chart.1`, `graphic:bow`, 70 characters, and one made of markup),
 * (Pym builds its message RegExp from the raw id, so an id with "(" cannot work with Pym's own
 * parent whatever the child sends; the markup id here has none), and the two Datawrapper listeners newsrooms already run. The iframe's box must equal the embed's
 * content height, nothing clipped. Also: the host page logs no postMessage error from /embed.js,
 * and only /embed/* may be framed by another site.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { useBrowser } from "../support/browser.ts";
import { DIST } from "../support/dist.ts";
import { boxAndContent, frameOf, SITE, startHosts, type Hosts } from "../support/hosts.ts";

const browser = useBrowser();
let hosts: Hosts;
beforeAll(async () => {
  hosts = await startHosts();
});
afterAll(() => hosts?.close());

async function settled(page: Page, selector: string) {
  let last = await boxAndContent(page, selector);
  await expect
    .poll(
      async () => {
        last = await boxAndContent(page, selector);
        return Math.abs(last.height - last.content);
      },
      { timeout: 15_000, interval: 150 },
    )
    .toBeLessThanOrEqual(1);
  expect(last.scrollHeight, "nothing clipped at the bottom").toBeLessThanOrEqual(last.innerHeight);
  expect(last.scrollWidth, "nothing clipped at the side").toBeLessThanOrEqual(last.clientWidth);
  return last;
}

const js = (s: string) => JSON.stringify(s).replace(/</g, "\\u003c");
const LONG_ID = "story-2026-11-26-ofsted-report-cards-ways-to-fail-embed-section-two-a1";

describe("Pym.js 1.3.2: new pym.Parent(containerId, url) with the ids CMSs use", () => {
  it.each(["chart.1", "graphic:bow", LONG_ID, "x\"><img src=x onerror=alert`1`>"])("container id %s: the iframe takes the embed's height", async (containerId) => {
    expect(LONG_ID.length).toBe(70);
    const id = "ways-to-fail";
    const url = hosts.page(
      `pym-${containerId.replace(/[^a-z0-9]/gi, "_").slice(0, 24)}.html`,
      `<div id="pym-holder"></div><script src="/pym.v1.js"></script>` +
        `<script>var d = document.createElement("div"); d.id = ${js(containerId)}; document.getElementById("pym-holder").appendChild(d);` +
        `window.pymParent = new pym.Parent(${js(containerId)}, ${js(`${hosts.site}/embed/${id}/`)}, {});</script>`,
    );
    const context = await browser.newContext({ viewport: { width: 700, height: 900 } });
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(url);
    const frame = await frameOf(page, "#pym-holder iframe");
    expect(new URL(frame.url()).searchParams.get("childId")).not.toBeNull();
    const s = await settled(page, "#pym-holder iframe");
    expect(s.height).toBeGreaterThan(300);
    expect(s.width).toBeGreaterThanOrEqual(600);
    // The id went back to Pym as data; it is nowhere in the embed's markup.
    expect(await frame.content()).not.toContain("onerror");
    expect(dialogs).toEqual([]);
    await context.close();
  });
});

describe("Datawrapper-style listeners already on newsroom pages", () => {
  const oembedHtml = (id: string) =>
    (JSON.parse(readFileSync(join(DIST, `oembed/${id}.json`), "utf8")) as { html: string }).html.split(SITE).join(hosts.site);

  it("the newer snippet (matches contentWindow === event.source) sets the height", async () => {
    const url = hosts.page(
      "dw-new.html",
      `<div id="dw">${oembedHtml("key-judgements")}</div>` +
        `<script>!function(){"use strict";window.addEventListener("message",(function(a){if(void 0!==a.data["datawrapper-height"]){var e=document.querySelectorAll("iframe");for(var t in a.data["datawrapper-height"])for(var r=0;r<e.length;r++)if(e[r].contentWindow===a.source){var i=a.data["datawrapper-height"][t]+"px";e[r].style.height=i}}}))}();</script>`,
    );
    const context = await browser.newContext({ viewport: { width: 375, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.locator("#dw iframe").scrollIntoViewIfNeeded();
    await settled(page, "#dw iframe");
    await context.close();
  });

  it("the older snippet (finds the iframe whose src contains the id) sets the height", async () => {
    const url = hosts.page(
      "dw-old.html",
      `<div id="dw">${oembedHtml("ways-to-fail")}</div>` +
        `<script>window.addEventListener("message",function(a){if(void 0!==a.data["datawrapper-height"])for(var e in a.data["datawrapper-height"]){var t=document.getElementById("datawrapper-chart-"+e)||document.querySelector("iframe[src*='"+e+"']");t&&(t.style.height=a.data["datawrapper-height"][e]+"px")}});</script>`,
    );
    const context = await browser.newContext({ viewport: { width: 700, height: 900 } });
    const page = await context.newPage();
    await page.goto(url);
    await settled(page, "#dw iframe");
    await context.close();
  });
});

describe("/embed.js on a host page", () => {
  it("logs no postMessage error for a lazy iframe that has not navigated yet, and sizes it once it has", async () => {
    const code = (JSON.parse(readFileSync(join(DIST, "oembed/key-judgements.json"), "utf8")) as { html: string }).html.split(SITE).join(hosts.site);
    const url = hosts.page("lazy.html", `<div style="height:4000px">Long article</div><div id="e">${code}</div><script async src="${hosts.site}/embed.js"></script>`);
    const context = await browser.newContext({ viewport: { width: 700, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    // Chromium reports this one as a console warning: "Failed to execute 'postMessage' on 'DOMWindow':
    // The target origin provided (...) does not match the recipient window's origin (...)".
    page.on("console", (m) => ["error", "warning"].includes(m.type()) && /postMessage/.test(m.text()) && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    await expect.poll(() => page.evaluate(() => Object.keys(window).some((k) => k.startsWith("__bowEmbed")))).toBe(true);
    await page.waitForTimeout(500);
    expect(errors).toEqual([]);
    await page.locator("#e iframe").scrollIntoViewIfNeeded();
    const s = await settled(page, "#e iframe");
    expect(await page.locator("#e iframe").evaluate((el) => (el as HTMLIFrameElement).style.height)).toBe(`${Math.round(s.height)}px`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe("frame-ancestors from _headers, in the browser", () => {
  it("another site may frame /embed/<id>/ but not the chart's page", async () => {
    const url = hosts.page(
      "frames.html",
      `<iframe id="embed" src="${hosts.site}/embed/key-judgements/" width="600" height="400" title="embed"></iframe>` +
        `<iframe id="page" src="${hosts.site}/charts/key-judgements/" width="600" height="400" title="page"></iframe>`,
    );
    const context = await browser.newContext({ viewport: { width: 700, height: 900 } });
    const page = await context.newPage();
    const refused: string[] = [];
    page.on("console", (m) => /frame-ancestors/.test(m.text()) && refused.push(m.text()));
    await page.goto(url);
    const embed = await frameOf(page, "#embed");
    expect(await embed.locator("figure[data-chart]").count()).toBe(1);
    await expect.poll(() => refused.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(refused.join("\n")).toContain("frame-ancestors 'self'");
    expect(refused).toHaveLength(1); // the chart page, not the embed
    const blocked = page.frames().find((f) => f !== page.mainFrame() && f !== embed);
    expect(await blocked!.evaluate(() => document.querySelector("figure[data-chart]") !== null).catch(() => false)).toBe(false);
    await context.close();
  });
});
