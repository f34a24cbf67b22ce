/**
 * Measures every chart's embed page at 600 px wide in Chromium (JS on and off, the taller wins) and
 * writes src/lib/embed-heights.json, from which the embed code's default iframe height is set
 * (src/render/chart.ts embedHeight). Run after a build when a chart's layout changes:
 *   npm run embeds:measure [-- <dist folder>]     (default: dist)
 * tests/e2e/embed.test.ts fails, naming this command, when a default no longer fits.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "../tests/support/static-server.ts";
import { launchBrowser } from "../tests/support/browser.ts";
import { CHARTS } from "../src/charts/index.ts";
import { EMBED_DEFAULT_WIDTH } from "../src/lib/embed-code.ts";

const dist = process.argv[2] ?? "dist";
const out = "src/lib/embed-heights.json";
const server = await serveStatic(dist);
const browser = await launchBrowser();
/** Charts not in this build keep their last measurement. */
const heights: Record<string, number> = existsSync(out) ? JSON.parse(readFileSync(out, "utf8")) : {};
try {
  for (const chart of CHARTS) {
    if (!existsSync(join(dist, "embed", chart.id, "index.html"))) {
      console.warn(`skip ${chart.id}: not in ${dist} (build first)`);
      continue;
    }
    let max = 0;
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: EMBED_DEFAULT_WIDTH, height: 2400 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/embed/${chart.id}/`, { waitUntil: "load" });
      await page.waitForTimeout(500);
      max = Math.max(max, await page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)));
      await context.close();
    }
    heights[chart.id] = max;
    console.log(`${chart.id}: ${max} px at ${EMBED_DEFAULT_WIDTH} px wide`);
  }
} finally {
  await browser.close();
  await server.close();
}
const sorted = Object.fromEntries(Object.entries(heights).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(out, JSON.stringify(sorted, null, 2) + "\n");
console.log(`wrote ${out}`);
