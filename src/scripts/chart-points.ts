/**
 * Enhances build-time chart SVGs: pointer, touch and keyboard show each mark's value.
 * It reads what the SVG already carries (each mark's <title>), so no chart code or data is shipped.
 * Marks are the children of `g.marks` (Plot's className on the data mark).
 *
 * - Mouse: hovering shows the nearest mark; the tooltip can itself be hovered; Escape hides it from
 *   anywhere on the page (WCAG 1.4.13).
 * - Touch: a tap shows the nearest mark and keeps it until a tap elsewhere.
 * - Keyboard: focus by keyboard (`:focus-visible`) starts at the first mark; Left/Right move along a
 *   series, Up/Down between series (stacked bars, several lines); Home/End go to a series' ends.
 * - The tooltip never covers the mark being read or a legend; the current mark gets a dark-and-light
 *   double ring, which keeps 3:1 against any mark colour.
 */
import { markLayout, step, type MarkLayout } from "./chart-layout.ts";

interface Enhanced {
  root: HTMLElement;
  tip: HTMLElement;
  ring: HTMLElement;
  live: HTMLElement;
  active: number;
  pinned: boolean;
}

const LEGENDS = ".chart-legend, [data-legend], .legend";
const states: Enhanced[] = [];
let cues = 0;

function visibleSvg(root: HTMLElement): SVGSVGElement | null {
  for (const svg of Array.from(root.querySelectorAll<SVGSVGElement>("svg.plot"))) {
    if (svg.getClientRects().length > 0) return svg;
  }
  return null;
}

function layoutOf(root: HTMLElement): MarkLayout | null {
  const svg = visibleSvg(root);
  return svg ? markLayout(svg) : null;
}

/** Moves each mark's <title> into data-tip so the browser's own tooltip does not double ours. */
function adoptTitles(root: HTMLElement): void {
  for (const el of Array.from(root.querySelectorAll<SVGGraphicsElement>("g.marks > *"))) {
    const title = el.querySelector("title");
    if (title) {
      el.dataset.tip = title.textContent ?? "";
      title.remove();
    }
  }
}

const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** Puts the tooltip above, below, right or left of the mark: the first place inside the chart that covers neither the mark nor a legend. */
function place(state: Enhanced, box: DOMRect): void {
  const host = state.root.getBoundingClientRect();
  const legends = Array.from(state.root.closest("figure")?.querySelectorAll(LEGENDS) ?? []).map((l) => l.getBoundingClientRect());
  const w = state.tip.offsetWidth;
  const h = state.tip.offsetHeight;
  const gap = 8;
  const cx = Math.max(host.left, Math.min(host.right - w, box.left + box.width / 2 - w / 2));
  const cy = Math.max(host.top, Math.min(host.bottom - h, box.top + box.height / 2 - h / 2));
  const candidates: [number, number][] = [
    [cx, box.top - gap - h],
    [cx, box.bottom + gap],
    [box.right + gap, cy],
    [box.left - gap - w, cy],
  ];
  const inside = (x: number, y: number) => x >= host.left - 1 && x + w <= host.right + 1 && y >= host.top - h && y + h <= host.bottom + h;
  const clear = ([x, y]: [number, number]) => {
    const r = new DOMRect(x, y, w, h);
    return inside(x, y) && !overlaps(r, box) && !legends.some((l) => overlaps(r, l));
  };
  const [x, y] = candidates.find(clear) ?? candidates[0]!;
  state.tip.style.left = `${x - host.left}px`;
  state.tip.style.top = `${y - host.top}px`;
}

function show(state: Enhanced, index: number, announce: boolean): void {
  const layout = layoutOf(state.root);
  if (!layout || layout.marks.length === 0) return;
  const i = Math.max(0, Math.min(layout.marks.length - 1, index));
  layout.marks.forEach((m, j) => m.classList.toggle("is-active", j === i));
  const mark = layout.marks[i]!;
  const box = mark.getBoundingClientRect();
  const host = state.root.getBoundingClientRect();
  const text = mark.dataset.tip ?? "";
  state.tip.textContent = text;
  state.tip.hidden = false;
  state.ring.hidden = false;
  Object.assign(state.ring.style, {
    left: `${box.left - host.left}px`,
    top: `${box.top - host.top}px`,
    width: `${box.width}px`,
    height: `${box.height}px`,
    borderRadius: mark.tagName.toLowerCase() === "circle" ? "50%" : "2px",
  });
  place(state, box);
  state.active = i;
  if (announce) {
    const p = layout.position[i]!;
    state.live.textContent =
      layout.seriesCount > 1
        ? `${text} (series ${p.series + 1} of ${layout.seriesCount}; ${p.category + 1} of ${layout.categoryCount})`
        : `${text} (${i + 1} of ${layout.marks.length})`;
  }
}

