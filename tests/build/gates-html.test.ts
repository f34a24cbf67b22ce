/**
 * Gate: every page in dist/ (found by walking it) is valid HTML under .htmlvalidate.json
 * (html-validate:recommended, two documented adjustments). Its power to fail is shown in
 * tests/build/gates-broken.test.ts.
 */
import { expect, it } from "vitest";
import { DIST } from "../support/dist.ts";
import { validateHtml } from "../support/gates/html.ts";
import { discoverPages, formatFindings } from "../support/gates/pages.ts";

it("every page in dist/ passes html-validate with no errors", async () => {
  const pages = discoverPages(DIST);
  expect(pages.length).toBeGreaterThan(5);
  const result = await validateHtml(DIST, pages);
  console.log(`html-validate: ${result.pages} pages in ${(result.ms / 1000).toFixed(1)} s`);
  expect(formatFindings(result.findings)).toBe("");
});
