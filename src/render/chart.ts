/**
 * The one render step: for a chart id, every output the site publishes, each computed once per
 * build and looked up by pages (Figure), embeds, downloads, preview cards, oEmbed and snapshot tests.
 *
 *   data/*.csv --load.ts--> rows --chart.plot--> SVG per display width (svg.ts, linkedom)
 *                                           \--> standalone SVG (export.ts) --> download SVG, PNG, card
 */
import { chartById } from "./charts.ts";
import type { ChartData, ChartDefinition, LegendItem, PrintListItem, RowSource } from "../lib/chart.ts";
import { defaultEmbedHeight, EMBED_DEFAULT_WIDTH } from "../lib/embed-code.ts";
import MEASURED from "../lib/embed-heights.json" with { type: "json" };
import { SITE_NAME } from "../lib/site.ts";
import { chartSources, sourceLineParts, type SourcePart } from "../lib/source-line.ts";
import { framedSvg, standaloneSvg, standaloneSvgText, svgToPng, type FramedSvg, type StandaloneSvg } from "./export.ts";
import type { ExportTheme } from "../lib/export-colours.ts";
import { dataDir, loadDataset } from "./load.ts";
import { renderSvg } from "./svg.ts";

/**
 * Widths each chart is drawn at. The page carries one drawing per width and CSS container queries
 * (src/styles/global.css, "Charts drawn for their width", classes chart-show-<from>-<to>) show the
 * widest that fits the figure, scaled up to fill it, so chart text is never shown smaller than its 12 px: 288 fits a 320 px phone
 * (1 rem margins) and an embed from 304 px; 576 fills an explainer's 672 px column, a chart page's
 * 736 and an embed's 768 (the widest figure) at up to 1.33x. Scale-up stays under 1.45x (text under
 * 17.4 px); a fourth width would cost each page another drawing's bytes.
 */
export const DISPLAY_WIDTHS = [288, 416, 576] as const;
export type DisplayWidth = (typeof DISPLAY_WIDTHS)[number];
/** Downloads (SVG, PNG) are drawn at 576 so that shown 600 px wide their text stays at 12 px or more. */
export const EXPORT_WIDTH: DisplayWidth = 576;
/** Preview cards draw the narrowest chart at 2x, so at 600 px wide (half the card) its text is 12 px. */
export const CARD_CHART_WIDTH: DisplayWidth = 288;

/** The drawing shown in a figure `width` px wide: the widest that fits, or the narrowest. */
export function displayWidthFor(width: number, widths: readonly number[] = DISPLAY_WIDTHS): number {
  return [...widths].reverse().find((w) => w <= width) ?? widths[0]!;
}

/** One drawing and the figure widths it is shown at: from `from` px up to (not including) `to`. */
export interface Drawing {
  readonly width: number;
  readonly svg: string;
  readonly from: number;
  readonly to: number | null;
}

/** The rows a chart shows, from the datasets it names (each parsed once per build). */
export function loadChartRows<Row>(chart: ChartDefinition<Row>): Row[] {
  const data: ChartData = {};
  for (const id of chart.datasets) (data as Record<string, unknown>)[id] = loadDataset(id);
  return chart.select(data);
}

/** Every output of one chart, each computed on first use and kept for the build. */
export class ChartRender<Row = unknown> {
  readonly rows: readonly Row[];
  readonly label: string;
  readonly sources: readonly RowSource[];
  readonly sourceLine: readonly SourcePart[];
  readonly legend: readonly LegendItem[];
  readonly caption: string;
  /** The chart's text form for paper (empty for a chart that prints its drawing). */
  readonly printList: readonly PrintListItem[];
  readonly #svgs = new Map<number, string>();
  readonly #standalone = new Map<string, StandaloneSvg>();
  readonly #downloads = new Map<string, FramedSvg>();
  readonly #pngs = new Map<string, Promise<Uint8Array>>();

  readonly chart: ChartDefinition<Row>;

  constructor(chart: ChartDefinition<Row>) {
    this.chart = chart;
    this.rows = loadChartRows(chart);
    this.label = chart.describe(this.rows);
    this.sources = chartSources(chart, this.rows);
    this.sourceLine = sourceLineParts(chart, this.sources);
    this.legend = chart.legend?.(this.rows) ?? [];
    this.caption = chart.caption?.(this.rows) ?? "";
    this.printList = chart.printList?.(this.rows) ?? [];
  }

  /** The page SVG drawn at `width` (CSS variables for colours; our stylesheet styles it). */
  svg(width: number): string {
    let hit = this.#svgs.get(width);
    if (hit === undefined) {
      const { draw } = this.chart;
      hit = draw ? draw(this.rows, { width, label: this.label }) : renderSvg(this.chart.plot(this.rows, { width }), { label: this.label });
      this.#svgs.set(width, hit);
    }
    return hit;
  }

