/**
 * Test-only reference: the ways-to-fail integration as it was before the chart's per-change cost was
 * cut (issue 19), kept verbatim: recursive adaptive Simpson at absolute tolerance 1e-12 over
 * [-9, 9] split at each area's 50% point. tests/unit/ways-to-fail-fast.test.ts compares the site's
 * fixed-node integration against it on every setting a reader can choose. Not bundled.
 */
import { inverseNormalCdf, normalCdf, normalPdf } from "../../src/lib/ways-to-fail.ts";

/** Adaptive Simpson on [a, b] to absolute tolerance `tol`. */
function adaptiveSimpson(f: (x: number) => number, a: number, b: number, tol: number): number {
  const m = (a + b) / 2;
  const fa = f(a);
  const fm = f(m);
  const fb = f(b);
  const whole = ((b - a) / 6) * (fa + 4 * fm + fb);
  const step = (a: number, b: number, fa: number, fm: number, fb: number, whole: number, tol: number, depth: number): number => {
    const m = (a + b) / 2;
    const lm = (a + m) / 2;
    const rm = (m + b) / 2;
    const flm = f(lm);
    const frm = f(rm);
    const left = ((m - a) / 6) * (fa + 4 * flm + fm);
    const right = ((b - m) / 6) * (fm + 4 * frm + fb);
    const delta = left + right - whole;
    if (depth <= 0 || Math.abs(delta) <= 15 * tol) return left + right + delta / 15;
    return step(a, m, fa, flm, fm, left, tol / 2, depth - 1) + step(m, b, fm, frm, fb, right, tol / 2, depth - 1);
  };
  return step(a, b, fa, fm, fb, whole, tol, 50);
}

/** Factor range: beyond +-9 the normal density is below 1e-18. */
const Z_MAX = 9;

/**
 * Probability that at least one area is graded below the expected standard.
 *
 * @param rates per-area probabilities p_i of a grade below expected, each in [0, 1]
 * @param correlation rho in [0, 1]: the correlation between areas' latent scores (one-factor
 *   Gaussian copula). 0 = independent areas, 1 = the areas move as one.
 * @returns 1 - P(no area below expected); equals 1 - prod(1 - p_i) at rho = 0 and max p_i at rho = 1.
 */
export function referenceProbabilityAnyBelowExpected(rates: readonly number[], correlation: number): number {
  for (const p of rates) if (!(p >= 0 && p <= 1)) throw new RangeError(`each rate must be in [0, 1], got ${p}`);
  if (!(correlation >= 0 && correlation <= 1)) throw new RangeError(`correlation must be in [0, 1], got ${correlation}`);
  if (rates.length === 0) return 0;
  if (rates.some((p) => p === 1)) return 1;
  const active = rates.filter((p) => p > 0);
  if (active.length === 0) return 0;
  if (correlation === 0) return 1 - active.reduce((acc, p) => acc * (1 - p), 1);
  if (correlation === 1) return Math.max(...active);
  const thresholds = active.map(inverseNormalCdf);
  const s = Math.sqrt(correlation);
  const t = Math.sqrt(1 - correlation);
  // Areas sharing a rate share a threshold: Phi is evaluated once per distinct threshold and the
  // product taken in the same order as before, so the result is bitwise the same, k times cheaper.
  const distinct = [...new Set(thresholds)];
  const slot = thresholds.map((c) => distinct.indexOf(c));
  const phi = new Float64Array(distinct.length);
  const noneGiven = (z: number) => {
    // P(area i not below | z) = P(E_i >= (c_i - s z) / t) = Phi((s z - c_i) / t)
    for (let j = 0; j < distinct.length; j++) phi[j] = normalCdf((s * z - distinct[j]!) / t);
    let prod = 1;
    for (const j of slot) prod *= phi[j]!;
    return prod * normalPdf(z);
  };
  // Split at each area's 50% point so the steep part of a step-like integrand sits on a knot.
  const knots = [-Z_MAX, ...thresholds.map((c) => c / s).filter((k) => k > -Z_MAX && k < Z_MAX), Z_MAX].sort((a, b) => a - b);
  let none = 0;
  for (let i = 0; i + 1 < knots.length; i++) {
    if (knots[i + 1]! > knots[i]!) none += adaptiveSimpson(noneGiven, knots[i]!, knots[i + 1]!, 1e-12);
  }
  return Math.min(1, Math.max(0, 1 - none));
}

/** Reference for one shared rate: P(at least one of `areas` areas below expected). */
export function referenceWaysToFail(areas: number, rate: number, correlation: number): number {
  return referenceProbabilityAnyBelowExpected(Array.from({ length: areas }, () => rate), correlation);
}
