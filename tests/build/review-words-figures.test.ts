/**
 * Every figure a reader sees in an explainer's prose, in its dek, and in each chart's takeaway
 * traces to a bundled dataset: the number occurs in a cell of some data/*.csv (every row of which
 * names its source). /data/ promises "Every number on this site comes from a row in one of these
 * datasets"; explainer-numbers.test.ts checks the figures an author marked, this catches the ones
 * nobody marked (e.g. a count quoted from a news digest with no row behind it).
 *
 * Not figures: dates (days, months, years, school years), numbers inside [data-model] (checked
 * against the model), phone numbers, and the exact counts of possible cards (5^k grade
 * combinations, times 2 for safeguarding), which are arithmetic the prose shows, and the ways-to-fail
 * chart's starting correlation. Any other number
 * worked out by us must be listed in DERIVED with the sum behind it.
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import Papa from "papaparse";
import { htmlPages, page } from "../support/dist.ts";
import { WAYS_TO_FAIL_STATE } from "../../src/lib/url-state.ts";

/** Numbers the prose works out from data rows, by page: value and how. */
const DERIVED: Record<string, Record<number, string>> = {
  "/explainers/first-report-cards/": { 95: "4 + 35 + 56, the rounded shares at expected standard or above (the text says it adds them)" },
};

const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)";
const DATE_PATTERNS = [
  new RegExp(`\\b\\d{1,2}(?: and \\d{1,2})? ${MONTH}(?: \\d{4})?`, "g"), // 15 and 16 November 2022, 9 February
  new RegExp(`\\b\\d{1,2}(?: to| or|–|-)\\d{0,2} ?${MONTH}?`, "g"), // "5 to 11 March", "14 or 16 January" (read with the month after)
  /\b(?:19|20)\d{2}(?:\/\d{2,4})?\b/g, // 2025, 2024/25
];

function dataNumbers(): Set<number> {
  const out = new Set<number>();
  for (const f of readdirSync("data").filter((n) => n.endsWith(".csv"))) {
    const rows = Papa.parse<string[]>(readFileSync(`data/${f}`, "utf8"), { skipEmptyLines: true }).data;
    for (const row of rows.slice(1)) for (const cell of row) for (const m of cell.matchAll(/\d[\d,]*(?:\.\d+)?/g)) out.add(Number(m[0].replace(/,(?=\d{3}\b)/g, "").replace(/,+$/, "")));
  }
  return out;
}

const cardCounts = new Set<number>(Array.from({ length: 12 }, (_, i) => [5 ** (i + 1), 2 * 5 ** (i + 1)]).flat());
/** The ways-to-fail chart's own starting correlation (illustrative, said so beside it), as the prose writes it: 0.5. */
const modelSettings = new Set<number>([WAYS_TO_FAIL_STATE.correlation.default / 100]);

/** Numbers in `text` after dates are removed. */
export function figuresIn(text: string): number[] {
  let t = text.replace(/\s+/g, " ");
  for (const re of DATE_PATTERNS) t = t.replace(re, " ");
  return Array.from(t.matchAll(/(?<![\w.])\d[\d,]*(?:\.\d+)?/g), (m) => Number(m[0].replace(/,(?=\d{3}\b)/g, "").replace(/[,.]+$/, "")));
}

/** The prose blocks of a page a reader reads as ours: no figures' drawings and tables, sources lists, model figures or phone numbers. */
function proseBlocks(doc: Document, scope: Element): { where: string; text: string }[] {
  const root = scope.cloneNode(true) as Element;
  for (const el of Array.from(root.querySelectorAll("figure, .sources, script, style, svg, table, [data-model], a[href^='tel:'], .correction-note"))) el.remove();
  const blocks = Array.from(root.querySelectorAll("p, li, h2, h3, dd, blockquote")).filter((b) => !b.querySelector("p, li, dd"));
  return blocks.map((b) => ({ where: doc.querySelector("h1")?.textContent?.trim() ?? "", text: b.textContent ?? "" }));
}

const explainers = () => htmlPages().filter((p) => /^\/explainers\/[^/]+\/$/.test(p));
const chartPages = () => htmlPages().filter((p) => /^\/charts\/[^/]+\/$/.test(p));

