/**
 * The staleness guard over dist/: no page says something "will" happen on a date before the site's
 * data date (the latest date any dataset was checked, shown on /about/). Also: every dataset page
 * and every chart's source line shows when its sources were checked, and every explainer says what
 * it is up to date as of.
 */
import { describe, expect, it } from "vitest";
import { DIST, htmlPages, page } from "../support/dist.ts";
import { readableBlocks, staleWillSentences } from "../support/staleness.ts";

const dataDate = () => {
  const d = page("/about/").querySelector("[data-site-data-date]")?.getAttribute("data-site-data-date");
  if (!d || !/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`${DIST}/about/index.html: no [data-site-data-date] yyyy-mm-dd`);
  return d;
};

describe("staleness guard", () => {
  it("the site's data date is shown on /about/ and /corrections/", () => {
    expect(dataDate()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(page("/corrections/").querySelector("[data-site-data-date]")?.getAttribute("data-site-data-date")).toBe(dataDate());
  });

  it("no page says something will happen on a date before the data date", () => {
    const date = dataDate();
    const problems: string[] = [];
    for (const path of htmlPages()) {
      if (path.startsWith("/schools/")) continue; // per-school pages repeat Ofsted's file verbatim
      for (const block of readableBlocks(page(path))) {
        for (const hit of staleWillSentences(block, date)) problems.push(`${path}: "${hit.sentence}" (${hit.date}, before ${date})`);
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });

  it("every dataset page says when its sources were checked", () => {
    const datasets = htmlPages().filter((p) => /^\/data\/[^/]+\/$/.test(p));
    expect(datasets.length).toBeGreaterThan(5);
    for (const path of datasets) {
      const dd = page(path).querySelector("dl.dataset-facts dd[data-checked] time[datetime]");
      expect(dd?.getAttribute("datetime"), path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(dd!.getAttribute("datetime")! <= dataDate(), path).toBe(true);
    }
  });

  it("every chart page's source line says when its sources were checked", () => {
    const charts = htmlPages().filter((p) => /^\/charts\/[^/]+\/$/.test(p));
    expect(charts.length).toBeGreaterThan(5);
    for (const path of charts) {
      const span = page(path).querySelector(".figure-source [data-checked]");
      expect(span?.getAttribute("data-checked"), path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(span!.textContent, path).toMatch(/^Sources checked \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
    }
  });

  it("every explainer says what it is up to date as of, no later than the data date", () => {
    const explainers = htmlPages().filter((p) => /^\/explainers\/[^/]+\/$/.test(p));
    expect(explainers.length).toBe(6);
    for (const path of explainers) {
      const asOf = page(path).querySelector("article .as-of[data-as-of]");
      expect(asOf?.textContent, path).toMatch(/^As of \d{1,2} [A-Z][a-z]+ \d{4}\./);
      expect(asOf!.getAttribute("data-as-of")! <= dataDate(), path).toBe(true);
    }
  });
});
