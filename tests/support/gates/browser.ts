/** Shared helpers for the browser gates: waiting for a page's network to settle, gzip sizes. */
import { gzipSync } from "node:zlib";
import type { Page, Response } from "playwright-core";

export function gzipBytes(body: Buffer | string): number {
  return gzipSync(body, { level: 9 }).length;
}

/** True for URLs served by the local test server (or not fetched at all). */
export function isLocal(url: string, baseUrl: string): boolean {
  if (/^(data|blob|about|chrome-error):/i.test(url)) return true;
  try {
    const u = new URL(url);
    return u.origin === new URL(baseUrl).origin;
  } catch {
    return false;
  }
}

/** Counts in-flight requests of a page so a test can wait until nothing is loading. */
export function trackInflight(page: Page): () => number {
  let inflight = 0;
  page.on("request", () => inflight++);
  page.on("requestfinished", () => inflight--);
  page.on("requestfailed", () => inflight--);
  return () => inflight;
}

/** Scrolls through the page (charts load their code when near the viewport), then waits for the network to go quiet. */
export async function settle(page: Page, inflight: () => number, { scroll = true as boolean | "figure", quietMs = 150, maxMs = 4000 } = {}): Promise<void> {
  if (scroll === "figure") {
    // Enough for a chart that loads its code when near the viewport; cheaper than scrolling the page.
    await page.evaluate(() => document.querySelector("figure[data-chart]")?.scrollIntoView());
  } else if (scroll) {
    await page.evaluate(async () => {
      const step = Math.max(200, window.innerHeight - 100);
      for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
        window.scrollTo(0, y);
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      }
      window.scrollTo(0, document.documentElement.scrollHeight);
      await new Promise((r) => setTimeout(r, 50));
    });
  }
  const end = Date.now() + maxMs;
  let quietSince = Date.now();
  while (Date.now() < end) {
    if (inflight() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * page.goto, retried (up to 3 tries) when a navigation the previous page started late interrupts
 * it ("interrupted by another navigation"), which happens on a busy machine between loads.
 */
export async function gotoRetry(page: Page, url: string): Promise<Response | null> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await page.goto(url, { waitUntil: "load" });
    } catch (e) {
      if (attempt >= 3 || !/interrupted by another navigation|ERR_ABORTED/.test(String((e as Error).message))) throw e;
      await page.waitForTimeout(200);
    }
  }
}
