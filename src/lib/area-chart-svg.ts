/**
 * The area chart's marks as an SVG string (issue 18): one small multiple per evaluation area and one
 * for safeguarding, each with two bars, the area's and England's. Built as text rather than with
 * Plot's scales because the site builds hundreds of area charts: this is a few string joins per chart.
 * Pure; every text is escaped. Colours are the grades.css variables; every grade also has its symbol.
 *
 * Small numbers: a bar whose schools number fewer than SMALL_NUMBER is drawn as one square per school
 * (a count), never as shares of 100%.
 */
import { REPORT_CARD_GRADES, SAFEGUARDING } from "./grades.ts";
import { SMALL_NUMBER } from "./areas-report.ts";
import { textWidth as measure, wrapText } from "./text-measure.ts";

export interface BarPart {
  readonly key: string;
  readonly label: string;
  readonly symbol: string;
  /** CSS colour, e.g. var(--grade-card-exceptional). */
  readonly colour: string;
  readonly count: number;
}

export interface Bar {
  /** Shown above the bar ("Bristol, City of", "England"). */
  readonly place: string;
  readonly n: number;
  readonly parts: readonly BarPart[];
}

export interface Panel {
  readonly title: string;
  /** Shown when the title does not fit the panel. */
  readonly shortTitle?: string;
  readonly bars: readonly Bar[];
}

export interface AreaSvg {
  /** The inner SVG markup (no <svg> element: the caller wraps it). */
  readonly body: string;
  readonly height: number;
}

