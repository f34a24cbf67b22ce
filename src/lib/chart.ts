import type * as Plot from "@observablehq/plot";
import type { DatasetId, DatasetRows } from "./datasets/index.ts";

/** Rows of every dataset a chart may read, keyed by dataset id. */
export type ChartData = { [K in DatasetId]?: DatasetRows[K][] };

/** A column of a chart's data table and CSV download. */
export interface TableColumn<Row> {
  readonly key: string;
  readonly label: string;
  readonly value: (row: Row) => string | number | null;
}

/** One entry of a chart's key: a colour swatch and the words (with the grade's symbol) it stands for. */
export interface LegendItem {
  readonly label: string;
  /** A CSS custom property naming the colour, e.g. "--grade-old-good" (resolved for downloads). */
  readonly colour: string;
  readonly symbol?: string;
}

/** One line of a chart's text form for paper: a bold lead (a date), what happened, and who (muted). */
export interface PrintListItem {
  readonly lead: string;
  /** Machine-readable date for the lead (a `<time datetime>`), if it is one. */
  readonly datetime?: string;
  readonly text: string;
  readonly note?: string;
  /** A long gap follows this line (a timeline's dashed stretch): the list's line down to the next item is dashed. */
  readonly gapAfter?: boolean;
}

export interface ChartSize {
  readonly width: number;
}

/** Where one row comes from: dataset id and the row's key (anchors /data/<id>/#row-<key>). */
export interface RowSource {
  readonly dataset: DatasetId;
  readonly key: string;
  readonly title: string;
  readonly url: string;
  readonly secondary: boolean;
}

/**
 * One chart: the same definition drives its page, its embed, its CSV, its data table and its
 * snapshot test (src/render/chart.ts turns it into every output). Pure: no DOM, no file access
 * (rows come in through `select`), so it lives here and the browser can import it too.
 */
/** The longest sourceShort: the embed credit fits one line at 600 px (the iframe's measured height) and two at 288. */
export const SOURCE_SHORT_MAX = 48;

export interface ChartDefinition<Row = any> {
  readonly id: string;
  readonly title: string;
  /** One line saying what the reader should take away. */
  readonly takeaway: string;
  readonly notes: readonly string[];
  /** Short source line, e.g. "Ofsted official statistics, 2010-2024". Each row's own source is in the data table. */
  readonly sourceSummary: string;
  /**
   * The source in a few words for the embed's credit line ("Beyond One Word · Source: …"), which
   * wraps rather than cut the source off: at most SOURCE_SHORT_MAX characters, so the credit takes
   * one line at 600 px and two on a phone. Names the same publisher as sourceSummary, with a date.
   */
  readonly sourceShort: string;
  /**
   * Charts drawn from one dated file (Ofsted's monthly management information): the date (yyyy-mm-dd)
   * its rows are as at, which the embed's credit adds to sourceShort, so an embedded chart says how
   * current it is without opening its notes.
   */
  readonly asAt?: (rows: readonly Row[]) => string | null;
  /** Datasets the chart reads; its source line links to each. */
  readonly datasets: readonly DatasetId[];
  /** True if marks change with the reader's input (loads chart code in the browser). */
  readonly interactive: boolean;
  /** The rows the chart shows, one mark each (the CSV download and data table list them). */
  select(data: ChartData): Row[];
  /** A sentence stating the finding, for screen readers and the text alternative. */
  describe(rows: readonly Row[]): string;
  readonly columns: readonly TableColumn<Row>[];
  /** Where each row comes from: dataset id and the row's key (anchors /data/<id>/#row-<key>). */
  source(row: Row): RowSource;
  /**
   * The chart's key, shown as HTML above the drawing (it wraps, and follows the reader's text
   * spacing and zoom); downloads draw it under the title.
   */
  legend?(rows: readonly Row[]): readonly LegendItem[];
  /** A line about the chart's setting or a caveat, shown as HTML above the drawing (it wraps). */
  caption?(rows: readonly Row[]): string;
  /**
   * Optional: the chart as a list of text lines, printed instead of the drawing (hidden on screen). For
   * a chart that is mostly text and far taller than wide (a timeline), whose drawing shrunk into a
   * printed column would set its text at about 4 pt; the list prints in the page's own type.
   */
  printList?(rows: readonly Row[]): readonly PrintListItem[];
  /**
   * Widths to draw at, if not every display width (src/render/chart.ts DISPLAY_WIDTHS): a chart that
   * is mostly text (a timeline) skips the middle one, and its narrow drawing is shown at up to 418 px.
   */
  readonly widths?: readonly number[];
  /** Plot options for the given rows and size. */
  plot(rows: readonly Row[], size: ChartSize): Plot.PlotOptions;
  /**
   * Optional: the whole page SVG as a string, drawn without Plot or a DOM (the render step uses it
   * instead of `plot`). For charts built hundreds of times per build (one per area, issue 18).
   */
  draw?(rows: readonly Row[], size: ChartSize & { readonly label: string }): string;
  /** The page that shows the chart, if not /charts/<id>/ (an area chart lives on its area's page). */
  readonly pagePath?: string;
  /** False: no PNG is built; the reader's browser makes it from the SVG download (area charts). */
  readonly buildPng?: boolean;
}

/** The page that shows a chart: /charts/<id>/, or the chart's own pagePath. */
/** The latest as-at date (yyyy-mm-dd) among rows, or null for none: a chart's asAt for rows from one dated file. */
export function latestAsAt(rows: readonly { readonly as_at: string }[]): string | null {
  return rows.reduce<string | null>((latest, r) => (latest === null || r.as_at > latest ? r.as_at : latest), null);
}

export function chartPagePath(chart: Pick<ChartDefinition, "id" | "pagePath">): string {
  return chart.pagePath ?? `/charts/${chart.id}/`;
}
