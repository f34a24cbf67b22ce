/**
 * Gate: while each page of the built site loads (first visit, scrolled through so lazily loaded chart
 * code loads too), no request leaves 127.0.0.1, no Content-Security-Policy violation is reported, no
 * script throws, and the JavaScript loaded stays in budget (gzip bytes of script responses):
 * 100 KB where the page shows a chart whose registry entry is interactive (it re-renders in the
 * browser), 15 KB everywhere else (pages whose charts only need tooltips and tables, embeds of static
 * charts, pages without charts). Large page types are sampled as in gates-axe. Prints a JS table.
 * Its power to fail: tests/e2e/gates-broken.test.ts.
 */
import { expect, inject, it } from "vitest";
import { CHARTS } from "../../src/render/charts.ts";
import { useBrowser } from "../support/browser.ts";
import { DIST } from "../support/dist.ts";
import { budgetsFor } from "../support/gates/budgets.ts";
import { checkLoads, jsTable, loadPages } from "../support/gates/network.ts";
import { describeSample, discoverPages, formatFindings, samplePages } from "../support/gates/pages.ts";

const base = inject("baseUrl");
const browser = useBrowser();

it("no external requests, no CSP violations or script errors, JS within budget on every page", { timeout: 600_000 }, async () => {
  const { pages, sampled } = samplePages(discoverPages(DIST));
  console.log(`network over ${pages.length} pages: ${describeSample(sampled)}`);
  const budgetOf = budgetsFor(DIST, CHARTS.filter((c) => c.interactive).map((c) => c.id));
  const loads = await loadPages(browser, base, pages);
  console.log(`JavaScript per page (gzip, as loaded):\n${jsTable(loads, budgetOf)}`);
  expect(loads.length).toBe(pages.length);
  expect(formatFindings(checkLoads(loads, budgetOf))).toBe("");
});
