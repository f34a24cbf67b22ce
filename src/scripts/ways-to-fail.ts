/**
 * Browser side of the ways-to-fail chart: reads the setting from the URL (allow-listed), enables the
 * controls and, on each change, recomputes the model and moves the build-time SVG's marks with the
 * same frame Plot used (src/charts/ways-to-fail-layout.ts), so no Plot is shipped (d3-shape draws the
 * line; the linear scales are one line each, which keeps d3-scale and its locale code out).
 * Only allow-listed numbers and text built from them reach the DOM, via textContent / setAttribute.
 */
import { line } from "d3-shape";
import {
  X_DOMAIN,
  Y_DOMAIN,
  pointTitle,
  ranges,
  settingsLines,
  waysToFailFrame,
  waysToFailPoints,
  type WaysToFailPoint,
} from "../charts/ways-to-fail-layout.ts";
import { WAYS_TO_FAIL_STATE, parseState, withState } from "../lib/url-state.ts";
import { describeSetting, formatCorrelation, formatPct } from "../lib/ways-to-fail.ts";

type State = { areas: number; rate: number; correlation: number };

function specWithDefaults(root: HTMLElement) {
  const n = (v: string | undefined, fallback: number) => (v !== undefined && /^\d{1,3}$/.test(v) ? Number(v) : fallback);
  return {
    areas: { ...WAYS_TO_FAIL_STATE.areas, default: n(root.dataset.defaultAreas, WAYS_TO_FAIL_STATE.areas.default) },
    rate: { ...WAYS_TO_FAIL_STATE.rate, default: n(root.dataset.defaultRate, WAYS_TO_FAIL_STATE.rate.default) },
    correlation: { ...WAYS_TO_FAIL_STATE.correlation, default: n(root.dataset.defaultCorrelation, WAYS_TO_FAIL_STATE.correlation.default) },
  } as const;
}

/** A linear scale from domain to range, as Plot's with no insets. */
function linear([d0, d1]: [number, number], [r0, r1]: [number, number]): (v: number) => number {
  return (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);
}

function setText(el: Element | null | undefined, text: string): void {
  if (el && el.textContent !== text) el.textContent = text;
}

/** Moves one SVG's marks to the given points. */
function redraw(svg: SVGSVGElement, points: readonly WaysToFailPoint[], state: State, defaultRate: number, label: string): void {
  const width = Number(svg.getAttribute("width"));
  if (!Number.isFinite(width) || width <= 0) return;
  const frame = waysToFailFrame(width);
  const r = ranges(frame);
  const x = linear(X_DOMAIN, r.x);
  const y = linear(Y_DOMAIN, r.y);
  const px = (p: WaysToFailPoint) => x(p.areas);
  const py = (p: WaysToFailPoint) => y(p.probabilityPct);

  const path = svg.querySelector("g.wtf-line path");
  path?.setAttribute("d", line<WaysToFailPoint>(px, py)(points as WaysToFailPoint[]) ?? "");

  const dots = Array.from(svg.querySelectorAll<SVGCircleElement>("g.marks > circle"));
  dots.forEach((dot, i) => {
    const p = points[i];
    if (!p) return;
    dot.setAttribute("cx", String(px(p)));
    dot.setAttribute("cy", String(py(p)));
    dot.classList.toggle("is-selected", p.areas === state.areas);
    const tip = pointTitle(p);
    const title = dot.querySelector("title");
    if (title) title.textContent = tip;
    else dot.dataset.tip = tip;
  });

  const chosen = points.find((p) => p.areas === state.areas);
  if (chosen) {
    const ring = svg.querySelector("g.wtf-selected circle");
    ring?.setAttribute("cx", String(px(chosen)));
    ring?.setAttribute("cy", String(py(chosen)));
    const text = svg.querySelector("g.wtf-selected-label text");
    text?.setAttribute("transform", `translate(${px(chosen)},${py(chosen)})`);
    setText(text, formatPct(chosen.probabilityPct));
  }

  const lines = settingsLines(state.rate, state.correlation, state.rate === defaultRate, frame.narrow);
  const settings = svg.querySelector("g.wtf-settings");
  settings?.querySelectorAll("tspan").forEach((t, i) => setText(t, lines[i] ?? ""));
  // When the curve climbs high on the left, the settings move to the bottom right, where it is not.
  const high = (points[3]?.probabilityPct ?? 0) > 50;
  settings?.setAttribute("text-anchor", high ? "end" : "start");
  settings?.setAttribute("transform", high ? "translate(-8,0)" : "translate(8,4)");
  settings
    ?.querySelector("text")
    ?.setAttribute("transform", high ? `translate(${frame.width - frame.marginRight},${frame.height - frame.marginBottom - 52})` : `translate(${frame.marginLeft},${frame.marginTop})`);
  svg.setAttribute("aria-label", label);
}

