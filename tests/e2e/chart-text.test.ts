/**
 * Chart text as readers see it (issue 15 item 1): on every chart page at 320 and 375 px and every
 * embed at 320, 600 and 1,000 px, the drawing shown is the one for its width, and each of its text
 * elements is at least 12 px on screen (computed font size times the SVG's scale), inside its SVG,
 * and clear of every other text element and of every point (circle) drawn.
 */
import { describe, expect, inject, it } from "vitest";
import { CHARTS } from "../../src/render/charts.ts";
import { useBrowser } from "../support/browser.ts";

const base = inject("baseUrl");
const browser = useBrowser();

interface TextReport {
  readonly svgs: number;
  readonly texts: { text: string; px: number; outside: boolean }[];
  readonly overlaps: string[];
  /** Text that covers a point (a circle drawn as a data mark). */
  readonly onPoints: string[];
}

async function measure(path: string, width: number): Promise<TextReport> {
  // JavaScript off: the build-time drawings as every reader first gets them (the builder swaps its own in).
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(base + path);
  const report = await page.evaluate(() => {
    const svgs = Array.from(document.querySelectorAll<SVGSVGElement>("[data-chart-plot] svg.plot")).filter((s) => s.getClientRects().length > 0);
    const texts: { text: string; px: number; outside: boolean }[] = [];
    const overlaps: string[] = [];
    const onPoints: string[] = [];
    for (const svg of svgs) {
      const points = Array.from(svg.querySelectorAll<SVGCircleElement>("circle")).map((c) => ({ r: c.getBoundingClientRect(), what: c.querySelector("title")?.textContent ?? "a point" }));
      const box = svg.getBoundingClientRect();
      const scale = box.width / svg.viewBox.baseVal.width;
      const els = Array.from(svg.querySelectorAll<SVGTextElement>("text")).filter((t) => (t.textContent ?? "").trim() !== "");
      const rects = els.map((t) => t.getBoundingClientRect());
      els.forEach((t, i) => {
        const r = rects[i]!;
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        const outside = r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
        texts.push({ text: t.textContent!.trim(), px, outside });
        for (let j = 0; j < i; j++) {
          const o = rects[j]!;
          // Glyph boxes include line-height padding; a pixel of shared edge is not a collision.
          const w = Math.min(r.right, o.right) - Math.max(r.left, o.left);
          const h = Math.min(r.bottom, o.bottom) - Math.max(r.top, o.top);
          if (w > 1 && h > 3) overlaps.push(`"${els[j]!.textContent!.trim()}" and "${t.textContent!.trim()}"`);
        }
        for (const p of points) {
          const w = Math.min(r.right, p.r.right) - Math.max(r.left, p.r.left);
          const h = Math.min(r.bottom, p.r.bottom) - Math.max(r.top, p.r.top);
          if (w > 1 && h > 3) onPoints.push(`"${t.textContent!.trim()}" on ${p.what}`);
        }
      });
    }
    return { svgs: svgs.length, texts, overlaps, onPoints };
  });
  await context.close();
  return report;
}

const cases = [
  ...CHARTS.flatMap((c) => [320, 375].map((w) => [`/charts/${c.id}/`, w] as const)),
  ...CHARTS.flatMap((c) => [320, 600, 1000].map((w) => [`/embed/${c.id}/`, w] as const)),
];

describe("chart text on screen", () => {
  it.each(cases)("%s at %i px: one drawing shown, text >= 12 px, inside the SVG, no collisions with text or points", async (path, width) => {
    const r = await measure(path, width);
    expect(r.svgs).toBe(1);
    expect(r.texts.length).toBeGreaterThan(0);
    expect(r.texts.filter((t) => t.px < 11.99).map((t) => `${t.text} (${t.px.toFixed(1)} px)`)).toEqual([]);
    expect(r.texts.filter((t) => t.outside).map((t) => t.text)).toEqual([]);
    expect(r.overlaps).toEqual([]);
    expect(r.onPoints).toEqual([]);
  });
});

