/**
 * A figure's source line as parts (text, or a link), so the page (Figure.astro) and anything that
 * needs its length (the embed height estimate) read one definition.
 */
import type { ChartDefinition, RowSource } from "./chart.ts";
import { DATASETS } from "./datasets/index.ts";

export interface SourcePart {
  readonly text: string;
  readonly href?: string;
  /** Wording shared by many figures (counts, the secondary-source flag, the dataset links): kept out of
   *  site search, so a chart's result reads from its own words and two charts never read the same. */
  readonly shared?: true;
}

/** The address of a dataset row on its page: /data/<id>/#row-<key> (keys from datasetRowKey). */
export function rowHref(dataset: string, key: string): string {
  return `/data/${dataset}/#row-${key}`;
}

/** The distinct publications a chart's rows come from, in row order. */
export function chartSources<Row>(chart: ChartDefinition<Row>, rows: readonly Row[]): RowSource[] {
  return [...new Map(rows.map((r) => chart.source(r)).map((s) => [s.url, s])).values()];
}

/** "Source: <publication or summary>[ (n publications…)]. [Secondary flag.] Data: <datasets>." */
export function sourceLineParts<Row>(chart: ChartDefinition<Row>, sources: readonly RowSource[]): SourcePart[] {
  const parts: SourcePart[] = [{ text: "Source: " }];
  const only = sources.length === 1 ? sources[0]! : undefined;
  parts.push(only ? { text: only.title, href: only.url } : { text: chart.sourceSummary });
  if (sources.length > 1) parts.push({ text: ` (${sources.length} publications; the data names each row's source)`, shared: true });
  parts.push({ text: "." });
  if (sources.some((s) => s.secondary)) parts.push({ text: " Some figures rest on a secondary source and are flagged.", shared: true });
  parts.push({ text: " Data: ", shared: true });
  chart.datasets.forEach((d, i) => {
    if (i > 0) parts.push({ text: ", ", shared: true });
    parts.push({ text: DATASETS[d].title, href: `/data/${d}/`, shared: true });
  });
  parts.push({ text: ".", shared: true });
  return parts;
}
