/**
 * Relative time on the built site: "this autumn", "next year", "later this year", "in the coming
 * months" count from the day a sentence was written, so on a page read a year later they point at
 * the wrong time (the staleness guard, staleness.test.ts, checks dated future tense; this checks the
 * undated kind). Our prose names the date; quotations (someone else's words at the time) are left
 * out, and so are per-school pages, which repeat Ofsted's file.
 */
import { expect, it } from "vitest";
import { htmlPages, page } from "../support/dist.ts";
import { readableBlocks, relativeTimeSentences } from "../support/staleness.ts";

it("no page uses a relative time word (this autumn, next year, ...) outside a quotation", () => {
  const problems: string[] = [];
  for (const path of htmlPages()) {
    if (path.startsWith("/schools/") || path.startsWith("/embed/")) continue;
    for (const block of readableBlocks(page(path))) for (const s of relativeTimeSentences(block)) problems.push(`${path}: "${s}"`);
  }
  expect([...new Set(problems)]).toEqual([]);
});
