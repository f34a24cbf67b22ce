/**
 * Gate: every page in dist/ (found by walking it) has no errors under the W3C Nu HTML Checker
 * (vnu-jar, all files in one JVM). It catches what html-validate misses, such as a script after
 * </html> or an invalid SVG attribute value. Its power to fail is shown in
 * tests/build/gates-broken.test.ts.
 */
import { expect, it } from "vitest";
import { DIST } from "../support/dist.ts";
import { validateNu } from "../support/gates/nu.ts";
import { discoverPages, formatFindings, pageType } from "../support/gates/pages.ts";

it("every page in dist/ passes the Nu HTML Checker with no errors", () => {
  const pages = discoverPages(DIST);
  expect(pages.length).toBeGreaterThan(5);
  const types = new Set(pages.map(pageType));
  for (const t of ["home", "explainers/*", "charts", "charts/*", "embed/*", "data/*", "search", "404", "about"]) expect(types, t).toContain(t);
  const result = validateNu(DIST, pages);
  console.log(`Nu HTML Checker: ${result.pages} pages in ${(result.ms / 1000).toFixed(1)} s`);
  expect(formatFindings(result.findings)).toBe("");
});
