/**
 * Standalone chart files for download (build time, node only): the 720 px chart SVG with an
 * xmlns, concrete light-theme colours instead of CSS variables, the chart's title above it and
 * its source and link below, so the file stands on its own in a slide deck; and a 2x PNG of the
 * same SVG rendered with resvg and fonts shipped in an npm package (no system fonts needed).
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import type { ChartDefinition } from "../charts/types.ts";
import { loadChartRows } from "./chart-data.ts";
import { OLD_GRADES, REPORT_CARD_GRADES, SAFEGUARDING } from "./grades.ts";
import { renderSvg } from "./render-svg.ts";
import { SITE_NAME } from "./site.ts";
import { DATASETS } from "./datasets/index.ts";
import { defaultEmbedHeight } from "./embed-code.ts";
import MEASURED from "./embed-heights.json" with { type: "json" };

/**
 * Light-theme values of the non-grade CSS variables in src/styles/global.css (:root).
 * tests/build/embed.test.ts checks this map against the stylesheet.
 */
export const LIGHT_COLOURS: Readonly<Record<string, string>> = {
  "--surface": "#ffffff",
  "--surface-2": "#f3f4f6",
  "--ink": "#1b1d21",
  "--muted": "#545964",
  "--rule": "#d6d9df",
  "--link": "#1f4fb5",
  "--focus": "#b3540a",
  "--series-1": "#1f4fb5",
  "--series-2": "#b3540a",
};

/** Every colour variable an exported SVG may use: the map above plus every grade's light colour. */
export function exportColours(): Record<string, string> {
  const out: Record<string, string> = { ...LIGHT_COLOURS };
  for (const g of OLD_GRADES) out[`--grade-old-${g.key}`] = g.colour.light;
  for (const g of REPORT_CARD_GRADES) out[`--grade-card-${g.key}`] = g.colour.light;
  for (const g of SAFEGUARDING) out[`--grade-safeguarding-${g.key}`] = g.colour.light;
  return out;
}

/** Replaces var(--x) and var(--x, fallback) with concrete colours; currentColor with the ink colour. */
export function concreteColours(value: string, colours = exportColours()): string {
  let out = value;
  // Innermost first, so fallbacks that are themselves var() resolve.
  for (let i = 0; i < 10 && out.includes("var("); i++) {
    out = out.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)/g, (whole, name: string, fallback?: string) => {
      const hit = colours[name];
      if (hit) return hit;
      if (fallback !== undefined && fallback.trim() !== "") return fallback.trim();
      throw new Error(`export-svg: no light-theme colour for ${whole}; add it to LIGHT_COLOURS in src/lib/export-svg.ts (and to :root in src/styles/global.css)`);
    });
  }
  return out.replace(/currentColor/gi, colours["--ink"]!);
}

export const EXPORT_WIDTH = 720;
/** Fonts in the export, first found wins in the browser; resvg gets the TTFs below. */
export const EXPORT_FONT = "'Source Sans 3', 'Source Sans Pro', Arial, sans-serif";
/** Top and bottom padding; text is inset by SIDE (the chart keeps its own margins, full width). */
const PAD = 16;
const SIDE = 8;
const TITLE_SIZE = 20;
const TITLE_LINE = 25;
const SMALL_SIZE = 12;
const SMALL_LINE = 16;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Splits text into lines that fit `width` px at `size` px, estimating Source Sans 3 at 0.52 em per
 * character (its average is about 0.47 em; the margin keeps bold and wide words inside).
 */
