/** Launches Debian's Chromium through playwright-core; nothing downloads a browser. */
import { afterAll, beforeAll } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { existsSync } from "node:fs";

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export function chromiumPath(): string {
  const path = process.env.CHROME_PATH ?? "/usr/bin/chromium";
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: install Debian's chromium or set CHROME_PATH`);
  return path;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
}

/**
 * One Chromium for a test file: launched before the file's tests (before hooks registered after
 * this call) and closed after them. Returns a stand-in that forwards to the launched browser, so a
 * file writes `const browser = useBrowser();` and uses it as a Browser.
 */
export function useBrowser(): Browser {
  let launched: Browser | undefined;
  beforeAll(async () => {
    launched = await launchBrowser();
  });
  afterAll(async () => {
    await launched?.close();
  });
  return new Proxy({} as Browser, {
    get(_, key) {
      if (!launched) throw new Error("useBrowser: the browser is used before its beforeAll hook ran");
      const value = Reflect.get(launched, key, launched) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(launched) : value;
    },
  });
}

/** A page as a phone opens it: touch, mobile viewport `width` x 800, 2x pixels, light or dark, loaded. */
export async function openPhone(browser: Browser, url: string, width: number, scheme: "light" | "dark" = "light"): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  return page;
}
