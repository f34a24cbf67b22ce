/**
 * Numbers stated in explainers match the charts and data beside them (issue 15, item 10).
 * - A modelled figure is marked <span data-model="ways-to-fail" data-areas data-rate data-correlation>
 *   (rate and correlation in percent): it must equal the model's result, and where the article shows
 *   the ways-to-fail chart, the prose must state the chart's own starting setting and match the
 *   chart's data table there.
 * - A figure from a dataset is marked <span data-value="<dataset>" data-key="<row key>" data-column>:
 *   it must equal that cell of the bundled CSV.
 * - In a paragraph about areas, an "about N%" that is not marked fails: an unchecked model figure
 *   (correction notes, which quote the old wrong figure on purpose, are exempt).
 */
import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { page } from "../support/dist.ts";
import { formatPct, waysToFail } from "../../src/lib/ways-to-fail.ts";
import { WAYS_TO_FAIL_STATE } from "../../src/lib/url-state.ts";
import { DEFAULT_AREAS } from "../../src/charts/ways-to-fail-layout.ts";
import { DATASETS, type DatasetId } from "../../src/lib/datasets/index.ts";
import { datasetRowKey, loadDataset } from "../../src/lib/load.ts";

const slugs = readdirSync("src/content/explainers").filter((f) => f.endsWith(".mdx")).map((f) => f.replace(/\.mdx$/, ""));
const firstNumber = (s: string) => {
  const m = /-?\d+(?:\.\d+)?/.exec(s.replace(/,/g, ""));
  return m ? Number(m[0]) : NaN;
};

describe.each(slugs)("/explainers/%s/", (slug) => {
  const doc = () => page(`/explainers/${slug}/`);
  const body = (d: Document) => d.querySelector("article .explainer-body") ?? d.querySelector("article")!;

  it("every modelled figure equals the model's result", () => {
    for (const el of Array.from(body(doc()).querySelectorAll("[data-model]"))) {
      expect(el.getAttribute("data-model")).toBe("ways-to-fail");
      const areas = Number(el.getAttribute("data-areas"));
      const rate = Number(el.getAttribute("data-rate"));
      const corr = Number(el.getAttribute("data-correlation"));
      const want = formatPct(waysToFail(areas, rate / 100, corr / 100) * 100);
      expect(el.textContent, `${areas} areas, ${rate}% each, correlation ${corr / 100}`).toContain(want);
    }
  });

  it("where the ways-to-fail chart is shown, the text states the chart's own setting and its number", () => {
    const d = doc();
    const fig = d.querySelector("figure[data-chart='ways-to-fail']");
    if (!fig) return;
    const rate = WAYS_TO_FAIL_STATE.rate.default;
    const corr = WAYS_TO_FAIL_STATE.correlation.default;
    const atDefault = Array.from(body(d).querySelectorAll(`[data-model='ways-to-fail'][data-areas='${DEFAULT_AREAS}'][data-rate='${rate}'][data-correlation='${corr}']`));
    expect(atDefault.length, `a marked figure for ${DEFAULT_AREAS} areas at ${rate}% and correlation ${corr / 100}`).toBeGreaterThan(0);
    // ...and that number is the one in the chart's own data table (areas, chance %, ...).
    const row = Array.from(fig.querySelectorAll("table tbody tr")).find((tr) => tr.querySelector("th, td")?.textContent?.trim() === String(DEFAULT_AREAS));
    expect(row, "the chart's data table has a row for the default number of areas").toBeTruthy();
    const tableValue = firstNumber(row!.querySelectorAll("th, td")[1]!.textContent!);
    for (const el of atDefault) expect(Math.round(firstNumber(el.textContent!))).toBe(Math.round(tableValue));
  });

  it("every marked dataset figure equals its cell in the bundled data", () => {
    for (const el of Array.from(body(doc()).querySelectorAll("[data-value]"))) {
      const id = el.getAttribute("data-value") as DatasetId;
      expect(Object.keys(DATASETS), `dataset ${id}`).toContain(id);
      const meta = DATASETS[id];
      const key = el.getAttribute("data-key")!;
      const column = el.getAttribute("data-column")!;
      const row = (loadDataset(id) as unknown as Record<string, unknown>[]).find((r) => datasetRowKey(meta.schema.key as string[], r) === key);
      expect(row, `${id} row ${key}`).toBeTruthy();
      expect(firstNumber(el.textContent!), `${id} ${key} ${column}: "${el.textContent}"`).toBe(Number(row![column]));
    }
  });

  it("no unmarked 'about N%' in a paragraph about areas (a model figure nobody checks)", () => {
    const problems: string[] = [];
    for (const p of Array.from(body(doc()).querySelectorAll("p, li"))) {
      if (p.closest("figure, .correction-note")) continue; // a correction note quotes the old, wrong figure
      if (!/\bareas?\b/.test(p.textContent ?? "")) continue;
      const clone = p.cloneNode(true) as Element;
      for (const m of Array.from(clone.querySelectorAll("[data-model], [data-value]"))) m.remove();
      for (const m of (clone.textContent ?? "").matchAll(/\babout \d+(?:\.\d+)?%/g)) problems.push(`${m[0]} in: ${p.textContent!.slice(0, 120)}`);
    }
    expect(problems).toEqual([]);
  });
});
