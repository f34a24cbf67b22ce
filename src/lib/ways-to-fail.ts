/**
 * The "many more ways to fail" model: how the number of possible outcomes and the chance that at
 * least one area is graded below the expected standard grow with the number of graded areas.
 *
 * Areas are linked by a one-factor Gaussian copula: area i is below expected when
 * sqrt(rho) * Z + sqrt(1 - rho) * E_i < invNorm(p_i), with Z (the school) and E_i (the area)
 * independent standard normals. Given Z = z the areas are independent, so
 * P(none below) = integral of prod_i (1 - q_i(z)) * phi(z) dz, which we integrate by composite
 * Gauss–Legendre quadrature on panels fitted to the integrand (deterministic, about 1e-13 from a
 * brute-force integral; within 4e-10 of the adaptive Simpson it replaced on every setting a reader
 * can choose, that method's own error), not by simulation.
 * Pure: no DOM, runs at build time and in the browser.
 */

import { REPORT_CARD_GRADES, OLD_GRADES, SAFEGUARDING } from "./grades.ts";
import { inverseNormalCdf, normalCdf, normalPdf } from "./normal.ts";

export { inverseNormalCdf, normalCdf, normalPdf };

/** Number of possible outcomes: one of the old words, or one grade per area plus safeguarding. */
export interface OutcomeCounts {
  /** The old system: one word for the whole school (4). */
  readonly singleWord: number;
  /** A report card: 5 grades for each of k areas, times safeguarding met / not met. */
  readonly reportCard: number;
}

/** Outcome counts for a card with `areas` graded areas (4 words versus 5^k x 2 cards). */
export function outcomeCounts(areas: number): OutcomeCounts {
  if (!Number.isInteger(areas) || areas < 0) throw new RangeError(`areas must be a whole number >= 0, got ${areas}`);
  return {
    singleWord: OLD_GRADES.length,
    reportCard: REPORT_CARD_GRADES.length ** areas * SAFEGUARDING.length,
  };
}

/** Factor range: beyond +-9 the normal density is below 1e-18. */
const Z_MAX = 9;

/** Nodes per panel of the composite Gauss–Legendre rule. */
const GL_POINTS = 12;

/**
 * Gauss–Legendre nodes and weights on [-1, 1] for `n` points, by Newton's method on the Legendre
 * recurrence (computed once at load: no table in the bundle).
 */
function gaussLegendre(n: number): { readonly x: Float64Array; readonly w: Float64Array } {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 1;
    for (let iter = 0; iter < 100; iter++) {
      let p0 = 1;
      let p1 = z;
      for (let j = 2; j <= n; j++) [p0, p1] = [p1, ((2 * j - 1) * z * p1 - (j - 1) * p0) / j];
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-15) break;
    }
    x[i] = z;
    w[i] = 2 / ((1 - z * z) * dp * dp);
  }
  return { x, w };
}

const GL = gaussLegendre(GL_POINTS);

/**
 * Calls `visit(z, weight)` for every node of a composite Gauss–Legendre rule on [-Z_MAX, Z_MAX]
 * fitted to the integrand's shape: P(area not below | z) = Phi((z - k) / w) is a step of width
 * w = sqrt(1 - rho) / sqrt(rho) at the area's 50% point k = c / sqrt(rho). Each k is a panel edge,
 * panels within 8 w of a step are at most w wide (the step's scale), the rest at most 1 wide (the
 * density's scale), 12 nodes each. Fixed nodes: no recursion, and one pass serves every count.
 */
