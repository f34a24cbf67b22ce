/**
 * Gate: every internal link and asset on every page in dist/ (href, src, srcset, preview-card
 * images, CSS url()) resolves to a file, #fragments name an element on the target page; external
 * links are absolute https: URLs with rel="noopener". Its power to fail: tests/build/gates-broken.test.ts.
 */
import { expect, it } from "vitest";
import { DIST } from "../support/dist.ts";
import { checkLinks } from "../support/gates/links.ts";
import { discoverPages, formatFindings } from "../support/gates/pages.ts";

it("every internal link and asset resolves, every external link is https with rel=noopener", () => {
  const pages = discoverPages(DIST);
  const result = checkLinks(DIST, pages);
  console.log(`links: ${result.pages} pages, ${result.internal} internal and ${result.external} external references checked`);
  expect(result.internal).toBeGreaterThan(pages.length);
  expect(formatFindings(result.findings)).toBe("");
});
