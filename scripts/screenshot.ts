/**
 * Screenshots built pages at phone and desktop widths, light and dark, for a person to look at.
 * Usage: node scripts/screenshot.ts [path ...]   (serves dist/ itself; writes reports/screens/)
 */
import { mkdirSync } from "node:fs";
import { serveStatic } from "../tests/support/static-server.ts";
import { launchBrowser } from "../tests/support/browser.ts";

const paths = process.argv.slice(2).length ? process.argv.slice(2) : ["/"];
const out = "reports/screens";
mkdirSync(out, { recursive: true });
const server = await serveStatic(process.env.BOW_DIST ?? "dist");
const browser = await launchBrowser();
try {
  for (const path of paths) {
    for (const width of [375, 1280]) {
      for (const scheme of ["light", "dark"] as const) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
        const page = await context.newPage();
        await page.goto(server.url + path, { waitUntil: "load" });
        const name = `${out}/${path.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}-${width}-${scheme}.png`;
        await page.screenshot({ path: name, fullPage: true });
        console.log(name);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
