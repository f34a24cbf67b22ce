/**
 * Chart thumbnails on the visual indexes (home, /charts/) follow the reader's colour scheme: in dark
 * mode each is the chart drawn in the dark theme's colours (chart-dark.svg), not a white box on a dark
 * page; in light mode the light file. Read as the browser chose it (currentSrc) and as it looks (the
 * middle of the thumbnail's ground, sampled from a screenshot).
 */
import { describe, expect, inject, it } from "vitest";
import { useBrowser } from "../support/browser.ts";

const base = inject("baseUrl");
const browser = useBrowser();

/** Relative luminance of an sRGB colour (WCAG). */
const luminance = ([r, g, b]: number[]) => {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
};

describe("chart thumbnails follow the reader's colour scheme", () => {
  for (const path of ["/", "/charts/"]) {
    for (const scheme of ["light", "dark"] as const) {
      it(`${path} in ${scheme} mode`, async () => {
        const context = await browser.newContext({ viewport: { width: 375, height: 800 }, colorScheme: scheme, deviceScaleFactor: 1 });
        const page = await context.newPage();
        await page.goto(base + path, { waitUntil: "load" });
        const thumbs = page.locator("img.chart-thumb");
        const n = await thumbs.count();
        expect(n).toBeGreaterThan(0);
        for (let i = 0; i < n; i++) {
          const img = thumbs.nth(i);
          await img.scrollIntoViewIfNeeded();
          await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
          const src = await img.evaluate((el: HTMLImageElement) => new URL(el.currentSrc).pathname);
          expect(src, `thumbnail ${i}`).toMatch(scheme === "dark" ? /^\/charts\/[\w-]+\/chart-dark\.svg$/ : /^\/charts\/[\w-]+\/chart\.svg$/);
        }
        // How the first one looks: its top-left corner is the file's ground (no chart there), read
        // from the picture the browser chose, drawn on a canvas (same origin, so readable).
        const rgb = await thumbs.first().evaluate((el: HTMLImageElement) => {
          const canvas = document.createElement("canvas");
          canvas.width = el.naturalWidth;
          canvas.height = el.naturalHeight;
          const ctx = canvas.getContext("2d")!;
          ctx.drawImage(el, 0, 0);
          return Array.from(ctx.getImageData(3, 3, 1, 1).data.slice(0, 3));
        });
        const ground = luminance(rgb);
        if (scheme === "dark") expect(ground, "a dark ground, not a white box").toBeLessThan(0.05);
        else expect(ground).toBeGreaterThan(0.9);
        await context.close();
      });
    }
  }
});
