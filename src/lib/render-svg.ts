/**
 * Renders Plot options to an SVG string at build time with a server-side DOM (linkedom).
 * The SVG carries no inline <style> (our stylesheet styles it, which keeps the CSP strict)
 * and gives Plot's labelled groups role="group" so assistive technology reads them.
 */
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";

export interface RenderOptions {
  /** Sentence read out for the whole chart. */
  readonly label: string;
}

export function renderSvg(options: Plot.PlotOptions, { label }: RenderOptions): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  const node = Plot.plot({ ...options, className: "plot", ariaLabel: label, document } as Plot.PlotOptions & { document: Document }) as unknown as Element;
  const svg = node.tagName.toLowerCase() === "svg" ? node : node.querySelector("svg");
  if (!svg) throw new Error("Plot did not return an SVG");
  for (const style of Array.from(svg.querySelectorAll("style"))) style.remove();
  for (const g of Array.from(svg.querySelectorAll("g[aria-label]"))) g.setAttribute("role", "group");
  // Plot writes font-variant="tabular-nums" on axis groups: not a valid SVG attribute value (the
  // Nu checker rejects it); the stylesheet sets font-variant-numeric on chart text instead.
  for (const el of Array.from(svg.querySelectorAll("[font-variant]"))) el.removeAttribute("font-variant");
  svg.setAttribute("role", "img");
  svg.removeAttribute("aria-description");
  return node.outerHTML;
}