function forEachNode(steps: readonly number[], w: number, visit: (z: number, weight: number) => void): void {
  const near = steps.map((k) => [k - 8 * w, k + 8 * w] as const);
  const inside = (z: number) => z > -Z_MAX && z < Z_MAX;
  const edges = [...new Set([-Z_MAX, Z_MAX, ...steps, ...near.flat()].filter((z) => z === -Z_MAX || z === Z_MAX || inside(z)))].sort((a, b) => a - b);
  const fine = Math.min(w, 1);
  for (let i = 0; i + 1 < edges.length; i++) {
    const a = edges[i]!;
    const b = edges[i + 1]!;
    const mid = (a + b) / 2;
    const h = near.some(([lo, hi]) => mid > lo && mid < hi) ? fine : 1;
    const panels = Math.ceil((b - a) / h - 1e-9);
    const width = (b - a) / panels;
    for (let p = 0; p < panels; p++) {
      const centre = a + (p + 0.5) * width;
      for (let j = 0; j < GL_POINTS; j++) visit(centre + 0.5 * width * GL.x[j]!, 0.5 * width * GL.w[j]!);
    }
  }
}

/**
 * An integral's result in [0, 1], to 12 decimals: the rule is good to about 1e-13, so the digits
 * beyond are noise, and a chance that is exactly a half percent (87.5% for 7 areas at 50% and 0.5,
 * where the answer is 1 - 1/8) comes out exact and rounds as it should, not by the sign of the noise.
 */
function settle(p: number): number {
  return Math.min(1, Math.max(0, Math.round(p * 1e12) / 1e12));
}

/** Checks the inputs; returns the answer when it needs no integral (no areas, a certain area, rho 0 or 1). */
function closedForm(rates: readonly number[], correlation: number): number | undefined {
  for (const p of rates) if (!(p >= 0 && p <= 1)) throw new RangeError(`each rate must be in [0, 1], got ${p}`);
  if (!(correlation >= 0 && correlation <= 1)) throw new RangeError(`correlation must be in [0, 1], got ${correlation}`);
  if (rates.length === 0) return 0;
  if (rates.some((p) => p === 1)) return 1;
  const active = rates.filter((p) => p > 0);
  if (active.length === 0) return 0;
  if (correlation === 0) return 1 - active.reduce((acc, p) => acc * (1 - p), 1);
  if (correlation === 1) return Math.max(...active);
  return undefined;
}

/**
 * Probability that at least one area is graded below the expected standard.
 *
 * @param rates per-area probabilities p_i of a grade below expected, each in [0, 1]
 * @param correlation rho in [0, 1]: the correlation between areas' latent scores (one-factor
 *   Gaussian copula). 0 = independent areas, 1 = the areas move as one.
 * @returns 1 - P(no area below expected); equals 1 - prod(1 - p_i) at rho = 0 and max p_i at rho = 1.
 */
export function probabilityAnyBelowExpected(rates: readonly number[], correlation: number): number {
  const closed = closedForm(rates, correlation);
  if (closed !== undefined) return closed;
  const thresholds = rates.filter((p) => p > 0).map(inverseNormalCdf);
  const s = Math.sqrt(correlation);
  const t = Math.sqrt(1 - correlation);
  // Areas sharing a rate share a threshold: Phi is evaluated once per distinct threshold.
  const distinct = [...new Set(thresholds)];
  const slot = thresholds.map((c) => distinct.indexOf(c));
  const phi = new Float64Array(distinct.length);
  let none = 0;
  forEachNode(
    distinct.map((c) => c / s),
    t / s,
    (z, weight) => {
      // P(area i not below | z) = P(E_i >= (c_i - s z) / t) = Phi((s z - c_i) / t)
      for (let j = 0; j < distinct.length; j++) phi[j] = normalCdf((s * z - distinct[j]!) / t);
      let prod = 1;
      for (const j of slot) prod *= phi[j]!;
      none += weight * prod * normalPdf(z);
    },
  );
  return settle(1 - none);
}

/**
 * Same rate for every area, for every number of areas from 1 to `maxAreas` at once: element k - 1 is
 * P(at least one of k areas below expected). One pass over the nodes: Phi once per node, its powers
 * for the counts (what the chart needs on each change of rate or correlation).
 */
