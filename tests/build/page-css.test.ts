/**
 * CSS delivery (src/render/page-head.mjs, run after the build by astro.config.mjs): the pages a reader
 * lands on (home, chart pages, explainers, embeds) carry their page type's CSS in one <style> and
 * request no stylesheet, so nothing blocks their first paint; every other page, the school pages
 * above all, keeps the external, cached stylesheets (no <style>). The inlined CSS keeps the rules for
 * classes that only scripts add (the chart tooltip) and drops other page types' rules.
 */
import { describe, expect, inject, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { htmlPages, page } from "../support/dist.ts";

const inline = htmlPages().filter((p) => p === "/" || /^\/(charts|explainers|embed)\/[^/]+\/$/.test(p));
const external = htmlPages().filter((p) => !inline.includes(p) && p.endsWith("/"));

describe("page-type CSS", () => {
  it("home, chart, explainer and embed pages: one <style>, no stylesheet request", () => {
    expect(inline.length).toBeGreaterThan(20);
    for (const p of inline) {
      const doc = page(p);
      expect(doc.querySelectorAll('link[rel~="stylesheet"]').length, p).toBe(0);
      expect(doc.querySelectorAll("style").length, p).toBe(1);
    }
  });

  it("a chart page's CSS styles the tooltip its script adds, and not the school pages' lists", () => {
    const css = page("/charts/good-or-outstanding-over-time/").querySelector("style")!.textContent!;
    expect(css).toMatch(/\.chart-tip\b/);
    expect(css).toMatch(/--grade-card-/);
    expect(css).not.toMatch(/\.school-list\b/);
  });

  it("every other page keeps the external stylesheets and no <style>", () => {
    expect(external).toContain("/data/");
    for (const p of external) {
      const doc = page(p);
      expect(doc.querySelectorAll("style").length, p).toBe(0);
      expect(doc.querySelectorAll('link[rel="stylesheet"][href^="/_astro/"]').length, p).toBeGreaterThan(0);
    }
  });

  it("school pages (fixture site) keep the external stylesheets and no <style>", () => {
    const dist = inject("schoolsDist");
    const urns = readdirSync(join(dist, "schools")).filter((d) => /^\d+$/.test(d));
    expect(urns.length).toBeGreaterThan(0);
    for (const urn of urns) {
      const html = readFileSync(join(dist, "schools", urn, "index.html"), "utf8");
      expect(html, urn).not.toContain("<style");
      expect(html, urn).toMatch(/<link rel="stylesheet" href="\/_astro\/[^"]+\.css">/);
    }
  });
});