export function wrapText(text: string, width: number, size: number, emPerChar = 0.52): string[] {
  const max = Math.max(8, Math.floor(width / (size * emPerChar)));
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length > max && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export interface ChartExport {
  /** The standalone SVG file's text. */
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** Height of the chart alone (the 720 px Plot SVG), without title and footer. */
  readonly chartHeight: number;
}

const cache = new Map<string, ChartExport>();

/** The downloadable SVG for a chart (cached per build: the PNG, oEmbed and embed code reuse it). */
export function exportChart(chart: ChartDefinition, pageUrl: string): ChartExport {
  const key = `${chart.id} ${pageUrl}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const rows = loadChartRows(chart);
  const label = chart.describe(rows);
  const html = renderSvg(chart.plot(rows, { width: EXPORT_WIDTH }), { label });
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  // Plot may wrap the chart in a <figure> (legends); the chart is its largest <svg>.
  const svgs = Array.from(document.querySelectorAll("svg"));
  const area = (s: Element) => Number(s.getAttribute("width") ?? 0) * Number(s.getAttribute("height") ?? 0);
  const plot = svgs.sort((a, b) => area(b) - area(a))[0];
  if (!plot) throw new Error(`export-svg: chart "${chart.id}" rendered no <svg>`);
  const chartHeight = Number(plot.getAttribute("height"));
  if (!(chartHeight > 0)) throw new Error(`export-svg: chart "${chart.id}" has no numeric SVG height`);

  const colours = exportColours();
  for (const el of [plot, ...Array.from(plot.querySelectorAll("*"))]) {
    for (const attr of Array.from(el.attributes)) {
      if (/var\(|currentcolor/i.test(attr.value)) el.setAttribute(attr.name, concreteColours(attr.value, colours));
    }
  }
  for (const a of ["role", "aria-label", "class"]) plot.removeAttribute(a);
  plot.setAttribute("font-family", EXPORT_FONT);
  plot.setAttribute("font-size", "12");
  plot.setAttribute("x", "0");

  const inner = EXPORT_WIDTH;
  const titleLines = wrapText(chart.title, inner - 2 * SIDE, TITLE_SIZE, 0.55);
  const sourceLines = wrapText(`Source: ${chart.sourceSummary}.`, inner - 2 * SIDE, SMALL_SIZE);
  const top = PAD + titleLines.length * TITLE_LINE + 8;
  plot.setAttribute("y", String(top));
  const footTop = top + chartHeight + 12;
  const credit = `${SITE_NAME}, ${pageUrl}`;
  const height = Math.ceil(footTop + (sourceLines.length + 1) * SMALL_LINE + PAD);
  const ink = colours["--ink"]!;
  const muted = colours["--muted"]!;
  const text = (lines: string[], y0: number, step: number, attrs: string) =>
    lines.map((l, i) => `<text x="${SIDE}" y="${y0 + i * step}" ${attrs}>${esc(l)}</text>`).join("");

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${inner}" height="${height}" viewBox="0 0 ${inner} ${height}" font-family="${EXPORT_FONT}">` +
    `<title>${esc(chart.title)}</title><desc>${esc(label)}</desc>` +
    `<rect width="100%" height="100%" fill="${colours["--surface"]}"/>` +
    text(titleLines, PAD + TITLE_SIZE, TITLE_LINE, `font-size="${TITLE_SIZE}" font-weight="700" fill="${ink}"`) +
    plot.outerHTML +
    text([...sourceLines, credit], footTop + SMALL_SIZE, SMALL_LINE, `font-size="${SMALL_SIZE}" fill="${muted}"`) +
    `</svg>\n`;
  const out = { svg, width: inner, height, chartHeight };
  cache.set(key, out);
  return out;
}

/**
 * TTF files resvg renders the PNG with: Source Sans 3 (@expo-google-fonts/source-sans-3) for
 * text, DejaVu Sans (dejavu-fonts-ttf) as the fallback for symbols it lacks (grade marks like ★ ✕).
 */
export function exportFontFiles(): string[] {
  const require = createRequire(join(process.cwd(), "package.json"));
  return [
    "@expo-google-fonts/source-sans-3/400Regular/SourceSans3_400Regular.ttf",
    "@expo-google-fonts/source-sans-3/700Bold/SourceSans3_700Bold.ttf",
    "dejavu-fonts-ttf/ttf/DejaVuSans.ttf",
    "dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf",
  ].map((f) => require.resolve(f));
}

/** The export rendered to PNG at `scale` (2 = twice the SVG's pixel size). */
export async function exportPng(svg: string, scale = 2): Promise<Uint8Array> {
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { fontFiles: exportFontFiles(), loadSystemFonts: false, defaultFontFamily: "Source Sans 3" },
  });
  return resvg.render().asPng();
}

/** Characters in the figure's source line as src/components/Figure.astro writes it. */
export function sourceLineChars(chart: ChartDefinition): number {
  const rows = loadChartRows(chart);
  const sources = [...new Map(rows.map((r) => chart.source(r)).map((s) => [s.url, s])).values()];
  let n = "Source: ".length + (sources.length === 1 ? sources[0]!.title.length : chart.sourceSummary.length);
  if (sources.length > 1) n += 60;
  if (sources.some((s) => s.secondary)) n += 60;
  n += " Data: ".length + chart.datasets.reduce((a, d) => a + DATASETS[d].title.length + 2, 0);
  return n;
}

/**
 * The default iframe height for a chart's embed code: the embed page's height at 600 px as measured
 * in Chromium (scripts/measure-embeds.ts -> embed-heights.json) plus a margin, or, for a chart not
 * measured yet, the estimate from its text (defaultEmbedHeight).
 */
export function chartEmbedHeight(chart: ChartDefinition): number {
  const estimate = defaultEmbedHeight(chart, exportChart(chart, "").chartHeight, sourceLineChars(chart));
  const measured = (MEASURED as Record<string, number>)[chart.id];
  return measured ? Math.ceil((measured + 24) / 10) * 10 : estimate;
}
