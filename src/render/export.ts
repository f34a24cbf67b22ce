/**
 * Standalone chart files (build time, node only). `standaloneSvg` turns a page SVG into a file that
 * opens on its own (xmlns, concrete light-theme colours instead of CSS variables, our font, a white
 * ground): snapshots and preview cards use it. `framedSvg` adds the chart's title above and its
 * source and link below, for the download that goes into a slide deck; `svgToPng` rasterises with
 * resvg and fonts shipped in an npm package (no system fonts needed).
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { concreteColours, exportColours, type ExportTheme } from "../lib/export-colours.ts";
import { escapeHtml } from "../lib/escape.ts";
import { textWidth, wrapText } from "../lib/text-measure.ts";
import type { LegendItem } from "../lib/chart.ts";

/** Fonts in the export, first found wins in the browser; resvg gets the TTFs below. */
export const EXPORT_FONT = "'Source Sans 3', 'Source Sans Pro', Arial, sans-serif";

export interface StandaloneSvg {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

/** The page SVG made standalone: namespace, concrete colours, our font and 12 px type, a white ground. */
export function standaloneSvg(html: string, theme: ExportTheme = "light"): StandaloneSvg {
  const colours = exportColours(theme);
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const svg = document.querySelector("svg");
  if (!svg) throw new Error("export: the chart rendered no <svg>");
  const width = Number(svg.getAttribute("width"));
  const height = Number(svg.getAttribute("height"));
  if (!(width > 0 && height > 0)) throw new Error("export: the chart's <svg> has no numeric width and height");
  for (const el of [svg, ...Array.from(svg.querySelectorAll("*"))]) {
    for (const attr of Array.from(el.attributes)) {
      if (/var\(|currentcolor/i.test(attr.value)) el.setAttribute(attr.name, concreteColours(attr.value, colours));
    }
  }
  for (const a of ["class", "role"]) svg.removeAttribute(a);
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  svg.setAttribute("font-family", EXPORT_FONT);
  svg.setAttribute("font-size", "12");
  const ground = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  ground.setAttribute("width", "100%");
  ground.setAttribute("height", "100%");
  ground.setAttribute("fill", colours["--surface"]!);
  svg.insertBefore(ground, svg.firstChild);
  return { svg: svg.outerHTML + "\n", width, height };
}

/**
 * The same as standaloneSvg for a drawing written as text by a chart's `draw` (src/lib/chart.ts):
 * well-formed, attribute values escaped, colours only in fill and stroke. String edits instead of a
 * DOM parse, which was most of an area chart's cost (hundreds per build).
 */
export function standaloneSvgText(svg: string, theme: ExportTheme = "light"): StandaloneSvg {
  const colours = exportColours(theme);
  const open = /^<svg\b([^>]*)>/.exec(svg);
  if (!open || !svg.endsWith("</svg>")) throw new Error("export: the drawing is not one <svg> element");
  const attrs = open[1]!;
  const width = Number(/\swidth="([\d.]+)"/.exec(attrs)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(attrs)?.[1]);
  if (!(width > 0 && height > 0)) throw new Error("export: the chart's <svg> has no numeric width and height");
  const body = svg.slice(open[0].length).replace(/\s(fill|stroke)="([^"]*)"/g, (m, name: string, value: string) => (/var\(|currentcolor/i.test(value) ? ` ${name}="${concreteColours(value, colours)}"` : m));
  const root = attrs
    .replace(/\s(class|role|font-size|font-family)="[^"]*"/g, "")
    .replace(/\s(fill|stroke)="([^"]*)"/g, (m, name: string, value: string) => (/var\(|currentcolor/i.test(value) ? ` ${name}="${concreteColours(value, colours)}"` : m));
  const ground = `<rect width="100%" height="100%" fill="${colours["--surface"]}"></rect>`;
  return { svg: `<svg${root} xmlns="http://www.w3.org/2000/svg" font-family="${EXPORT_FONT.replace(/"/g, "&quot;")}" font-size="12">${ground}${body}\n`, width, height };
}

/** Top and bottom padding; text is inset by SIDE (the chart keeps its own margins, full width). */
const PAD = 16;
const SIDE = 8;
const TITLE_SIZE = 20;
const TITLE_LINE = 25;
const SMALL_SIZE = 13;
const SMALL_LINE = 17;

export interface FramedSvg extends StandaloneSvg {
  /** Height of the chart alone, without title and footer. */
  readonly chartHeight: number;
}

/** The download: the standalone chart with its title above and its source and credit below. */
export interface FrameText {
  readonly title: string;
  readonly label: string;
  readonly legend: readonly LegendItem[];
  readonly caption: string;
  readonly source: string;
  readonly credit: string;
}