export const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** One formatter (toLocaleString makes a new one per call: most of a chart's cost). */
const NF = new Intl.NumberFormat("en-GB");
export const thousands = (n: number): string => NF.format(n);
/**
 * A tooltip for a data-tip attribute. The drawing passes through linkedom, which writes "&" and "<"
 * in attribute values as they are: fine in HTML, but not XML, so the standalone SVG and its PNG would
 * fail on a name such as "Brighton & Hove". Those characters are written as words or look-alikes.
 */
const tip = (s: string) => esc(s.replace(/&/g, "and").replace(/</g, "‹").replace(/>/g, "›"));
/** Width of text in px: the site's one measure (src/lib/text-measure.ts, with the text-spacing allowance). */
const textWidth = (s: string, size: number, bold = false) => measure(s, size, { bold });
/** Cut text to fit `width` px, ending with an ellipsis when cut. */
export function fit(s: string, width: number, size: number, bold = false): string {
  if (textWidth(s, size, bold) <= width) return s;
  // The measure is the same per character, so the number of characters that fit is a division.
  const max = Math.max(4, Math.floor(width / textWidth("x", size, bold)) - 1);
  return [...s].slice(0, max).join("").trimEnd() + "…";
}
/** Said under any chart that shows counts instead of shares (and in its notes). */
export const SMALL_NUMBERS_NOTE = `Squares are schools, one each: where fewer than ${SMALL_NUMBER} schools are graded, the chart shows counts, not percentages, because one school would move a percentage by 10 points or more.`;
/** The same, short, under the drawing itself. */
const SMALL_NUMBERS_FOOT = `Squares: one school each, where under ${SMALL_NUMBER} are graded (counts, not percentages).`;

const wrap = (text: string, width: number, size: number) => wrapText(text, width, size);

const halo = `fill="currentColor" stroke="var(--surface)" stroke-width="3" paint-order="stroke" stroke-linejoin="round"`;

const f1 = (n: number) => n.toFixed(1);
const STAR = Array.from({ length: 10 }, (_, i) => {
  const a = -Math.PI / 2 + (i * Math.PI) / 5, r = i % 2 ? 0.45 : 1;
  return [Math.cos(a) * r, Math.sin(a) * r] as const;
});
/**
 * A grade's symbol (grades.ts) drawn as a shape of radius r at (x, y), in the text colour with a halo
 * of the background, so it reads on any grade colour. Shapes, not glyphs: the symbols are missing from
 * the text font, and looking each one up in a fallback font is most of the cost of an area PNG.
 */
export function symbolShape(symbol: string, x: number, y: number, r: number): string {
  const pts = (ps: readonly (readonly [number, number])[]) => ps.map(([a, b]) => `${f1(x + a * r)},${f1(y + b * r)}`).join(" ");
  // One element: its stroke in the background colour drawn under its fill (the halo), so a page with
  // hundreds of symbols carries each once.
  const both = (el: string, attrs: string) => `<${el} ${attrs} fill="currentColor" stroke="var(--surface)" stroke-width="2" stroke-linejoin="round" paint-order="stroke"></${el}>`;
  const line = (d: string) => `<path d="${d}" fill="none" stroke="var(--surface)" stroke-width="${f1(r * 0.8)}" stroke-linecap="round"></path><path d="${d}" fill="none" stroke="currentColor" stroke-width="${f1(r * 0.4)}" stroke-linecap="round"></path>`;
  switch (symbol) {
    case "●": return both("circle", `cx="${f1(x)}" cy="${f1(y)}" r="${f1(r * 0.8)}"`);
    case "▲": return both("polygon", `points="${pts([[0, -0.95], [0.95, 0.75], [-0.95, 0.75]])}"`);
    case "▼": return both("polygon", `points="${pts([[0, 0.95], [0.95, -0.75], [-0.95, -0.75]])}"`);
    case "★": return both("polygon", `points="${pts(STAR)}"`);
    case "✕": return line(`M${f1(x - r * 0.65)},${f1(y - r * 0.65)}L${f1(x + r * 0.65)},${f1(y + r * 0.65)}M${f1(x + r * 0.65)},${f1(y - r * 0.65)}L${f1(x - r * 0.65)},${f1(y + r * 0.65)}`);
    case "⊘": {
      const c = r * 0.7, d = c * 0.7;
      return line(`M${f1(x - c)},${f1(y)}a${f1(c)},${f1(c)} 0 1,0 ${f1(2 * c)},0a${f1(c)},${f1(c)} 0 1,0 ${f1(-2 * c)},0M${f1(x - d)},${f1(y + d)}L${f1(x + d)},${f1(y - d)}`);
    }
    case "✓": return line(`M${f1(x - r * 0.7)},${f1(y)}L${f1(x - r * 0.15)},${f1(y + r * 0.6)}L${f1(x + r * 0.75)},${f1(y - r * 0.6)}`);
    default: return `<text x="${f1(x)}" y="${f1(y)}" dy="0.35em" text-anchor="middle" font-size="${f1(r * 2)}" ${halo}>${esc(symbol)}</text>`;
  }
}

export const CARD_PARTS = REPORT_CARD_GRADES.map((g) => ({ key: g.key, label: g.label, symbol: g.symbol, colour: `var(--grade-card-${g.key})` }));
export const SAFEGUARDING_PARTS = SAFEGUARDING.map((g) => ({ key: g.key, label: `Safeguarding ${g.label.toLowerCase()}`, symbol: g.symbol, colour: `var(--grade-safeguarding-${g.key})` }));

/** The chart's key, shown as HTML above the drawing (src/components/Figure.astro) and drawn into downloads. */
export const AREA_LEGEND: readonly { label: string; colour: string; symbol: string }[] = [...CARD_PARTS, ...SAFEGUARDING_PARTS].map((p) => ({
  label: p.label,
  colour: p.colour.slice(4, -1), // "var(--x)" -> "--x"
  symbol: p.symbol,
}));

/** One bar: stacked shares when n >= SMALL_NUMBER, else one square per school. */
function bar(b: Bar, x: number, y: number, width: number, h: number, size: number, panelTitle: string): string {
  const out: string[] = [];
  if (b.n === 0) {
    out.push(`<text x="${x}" y="${y + h / 2}" dy="0.35em" font-size="${size}" fill="var(--muted)">No school graded yet</text>`);
    return out.join("");
  }
  if (b.n < SMALL_NUMBER) {
    // One square per school (the label above already gives the count): at most 9, sized to fit.
    const side = Math.min(h, width / b.n - 3);
    let cx = x;
    const marks: string[] = [];
    for (const p of b.parts) {
      for (let i = 0; i < p.count; i++) {
        marks.push(
          `<rect x="${f1(cx)}" y="${y + (h - side) / 2}" width="${f1(side)}" height="${f1(side)}" rx="2" fill="${p.colour}" data-tip="${tip(`${b.place}, ${panelTitle}: ${p.label}, ${p.count} of ${b.n} ${b.n === 1 ? "school" : "schools"}`)}"></rect>`,
        );
        out.push(symbolShape(p.symbol, cx + side / 2, y + h / 2, side * 0.3));
        cx += side + 3;
      }
    }
    return `<g class="marks">${marks.join("")}</g>${out.join("")}`;
  }
  let cx = x;
  const marks: string[] = [];
  for (const p of b.parts) {
    if (p.count === 0) continue;
    const w = (p.count / b.n) * width;
    const pct = (p.count / b.n) * 100;
    marks.push(`<rect x="${cx.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${h}" fill="${p.colour}" data-tip="${tip(`${b.place}, ${panelTitle}: ${p.label}, ${thousands(p.count)} of ${thousands(b.n)} schools (${pct.toFixed(1)}%)`)}"></rect>`);
    const label = `${Math.round(pct)}%`;
    const r = size * 0.36;
    const lw = 2 * r + 3 + textWidth(label, size);
    if (lw + 6 <= w) {
      const x0 = cx + (w - lw) / 2;
      out.push(symbolShape(p.symbol, x0 + r, y + h / 2, r) + `<text x="${f1(x0 + 2 * r + 3)}" y="${y + h / 2}" dy="0.35em" font-size="${size}">${label}</text>`);
    } else if (2 * r + 4 <= w) out.push(symbolShape(p.symbol, cx + w / 2, y + h / 2, r));
    cx += w;
  }
  // Shared attributes on the groups, not on each of hundreds of elements: segment edges, label halos.
  return `<g class="marks" stroke="var(--surface)" stroke-width="1">${marks.join("")}</g><g ${halo}>${out.join("")}</g>`;
}

/**
 * The chart at `width` px: the panels in a grid (the key is HTML, above the drawing): three columns
 * from 560 px, two from 400, else one. Type is 13 px, or 12 px in the one-column drawing (288 px: never shown narrower, so
 * never under 12 px; shorter, so the compact embed fits WordPress's 1,000 px on a phone).
 */
export function areaChartSvg(panels: readonly Panel[], width: number): AreaSvg {
  const cols: number = width >= 560 ? 3 : width >= 400 ? 2 : 1;
  const size = cols === 1 ? 12 : 13;
  const gap = 20;
  const pw = (width - gap * (cols - 1)) / cols;
  const barH = cols === 1 ? size + 1 : size + 5;
  // One column (phones): each bar's place in a gutter at its left, so a panel is a title and two
  // bar rows, and the compact embed stays under WordPress's 1,000-px iframe clamp at 375 px.
  const gutter = cols === 1 ? Math.round(size * 5.4) : 0;
  const rowH = cols === 1 ? barH + 2 : size + 3 + barH + 6;
  // Panel titles: 13 px bold, or 12 px in one column with its baseline a px higher, so descenders clear the first bar row.
  const titleSize = cols === 1 ? size : size + 1;
  const head = cols === 1 ? size + 3 : size + 6;
  const panelH = head + rowH * 2 + (cols === 1 ? 4 : 12);
  const out: string[] = [];
  const top = 0;
  panels.forEach((p, i) => {
    const px = (i % cols) * (pw + gap);
    const py = top + Math.floor(i / cols) * panelH;
    out.push(`<g class="area-panel" transform="translate(${px.toFixed(1)},${py})">`);
    const room = pw - (cols > 1 ? 8 : 0);
    const title = textWidth(p.title, titleSize, true) <= room || !p.shortTitle ? p.title : p.shortTitle;
    out.push(`<text x="0" y="${cols === 1 ? size - 1 : size}" font-size="${titleSize}" font-weight="700">${esc(fit(title, room, titleSize, true))}</text>`);
    p.bars.forEach((b, j) => {
      const y = head + j * rowH;
      if (cols === 1) {
        out.push(`<text x="0" y="${y + barH / 2}" dy="0.35em" font-size="${size}" fill="var(--muted)">${esc(fit(b.place, gutter - 6, size))}</text>`);
        out.push(bar(b, gutter, y, pw - gutter, barH, size, p.title));
        return;
      }
      const tail = ` · ${thousands(b.n)} graded`;
      out.push(`<text x="0" y="${y + size}" font-size="${size}" fill="var(--muted)">${esc(fit(b.place, pw - textWidth(tail, size), size) + tail)}</text>`);
      out.push(bar(b, 0, y + size + 3, pw, barH, size, p.title));
    });
    out.push(`</g>`);
  });
  const rows = Math.ceil(panels.length / cols);
  let height = top + rows * panelH;
  if (panels.some((p) => p.bars.some((b) => b.n > 0 && b.n < SMALL_NUMBER))) {
    const lines = wrap(SMALL_NUMBERS_FOOT, width, size);
    out.push(lines.map((l, i) => `<text x="0" y="${height + size + i * (size + 5)}" font-size="${size}" fill="var(--muted)">${esc(l)}</text>`).join(""));
    height += lines.length * (size + 5) + 6;
  }
  return { body: out.join(""), height: Math.ceil(height) };
}

/**
 * The page SVG around a body, as src/render/svg.ts would give it (class "plot", 12 px, role img named
 * by the chart's sentence), but written as text: no Plot, no DOM, so hundreds of areas cost little.
 * The label is written as a tooltip is (see tip): the standalone SVG passes through linkedom.
 */
export function areaSvgDocument(svg: AreaSvg, width: number, label: string): string {
  return `<svg class="plot" fill="currentColor" font-size="12" text-anchor="start" width="${width}" height="${svg.height}" viewBox="0 0 ${width} ${svg.height}" role="img" aria-label="${tip(label)}">${svg.body}</svg>`;
}