describe("every figure in our prose traces to a data row", () => {
  const known = dataNumbers();
  const check = (path: string, texts: string[]) => {
    const problems: string[] = [];
    for (const text of texts) {
      for (const n of figuresIn(text)) {
        if (known.has(n) || cardCounts.has(n) || modelSettings.has(n) || DERIVED[path]?.[n] !== undefined) continue;
        problems.push(`${path}: ${n} in "${text.replace(/\s+/g, " ").trim().slice(0, 160)}"`);
      }
    }
    return problems;
  };

  it("explainers: body, headline and dek", () => {
    expect(explainers().length).toBe(6);
    const problems: string[] = [];
    for (const path of explainers()) {
      const doc = page(path);
      const body = doc.querySelector("article .explainer-body")!;
      const head = [doc.querySelector("article h1")?.textContent ?? "", doc.querySelector("article .dek")?.textContent ?? ""];
      problems.push(...check(path, [...head, ...proseBlocks(doc, body).map((b) => b.text)]));
    }
    expect(problems).toEqual([]);
  });

  it("chart pages: title, takeaway and notes", () => {
    expect(chartPages().length).toBeGreaterThan(5);
    const problems: string[] = [];
    for (const path of chartPages()) {
      const doc = page(path);
      const fig = doc.querySelector("main figure")!;
      const texts = [fig.querySelector("h1, h2")?.textContent ?? "", ...Array.from(fig.querySelectorAll(".figure-takeaway")).map((e) => e.textContent ?? "")];
      problems.push(...check(path, texts));
    }
    expect(problems).toEqual([]);
  });

  it("reads figures, not dates", () => {
    expect(figuresIn("On 24 June 2026, 1,360 schools; 43% in 2024/25; 5 to 11 March 2025; 15 and 16 November 2022.")).toEqual([1360, 43]);
  });
});

/**
 * A chart takeaway travels alone (home page, /charts/, embeds, preview cards, share text), so a
 * figure in it that rests only on a secondary source must say where it comes from there, not only
 * in the notes. A takeaway number is "secondary-only" when every data-table row showing it is
 * flagged "secondary source". Exempt charts say why.
 */
const ATTRIBUTED = /secondary|press|reported|research note|blog|Schools Week|digest|according to/i;
const TAKEAWAY_EXEMPT: Record<string, string> = {
  "good-or-outstanding-over-time": "68% (2010) and 90% (2024) are on Ofsted's own pages; those rows are flagged for their grade splits, which this takeaway does not state",
  "ways-to-fail": "its numbers are arithmetic (4 words, 5^6 x 2 cards) and a model, not published figures; the table's area counts match by chance",
  "key-judgements": "the shares good or outstanding are Ofsted's published figures; the rows are flagged for the four-grade split only (said in the notes)",
};

describe("chart takeaways say where a secondary-only figure comes from", () => {
  it("every takeaway that states a figure resting only on secondary sources names that source kind", () => {
    const problems: string[] = [];
    for (const path of chartPages()) {
      const id = path.split("/")[2]!;
      if (TAKEAWAY_EXEMPT[id]) continue;
      const doc = page(path);
      const takeaway = doc.querySelector("main figure .figure-takeaway")?.textContent ?? "";
      const rows = Array.from(doc.querySelectorAll("main figure table tbody tr"));
      const secondaryOnly = figuresIn(takeaway).filter((n) => {
        const showing = rows.filter((tr) => Array.from(tr.querySelectorAll("td, th")).some((c) => Number((c.textContent ?? "").replace(/,|%/g, "").trim()) === n && (c.textContent ?? "").trim() !== ""));
        return showing.length > 0 && showing.every((tr) => tr.querySelector(".flag")?.textContent?.includes("secondary"));
      });
      if (secondaryOnly.length > 0 && !ATTRIBUTED.test(takeaway)) problems.push(`${path}: ${secondaryOnly.join(", ")} rest only on secondary sources, but the takeaway does not say so: "${takeaway}"`);
    }
    expect(problems).toEqual([]);
  });
});
