/**
 * The print-only QR codes scan: every page that carries one (charts, explainers, areas...) is opened
 * as printed (print media) in Chromium, its QR is rasterised by a screenshot at print-like
 * resolutions, and jsQR (a decoder independent of the qrcode encoder) must read the page's own
 * canonical URL from it. The QR holds the scheme and host upper-case (src/lib/qr.ts): a URL parser
 * reads them back as the canonical URL. Error correction stays at level M: with 6% of the symbol
 * blanked out in its middle it still reads (at level L it does not: checked when this was written).
 */
import { describe, expect, inject, it } from "vitest";
import jsQR from "jsqr";
import type { Page } from "playwright-core";
import { useBrowser } from "../support/browser.ts";
import { discoverPages, readPage } from "../support/gates/pages.ts";
import { DIST } from "../support/dist.ts";

const base = inject("baseUrl");
const browser = useBrowser();

/** Every built page with a print QR. */
const withQr = discoverPages(DIST).filter((p) => readPage(DIST, p).includes('class="qr-code"'));

/** The pixels of a PNG, via the page's own canvas (no PNG decoder needed in Node). */
async function pixels(page: Page, png: Buffer): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  const { data, width, height } = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    return { data: Array.from(ctx.getImageData(0, 0, canvas.width, canvas.height).data), width: canvas.width, height: canvas.height };
  }, png.toString("base64"));
  return { data: Uint8ClampedArray.from(data), width, height };
}

/** Opens `path` as printed at a device scale, screenshots its QR (with `blank` of its data area covered white), decodes it. */
async function scan(path: string, scale: number, blank = 0): Promise<{ text: string | null; side: number }> {
  const context = await browser.newContext({ viewport: { width: 800, height: 1000 }, deviceScaleFactor: scale });
  const page = await context.newPage();
  try {
    await page.goto(base + path);
    await page.emulateMedia({ media: "print" });
    const qr = page.locator(".print-extras .print-qr svg").first();
    if (blank > 0)
      await qr.evaluate((svg, share) => {
        // A white square over the middle of the symbol (data and error-correction codewords only; finders untouched).
        const [x, y, w] = svg.getAttribute("viewBox")!.split(" ").map(Number) as [number, number, number];
        const side = Math.sqrt(share) * (w - 4);
        const r = document.createElementNS("http://www.w3.org/2000/svg", "rect");
        r.setAttribute("x", String(x + w / 2 - side / 2));
        r.setAttribute("y", String(y + w / 2 - side / 2));
        r.setAttribute("width", String(side));
        r.setAttribute("height", String(side));
        r.setAttribute("fill", "#fff");
        svg.append(r);
      }, blank);
    const png = await qr.screenshot();
    const { data, width, height } = await pixels(page, png);
    return { text: jsQR(data, width, height)?.data ?? null, side: width };
  } finally {
    await context.close();
  }
}

describe("print QR codes scan to the page's canonical URL", () => {
  it("there are pages with a QR to scan (charts and explainers at least)", () => {
    expect(withQr.filter((p) => p.startsWith("/charts/") && p !== "/charts/").length).toBeGreaterThanOrEqual(10);
    expect(withQr.some((p) => p.startsWith("/explainers/") && p !== "/explainers/")).toBe(true);
  });

  it.each(withQr)("%s at 16 mm as printed at about 300 dpi (3x) and 150 dpi (1.5x)", async (path) => {
    const canonical = readPage(DIST, path).match(/<link rel="canonical" href="([^"]+)"/)?.[1];
    expect(canonical, "canonical link").toBeTruthy();
    for (const scale of [3, 1.5]) {
      const { text, side } = await scan(path, scale);
      expect(text, `${path} at ${scale}x (${side} px)`).not.toBeNull();
      expect(new URL(text!).href, `${path} at ${scale}x`).toBe(canonical);
      // scheme and host only change case; the path is byte for byte the canonical one
      expect(text!.toLowerCase()).toBe(canonical!.toLowerCase());
      expect(new URL(text!).pathname).toBe(new URL(canonical!).pathname);
    }
  });

  it("keeps level-M error correction: with 6% of the symbol blanked out in its middle it still reads (at level L it does not)", async () => {
    for (const path of withQr.filter((p) => /^\/(charts|explainers)\/[^/]+\/$/.test(p)).slice(0, 3)) {
      const { text } = await scan(path, 3, 0.06);
      expect(text, path).not.toBeNull();
      expect(new URL(text!).pathname).toBe(path);
    }
  });
});
