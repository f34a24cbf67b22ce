/**
 * Renders Plot options to an SVG string at build time with a server-side DOM (linkedom).
 * The SVG carries no inline <style> (our stylesheet styles it, which keeps the CSP strict), is one
 * image to assistive technology (role="img", named by the chart's sentence), and rounds
 * coordinates (Plot writes up to 17 digits; the page carries one drawing per display width).
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

export interface RenderOptions {
  /** Sentence read out for the whole chart. */
  readonly label: string;
}

/** Attributes holding coordinates; text and labels are never touched. */
const GEOMETRY = new Set(["d", "transform", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx", "ry", "width", "height", "points", "viewbox", "dx", "dy"]);
/** Whole pixels for positions and sizes (the page shows each drawing at 1 to 1.44x); paths keep 0.1 px. */
const round = (v: string, digits: number) => v.replace(/-?\d*\.\d+(?:e-?\d+)?(?![\d.]*(?:em|%))/g, (n) => String(Math.round(Number(n) * 10 ** digits) / 10 ** digits));

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
  // Plot names each group ("dot", "x-axis tick"); inside role="img" nothing below the <svg> reaches
  // assistive technology, so the names only add bytes to each of the page's drawings.
  for (const g of Array.from(svg.querySelectorAll("g[aria-label]"))) g.removeAttribute("aria-label");
  // Tabular figures come from the stylesheet (font-variant is not an SVG attribute the Nu checker accepts).
  for (const g of Array.from(svg.querySelectorAll("[font-variant]"))) g.removeAttribute("font-variant");
  for (const el of [node, ...Array.from(node.querySelectorAll("*"))]) {
    for (const attr of Array.from(el.attributes)) if (GEOMETRY.has(attr.name.toLowerCase())) el.setAttribute(attr.name, round(attr.value, attr.name === "d" || attr.name === "r" ? 1 : 0));
  }
  // Type comes from the page's stylesheet (12 px, the body's font); exports set their own.
  svg.removeAttribute("font-family");
  svg.setAttribute("font-size", "12");
  svg.setAttribute("role", "img");
  svg.removeAttribute("aria-description");
  return node.outerHTML;
}
