/**
 * Where a chart page's gzip bytes go, beside the floor page (scripts/bench-floor.ts), for
 * `npm run bench`. The HTML's parts are taken out one at a time, in the order below, and each
 * part's cost is how much the gzipped page (level 9) shrinks when it goes: gzip shares repeats
 * across parts, so a part is charged what it adds to what is left. Print-only and below-the-chart
 * parts go first, the parts the floor also has (head, the widest drawing, the title and source
 * line: "the rest") last, so those are charged about what they cost alone, like the floor's. The
 * parts sum to the whole HTML. Files the page references (stylesheets, scripts with their static
 * imports) are listed each with its own gzip size.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { fileForPath } from "../tests/support/gates/pages.ts";

const gz = (s: string | Buffer) => gzipSync(s, { level: 9 }).length;

/** A local URL on a page to its file in dist/, or null (external, data:, missing). */
export function localFile(dist: string, url: string | null | undefined, page: string): string | null {
  if (!url || /^(data:|blob:|#)/.test(url) || /^[a-z]+:\/\//i.test(url) || url.startsWith("//")) return null;
  return fileForPath(dist, new URL(url, new URL(page, "http://x")).pathname);
}

/** A script and every module it imports statically (import "./x.js" / from "./x.js"). */
export function scriptClosure(dist: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[^"'`()]*?\sfrom\s*)?["'`]([^"'`]+\.m?js)["'`]/g)) {
    const spec = m[1]!;
    const target = spec.startsWith("/") ? join(dist, spec) : join(dirname(file), spec);
    if (existsSync(target)) scriptClosure(dist, target, seen);
  }
  return seen;
}

/** The HTML's parts, in the order they are taken out: [label, selector]. */
const PARTS: [string, string][] = [
  ["print-only QR and printed-copy note", ".print-extras"],
  ["embed code", ".embed-code"],
  ["downloads and citation", ".downloads"],
  ["share bar", ".share-bar"],
  ["data table", "details.figure-data"],
  ["notes", ".figure-notes"],
  ["site header and footer", "header.site-header, footer.site-footer"],
  ["inline scripts", "script:not([src])"],
  ["narrower SVG drawings", ""], // one row per drawing, below
  ["inline CSS", "style"],
  ["head: meta, title, links", "head > *"],
  ["the widest SVG drawing", "svg.plot"],
];

export interface Part {
  label: string;
  gzip: number;
}

/** The gzip cost of each part of a page's HTML (sequential removal; sums to the HTML's gzip size). */
export function htmlParts(html: string): { total: number; parts: Part[] } {
  const { document } = parseHTML(html);
  const size = () => gz(document.toString());
  const total = size();
  let before = total;
  const parts: Part[] = [];
  const take = (label: string, els: Element[]) => {
    for (const el of els) el.remove();
    const after = size();
    parts.push({ label, gzip: before - after });
    before = after;
  };
  for (const [label, selector] of PARTS) {
    if (label === "narrower SVG drawings") {
      // Each drawing but the widest, named by its width.
      const svgs = Array.from(document.querySelectorAll("svg.plot")).sort((a, b) => Number(a.getAttribute("width")) - Number(b.getAttribute("width")));
      for (const svg of svgs.slice(0, -1)) take(`SVG drawing at ${svg.getAttribute("width")} px`, [svg]);
      continue;
    }
    const els = Array.from(document.querySelectorAll(selector));
    take(label === "the widest SVG drawing" && els[0] ? `SVG drawing at ${els[0].getAttribute("width")} px (the widest)` : label, els);
  }
  parts.push({ label: "the rest: title, takeaway, source line, headings, text", gzip: before });
  return { total, parts };
}

/** Stylesheets and scripts (with static imports) a built page references, each with its gzip size. */
export function pageFiles(dist: string, page: string, html: string): Part[] {
  const { document } = parseHTML(html);
  const files = new Set<string>();
  for (const l of Array.from(document.querySelectorAll('link[rel~="stylesheet"]'))) {
    const f = localFile(dist, l.getAttribute("href"), page);
    if (f) files.add(f);
  }
  for (const s of Array.from(document.querySelectorAll("script[src], link[rel=modulepreload]"))) {
    const f = localFile(dist, s.getAttribute("src") ?? s.getAttribute("href"), page);
    if (f) for (const x of scriptClosure(dist, f)) files.add(x);
  }
  return [...files].map((f) => ({ label: f.slice(dist.length).replace(/^\/+/, "/"), gzip: gz(readFileSync(f)) }));
}

/** The table: the chart page's parts beside the floor's, and what 3x the floor leaves. */
export function partsReport(dist: string, page: string, floorHtml: string, target: number): { text: string; json: unknown } {
  const html = readFileSync(fileForPath(dist, page)!, "utf8");
  const chart = htmlParts(html);
  const floor = htmlParts(floorHtml);
  const files = pageFiles(dist, page, html);
  const fileBytes = files.reduce((s, f) => s + f.gzip, 0);
  const floorBytes = floor.total;
  const pageBytes = chart.total + fileBytes;
  const floorOf = (label: string) => {
    const key = label.startsWith("SVG drawing") && label.includes("widest") ? "widest" : label;
    const hit = floor.parts.find((p) => (key === "widest" ? p.label.includes("widest") : p.label === key));
    return hit && hit.gzip !== 0 ? hit.gzip.toLocaleString("en-GB") : "–";
  };
  const rows = [
    ...chart.parts.filter((p) => p.gzip !== 0 || floorOf(p.label) !== "–").map((p) => `| ${p.label} | ${p.gzip.toLocaleString("en-GB")} | ${floorOf(p.label)} |`),
    `| **HTML** | **${chart.total.toLocaleString("en-GB")}** | **${floor.total.toLocaleString("en-GB")}** |`,
    ...files.map((f) => `| file ${f.label} | ${f.gzip.toLocaleString("en-GB")} | – |`),
    `| **HTML and the files it references** | **${pageBytes.toLocaleString("en-GB")}** | **${floorBytes.toLocaleString("en-GB")}** |`,
  ];
  const budget = target * floorBytes;
  const text = [
    `Where ${page}'s gzip bytes go, beside the floor (each HTML part: what the gzipped page shrinks by when it is taken out, in the order listed; files: each gzipped alone; scripts loaded later by import() are not counted).`,
    "",
    "| part | chart page B gz | floor B gz |",
    "|---|---:|---:|",
    ...rows,
    "",
    `${target}x the floor is ${budget.toLocaleString("en-GB")} B: the page is ${(pageBytes / floorBytes).toFixed(2)}x, ${Math.max(0, pageBytes - budget).toLocaleString("en-GB")} B over (the browser table above counts every response, so its figure differs).`,
  ].join("\n");
  return { text, json: { page, html: chart, floor, files, pageBytes, floorBytes, target, budget } };
}
