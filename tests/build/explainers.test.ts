/**
 * The explainers as a reader meets them in dist/: a headline, a date, at least two complete figures,
 * enough prose to explain something, and a numbered sources list whose links all go somewhere real.
 * Also the home page and the explainers index, which must list every explainer with its dek.
 */
import { describe, expect, it } from "vitest";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DIST, page } from "../support/dist.ts";

/** Slugs come from the content files, so an explainer missing from dist/ fails. */
const slugs = readdirSync("src/content/explainers")
  .filter((f) => f.endsWith(".mdx"))
  .map((f) => f.replace(/\.mdx$/, ""))
  .sort();

const MIN_WORDS = 700;

const words = (text: string) => text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;

/** Prose of the article body: paragraphs, list items, headings and quotes outside figures and the back matter. */
function proseWords(doc: Document): number {
  const body = doc.querySelector("article .explainer-body");
  if (!body) return 0;
  let n = 0;
  for (const el of Array.from(body.querySelectorAll("p, li, h2, h3, blockquote"))) {
    if (el.closest("figure")) continue;
    if (el.tagName === "LI" && el.querySelector("p")) continue; // counted via its paragraphs
    n += words(el.textContent ?? "");
  }
  return n;
}

/** The built file a site path points at ("/data/x/" -> dist/data/x/index.html), or null. */
function fileFor(path: string): string | null {
  const clean = decodeURI(path.split("#")[0]!.split("?")[0]!);
  const candidates = clean.endsWith("/") ? [join(DIST, clean, "index.html")] : [join(DIST, clean), join(DIST, clean, "index.html")];
  return candidates.find((c) => existsSync(c)) ?? null;
}

/** Problems with one link: "" if it resolves (a page in dist/, with its #row- anchor, or an https URL). */
function linkProblem(href: string): string {
  if (href.startsWith("https://")) {
    try {
      new URL(href);
      return "";
    } catch {
      return `${href}: not a valid URL`;
    }
  }
  if (!href.startsWith("/")) return `${href}: neither a site path nor an https URL`;
  const file = fileFor(href);
  if (!file) return `${href}: no page in ${DIST}`;
  const anchor = href.includes("#") ? href.slice(href.indexOf("#") + 1) : "";
  if (anchor && file.endsWith(".html")) {
    const ids = new Set(Array.from(page(href.split("#")[0]!).querySelectorAll("[id]")).map((e) => e.getAttribute("id")));
    if (!ids.has(decodeURIComponent(anchor))) return `${href}: no element with id "${anchor}" on that page`;
  }
  return "";
}

it("there are six explainers, each built", () => {
  expect(slugs).toEqual(
    ["first-report-cards", "how-to-read-a-report-card", "many-more-ways-to-fail", "timeline", "what-a-single-word-hid", "what-is-changing"],
  );
  for (const slug of slugs) expect(existsSync(join(DIST, "explainers", slug, "index.html")), slug).toBe(true);
});

