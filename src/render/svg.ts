/**
 * Renders Plot options to an SVG string at build time with a server-side DOM (linkedom).
 * The SVG carries no inline <style> (our stylesheet styles it, which keeps the CSP strict),
 * gives Plot's labelled groups role="group" so assistive technology reads them, and rounds
 * coordinates to 0.1 px (Plot writes up to 17 digits; the page carries one copy per display width).
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

export interface RenderOptions {
  /** Sentence read out for the whole chart. */
  readonly label: string;
}

/** Attributes holding coordinates; text and labels are never touched. */
const GEOMETRY = new Set(["d", "transform", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "width", "height", "points", "viewbox", "dx", "dy"]);
const round = (v: string) => v.replace(/-?\d*\.\d{3,}(?:e-?\d+)?/g, (n) => String(Math.round(Number(n) * 10) / 10));

let count = 0;
/** How many charts this process has drawn (the build prints it; src/render/chart.ts memoises). */
export function renderCount(): number {
  return count;
}

export function renderSvg(options: Plot.PlotOptions, { label }: RenderOptions): string {
  count++;
  (globalThis as { __bowChartRenders?: number }).__bowChartRenders = ((globalThis as { __bowChartRenders?: number }).__bowChartRenders ?? 0) + 1;
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const node = Plot.plot({ ...options, className: "plot", ariaLabel: label, document } as Plot.PlotOptions & { document: Document }) as unknown as Element;
  const svg = node.tagName.toLowerCase() === "svg" ? node : node.querySelector("svg");
  if (!svg) throw new Error("Plot did not return an SVG");
  for (const style of Array.from(svg.querySelectorAll("style"))) style.remove();
  for (const g of Array.from(svg.querySelectorAll("g[aria-label]"))) g.setAttribute("role", "group");
  for (const el of [node, ...Array.from(node.querySelectorAll("*"))]) {
    for (const attr of Array.from(el.attributes)) if (GEOMETRY.has(attr.name.toLowerCase())) el.setAttribute(attr.name, round(attr.value));
  }
  svg.setAttribute("role", "img");
  svg.removeAttribute("aria-description");
  return node.outerHTML;
}
