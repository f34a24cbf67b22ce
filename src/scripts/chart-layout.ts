/**
 * How a chart's marks are arranged for keyboard reading: which series each mark belongs to and
 * which category (date, judgement, ...) along the series. Read from the SVG's own marks: a series
 * is a `g.marks` group, split by each mark's own fill or stroke when it has one (stacked bars colour
 * each segment by grade); categories are the distinct positions along the axis the series share.
 */
export interface MarkLayout {
  marks: SVGGraphicsElement[];
  /** For each mark (same order as `marks`), its series and category index. */
  position: { series: number; category: number }[];
  seriesCount: number;
  categoryCount: number;
  /** grid[series][category] = mark index, or -1 where the series has no mark. */
  grid: number[][];
}

const cache = new WeakMap<SVGSVGElement, MarkLayout>();

export function markLayout(svg: SVGSVGElement): MarkLayout {
  const cached = cache.get(svg);
  if (cached) return cached;
  const marks: SVGGraphicsElement[] = [];
  const seriesKey: string[] = [];
  Array.from(svg.querySelectorAll("g.marks")).forEach((g, gi) => {
    for (const el of Array.from(g.children) as SVGGraphicsElement[]) {
      if (!el.dataset.tip && !el.querySelector("title")) continue;
      marks.push(el);
      seriesKey.push(`${gi}|${el.getAttribute("fill") ?? el.getAttribute("stroke") ?? ""}`);
    }
  });
  let keys = [...new Set(seriesKey)];
  const boxes = marks.map((m) => m.getBBox());
  // Colour alone does not make series: only when two of them share a position (stacked segments,
  // several lines) is it worth moving between them; otherwise all marks are one series, in order.
  if (keys.length > 1) {
    const spots = boxes.map((b) => `${Math.round(b.x + b.width / 2)}`);
    const shared = spots.some((p, i) => spots.findIndex((q, j) => q === p && seriesKey[j] !== seriesKey[i]) >= 0);
    const rows = boxes.map((b) => `${Math.round(b.y)}`);
    const sharedRow = rows.some((p, i) => rows.findIndex((q, j) => q === p && seriesKey[j] !== seriesKey[i]) >= 0);
    if (!shared && !sharedRow) {
      seriesKey.fill("one");
      keys = ["one"];
    }
  }
  // Categories lie along the axis with fewer distinct mark positions (y for horizontal bars, x otherwise).
  const round = (v: number) => Math.round(v * 2) / 2;
  const xs = boxes.map((b) => round(b.x + b.width / 2));
  const ys = boxes.map((b) => round(b.y + b.height / 2));
  const horizontal = keys.length > 1 && new Set(ys).size < new Set(xs).size;
  const along = horizontal ? boxes.map((b) => round(b.y)) : xs;
  const categories = [...new Set(along)].sort((a, b) => a - b);
  const position = marks.map((_, i) => ({ series: keys.indexOf(seriesKey[i]!), category: categories.indexOf(along[i]!) }));
  const grid = keys.map(() => categories.map(() => -1));
  position.forEach((p, i) => {
    if (grid[p.series]![p.category] === -1) grid[p.series]![p.category] = i;
  });
  const layout = { marks, position, seriesCount: keys.length, categoryCount: categories.length, grid };
  cache.set(svg, layout);
  return layout;
}

/** The nearest mark of a series to a category, searching outwards. */
function inSeries(layout: MarkLayout, series: number, category: number): number {
  const row = layout.grid[series]!;
  for (let d = 0; d < row.length; d++) {
    if (row[category - d] !== undefined && row[category - d]! >= 0) return row[category - d]!;
    if (row[category + d] !== undefined && row[category + d]! >= 0) return row[category + d]!;
  }
  return -1;
}

/**
 * The mark a key moves to from mark `i`: -1 to hide (Escape), undefined for keys the chart does not
 * use. One series: every arrow steps through the marks in order. Several: Left/Right move along the
 * series, Up/Down to the same category in the previous/next series, Home/End to the series' ends.
 */
export function step(layout: MarkLayout, i: number, key: string): number | undefined {
  const n = layout.marks.length;
  if (key === "Escape") return -1;
  if (layout.seriesCount <= 1) {
    const by: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (key in by) return Math.max(0, Math.min(n - 1, i + by[key]!));
    if (key === "Home") return 0;
    if (key === "End") return n - 1;
    return undefined;
  }
  const { series, category } = layout.position[i]!;
  const last = layout.categoryCount - 1;
  const row = layout.grid[series]!;
  const scan = (from: number, by: 1 | -1) => {
    for (let c = from; c >= 0 && c <= last; c += by) if (row[c]! >= 0) return row[c]!;
    return i;
  };
  switch (key) {
    case "ArrowRight": return scan(category + 1, 1);
    case "ArrowLeft": return scan(category - 1, -1);
    case "Home": return scan(0, 1);
    case "End": return scan(last, -1);
    case "ArrowDown": return series + 1 < layout.seriesCount ? inSeries(layout, series + 1, category) : i;
    case "ArrowUp": return series > 0 ? inSeries(layout, series - 1, category) : i;
    default: return undefined;
  }
}
