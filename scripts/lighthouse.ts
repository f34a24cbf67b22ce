/**
 * `npm run audit:lighthouse`: Lighthouse (npm package, Debian's Chromium) in its default mobile mode
 * on four page types of the built site (home, an explainer, a chart page, that chart's embed page),
 * served from dist/ (or BOW_DIST) on localhost by tests/support/static-server.ts, gzipped as every
 * static host we name serves it (uncompressed, the 127 KB explainer HTML alone cost 2 points).
 * Prints the four category scores and LCP, CLS, TBT per page; saves each JSON report under
 * reports/lighthouse/; exits 1 if any page scores below: performance 95, accessibility 100,
 * best practices 100, SEO 95 (SEO not for the embed page, which is noindex on purpose).
 * Needs Node >= 22.19. CHROME_PATH defaults to /usr/bin/chromium.
 */
import lighthouse from "lighthouse";
import { launch } from "chrome-launcher";
import { mkdirSync, writeFileSync } from "node:fs";
import { CHROMIUM_FLAGS, chromiumPath } from "../tests/support/browser.ts";
import { discoverPages, pageType } from "../tests/support/gates/pages.ts";
import { serveStatic } from "../tests/support/static-server.ts";

const DIST = process.env.BOW_DIST ?? "dist";
const PREFERRED_CHART = "good-or-outstanding-over-time";
const THRESHOLDS = { performance: 95, accessibility: 100, "best-practices": 100, seo: 95 } as const;
type Category = keyof typeof THRESHOLDS;
const CATEGORIES = Object.keys(THRESHOLDS) as Category[];

function pickPages(): { label: string; path: string; seo: boolean }[] {
  const pages = discoverPages(DIST);
  const of = (type: string) => pages.filter((p) => pageType(p) === type);
  const explainer = of("explainers/*")[0];
  const charts = of("charts/*");
  const chart = charts.find((p) => p.includes(PREFERRED_CHART)) ?? charts[0];
  const embed = chart ? chart.replace(/^\/charts\//, "/embed/") : undefined;
  const picked = [
    { label: "home", path: "/", seo: true },
    { label: "explainer", path: explainer, seo: true },
    { label: "chart", path: chart, seo: true },
    { label: "embed", path: embed && pages.includes(embed) ? embed : undefined, seo: false },
  ];
  const missing = picked.filter((p) => !p.path).map((p) => p.label);
  if (missing.length) throw new Error(`lighthouse: no ${missing.join(", ")} page in ${DIST}`);
  return picked as { label: string; path: string; seo: boolean }[];
}

const t0 = Date.now();
const targets = pickPages();
const server = await serveStatic(DIST, 0, { compress: true });
const chrome = await launch({ chromePath: chromiumPath(), chromeFlags: CHROMIUM_FLAGS });
mkdirSync("reports/lighthouse", { recursive: true });
const rows: string[][] = [];
const failures: string[] = [];
try {
  for (const target of targets) {
    const started = Date.now();
    const result = await lighthouse(server.url + target.path, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES });
    if (!result) throw new Error(`lighthouse returned nothing for ${target.path}`);
    const { lhr } = result;
    writeFileSync(`reports/lighthouse/${target.label}.json`, typeof result.report === "string" ? result.report : JSON.stringify(lhr));
    if (lhr.runtimeError) failures.push(`${target.label} ${target.path}: runtime error ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const score = (c: Category) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    for (const c of CATEGORIES) {
      if (c === "seo" && !target.seo) continue;
      if (score(c) < THRESHOLDS[c]) {
        const failing = Object.values(lhr.audits)
          .filter((a) => lhr.categories[c]!.auditRefs.some((r) => r.id === a.id && r.weight > 0) && a.score !== null && a.score < 1)
          .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
        failures.push(`${target.label} ${target.path}: ${c} ${score(c)} < ${THRESHOLDS[c]}; failing audits: ${failing.join(", ")}`);
      }
    }
    const metric = (id: string) => lhr.audits[id]?.displayValue ?? "?";
    rows.push([
      target.label,
      target.path,
      String(score("performance")),
      String(score("accessibility")),
      String(score("best-practices")),
      target.seo ? String(score("seo")) : `(${score("seo")})`,
      metric("largest-contentful-paint"),
      metric("cumulative-layout-shift"),
      metric("total-blocking-time"),
      `${((Date.now() - started) / 1000).toFixed(1)} s`,
    ]);
  }
} finally {
  chrome.kill();
  await server.close();
}

const head = ["page", "path", "perf", "a11y", "best-pr", "SEO", "LCP", "CLS", "TBT", "run"];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
console.log([line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n"));
console.log(`Lighthouse (mobile), ${targets.length} pages in ${((Date.now() - t0) / 1000).toFixed(0)} s; thresholds: performance ${THRESHOLDS.performance}, accessibility ${THRESHOLDS.accessibility}, best practices ${THRESHOLDS["best-practices"]}, SEO ${THRESHOLDS.seo} (SEO in brackets: not gated, embed pages are noindex). Reports: reports/lighthouse/*.json`);
if (failures.length) {
  console.error(`FAIL:\n${failures.join("\n")}`);
  process.exit(1);
}
console.log("OK: every page meets the thresholds");
