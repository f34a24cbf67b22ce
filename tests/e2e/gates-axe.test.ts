/**
 * Gate: axe-core (WCAG 2.0/2.1/2.2 A+AA and best practices) finds no violations on any page of the
 * built site, light mode at 1280 px and dark mode at 375 px, with data tables opened.
 * Pages are found by walking dist/. Page types with more than MAX_PER_TYPE pages (e.g. thousands of
 * school pages from one template) are checked on an evenly spaced, deterministic sample of that many;
 * the test prints which. Its power to fail: tests/e2e/gates-broken.test.ts.
 */
import { expect, inject, it } from "vitest";
import { useBrowser } from "../support/browser.ts";
import { DIST } from "../support/dist.ts";
import { runAxe, timingSummary } from "../support/gates/axe.ts";
import { describeSample, discoverPages, formatFindings, samplePages } from "../support/gates/pages.ts";

const base = inject("baseUrl");
const browser = useBrowser();

it("no axe violations on any page, light and dark", { timeout: 600_000 }, async () => {
  const { pages, sampled } = samplePages(discoverPages(DIST));
  console.log(`axe over ${pages.length} pages: ${describeSample(sampled)}`);
  const t0 = performance.now();
  const result = await runAxe(browser, base, pages);
  console.log(timingSummary(result.timings, performance.now() - t0));
  expect(result.timings.length).toBe(pages.length * 2);
  expect(formatFindings(result.findings)).toBe("");
});
