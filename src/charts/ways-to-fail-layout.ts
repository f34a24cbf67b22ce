/**
 * What the ways-to-fail chart and its browser script share: the frame (so the script can move the
 * build-time marks with the same scales Plot used), the modelled points and their wording.
 * Plot-free on purpose: the browser imports this, not Plot.
 */
import { MAX_AREAS, formatCorrelation, formatPct, outcomeCounts, waysToFail } from "../lib/ways-to-fail.ts";

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

/** Pixel ranges of the x and y scales for a frame (what Plot computes with zero insets). */
export function ranges(f: Frame): { x: [number, number]; y: [number, number] } {
  return { x: [f.marginLeft, f.width - f.marginRight], y: [f.height - f.marginBottom, f.marginTop] };
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

/** The points for k = 1..MAX_AREAS at one setting. */
export function waysToFailPoints(ratePct: number, correlationPct: number): WaysToFailPoint[] {
  return Array.from({ length: MAX_AREAS }, (_, i) => {
    const areas = i + 1;
    const counts = outcomeCounts(areas);
    return {
      areas,
      ratePct,
      correlationPct,
      probabilityPct: 100 * waysToFail(areas, ratePct / 100, correlationPct / 100),
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
  return `${p.areas} ${p.areas === 1 ? "area" : "areas"}: ${formatPct(p.probabilityPct)} chance that at least one is below expected (modelled); ${p.reportCards.toLocaleString("en-GB")} possible report cards`;
}

/** The settings, shown as a line above the chart (HTML, so it wraps) and updated as the reader changes them. */
export function settingsSentence(ratePct: number, correlationPct: number, rateIsPublished: boolean): string {
  const rateSource = rateIsPublished ? "as on the first 100 report cards (volunteer schools, not national)" : "your setting";
  return `Each area: ${formatPct(ratePct)} chance of a grade below expected (${rateSource}). Correlation between areas: ${formatCorrelation(correlationPct)} (illustrative).`;
}
