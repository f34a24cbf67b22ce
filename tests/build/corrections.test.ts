/** The corrections log as built: linked from /about/, one dated entry per correction, each page it names carrying a dated note. */
import { expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DIST, page } from "../support/dist.ts";
import { CORRECTIONS } from "../../src/lib/corrections.ts";

it("/about/ links to the corrections log", () => {
  expect(page("/about/").querySelector("main a[href='/corrections/']")).not.toBeNull();
});

it("/corrections/ has a dated entry per correction: what was wrong, what is right, where, source", () => {
  const d = page("/corrections/");
  const entries = Array.from(d.querySelectorAll("ol.corrections-log > li[id]"));
  expect(entries.map((e) => e.id).sort()).toEqual(CORRECTIONS.map((c) => c.id).sort());
  for (const e of entries) {
    expect(e.querySelector("h2 time[datetime]")?.getAttribute("datetime"), e.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Array.from(e.querySelectorAll("dt")).map((t) => t.textContent)).toEqual(["What was wrong", "What is right", "Where", "Source"]);
    for (const a of Array.from(e.querySelectorAll("dd a[href^='/']"))) {
      const path = a.getAttribute("href")!.split("#")[0]!;
      expect(existsSync(join(DIST, path, "index.html")), `${e.id}: ${path}`).toBe(true);
    }
  }
});

it("every explainer a correction names carries a dated correction note linking to the log", () => {
  const explainers = new Set(CORRECTIONS.flatMap((c) => c.where.map((w) => w.href.split("#")[0]!)).filter((h) => h.startsWith("/explainers/")));
  expect(explainers.size).toBeGreaterThan(3);
  for (const path of explainers) {
    const note = page(path).querySelector("article .correction-note");
    expect(note?.textContent, path).toMatch(/^Correction, \d{1,2} [A-Z][a-z]+ \d{4}\./);
    expect(note?.querySelector("a[href='/corrections/']"), path).not.toBeNull();
  }
});

it("every chart and dataset page a correction names carries a dated note per correction, linking to its log entry", () => {
  const paths = new Set(CORRECTIONS.flatMap((c) => c.where.map((w) => w.href.split("#")[0]!)).filter((h) => /^\/(charts|data)\//.test(h)));
  expect(paths.size).toBeGreaterThan(3);
  for (const path of paths) {
    const notes = Array.from(page(path).querySelectorAll("main .correction-note"));
    const named = CORRECTIONS.filter((c) => c.where.some((w) => w.href.split("#")[0] === path));
    expect(notes.length, path).toBe(named.length);
    for (const c of named) {
      const note = notes.find((n) => n.querySelector(`a[href='/corrections/#${c.id}']`));
      expect(note?.textContent, `${path}: note for ${c.id}`).toMatch(/^Correction, \d{1,2} [A-Z][a-z]+ \d{4}\./);
    }
  }
});