  /** The widths this chart is drawn at, narrowest first. */
  get widths(): readonly number[] {
    const widths = this.chart.widths ?? DISPLAY_WIDTHS;
    for (const w of widths) if (!(DISPLAY_WIDTHS as readonly number[]).includes(w)) throw new Error(`render: chart "${this.chart.id}" asks for width ${w}; display widths are ${DISPLAY_WIDTHS.join(", ")}`);
    return widths;
  }

  /** One drawing per width, narrowest first, each with the figure widths it is shown at. */
  get drawings(): Drawing[] {
    const ws = this.widths;
    return ws.map((width, i) => ({ width, svg: this.svg(width), from: i === 0 ? 0 : width, to: ws[i + 1] ?? null }));
  }

  /** The chart alone as a file that opens anywhere (xmlns, concrete colours, the theme's ground: light unless asked). */
  standalone(width: number = EXPORT_WIDTH, theme: ExportTheme = "light"): StandaloneSvg {
    const key = `${width} ${theme}`;
    let hit = this.#standalone.get(key);
    if (!hit) this.#standalone.set(key, (hit = (this.chart.draw ? standaloneSvgText : standaloneSvg)(this.svg(width), theme)));
    return hit;
  }

  /**
   * The preview card's drawing (CARD_CHART_WIDTH wide): the chart with its key and caption above it,
   * as the page shows them in HTML (the card itself carries the title and the address).
   */
  get card(): StandaloneSvg {
    if (!this.legend.length && !this.caption) return this.standalone(CARD_CHART_WIDTH);
    return framedSvg(this.standalone(CARD_CHART_WIDTH), { title: "", label: this.label, legend: this.legend, caption: this.caption, source: "", credit: "" });
  }

  /** The downloadable SVG: title, chart, source and a credit with the chart page's address. */
  download(pageUrl: string, theme: ExportTheme = "light"): FramedSvg {
    const key = `${pageUrl} ${theme}`;
    let hit = this.#downloads.get(key);
    if (!hit) {
      const text = { title: this.chart.title, label: this.label, legend: this.legend, caption: this.caption, source: `Source: ${this.chart.sourceSummary}.`, credit: `${SITE_NAME}, ${pageUrl}` };
      this.#downloads.set(key, (hit = framedSvg(this.standalone(EXPORT_WIDTH, theme), text, theme)));
    }
    return hit;
  }

  /** The download as a PNG at twice its size (for slides). */
  png(pageUrl: string): Promise<Uint8Array> {
    let hit = this.#pngs.get(pageUrl);
    if (!hit) this.#pngs.set(pageUrl, (hit = svgToPng(this.download(pageUrl).svg, 2)));
    return hit;
  }

  /** The rows as the CSV download and data table list them (column key -> value). */
  get csvRows(): Record<string, string | number | null>[] {
    return this.rows.map((row) => Object.fromEntries(this.chart.columns.map((c) => [c.key, c.value(row)])));
  }

  /**
   * The default iframe height for the embed code: the embed page's height at 600 px as measured in
   * Chromium (scripts/measure-embeds.ts -> embed-heights.json) plus a margin, or, for a chart not
   * measured yet, the estimate from its text and the drawing shown at that width.
   */
  get embedHeight(): number {
    const measured = (MEASURED as Record<string, number>)[this.chart.id];
    if (measured) return Math.ceil((measured + 24) / 10) * 10;
    const inner = EMBED_DEFAULT_WIDTH - 16;
    const shown = this.standalone(displayWidthFor(inner, this.widths));
    // defaultEmbedHeight scales a 720-wide drawing to the column; give it the shown drawing's height on that basis.
    const sourceChars = this.sourceLine.reduce((n, p) => n + p.text.length, 0);
    return defaultEmbedHeight(this.chart, (shown.height * 720) / shown.width, sourceChars);
  }
}

const memo = new Map<string, ChartRender<any>>();

/** The render of a published chart (src/render/charts.ts: registered, its datasets present), made once per data folder and build. */
export function renderChart(id: string): ChartRender<any> {
  const key = `${dataDir()}::${id}`;
  let hit = memo.get(key);
  if (!hit) {
    const chart = chartById(id);
    if (!chart) throw new Error(`render: no published chart with id "${id}" (src/charts/index.ts lists every chart; src/render/charts.ts publishes those whose datasets are in ${dataDir()})`);
    memo.set(key, (hit = new ChartRender(chart)));
  }
  return hit;
}

export { renderCount } from "./svg.ts";