/**
 * Keeps the figure's data table in step with the setting: each row's modelled chance, the rate and
 * the correlation. When the rate is the reader's own, the source cell says so in place of the
 * published rate's source (still named in the figure's source line), and shows it again on return.
 */
function updateTable(figure: HTMLElement, points: readonly WaysToFailPoint[], state: State, defaultRate: number): void {
  const rows = Array.from(figure.querySelectorAll<HTMLTableRowElement>("table tbody tr"));
  const own = state.rate !== defaultRate;
  rows.forEach((tr, i) => {
    const p = points[i];
    if (!p) return;
    setText(tr.querySelector('[data-col="probability"]'), String(Math.round(p.probabilityPct * 10) / 10));
    setText(tr.querySelector('[data-col="rate"]'), String(state.rate));
    setText(tr.querySelector('[data-col="correlation"]'), formatCorrelation(state.correlation));
    const source = tr.querySelector('[data-col="source_title"]');
    if (!source) return;
    let note = source.querySelector<HTMLElement>("[data-wtf-own-rate]");
    if (!note) {
      note = document.createElement("span");
      note.dataset.wtfOwnRate = "";
      note.className = "own-setting";
      note.textContent = "Your setting (illustrative), not a published rate";
      source.prepend(note);
    }
    note.hidden = !own;
    for (const el of Array.from(source.children)) if (el !== note) (el as HTMLElement).hidden = own;
  });
}

/** Enables the controls in `root` and ties them to the chart in the same figure. */
export function enhanceWaysToFail(root: HTMLElement): void {
  if (root.dataset.enhanced) return;
  root.dataset.enhanced = "true";
  const figure = root.closest("figure");
  const fieldset = root.querySelector("fieldset");
  const sentence = root.querySelector("[data-wtf-sentence]");
  const spec = specWithDefaults(root);
  const inputs = {
    areas: root.querySelector<HTMLInputElement>('input[name="areas"]'),
    rate: root.querySelector<HTMLInputElement>('input[name="rate"]'),
    correlation: root.querySelector<HTMLInputElement>('input[name="correlation"]'),
  };
  if (!figure || !fieldset || !inputs.areas || !inputs.rate || !inputs.correlation) return;

  let state: State = parseState(spec, window.location.search);

  const render = (writeUrl: boolean) => {
    const points = waysToFailPoints(state.rate, state.correlation);
    const text = describeSetting({ areas: state.areas, ratePct: state.rate, correlationPct: state.correlation });
    for (const key of ["areas", "rate", "correlation"] as const) {
      const input = inputs[key]!;
      if (input.value !== String(state[key])) input.value = String(state[key]);
      const shown = key === "areas" ? String(state.areas) : key === "rate" ? formatPct(state.rate) : formatCorrelation(state.correlation);
      input.setAttribute("aria-valuetext", key === "areas" ? `${shown} ${state.areas === 1 ? "area" : "areas"}` : shown);
      setText(root.querySelector(`[data-output="${key}"]`), shown);
    }
    for (const svg of Array.from(figure.querySelectorAll<SVGSVGElement>("svg.plot"))) redraw(svg, points, state, spec.rate.default, `Chart, modelled. ${text}`);
    setText(sentence, text);
    updateTable(figure, points, state, spec.rate.default);
    if (writeUrl) {
      const query = withState(spec, state, window.location.search);
      window.history.replaceState(window.history.state, "", `${window.location.pathname}?${query}${window.location.hash}`);
    }
  };

  for (const key of ["areas", "rate", "correlation"] as const) {
    inputs[key]!.addEventListener("input", () => {
      state = parseState(spec, new URLSearchParams({ ...toParams(state), [key]: inputs[key]!.value }));
      render(true);
    });
  }
  fieldset.disabled = false;
  // The build-time SVG, table and sentence already show the default setting: recompute only for a setting from the URL.
  if (state.areas !== spec.areas.default || state.rate !== spec.rate.default || state.correlation !== spec.correlation.default) render(false);
}

function toParams(state: State): Record<string, string> {
  return { areas: String(state.areas), rate: String(state.rate), correlation: String(state.correlation) };
}