describe.each(slugs)("/explainers/%s/", (slug) => {
  const path = `/explainers/${slug}/`;
  const doc = () => page(path);

  it("has one h1 headline, a dek, a published date as <time datetime> and a reading time", () => {
    const d = doc();
    const h1s = d.querySelectorAll("h1");
    expect(h1s.length).toBe(1);
    expect(h1s[0]!.textContent!.trim().length).toBeGreaterThan(10);
    expect(d.querySelector("article header .dek")?.textContent?.trim().length ?? 0).toBeGreaterThan(20);
    const time = d.querySelector("article header time[datetime]");
    expect(time?.getAttribute("datetime")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(time?.textContent).toMatch(/\d{1,2} [A-Z][a-z]+ \d{4}/);
    expect(d.querySelector("article header .byline")?.textContent).toMatch(/\d+ min read/);
  });

  it("has at least two figures, each with a chart, a source line linking to its data, and a data table", () => {
    const figures = Array.from(doc().querySelectorAll("article figure.figure[data-chart]"));
    expect(figures.length, "figures").toBeGreaterThanOrEqual(2);
    for (const fig of figures) {
      const id = fig.getAttribute("data-chart");
      expect(fig.querySelector(".figure-title")?.textContent?.trim(), `${id} title`).toBeTruthy();
      expect(fig.querySelector("svg"), `${id} svg`).not.toBeNull();
      const source = fig.querySelector(".figure-source");
      expect(source?.textContent, `${id} source line`).toMatch(/^\s*Source:/);
      const dataLinks = Array.from(source?.querySelectorAll("a[href^='/data/']") ?? []);
      expect(dataLinks.length, `${id} links to its dataset`).toBeGreaterThan(0);
      for (const a of dataLinks) expect(linkProblem(a.getAttribute("href")!)).toBe("");
    }
    // no figure twice in one article
    const ids = figures.map((f) => f.getAttribute("data-chart"));
    expect(new Set(ids).size).toBe(ids.length);
    // the "Charts in this explainer" list (from the frontmatter) names exactly the figures shown
    const listed = Array.from(doc().querySelectorAll(".explainer-charts a[href^='/charts/']")).map((a) => a.getAttribute("href")!.split("/")[2]);
    expect([...listed].sort()).toEqual([...ids].sort());
  });

  it(`has at least ${MIN_WORDS} words of prose outside figures and back matter`, () => {
    expect(proseWords(doc())).toBeGreaterThanOrEqual(MIN_WORDS);
  });

  it("ends with a numbered sources list, our data pages first, every link resolving", () => {
    const d = doc();
    const section = d.querySelector("section.sources");
    expect(section?.querySelector("h2")?.textContent).toBe("Sources");
    const items = Array.from(section!.querySelectorAll("ol > li"));
    expect(items.length).toBeGreaterThanOrEqual(3);
    const hrefs = items.map((li) => li.querySelector("a")!.getAttribute("href")!);
    // at least one of our dataset pages, and at least one original publication
    expect(hrefs.some((h) => h.startsWith("/data/"))).toBe(true);
    expect(hrefs.some((h) => h.startsWith("https://"))).toBe(true);
    // data first: once a publication appears, no /data/ link follows
    const firstPublication = hrefs.findIndex((h) => h.startsWith("https://"));
    expect(hrefs.slice(firstPublication).filter((h) => h.startsWith("/data/"))).toEqual([]);
    expect(hrefs.map(linkProblem).filter(Boolean)).toEqual([]);
    for (const a of Array.from(section!.querySelectorAll("a[href^='https://']"))) expect(a.getAttribute("rel")).toContain("noopener");
  });

  it("every other link in the article resolves too (body, figures, related explainers)", () => {
    const hrefs = Array.from(doc().querySelectorAll("article a[href]"))
      .map((a) => a.getAttribute("href")!)
      // "#..." and "?..." (a chart's state link) stay on this page
      .filter((h) => !h.startsWith("#") && !h.startsWith("?") && !h.startsWith("mailto:") && !h.startsWith("tel:"));
    expect(hrefs.map(linkProblem).filter(Boolean)).toEqual([]);
  });

  it("shows related explainers and the corrections line", () => {
    const d = doc();
    const related = Array.from(d.querySelectorAll(".related a[href^='/explainers/']")).map((a) => a.getAttribute("href"));
    expect(related.length).toBeGreaterThanOrEqual(2);
    expect(related).not.toContain(path);
    expect(d.querySelector("#corrections a[href='/about/#corrections']")).not.toBeNull();
  });

  it("signposts support wherever it mentions Ruth Perry's death", () => {
    const text = doc().querySelector("article .explainer-body")?.textContent ?? "";
    if (!/Ruth Perry/.test(text)) return;
    const support = doc().querySelector("article .explainer-body .support-note");
    expect(support, "support note").not.toBeNull();
    const note = (support!.textContent ?? "").replace(/\u00a0/g, " ");
    expect(note).toContain("Samaritans");
    expect(note).toContain("116 123");
    expect(note).toContain("08000 562 561");
    // numbers can be tapped to call on a phone
    expect(support!.querySelector("a[href='tel:116123']")).not.toBeNull();
    expect(support!.querySelector("a[href='tel:08000562561']")).not.toBeNull();
    expect(text).toMatch(/coroner/i);
  });
});

describe("the home page and the explainers index", () => {
  const deks = () =>
    slugs.map((slug) => ({ slug, dek: page(`/explainers/${slug}/`).querySelector("article header .dek")!.textContent!.trim() }));

  it("the home page leads with what-is-changing and lists every explainer with its dek", () => {
    const home = page("/");
    expect(home.querySelector(".home-lead h2 a")?.getAttribute("href")).toBe("/explainers/what-is-changing/");
    const text = home.querySelector("main")!.textContent!.replace(/\s+/g, " ");
    for (const { slug, dek } of deks()) {
      expect(home.querySelector(`main a[href='/explainers/${slug}/']`), slug).not.toBeNull();
      expect(text).toContain(dek.replace(/\s+/g, " "));
    }
    expect(home.querySelector("main a[href='/charts/']")).not.toBeNull();
  });

  it("/explainers/ lists every explainer with its dek and date", () => {
    const index = page("/explainers/");
    const items = Array.from(index.querySelectorAll(".explainer-list > li"));
    expect(items.length).toBe(slugs.length);
    for (const li of items) expect(li.querySelector("time[datetime]")).not.toBeNull();
    const text = index.querySelector("main")!.textContent!.replace(/\s+/g, " ");
    for (const { dek } of deks()) expect(text).toContain(dek.replace(/\s+/g, " "));
  });
});

describe("how to read a report card", () => {
  it("shows an example card, area by area with safeguarding, labelled as illustrative", () => {
    const d = page("/explainers/how-to-read-a-report-card/");
    const card = d.querySelector("article .explainer-body .report-card");
    expect(card, "report card").not.toBeNull();
    const rows = Array.from(card!.querySelectorAll(".report-card-row"));
    expect(rows[0]?.getAttribute("data-area")).toBe("safeguarding");
    expect(rows.length).toBeGreaterThanOrEqual(7); // safeguarding + six core areas
    for (const row of rows) {
      expect(row.querySelector("dt")?.textContent?.trim()).toBeTruthy();
      expect(row.querySelector("dd")?.textContent?.trim()).toBeTruthy();
    }
    expect(card!.textContent).toMatch(/illustrative, not a real school/);
  });
});
