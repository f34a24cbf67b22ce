/**
 * The ways-to-fail model's fixed-node integration (composite Gauss–Legendre, all ten area counts in
 * one pass) against the adaptive Simpson it replaced, kept as a test-only reference
 * (tests/support/ways-to-fail-reference.ts), on EVERY setting a reader can choose: areas 1-10 x rate
 * 0-50% x correlation 0-100%. The sliders step the rate by 1 and the correlation by 5; a shared link
 * can carry any whole correlation (src/lib/url-state.ts), so every whole percent is enumerated too.
 * Agreement is required to 1e-9 absolute, and every text a reader sees from the chance (sentence,
 * selected label, tooltip, table cell) must be the same string.
 */
import { describe, expect, it } from "vitest";
import { pointTitle, tablePct, waysToFailPoints, type WaysToFailPoint } from "../../src/charts/ways-to-fail-layout.ts";
import { WAYS_TO_FAIL_STATE } from "../../src/lib/url-state.ts";
import {
  MAX_AREAS,
  describeSetting,
  formatPct,
  inverseNormalCdf,
  normalCdf,
  normalPdf,
  outcomeCounts,
  probabilityAnyBelowExpected,
  waysToFail,
  waysToFailByAreas,
} from "../../src/lib/ways-to-fail.ts";
import { referenceProbabilityAnyBelowExpected, referenceWaysToFail } from "../support/ways-to-fail-reference.ts";

const { rate, correlation, areas } = WAYS_TO_FAIL_STATE;
const range = (min: number, max: number, step = 1) => Array.from({ length: Math.floor((max - min) / step) + 1 }, (_, i) => min + i * step);

/**
 * Chances known in closed form: one area is its own rate; at a 50% rate the threshold is 0, so two
 * areas give 3/4 - asin(rho) / (2 pi) (Sheppard), and at correlation 0.5 k areas give 1 - 1/(k + 1)
 * (the equicorrelated orthant probability for rho = 1/2).
 */
function exactChance(k: number, p: number, rho: number): number | undefined {
  if (k === 1) return p;
  if (p === 0.5 && k === 2) return 0.75 - Math.asin(rho) / (2 * Math.PI);
  if (p === 0.5 && rho === 0.5) return 1 - 1 / (k + 1);
  return undefined;
}

/** Settings where the reference's text was wrong at an exact tie (the new text is the exact answer's). */
const ties: string[] = [];

/** Compares every count at one (rate, correlation) setting; returns the largest difference. */
function compareSetting(ratePct: number, correlationPct: number): number {
  const fast = waysToFailByAreas(MAX_AREAS, ratePct / 100, correlationPct / 100);
  const points = waysToFailPoints(ratePct, correlationPct);
  let worst = 0;
  for (let k = areas.min; k <= areas.max; k++) {
    const where = `areas ${k}, rate ${ratePct}%, correlation ${correlationPct}%`;
    const ref = referenceWaysToFail(k, ratePct / 100, correlationPct / 100);
    const got = fast[k - 1]!;
    const diff = Math.abs(got - ref);
    worst = Math.max(worst, diff);
    if (!(diff <= 1e-9)) expect.fail(`${where}: ${got} against the reference ${ref} (difference ${diff})`);
    // The single-count call is the same number, bit for bit (the build's sentence and the browser's agree).
    if (waysToFail(k, ratePct / 100, correlationPct / 100) !== got) expect.fail(`${where}: waysToFail differs from waysToFailByAreas`);
    // What a reader sees: the same strings from the reference chance and from the new one.
    const counts = outcomeCounts(k);
    const refPoint: WaysToFailPoint = { areas: k, ratePct, correlationPct, probabilityPct: 100 * ref, reportCards: counts.reportCard, singleWords: counts.singleWord };
    const point = points[k - 1]!;
    if (point.probabilityPct !== 100 * got) expect.fail(`${where}: the chart's point is not the model's chance`);
    const setting = { areas: k, ratePct, correlationPct };
    const texts = (p: WaysToFailPoint) => [formatPct(p.probabilityPct), String(tablePct(p)), pointTitle(p), describeSetting(setting, p.probabilityPct)].join("\n");
    const seen = texts(point);
    if (describeSetting(setting) !== describeSetting(setting, point.probabilityPct)) expect.fail(`${where}: the build's sentence differs from the browser's`);
    const want = texts(refPoint);
    if (seen !== want) {
      // Allowed only where the exact answer is known and the reference's rounding noise put it on the wrong side of a tie.
      const truth = exactChance(k, ratePct / 100, correlationPct / 100);
      if (truth === undefined || seen !== texts({ ...refPoint, probabilityPct: 100 * truth })) expect.fail(`${where}: displayed text differs:\n${seen}\nagainst\n${want}`);
      ties.push(`${where}: ${formatPct(100 * truth)} (exactly ${100 * truth}%; the reference said ${formatPct(refPoint.probabilityPct)} from ${refPoint.probabilityPct})`);
    }
  }
  return worst;
}