function hide(state: Enhanced): void {
  state.tip.hidden = true;
  state.ring.hidden = true;
  state.pinned = false;
  state.root.querySelectorAll(".is-active").forEach((m) => m.classList.remove("is-active"));
}

function nearest(layout: MarkLayout, clientX: number, clientY: number, reach: number): number {
  let best = -1;
  let bestD = Infinity;
  layout.marks.forEach((m, i) => {
    const b = m.getBoundingClientRect();
    const dx = Math.max(b.left - clientX, 0, clientX - b.right);
    const dy = Math.max(b.top - clientY, 0, clientY - b.bottom);
    const d = dx * dx * 4 + dy * dy; // favour the nearest along x, as readers scan a series
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return bestD < reach * reach ? best : -1;
}

/** The visible cue: one short line, worded for the reader's pointer (CSS shows the one that fits). */
function cue(id: string, layout: MarkLayout | null): HTMLElement {
  const keys = layout && layout.seriesCount > 1 ? "arrow keys (up and down: series)" : "arrow keys";
  const p = document.createElement("p");
  p.className = "chart-cue";
  p.id = id;
  const hover = document.createElement("span");
  hover.className = "cue-hover";
  hover.textContent = `Hover over a point to read it, or tab to the chart and use the ${keys}.`;
  const touch = document.createElement("span");
  touch.className = "cue-touch";
  touch.textContent = "Tap a point to read its value.";
  p.append(hover, touch);
  return p;
}

function enhance(root: HTMLElement): void {
  if (root.dataset.enhanced) return;
  root.dataset.enhanced = "true";
  adoptTitles(root);
  const tip = document.createElement("div");
  tip.className = "chart-tip";
  tip.hidden = true;
  tip.setAttribute("aria-hidden", "true");
  const ring = document.createElement("div");
  ring.className = "chart-ring";
  ring.hidden = true;
  ring.setAttribute("aria-hidden", "true");
  const live = document.createElement("div");
  live.className = "visually-hidden";
  live.setAttribute("aria-live", "polite");
  root.append(ring, tip, live);
  const hint = cue(`chart-cue-${++cues}`, layoutOf(root));
  root.after(hint);
  const state: Enhanced = { root, tip, ring, live, active: -1, pinned: false };
  states.push(state);

  // One tab stop. role=application so screen readers pass the arrow keys through instead of
  // reading on in browse mode; the figure's heading names the chart, so the title is not repeated.
  root.tabIndex = 0;
  root.setAttribute("role", "application");
  root.setAttribute("aria-roledescription", "interactive chart");
  root.setAttribute("aria-label", "Values, one at a time");
  root.setAttribute("aria-describedby", hint.id);

  root.addEventListener("pointermove", (e) => {
    if (tip.contains(e.target as Node) || state.pinned) return; // the tooltip itself can be hovered
    const layout = layoutOf(root);
    if (!layout) return;
    const i = nearest(layout, e.clientX, e.clientY, 60);
    if (i < 0) hide(state);
    else show(state, i, false);
  });
  root.addEventListener("pointerleave", (e) => {
    if (e.pointerType === "mouse" && !state.pinned) hide(state);
  });
  root.addEventListener("pointerup", (e) => {
    if (e.pointerType === "mouse") return;
    const layout = layoutOf(root);
    const i = layout ? nearest(layout, e.clientX, e.clientY, 120) : -1;
    if (i < 0) return hide(state);
    show(state, i, true);
    state.pinned = true;
  });
  root.addEventListener("focus", () => {
    if (root.matches(":focus-visible") && !state.pinned) show(state, state.active < 0 ? 0 : state.active, true);
  });
  root.addEventListener("blur", () => {
    if (!state.pinned) hide(state);
  });
  root.addEventListener("keydown", (e) => {
    const layout = layoutOf(root);
    if (!layout) return;
    const next = step(layout, state.active < 0 ? 0 : state.active, e.key);
    if (next === undefined) return;
    e.preventDefault();
    if (next < 0) return hide(state);
    state.pinned = false;
    show(state, next, true);
  });
}

/** Escape hides every tooltip from anywhere on the page; a tap or click elsewhere hides a pinned one. */
function listenOnce(doc: Document): void {
  if (doc.documentElement.dataset.chartTips) return;
  doc.documentElement.dataset.chartTips = "true";
  doc.addEventListener("keydown", (e) => {
    if (e.key === "Escape") for (const s of states) if (!s.tip.hidden) hide(s);
  });
  doc.addEventListener("pointerdown", (e) => {
    for (const s of states) if (!s.root.contains(e.target as Node) && !s.tip.hidden) hide(s);
  });
}

/** Enhances every chart in the document that has marks to read. */
export function enhanceCharts(doc: Document): void {
  listenOnce(doc);
  for (const root of Array.from(doc.querySelectorAll<HTMLElement>("[data-chart-plot]"))) {
    if (root.querySelector("g.marks")) enhance(root);
  }
}