/** Legend items laid out left to right, wrapping: a swatch, then the symbol and words. */
function legendSvg(items: readonly LegendItem[], y0: number, width: number, colours: Record<string, string>): { svg: string; height: number } {
  let x = SIDE;
  let y = y0;
  const parts: string[] = [];
  for (const item of items) {
    const text = item.symbol ? `${item.symbol} ${item.label}` : item.label;
    const w = 16 + textWidth(text, SMALL_SIZE) + 14;
    if (x > SIDE && x + w > width - SIDE) {
      x = SIDE;
      y += SMALL_LINE + 2;
    }
    parts.push(`<rect x="${x}" y="${y - 10}" width="11" height="11" fill="${concreteColours(`var(${item.colour})`, colours)}"/>`);
    // An item wider than the line (a long label in a narrow preview card) wraps onto lines of its own.
    const lines = w > width - 2 * SIDE ? wrapText(text, width - 2 * SIDE - 16, SMALL_SIZE) : [text];
    lines.forEach((line, i) => parts.push(`<text x="${x + 16}" y="${y + i * SMALL_LINE}" font-size="${SMALL_SIZE}" fill="${colours["--ink"]}">${escapeHtml(line)}</text>`));
    if (lines.length > 1) {
      y += (lines.length - 1) * SMALL_LINE;
      x = width; // the next item starts a new row
    } else x += w;
  }
  return { svg: parts.join(""), height: items.length ? y - y0 + SMALL_LINE + 4 : 0 };
}

export function framedSvg(chart: StandaloneSvg, text: FrameText, theme: ExportTheme = "light"): FramedSvg {
  const colours = exportColours(theme);
  const inner = chart.width;
  const titleLines = wrapText(text.title, inner - 2 * SIDE, TITLE_SIZE, { bold: true });
  const sourceLines = wrapText(text.source, inner - 2 * SIDE, SMALL_SIZE);
  const creditLines = wrapText(text.credit, inner - 2 * SIDE, SMALL_SIZE);
  const captionLines = text.caption ? wrapText(text.caption, inner - 2 * SIDE, SMALL_SIZE) : [];
  const legendTop = PAD + titleLines.length * TITLE_LINE + 4 + SMALL_SIZE;
  const legend = legendSvg(text.legend, legendTop, inner, colours);
  const captionTop = legendTop + legend.height;
  const top = captionTop + captionLines.length * SMALL_LINE + 4;
  const footTop = top + chart.height + 12;
  const height = Math.ceil(footTop + (sourceLines.length + creditLines.length) * SMALL_LINE + PAD);
  const lines = (ls: string[], y0: number, step: number, attrs: string) =>
    ls.map((l, i) => `<text x="${SIDE}" y="${y0 + i * step}" ${attrs}>${escapeHtml(l)}</text>`).join("");
  const body = chart.svg.trim().replace(/^<svg /, `<svg x="0" y="${top}" `).replace(/ xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, "");
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${inner}" height="${height}" viewBox="0 0 ${inner} ${height}" font-family="${EXPORT_FONT}">` +
    (text.title ? `<title>${escapeHtml(text.title)}</title>` : "") + `<desc>${escapeHtml(text.label)}</desc>` +
    `<rect width="100%" height="100%" fill="${colours["--surface"]}"/>` +
    lines(titleLines, PAD + TITLE_SIZE, TITLE_LINE, `font-size="${TITLE_SIZE}" font-weight="700" fill="${colours["--ink"]}"`) +
    legend.svg +
    lines(captionLines, captionTop, SMALL_LINE, `font-size="${SMALL_SIZE}" font-style="italic" fill="${colours["--ink"]}"`) +
    body +
    lines([...sourceLines, ...creditLines], footTop + SMALL_SIZE, SMALL_LINE, `font-size="${SMALL_SIZE}" fill="${colours["--muted"]}"`) +
    `</svg>\n`;
  return { svg, width: inner, height, chartHeight: chart.height };
}

/**
 * TTF files resvg renders with: Source Sans 3 (@expo-google-fonts/source-sans-3) for text, DejaVu
 * Sans (dejavu-fonts-ttf) as the fallback for symbols it lacks (grade marks like ★ ✕).
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

/** An SVG rendered to PNG at `scale` (2 = twice the SVG's pixel size). */
export async function svgToPng(svg: string, scale = 2): Promise<Uint8Array> {
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    font: { fontFiles: exportFontFiles(), loadSystemFonts: false, defaultFontFamily: "Source Sans 3" },
  });
  return resvg.render().asPng();
}
