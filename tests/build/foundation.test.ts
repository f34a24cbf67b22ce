/** Checks on the built site: the first chart on its three pages, embeds without chrome, bad data failing the build. */
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { page } from "../support/dist.ts";
import { chartById } from "../../src/render/charts.ts";
import { DISPLAY_WIDTHS, loadChartRows } from "../../src/render/chart.ts";

const id = "good-or-outstanding-over-time";
const rows = loadChartRows(chartById(id)!);
const pages = [`/explainers/what-a-single-word-hid/`, `/charts/${id}/`, `/embed/${id}/`];

describe("the first chart, from CSV to page to embed", () => {
  it.each(pages)("%s has the chart as SVG with one mark per data row, at every display width", (path) => {
    const doc = page(path);
    const fig = doc.querySelector(`figure[data-chart="${id}"]`);
    expect(fig, "figure").not.toBeNull();
    const svgs = fig!.querySelectorAll("svg.plot");
    expect(svgs.length).toBe(DISPLAY_WIDTHS.length);
    for (const svg of Array.from(svgs)) {
      expect(svg.querySelectorAll("g.marks > circle").length).toBe(rows.length);
      expect(svg.getAttribute("aria-label")).toContain("68%");
    }
    expect(fig!.querySelectorAll("table tbody tr").length).toBe(rows.length);
    expect(fig!.querySelector(".figure-source a[href='/data/overall-effectiveness/']")).not.toBeNull();
  });

  it("the embed page has no site header or footer, is noindex and canonical to the chart page", () => {
    const doc = page(`/embed/${id}/`);
    expect(doc.querySelector("header.site-header")).toBeNull();
    expect(doc.querySelector("footer.site-footer")).toBeNull();
    expect(doc.querySelector('meta[name="robots"]')?.getAttribute("content")).toContain("noindex");
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute("href")).toMatch(new RegExp(`/charts/${id}/$`));
  });

  it("the chart page and explainer have the site header and footer", () => {
    for (const path of pages.slice(0, 2)) {
      expect(page(path).querySelector("header.site-header")).not.toBeNull();
      expect(page(path).querySelector("footer.site-footer")).not.toBeNull();
    }
  });
});

describe("bad data fails the build", () => {
  it("a malformed row stops `astro build` with file, line, column, value and what was expected", () => {
    const dir = mkdtempSync(join(tmpdir(), "bow-bad-data-"));
    cpSync("data", dir, { recursive: true });
    writeFileSync(join(dir, "overall-effectiveness.csv"), readFileSync("tests/fixtures/data/malformed-percent.csv"));
    const out = mkdtempSync(join(tmpdir(), "bow-bad-dist-"));
    const run = spawnSync(process.execPath, ["node_modules/astro/bin/astro.mjs", "build", "--outDir", out], {
      env: { ...process.env, BOW_DATA_DIR: dir, ASTRO_TELEMETRY_DISABLED: "1" },
      encoding: "utf8",
      timeout: 110_000,
    });
    const output = run.stdout + run.stderr;
    expect(run.status, output.slice(-2000)).not.toBe(0);
    expect(output).toContain("overall-effectiveness.csv:3");
    expect(output).toContain('column "pct_good_or_outstanding": found "7O", expected a number from 0 to 100 or blank');
  });
});
