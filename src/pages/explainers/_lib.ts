/** Pure helpers for explainer pages: sources ordering and related articles. */

export interface SourceInput {
  readonly title: string;
  readonly url: string;
}

export interface OrderedSource extends SourceInput {
  /** 1-based number in the list. */
  readonly n: number;
  /** Our own dataset page (/data/...) or an original publication (https). */
  readonly kind: "data" | "publication";
}

/** "/data/x/#row-1" -> "/data/x/". */
const datasetPage = (url: string) => url.split("#")[0]!;

/**
 * Our dataset pages first, then the publications, numbered from 1. Data links are grouped by
 * dataset (in order of first mention), each dataset's own page before its rows.
 */
export function orderSources(sources: readonly SourceInput[]): OrderedSource[] {
  const isData = (s: SourceInput) => s.url.startsWith("/data/");
  const data = sources.filter(isData);
  const groups = [...new Set(data.map((s) => datasetPage(s.url)))];
  const sortedData = groups.flatMap((g) => {
    const inGroup = data.filter((s) => datasetPage(s.url) === g);
    return [...inGroup.filter((s) => s.url === g), ...inGroup.filter((s) => s.url !== g)];
  });
  return [...sortedData, ...sources.filter((s) => !isData(s))].map((s, i) => ({
    ...s,
    n: i + 1,
    kind: isData(s) ? "data" : "publication",
  }));
}

/** "https://www.gov.uk/x" -> "gov.uk". */
export function sourceHost(url: string): string {
  return new URL(url).hostname.replace(/^www\./, "");
}

/** The next `count` explainers after `id` in reading order, wrapping round to the start. */
export function relatedExplainers<E extends { id: string; order: number }>(entries: readonly E[], id: string, count: number): E[] {
  const sorted = [...entries].sort((a, b) => a.order - b.order);
  const i = sorted.findIndex((e) => e.id === id);
  const out: E[] = [];
  for (let k = 1; k < sorted.length && out.length < count; k++) out.push(sorted[(i + k) % sorted.length]!);
  return out;
}
