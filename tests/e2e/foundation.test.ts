/** The first chart in Chromium: complete with JS off, readable by keyboard with JS on, no axe violations. */
import { describe, expect, inject, it } from "vitest";
import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { useBrowser } from "../support/browser.ts";

const base = inject("baseUrl");
const id = "good-or-outstanding-over-time";
const pages = [`/explainers/what-a-single-word-hid/`, `/charts/${id}/`, `/embed/${id}/`];
const browser = useBrowser();

describe("with JavaScript off", () => {
  it.each(pages)("%s shows the chart's SVG with one mark per data row", async (path) => {
    for (const width of [375, 1280]) {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 800 } });
      const page = await context.newPage();
      await page.goto(base + path);
      const fig = page.locator(`figure[data-chart="${id}"]`);
      const visible = fig.locator("svg.plot:visible");
      await expect(visible.count()).resolves.toBe(1);
      const marks = await visible.locator("g.marks > circle").count();
      const tableRows = await fig.locator("table tbody tr").count();
      expect(marks).toBe(tableRows);
      expect(marks).toBeGreaterThan(10);
      await context.close();
    }
  });
});

describe("with JavaScript on", () => {
  it("keyboard focus on the chart reads each value, and arrow keys move between points", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/charts/${id}/`);
    const plot = page.locator("[data-chart-plot]");
    await expect(plot.getAttribute("tabindex")).resolves.toBe("0");
    await plot.focus();
    const tip = page.locator(".chart-tip");
    await expect(tip.textContent()).resolves.toContain("31 August 2010: 68% good or outstanding");
    await page.keyboard.press("ArrowRight");
    await expect(tip.textContent()).resolves.toContain("31 August 2011: 70%");
    await page.keyboard.press("End");
    await expect(tip.textContent()).resolves.toContain("31 August 2024: 90%");
    await expect(tip.isVisible()).resolves.toBe(true);
    await context.close();
  });

  it("hovering a point shows its value", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/charts/${id}/`);
    const point = page.locator(".chart-at-576 g.marks > circle").nth(1);
    await point.hover();
    await expect(page.locator(".chart-tip").textContent()).resolves.toContain("70%");
    await context.close();
  });
});

describe("accessibility", () => {
  for (const scheme of ["light", "dark"] as const) {
    it.each(pages)(`%s has no axe violations (${scheme})`, async (path) => {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(base + path);
      const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
      const summary = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
      expect(summary).toEqual([]);
      await context.close();
    });
  }
});

describe("screenshots for a person to look at", () => {
  it("the explainer at 375 and 1280 px, light and dark", async () => {
    mkdirSync("reports/screens", { recursive: true });
    for (const width of [375, 1280]) {
      for (const scheme of ["light", "dark"] as const) {
        const context = await browser.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${base}${pages[0]}`);
        const file = `reports/screens/explainer-${width}-${scheme}.png`;
        const png = await page.screenshot({ path: file, fullPage: true });
        expect(png.byteLength).toBeGreaterThan(10_000);
        await context.close();
      }
    }
  });
});
