import { launchBrowser } from "../tests/support/browser.ts";
import { serveStatic } from "../tests/support/static-server.ts";
const server = await serveStatic("dist");
const browser = await launchBrowser();
const css = `@media (max-width: 400px) { .interactive .controls > legend { float: left; width: 100%; padding: 0; margin: 0 0 0.25rem; } .interactive .controls > legend + * { clear: both; } }`;
for (const js of [true, false]) for (const path of ["/embed/report-card-builder/", "/embed/ways-to-fail/", "/charts/report-card-builder/"]) for (const w of [320, 360]) {
  const out: number[] = [];
  for (const inject of [false, true]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: 800 }, bypassCSP: true, javaScriptEnabled: js });
    const page = await ctx.newPage();
    await page.goto(server.url + path);
    if (inject) await page.addStyleTag({ content: css });
    await page.waitForTimeout(300);
    out.push(await page.evaluate(() => document.documentElement.scrollHeight));
    if (inject && w === 320 && js && path.includes("charts/report")) await (await page.$("fieldset"))!.screenshot({ path: "/tmp/builder-320-float.png" });
    await ctx.close();
  }
  console.log(js ? "js" : "nojs", path, w, out.join(" -> "));
}
await browser.close(); await server.close();
