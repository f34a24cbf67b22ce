/**
 * Enhances build-time chart SVGs: pointer and keyboard focus show each mark's value.
 * It reads what the SVG already carries (each mark's <title>), so no chart code or data is shipped.
 * Marks are the children of `g.marks` (Plot's className on the data mark).
 */

interface Enhanced {
  root: HTMLElement;
  tip: HTMLElement;
  live: HTMLElement;
  active: number;
}

function visibleSvg(root: HTMLElement): SVGSVGElement | null {
  for (const svg of Array.from(root.querySelectorAll<SVGSVGElement>("svg.plot"))) {
    if (svg.getClientRects().length > 0) return svg;
  }
  return null;
}

function marksOf(svg: SVGSVGElement): SVGGraphicsElement[] {
  return Array.from(svg.querySelectorAll<SVGGraphicsElement>("g.marks > *")).filter((el) => el.dataset.tip || el.querySelector("title"));
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

function show(state: Enhanced, index: number, announce: boolean): void {
  const svg = visibleSvg(state.root);
  if (!svg) return;
  const marks = marksOf(svg);
  if (marks.length === 0) return;
  const i = Math.max(0, Math.min(marks.length - 1, index));
  marks.forEach((m, j) => m.classList.toggle("is-active", j === i));
  const mark = marks[i]!;
  const box = mark.getBoundingClientRect();
  const host = state.root.getBoundingClientRect();
  const text = mark.dataset.tip ?? "";
  state.tip.textContent = text;
  state.tip.hidden = false;
  const x = box.left + box.width / 2 - host.left;
  const half = Math.min(state.tip.offsetWidth / 2, host.width / 2);
  state.tip.style.left = `${Math.max(half, Math.min(host.width - half, x))}px`;
  state.tip.style.top = `${box.top - host.top}px`;
  state.active = i;
  if (announce) state.live.textContent = `${text} (${i + 1} of ${marks.length})`;
}

function hide(state: Enhanced): void {
  state.tip.hidden = true;
  state.root.querySelectorAll(".is-active").forEach((m) => m.classList.remove("is-active"));
}

function nearest(svg: SVGSVGElement, clientX: number, clientY: number): number {
  let best = -1;
  let bestD = Infinity;
  marksOf(svg).forEach((m, i) => {
    const b = m.getBoundingClientRect();
    const dx = Math.max(b.left - clientX, 0, clientX - b.right);
    const dy = Math.max(b.top - clientY, 0, clientY - b.bottom);
    const d = dx * dx * 4 + dy * dy; // favour the nearest along x, as readers scan a series
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return bestD < 60 * 60 ? best : -1;
}

function enhance(root: HTMLElement): void {
  if (root.dataset.enhanced) return;
  root.dataset.enhanced = "true";
  adoptTitles(root);
  const tip = document.createElement("div");
  tip.className = "chart-tip";
  tip.hidden = true;
  tip.setAttribute("aria-hidden", "true");
  const live = document.createElement("div");
  live.className = "visually-hidden";
  live.setAttribute("aria-live", "polite");
  root.append(tip, live);
  const state: Enhanced = { root, tip, live, active: -1 };

  root.tabIndex = 0;
  root.setAttribute("role", "group");
  const title = root.closest("figure")?.querySelector(".figure-title")?.textContent?.trim() ?? "Chart";
  root.setAttribute("aria-label", `${title}. Use the arrow keys to read each value.`);

  root.addEventListener("pointermove", (e) => {
    const svg = visibleSvg(root);
    if (!svg) return;
    const i = nearest(svg, e.clientX, e.clientY);
    if (i < 0) hide(state);
    else show(state, i, false);
  });
  root.addEventListener("pointerleave", () => hide(state));
  root.addEventListener("focus", () => show(state, state.active < 0 ? 0 : state.active, true));
  root.addEventListener("blur", () => hide(state));
  root.addEventListener("keydown", (e) => {
    const count = marksOf(visibleSvg(root) ?? (root as unknown as SVGSVGElement)).length;
    const step: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (e.key in step) show(state, state.active + step[e.key]!, true);
    else if (e.key === "Home") show(state, 0, true);
    else if (e.key === "End") show(state, count - 1, true);
    else if (e.key === "Escape") hide(state);
    else return;
    e.preventDefault();
  });
}

/** Enhances every chart in the document that has marks to read. */
export function enhanceCharts(doc: Document): void {
  for (const root of Array.from(doc.querySelectorAll<HTMLElement>("[data-chart-plot]"))) {
    if (root.querySelector("g.marks")) enhance(root);
  }
}