export function waysToFailByAreas(maxAreas: number, rate: number, correlation: number): number[] {
  if (!Number.isInteger(maxAreas) || maxAreas < 0) throw new RangeError(`areas must be a whole number >= 0, got ${maxAreas}`);
  const closed = closedForm([rate], correlation);
  if (closed !== undefined || maxAreas === 0) {
    return Array.from({ length: maxAreas }, (_, i) => closedForm(Array.from({ length: i + 1 }, () => rate), correlation)!);
  }
  const c = inverseNormalCdf(rate);
  const s = Math.sqrt(correlation);
  const t = Math.sqrt(1 - correlation);
  const none = new Float64Array(maxAreas);
  forEachNode([c / s], t / s, (z, weight) => {
    const q = normalCdf((s * z - c) / t);
    const f = weight * normalPdf(z);
    let power = 1;
    for (let k = 0; k < maxAreas; k++) {
      power *= q;
      none[k]! += f * power;
    }
  });
  return Array.from(none, (n) => settle(1 - n));
}

/** Same rate for every area: P(at least one of `areas` areas below expected). */
export function waysToFail(areas: number, rate: number, correlation: number): number {
  if (!Number.isInteger(areas) || areas < 0) throw new RangeError(`areas must be a whole number >= 0, got ${areas}`);
  return areas === 0 ? (closedForm([], correlation) ?? 0) : waysToFailByAreas(areas, rate, correlation)[areas - 1]!;
}

/** Model settings a reader can change (the ways-to-fail chart's state). */
export interface WaysToFailSettings {
  /** Number of graded areas, 1 to 10. */
  readonly areas: number;
  /** Per-area chance of a grade below expected, in percent (0 to 50). */
  readonly ratePct: number;
  /** Correlation between areas, in percent (0 to 100). */
  readonly correlationPct: number;
}

/** Largest number of areas the chart draws (up to 8 graded school areas, plus room to compare). */
export const MAX_AREAS = 10;

/**
 * 31250 -> "31,250": a count (a whole number) with the thousands separators toLocaleString("en-GB")
 * gives. Written out rather than through Intl.NumberFormat: building the first formatter loads the
 * browser's locale data, tens of milliseconds at 4x CPU throttling while the chart's controls load.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`formatCount: ${n} is not a whole number`);
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ",");
  return n < 0 ? `-${digits}` : digits;
}

/** One sentence saying what the current setting means, with "modelled" beside the result. */
export function describeSetting({ areas, ratePct, correlationPct }: WaysToFailSettings, probabilityPct?: number): string {
  // `probabilityPct`: 100 * waysToFail(areas, rate, correlation) when the caller already has it (the chart's point).
  const pct = probabilityPct ?? 100 * waysToFail(areas, ratePct / 100, correlationPct / 100);
  const counts = outcomeCounts(areas);
  const areaWord = areas === 1 ? "1 area" : `${areas} areas`;
  const each = areas === 1 ? "with" : "each with";
  return (
    `With ${areaWord} ${each} a ${formatPct(ratePct)} chance of a grade below expected, the chance that at least one is below expected is ${formatPct(pct)}, modelled. ` +
    `That is with a correlation of ${formatCorrelation(correlationPct)} between areas. ` +
    `A card like that has ${formatCount(counts.reportCard)} possible combinations, against ${counts.singleWord} possible single words.`
  );
}

/** Correlation in percent as the decimal readers know: 50 -> "0.5", 35 -> "0.35". */
export function formatCorrelation(pct: number): string {
  return String(Math.round(pct) / 100);
}

/** 21.3 -> "21%", 0.4 -> "0.4%", 99.96 -> "more than 99.9%". */
export function formatPct(value: number): string {
  if (value > 99.9 && value < 100) return "more than 99.9%";
  if (value > 0 && value < 1) return `${(Math.round(value * 10) / 10).toString()}%`;
  return `${Math.round(value)}%`;
}
