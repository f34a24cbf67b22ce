/**
 * Measures every chart's compact embed page in Chromium at each oEmbed width (OEMBED_WIDTHS; JS on
 * and off, the taller wins) and writes src/lib/embed-heights-by-width.json (oEmbed's per-width
 * answers) and src/lib/embed-heights.json (600 px: the chart page's embed code, read by
 * src/render/chart.ts embedHeight). Run after a build when a chart's layout changes:
 *   npm run embeds:measure [-- <dist folder>]     (default: dist)
 * tests/e2e/embed.test.ts fails, naming this command, when a default no longer fits.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { serveStatic } from "../tests/support/static-server.ts";
import { launchBrowser } from "../tests/support/browser.ts";
import { CHARTS } from "../src/render/charts.ts";
import { EMBED_DEFAULT_WIDTH, OEMBED_WIDTHS } from "../src/lib/embed-code.ts";

const dist = process.argv[2] ?? "dist";
const out600 = "src/lib/embed-heights.json";
const outByWidth = "src/lib/embed-heights-by-width.json";
const server = await serveStatic(dist);
const browser = await launchBrowser();
/** Charts not in this build keep their last measurement. */
const read = <T>(f: string, empty: T): T => (existsSync(f) ? (JSON.parse(readFileSync(f, "utf8")) as T) : empty);
const heights = read<Record<string, number>>(out600, {});
const byWidth = read<Record<string, Record<string, number>>>(outByWidth, {});
try {
  for (const chart of CHARTS) {
    if (!existsSync(join(dist, "embed", chart.id, "index.html"))) {
      console.warn(`skip ${chart.id}: not in ${dist} (build first)`);
      continue;
    }
    const row: Record<string, number> = {};
    for (const width of OEMBED_WIDTHS) {
      let max = 0;
      for (const javaScriptEnabled of [true, false]) {
        const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 2400 } });
        const page = await context.newPage();
        await page.goto(`${server.url}/embed/${chart.id}/`, { waitUntil: "load" });
        await page.waitForTimeout(javaScriptEnabled ? 700 : 100);
        max = Math.max(max, await page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)));
        await context.close();
      }
      row[String(width)] = max;
    }
    byWidth[chart.id] = row;
    heights[chart.id] = row[String(EMBED_DEFAULT_WIDTH)]!;
    console.log(`${chart.id}: ${OEMBED_WIDTHS.map((w) => `${w}->${row[String(w)]}`).join(" ")}`);
  }
} finally {
  await browser.close();
  await server.close();
}
const sorted = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(out600, JSON.stringify(sorted(heights), null, 2) + "\n");
writeFileSync(outByWidth, JSON.stringify(sorted(byWidth), null, 2) + "\n");
console.log(`wrote ${out600} and ${outByWidth}`);
