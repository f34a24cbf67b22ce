/**
 * Privacy, CSP and JS-budget gate: loads each page in a fresh browser context (a first visit, empty
 * cache), scrolls through it so code loaded "when visible" loads too, and records
 *  - every request that leaves the local server (none allowed: fonts, scripts, images, analytics),
 *  - Content-Security-Policy violations (console messages and securitypolicyviolation events),
 *  - uncaught script errors,
 *  - the JavaScript the page ran: gzip bytes of each script response (and of any inline script).
 */
import type { Browser } from "playwright-core";
import { gzipBytes, isLocal, settle, trackInflight } from "./browser.ts";
import type { Finding } from "./pages.ts";

export interface ScriptLoad {
  readonly url: string;
  readonly raw: number;
  readonly gzip: number;
}

export interface PageLoad {
  readonly page: string;
  readonly ms: number;
  readonly scripts: ScriptLoad[];
  readonly jsRaw: number;
  readonly jsGzip: number;
  readonly external: string[];
  readonly csp: string[];
  readonly errors: string[];
}

declare global {
  interface Window {
    __bowCsp?: string[];
  }
}

export async function loadPages(browser: Browser, baseUrl: string, pages: readonly string[]): Promise<PageLoad[]> {
  const out: PageLoad[] = [];
  for (const path of pages) {
    const t0 = performance.now();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const external: string[] = [];
    await context.route(
      (url) => !isLocal(url.href, baseUrl),
      (route) => {
        external.push(route.request().url());
        return route.abort("blockedbyclient");
      },
    );
    await context.addInitScript(() => {
      window.__bowCsp = [];
      document.addEventListener("securitypolicyviolation", (e) => {
        window.__bowCsp!.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
      });
    });
    const page = await context.newPage();
    const inflight = trackInflight(page);
    const csp: string[] = [];
    const errors: string[] = [];
    const bodies: Promise<ScriptLoad | null>[] = [];
    page.on("console", (msg) => {
      const text = msg.text();
      if (/Content[- ]Security[- ]Policy/i.test(text)) csp.push(text);
      else if (msg.type() === "error" && !/ERR_BLOCKED_BY_CLIENT/.test(text)) errors.push(`console: ${text}`);
    });
    page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      bodies.push(
        response
          .body()
          .then((b) => ({ url: response.url().replace(baseUrl, ""), raw: b.length, gzip: gzipBytes(b) }))
          .catch(() => null),
      );
    });
    await page.goto(baseUrl + path, { waitUntil: "load" });
    await settle(page, inflight);
    const inline = await page.evaluate(() =>
      Array.from(document.querySelectorAll("script:not([src])"))
        .filter((s) => !/json|speculationrules|text\/plain/i.test(s.getAttribute("type") ?? ""))
        .map((s) => s.textContent ?? ""),
    );
    for (const v of await page.evaluate(() => window.__bowCsp ?? [])) if (!csp.some((c) => c.includes(v))) csp.push(v);
    const scripts = (await Promise.all(bodies)).filter((s): s is ScriptLoad => s !== null);
    for (const [i, text] of inline.entries()) scripts.push({ url: `(inline script ${i + 1})`, raw: Buffer.byteLength(text), gzip: gzipBytes(text) });
    await context.close();
    out.push({
      page: path,
      ms: performance.now() - t0,
      scripts,
      jsRaw: scripts.reduce((s, x) => s + x.raw, 0),
      jsGzip: scripts.reduce((s, x) => s + x.gzip, 0),
      external,
      csp,
      errors,
    });
  }
  return out;
}

export interface Budget {
  readonly bytes: number;
  readonly why: string;
}

export function checkLoads(loads: readonly PageLoad[], budgetOf: (page: string) => Budget): Finding[] {
  const findings: Finding[] = [];
  for (const l of loads) {
    for (const u of l.external) findings.push({ gate: "network", page: l.page, rule: "external-request", message: `request left the site: ${u}` });
    for (const c of l.csp) findings.push({ gate: "network", page: l.page, rule: "csp-violation", message: c });
    for (const e of l.errors) findings.push({ gate: "network", page: l.page, rule: "script-error", message: e });
    const budget = budgetOf(l.page);
    if (l.jsGzip > budget.bytes) {
      const list = l.scripts.map((s) => `${s.url} ${s.gzip} B`).join(", ");
      findings.push({ gate: "network", page: l.page, rule: "js-budget", message: `${l.jsGzip} B of JS (gzip) > ${budget.bytes} B budget (${budget.why}): ${list}` });
    }
  }
  return findings;
}

export function jsTable(loads: readonly PageLoad[], budgetOf: (page: string) => Budget): string {
  const rows = loads.map((l) => [l.page, String(l.scripts.length), (l.jsRaw / 1024).toFixed(1), (l.jsGzip / 1024).toFixed(1), (budgetOf(l.page).bytes / 1024).toFixed(0), l.ms.toFixed(0)]);
  const head = ["page", "scripts", "JS KB raw", "JS KB gzip", "budget KB", "load ms"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [fmt(head), ...rows.map(fmt)].join("\n");
}
