/**
 * Browser side of the ways-to-fail chart: reads the setting from the URL (allow-listed), enables the
 * controls and, on each change, computes the chart from the same spec the build drew it from
 * (waysToFailSpec in src/charts/ways-to-fail-layout.ts: scales, positions, labels, caption, table
 * rounding) and applies it to each drawing, so no Plot is shipped (d3-shape draws the line).
 * Only allow-listed numbers and text built from them reach the DOM, via textContent / setAttribute.
 */
import { line } from "d3-shape";
import { settingsSentence, tablePct, waysToFailPoints, waysToFailSpec, type PlacedPoint, type WaysToFailPoint } from "../charts/ways-to-fail-layout.ts";
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

function setText(el: Element | null | undefined, text: string): void {
  if (el && el.textContent !== text) el.textContent = text;
}

/** Sets an attribute only when its value changes: an areas-only step moves one ring, not thirty dots. */
function setAttr(el: Element | null | undefined, name: string, value: string): void {
  if (el && el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Draws one of the figure's drawings for the setting, from the spec at that drawing's width. */
function redraw(svg: SVGSVGElement, points: readonly WaysToFailPoint[], state: State, rateIsPublished: boolean, label: string): void {
  const width = Number(svg.getAttribute("width"));
  if (!Number.isFinite(width) || width <= 0) return;
  const spec = waysToFailSpec({ areas: state.areas, ratePct: state.rate, correlationPct: state.correlation }, width, rateIsPublished, points);

  setAttr(svg.querySelector("g.wtf-line path"), "d", line<PlacedPoint>((p) => p.cx, (p) => p.cy)([...spec.points]) ?? "");

  const dots = Array.from(svg.querySelectorAll<SVGCircleElement>("g.marks > circle"));
  dots.forEach((dot, i) => {
    const p = spec.points[i];
    if (!p) return;
    setAttr(dot, "cx", String(p.cx));
    setAttr(dot, "cy", String(p.cy));
    if (dot.classList.contains("is-selected") !== p.selected) dot.classList.toggle("is-selected", p.selected);
    const title = dot.querySelector("title");
    if (title) setText(title, p.title);
    else if (dot.dataset.tip !== p.title) dot.dataset.tip = p.title;
  });

  if (spec.selected) {
    const ring = svg.querySelector("g.wtf-selected circle");
    setAttr(ring, "cx", String(spec.selected.cx));
    setAttr(ring, "cy", String(spec.selected.cy));
    const text = svg.querySelector("g.wtf-selected-label text");
    setAttr(text, "transform", `translate(${spec.selected.cx},${spec.selected.cy})`);
    setText(text, spec.selected.label);
  }
  setAttr(svg, "aria-label", label);
}

/**
 * Runs `fn` after the current frame's work, at background priority where the browser has a task
 * scheduler (so other input and the frame go first), else as a plain task.
 */
function afterFrame(fn: () => void): void {
  const scheduler = (globalThis as { scheduler?: { postTask?: (f: () => void, o: { priority: string }) => unknown } }).scheduler;
  requestAnimationFrame(() => (scheduler?.postTask ? void scheduler.postTask(fn, { priority: "background" }) : void setTimeout(fn, 0)));
}

/**
 * The figure's drawings (one per width band; CSS shows one): the one on screen is redrawn at once,
 * the others after the next frame, or as soon as one gets a box (a resize, a rotated phone) or the
 * page is printed, so a step costs one drawing's updates before it is seen, not three.
 */
function drawingsOf(figure: HTMLElement) {
  const svgs = Array.from(figure.querySelectorAll<SVGSVGElement>("svg.plot"));
  const watch = typeof ResizeObserver === "function";
  const shown = new Set<SVGSVGElement>();
  let known = !watch; // until the observer first reports, every drawing counts as on screen
  const stale = new Set<SVGSVGElement>();
  let args: [points: readonly WaysToFailPoint[], state: State, rateIsPublished: boolean, label: string] | undefined;
  let scheduled = false;
  const draw = (svg: SVGSVGElement) => {
    stale.delete(svg);
    if (args) redraw(svg, ...args);
  };
  const flush = () => {
    scheduled = false;
    for (const svg of Array.from(stale)) draw(svg);
  };
  if (watch) {
    const observer = new ResizeObserver((entries) => {
      known = true;
      for (const e of entries) {
        const svg = e.target as SVGSVGElement;
        if (e.contentRect.width > 0) {
          shown.add(svg);
          if (stale.has(svg)) draw(svg);
        } else shown.delete(svg);
      }
    });
    for (const svg of svgs) observer.observe(svg);
  }
  window.addEventListener("beforeprint", flush);
  return {
    set(...next: NonNullable<typeof args>) {
      args = next;
      for (const svg of svgs) {
        if (!known || shown.has(svg)) draw(svg);
        else stale.add(svg);
      }
      if (stale.size && !scheduled) {
        scheduled = true;
        afterFrame(flush);
        setTimeout(flush, 250);
      }
    },
  };
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
    setText(tr.querySelector('[data-col="probability"]'), String(tablePct(p)));
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
  const drawings = drawingsOf(figure);

  // The chances depend on rate and correlation only: moving the areas slider reuses them.
  let memo: { key: string; points: WaysToFailPoint[] } | null = null;
  const render = (writeUrl: boolean) => {
    const key = `${state.rate} ${state.correlation}`;
    if (memo?.key !== key) memo = { key, points: waysToFailPoints(state.rate, state.correlation) };
    const points = memo.points;
    const at = points.find((p) => p.areas === state.areas);
    const text = describeSetting({ areas: state.areas, ratePct: state.rate, correlationPct: state.correlation }, at?.probabilityPct);
    for (const key of ["areas", "rate", "correlation"] as const) {
      const input = inputs[key]!;
      if (input.value !== String(state[key])) input.value = String(state[key]);
      const shown = key === "areas" ? String(state.areas) : key === "rate" ? formatPct(state.rate) : formatCorrelation(state.correlation);
      setAttr(input, "aria-valuetext", key === "areas" ? `${shown} ${state.areas === 1 ? "area" : "areas"}` : shown);
      setText(root.querySelector(`[data-output="${key}"]`), shown);
    }
    const published = state.rate === spec.rate.default;
    drawings.set(points, state, published, `Chart, modelled. ${text}`);
    setText(sentence, text);
    setText(figure.querySelector("[data-chart-caption]"), settingsSentence(state.rate, state.correlation, published));
    updateTable(figure, points, state, spec.rate.default);
    if (writeUrl) writeUrlSoon();
  };

  // The address follows the setting once the changed chart is on screen: history.replaceState costs
  // 2-30 ms at 4x CPU, so it runs after the next frame (or within 250 ms where frames do not come,
  // e.g. a hidden tab), once for a run of quick steps, always with the latest setting.
  let urlPending = false;
  const writeUrl = () => {
    if (!urlPending) return;
    urlPending = false;
    const query = withState(spec, state, window.location.search);
    window.history.replaceState(window.history.state, "", `${window.location.pathname}?${query}${window.location.hash}`);
  };
  const writeUrlSoon = () => {
    if (urlPending) return;
    urlPending = true;
    afterFrame(writeUrl);
    setTimeout(writeUrl, 250);
  };
  window.addEventListener("pagehide", writeUrl);

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