describe("ways-to-fail: the fixed-node integration agrees with the adaptive Simpson reference", () => {
  it("on every slider setting: areas 1-10 x rate 0-50% (step 1) x correlation 0-100% (step 5), to 1e-9, with identical text", { timeout: 120_000 }, () => {
    const rates = range(rate.min, rate.max, 1);
    const correlations = range(correlation.min, correlation.max, 5);
    expect(rates.length * correlations.length * MAX_AREAS).toBe(51 * 21 * 10);
    let worst = 0;
    for (const r of rates) for (const c of correlations) worst = Math.max(worst, compareSetting(r, c));
    expect(worst).toBeLessThanOrEqual(1e-9);
    // One tie, where the answer is exactly 87.5% (1 - 1/8) and the reference's 87.49999999999856 showed "87%".
    expect(ties).toEqual([expect.stringMatching(/^areas 7, rate 50%, correlation 50%: 88% /)]);
  });

  it("matches the closed forms where they exist, to 1e-12 (one area; a 50% rate with two areas, or with correlation 0.5)", () => {
    for (let c = 0; c <= 100; c++) {
      for (let r = 0; r <= 50; r++) expect(Math.abs(waysToFailByAreas(1, r / 100, c / 100)[0]! - r / 100)).toBeLessThan(1e-12);
      expect(Math.abs(waysToFailByAreas(2, 0.5, c / 100)[1]! - exactChance(2, 0.5, c / 100)!)).toBeLessThan(1e-12);
    }
    waysToFailByAreas(MAX_AREAS, 0.5, 0.5).forEach((p, i) => expect(Math.abs(p - (1 - 1 / (i + 2)))).toBeLessThan(1e-12));
    expect(formatPct(100 * waysToFail(7, 0.5, 0.5))).toBe("88%");
  });

  it("on every whole correlation a shared link can carry (the ones between the slider's steps), to 1e-9, with identical text", { timeout: 240_000 }, () => {
    let worst = 0;
    for (const r of range(rate.min, rate.max, 1)) for (const c of range(correlation.min, correlation.max, 1).filter((c) => c % 5 !== 0)) worst = Math.max(worst, compareSetting(r, c));
    expect(worst).toBeLessThanOrEqual(1e-9);
  });

  it("unequal rates (the general function) agree with the reference too, including near-certain correlation", () => {
    const cases: [number[], number][] = [
      [[0.05, 0.12, 0.02], 0.5],
      [[0.02, 0.05, 0.08, 0.15], 0.3],
      [[0.1, 0.02, 0.2, 0.05], 0.95],
      [[0.3, 0.3, 0.01], 0.99],
      [[0.05, 0.12, 0.02], 0.999999],
      [[0.5, 0.001], 1e-6],
    ];
    for (const [rates, rho] of cases) {
      const diff = Math.abs(probabilityAnyBelowExpected(rates, rho) - referenceProbabilityAnyBelowExpected(rates, rho));
      expect(diff, `${rates.join(", ")} at ${rho}`).toBeLessThanOrEqual(1e-9);
    }
  });

  it("is closer than 1e-12 to a brute-force integral (composite Simpson, 400,000 panels) where the two methods differ most", () => {
    const brute = (k: number, p: number, rho: number) => {
      const c = inverseNormalCdf(p);
      const s = Math.sqrt(rho);
      const t = Math.sqrt(1 - rho);
      const f = (z: number) => normalCdf((s * z - c) / t) ** k * normalPdf(z);
      const n = 400_000;
      const h = 18 / n;
      let sum = f(-9) + f(9);
      for (let i = 1; i < n; i++) sum += (i % 2 ? 4 : 2) * f(-9 + i * h);
      return 1 - (sum * h) / 3;
    };
    for (const [k, r, c] of [
      [9, 10, 68],
      [6, 5, 50],
      [10, 50, 95],
      [1, 1, 95],
    ] as const) {
      const exact = brute(k, r / 100, c / 100);
      expect(Math.abs(waysToFailByAreas(MAX_AREAS, r / 100, c / 100)[k - 1]! - exact), `${k} areas, ${r}%, ${c}%`).toBeLessThan(1e-12);
    }
  });

  it("keeps the closed forms and the input checks", () => {
    expect(waysToFailByAreas(3, 0, 0.5)).toEqual([0, 0, 0]);
    expect(waysToFailByAreas(3, 0.1, 1)).toEqual([0.1, 0.1, 0.1]);
    expect(waysToFailByAreas(2, 0.1, 0)).toEqual([1 - 0.9, 1 - 0.9 * 0.9]);
    expect(waysToFailByAreas(0, 0.1, 0.5)).toEqual([]);
    expect(() => waysToFailByAreas(3, 1.5, 0.5)).toThrow(RangeError);
    expect(() => waysToFailByAreas(3, 0.1, Number.NaN)).toThrow(RangeError);
    expect(() => waysToFailByAreas(2.5, 0.1, 0.5)).toThrow(RangeError);
  });
});
