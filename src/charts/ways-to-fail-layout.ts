/**
 * The ways-to-fail chart as one spec, shared by the build (src/charts/ways-to-fail.ts hands its
 * scales and positions to Plot) and the browser (src/scripts/ways-to-fail.ts computes the chart for
 * the reader's setting from the same function): frame, scales, modelled points, the selected point's
 * label, the settings caption and the table's rounding. Plot-free on purpose: the browser imports
 * this, not Plot.
 */
import { MAX_AREAS, formatCorrelation, formatCount, formatPct, outcomeCounts, waysToFailByAreas } from "../lib/ways-to-fail.ts";

/** The part of the six core areas that is always graded: the chart's default number of areas. */
export const DEFAULT_AREAS = 6;

export interface Frame {
  readonly width: number;
  readonly height: number;
  readonly marginTop: number;
  readonly marginRight: number;
  readonly marginBottom: number;
  readonly marginLeft: number;
  readonly narrow: boolean;
}

/** Plot's frame for a chart width: x is areas on [0.5, MAX_AREAS + 0.5], y is percent on [0, 100]. */
export function waysToFailFrame(width: number): Frame {
  const narrow = width < 480;
  return { width, narrow, height: narrow ? 320 : 360, marginTop: 34, marginRight: narrow ? 12 : 24, marginBottom: 58, marginLeft: 40 };
}

export const X_DOMAIN: [number, number] = [0.5, MAX_AREAS + 0.5];
export const Y_DOMAIN: [number, number] = [0, 100];

/** A linear scale: domain, pixel range, and the mapping between them (Plot is given the same range). */
export interface LinearScale {
  readonly domain: readonly [number, number];
  readonly range: readonly [number, number];
  readonly at: (v: number) => number;
}

function linear(domain: [number, number], range: [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  return { domain, range, at: (v) => r0 + ((v - d0) / (d1 - d0)) * (r1 - r0) };
}

/** One modelled point: k areas at the given settings. */
export interface WaysToFailPoint {
  readonly areas: number;
  readonly ratePct: number;
  readonly correlationPct: number;
  /** P(at least one area below expected), percent, modelled. */
  readonly probabilityPct: number;
  readonly reportCards: number;
  readonly singleWords: number;
}

/** The points for k = 1..MAX_AREAS at one setting (one integration pass serves all ten counts). */
export function waysToFailPoints(ratePct: number, correlationPct: number): WaysToFailPoint[] {
  const chances = waysToFailByAreas(MAX_AREAS, ratePct / 100, correlationPct / 100);
  return chances.map((chance, i) => {
    const areas = i + 1;
    const counts = outcomeCounts(areas);
    return {
      areas,
      ratePct,
      correlationPct,
      probabilityPct: 100 * chance,
      reportCards: counts.reportCard,
      singleWords: counts.singleWord,
    };
  });
}

/** 31250 -> "31k", 1250 -> "1.3k", 3906250 -> "3.9m": short enough for a tick on a phone. */
export function compactCount(n: number): string {
  const short = (v: number) => (v < 10 ? String(Math.round(v * 10) / 10) : String(Math.round(v)));
  if (n >= 1e6) return `${short(n / 1e6)}m`;
  if (n >= 1e3) return `${short(n / 1e3)}k`;
  return String(n);
}

/** A point's tooltip: the modelled chance and the outcome count. */
export function pointTitle(p: WaysToFailPoint): string {
  return `${p.areas} ${p.areas === 1 ? "area" : "areas"}: ${formatPct(p.probabilityPct)} chance that at least one is below expected (modelled); ${formatCount(p.reportCards)} possible report cards`;
}

/** The settings, shown as a line above the chart (HTML, so it wraps) and updated as the reader changes them. */
export function settingsSentence(ratePct: number, correlationPct: number, rateIsPublished: boolean): string {
  const rateSource = rateIsPublished ? "as on the first 100 report cards (volunteer schools, not national)" : "your setting";
  return `Each area: ${formatPct(ratePct)} chance of a grade below expected (${rateSource}). Correlation between areas: ${formatCorrelation(correlationPct)} (illustrative).`;
}

/** The reader's setting (or the default one the build draws). */
export interface WaysToFailState {
  readonly areas: number;
  readonly ratePct: number;
  readonly correlationPct: number;
}

/** A point where it is drawn, with its tooltip. */
export type PlacedPoint = WaysToFailPoint & { readonly cx: number; readonly cy: number; readonly title: string; readonly selected: boolean };

export interface WaysToFailSpec {
  readonly frame: Frame;
  readonly x: LinearScale;
  readonly y: LinearScale;
  readonly points: readonly PlacedPoint[];
  /** The chosen number of areas: where its ring and value label go. */
  readonly selected: { readonly cx: number; readonly cy: number; readonly label: string } | undefined;
  /** The settings line shown above the chart. */
  readonly caption: string;
}

/** Pixels the selected point's value sits above it. */
export const SELECTED_LABEL_DY = -18;

/** The modelled chance as the data table and CSV show it (one decimal). */
export const tablePct = (p: WaysToFailPoint): number => Math.round(p.probabilityPct * 10) / 10;

/** Everything the chart shows for a setting at a drawing width. */
export function waysToFailSpec(state: WaysToFailState, width: number, rateIsPublished: boolean, points: readonly WaysToFailPoint[] = waysToFailPoints(state.ratePct, state.correlationPct)): WaysToFailSpec {
  const frame = waysToFailFrame(width);
  const x = linear(X_DOMAIN, [frame.marginLeft, frame.width - frame.marginRight]);
  const y = linear(Y_DOMAIN, [frame.height - frame.marginBottom, frame.marginTop]);
  const placed = points.map((p) => ({ ...p, cx: x.at(p.areas), cy: y.at(p.probabilityPct), title: pointTitle(p), selected: p.areas === state.areas }));
  const chosen = placed.find((p) => p.selected);
  return {
    frame,
    x,
    y,
    points: placed,
    selected: chosen && { cx: chosen.cx, cy: chosen.cy, label: formatPct(chosen.probabilityPct) },
    caption: settingsSentence(state.ratePct, state.correlationPct, rateIsPublished),
  };
}
