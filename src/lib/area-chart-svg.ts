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
  readonly bars: readonly Bar[];
}

export interface AreaSvg {
  /** The inner SVG markup (no <svg> element: the caller wraps it). */
  readonly body: string;
  readonly height: number;
}

export const esc = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const thousands = (n: number) => n.toLocaleString("en-GB");
/** Rough width of text in px (Source Sans 3 averages about 0.5 em per character). */
const textWidth = (s: string, size: number) => s.length * size * 0.52;
/** Cut text to fit `width` px, ending with an ellipsis when cut. */
export function fit(s: string, width: number, size: number): string {
  if (textWidth(s, size) <= width) return s;
  const max = Math.max(4, Math.floor(width / (size * 0.52)) - 1);
  return s.slice(0, max).trimEnd() + "…";
}
/** Said under any chart that shows counts instead of shares (and in its notes). */
export const SMALL_NUMBERS_NOTE = `Squares are schools, one each: where fewer than ${SMALL_NUMBER} schools are graded, the chart shows counts, not percentages, because one school would move a percentage by 10 points or more.`;

function wrap(text: string, width: number, size: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const w of text.split(" ")) {
    const next = line ? `${line} ${w}` : w;
    if (line && textWidth(next, size) > width) { lines.push(line); line = w; } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

const halo = `fill="currentColor" stroke="var(--surface)" stroke-width="3" paint-order="stroke" stroke-linejoin="round"`;

export const CARD_PARTS = REPORT_CARD_GRADES.map((g) => ({ key: g.key, label: g.label, symbol: g.symbol, colour: `var(--grade-card-${g.key})` }));
export const SAFEGUARDING_PARTS = SAFEGUARDING.map((g) => ({ key: g.key, label: `Safeguarding ${g.label.toLowerCase()}`, symbol: g.symbol, colour: `var(--grade-safeguarding-${g.key})` }));

/** The legend: every grade's swatch, symbol and label, wrapped to the width. */
function legend(width: number, size: number): { svg: string; height: number } {
  const items = [...CARD_PARTS, ...SAFEGUARDING_PARTS];
  const sw = size + 4;
  let x = 0, y = 0;
  const out: string[] = [];
  for (const it of items) {
    const w = sw + 6 + textWidth(it.label, size) + 16;
    if (x > 0 && x + w > width) { x = 0; y += sw + 8; }
    out.push(
      `<rect x="${x}" y="${y}" width="${sw}" height="${sw}" rx="2" fill="${it.colour}"></rect>` +
      `<text x="${x + sw / 2}" y="${y + sw / 2}" dy="0.35em" text-anchor="middle" font-size="${size - 2}" ${halo}>${esc(it.symbol)}</text>` +
      `<text x="${x + sw + 6}" y="${y + sw / 2}" dy="0.35em" font-size="${size}">${esc(it.label)}</text>`,
    );
    x += w;
  }
  return { svg: `<g class="area-legend">${out.join("")}</g>`, height: y + sw };
}

/** One bar: stacked shares when n >= SMALL_NUMBER, else one square per school. */
function bar(b: Bar, x: number, y: number, width: number, h: number, size: number, panelTitle: string): string {
  const out: string[] = [];
  if (b.n === 0) {
    out.push(`<text x="${x}" y="${y + h / 2}" dy="0.35em" font-size="${size}" fill="var(--muted)">No school graded yet</text>`);
    return out.join("");
  }
  if (b.n < SMALL_NUMBER) {
    let cx = x;
    const marks: string[] = [];
    for (const p of b.parts) {
      for (let i = 0; i < p.count; i++) {
        marks.push(
          `<rect x="${cx}" y="${y}" width="${h}" height="${h}" rx="2" fill="${p.colour}" data-tip="${esc(`${b.place}, ${panelTitle}: ${p.label}, ${p.count} of ${b.n} ${b.n === 1 ? "school" : "schools"}`)}"></rect>`,
        );
        out.push(`<text x="${cx + h / 2}" y="${y + h / 2}" dy="0.35em" text-anchor="middle" font-size="${size - 1}" ${halo}>${esc(p.symbol)}</text>`);
        cx += h + 3;
      }
    }
    out.push(`<text x="${cx + 4}" y="${y + h / 2}" dy="0.35em" font-size="${size}" fill="var(--muted)">${b.n} ${b.n === 1 ? "school" : "schools"}</text>`);
    return `<g class="marks">${marks.join("")}</g>${out.join("")}`;
  }
  let cx = x;
  const marks: string[] = [];
  for (const p of b.parts) {
    if (p.count === 0) continue;
    const w = (p.count / b.n) * width;
    const pct = (p.count / b.n) * 100;
    marks.push(`<rect x="${cx.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${h}" fill="${p.colour}" stroke="var(--surface)" stroke-width="1" data-tip="${esc(`${b.place}, ${panelTitle}: ${p.label}, ${thousands(p.count)} of ${thousands(b.n)} schools (${pct.toFixed(1)}%)`)}"></rect>`);
    const label = `${p.symbol} ${Math.round(pct)}%`;
    if (textWidth(label, size) + 6 <= w) out.push(`<text x="${(cx + w / 2).toFixed(1)}" y="${y + h / 2}" dy="0.35em" text-anchor="middle" font-size="${size}" ${halo}>${esc(label)}</text>`);
    else if (textWidth(p.symbol, size) + 4 <= w) out.push(`<text x="${(cx + w / 2).toFixed(1)}" y="${y + h / 2}" dy="0.35em" text-anchor="middle" font-size="${size}" ${halo}>${esc(p.symbol)}</text>`);
    cx += w;
  }
  return `<g class="marks">${marks.join("")}</g>${out.join("")}`;
}

/**
 * The chart at `width` px: the legend, then the panels in a grid (three columns from 600 px, one
 * below: a shorter chart is also a smaller PNG, the largest cost of building hundreds of them).
 * Type is 13 px wide and 15 px narrow, so it stays at 12 px or more when a 360 px chart is shown
 * on a 320 px phone.
 */
export function areaChartSvg(panels: readonly Panel[], width: number): AreaSvg {
  const cols: number = width >= 600 ? 3 : 1;
  const size = cols > 1 ? 13 : 15;
  const gap = 20;
  const pw = (width - gap * (cols - 1)) / cols;
  const lg = legend(width, size);
  const barH = size + 5;
  const rowH = size + 3 + barH + 6;
  const panelH = size + 6 + rowH * 2 + 12;
  const top = lg.height + 18;
  const out: string[] = [lg.svg];
  panels.forEach((p, i) => {
    const px = (i % cols) * (pw + gap);
    const py = top + Math.floor(i / cols) * panelH;
    out.push(`<g class="area-panel" transform="translate(${px.toFixed(1)},${py})">`);
    out.push(`<text x="0" y="${size}" font-size="${size + 1}" font-weight="700">${esc(fit(p.title, pw, size + 1))}</text>`);
    p.bars.forEach((b, j) => {
      const y = size + 6 + j * rowH;
      const tail = ` · ${thousands(b.n)} graded`;
      out.push(`<text x="0" y="${y + size}" font-size="${size}" fill="var(--muted)">${esc(fit(b.place, pw - textWidth(tail, size), size) + tail)}</text>`);
      out.push(bar(b, 0, y + size + 3, pw, barH, size, p.title));
    });
    out.push(`</g>`);
  });
  const rows = Math.ceil(panels.length / cols);
  let height = top + rows * panelH;
  if (panels.some((p) => p.bars.some((b) => b.n > 0 && b.n < SMALL_NUMBER))) {
    const lines = wrap(SMALL_NUMBERS_NOTE, width, size);
    out.push(lines.map((l, i) => `<text x="0" y="${height + size + i * (size + 5)}" font-size="${size}" fill="var(--muted)">${esc(l)}</text>`).join(""));
    height += lines.length * (size + 5) + 6;
  }
  return { body: out.join(""), height: Math.ceil(height) };
}
