/** The ways-to-fail model: exact limits, monotone in correlation, and agreement with a seeded simulation. */
import { describe, expect, it } from "vitest";
import { randomLcg, randomNormal } from "d3-random";
import {
  describeSetting,
  formatPct,
  inverseNormalCdf,
  normalCdf,
  outcomeCounts,
  probabilityAnyBelowExpected,
  waysToFail,
} from "../../src/lib/ways-to-fail.ts";

describe("normal distribution helpers", () => {
  it("matches published values of the normal CDF", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 15);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 13);
    expect(normalCdf(-2)).toBeCloseTo(0.022750131948179195, 14);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316300933, 15);
    expect(normalCdf(-8)).toBeCloseTo(6.22096057427178e-16, 20);
  });

  it("inverts the CDF to near machine precision, tails included", () => {
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(inverseNormalCdf(0.05)).toBeCloseTo(-1.6448536269514722, 12);
    for (const p of [1e-10, 1e-6, 0.001, 0.02, 0.02425, 0.1, 0.3, 0.5, 0.7, 0.97, 0.999, 1 - 1e-8]) {
      const x = inverseNormalCdf(p);
      const back = p < 0.5 ? normalCdf(x) : 1 - normalCdf(-x);
      expect(Math.abs(back - p) / Math.min(p, 1 - p)).toBeLessThan(1e-9);
    }
    expect(inverseNormalCdf(0)).toBe(-Infinity);
    expect(inverseNormalCdf(1)).toBe(Infinity);
  });
});

describe("outcome counts", () => {
  it("counts 4 single words against 5^k x 2 cards", () => {
    expect(outcomeCounts(6)).toEqual({ singleWord: 4, reportCard: 31_250 });
    expect(outcomeCounts(8).reportCard).toBe(781_250);
    expect(outcomeCounts(1).reportCard).toBe(10);
    expect(() => outcomeCounts(-1)).toThrow(RangeError);
    expect(() => outcomeCounts(2.5)).toThrow(RangeError);
  });
});

describe("probability that at least one area is below expected", () => {
  it("equals 1 - prod(1 - p_i) when areas are independent", () => {
    const rates = [0.05, 0.1, 0.02, 0.3];
    expect(probabilityAnyBelowExpected(rates, 0)).toBeCloseTo(1 - 0.95 * 0.9 * 0.98 * 0.7, 12);
    // and the quadrature path agrees with it at a tiny correlation
    expect(probabilityAnyBelowExpected(rates, 1e-9)).toBeCloseTo(1 - 0.95 * 0.9 * 0.98 * 0.7, 6);
    expect(waysToFail(6, 0.05, 0)).toBeCloseTo(1 - 0.95 ** 6, 12);
  });

  it("equals the largest p_i when areas move as one", () => {
    expect(probabilityAnyBelowExpected([0.05, 0.12, 0.02], 1)).toBe(0.12);
    // and the quadrature path approaches it as correlation nears 1
    expect(probabilityAnyBelowExpected([0.05, 0.12, 0.02], 0.999999)).toBeCloseTo(0.12, 2);
  });

  it("is 0 with no areas or zero rates, 1 when some area is certain", () => {
    expect(probabilityAnyBelowExpected([], 0.5)).toBe(0);
    expect(probabilityAnyBelowExpected([0, 0], 0.5)).toBe(0);
    expect(probabilityAnyBelowExpected([0.2, 1], 0.5)).toBe(1);
  });

  it("never rises as correlation rises (grid of areas, rates and correlations)", () => {
    for (const areas of [2, 3, 6, 8, 10]) {
      for (const rate of [0.01, 0.05, 0.1, 0.25, 0.5]) {
        let previous = Infinity;
        for (let r = 0; r <= 100; r += 5) {
          const p = waysToFail(areas, rate, r / 100);
          expect(p).toBeLessThanOrEqual(previous + 1e-9);
          expect(p).toBeGreaterThanOrEqual(rate - 1e-9);
          expect(p).toBeLessThanOrEqual(1 - (1 - rate) ** areas + 1e-9);
          previous = p;
        }
      }
    }
    // unequal rates too
    let previous = Infinity;
    for (let r = 0; r <= 100; r += 10) {
      const p = probabilityAnyBelowExpected([0.02, 0.05, 0.08, 0.15], r / 100);
      expect(p).toBeLessThanOrEqual(previous + 1e-9);
      previous = p;
    }
  });

  it("matches a seeded Monte Carlo simulation of the same model within 3 standard errors", () => {
    const cases: [number[], number][] = [
      [[0.05, 0.05, 0.05, 0.05, 0.05, 0.05], 0.5],
      [[0.1, 0.02, 0.2, 0.05], 0.3],
      [Array.from({ length: 8 }, () => 0.05), 0.8],
      [[0.3, 0.3], 0.95],
    ];
    const draws = 200_000;
    for (const [index, [rates, rho]] of cases.entries()) {
      const normal = randomNormal.source(randomLcg(0.1234 + index / 10))(0, 1);
      const thresholds = rates.map(inverseNormalCdf);
      let hits = 0;
      for (let n = 0; n < draws; n++) {
        const z = normal();
        if (thresholds.some((c) => Math.sqrt(rho) * z + Math.sqrt(1 - rho) * normal() < c)) hits++;
      }
      const simulated = hits / draws;
      const se = Math.sqrt((simulated * (1 - simulated)) / draws);
      const exact = probabilityAnyBelowExpected(rates, rho);
      expect(Math.abs(exact - simulated), `case ${index}: exact ${exact}, simulated ${simulated} ± ${se}`).toBeLessThan(3 * se);
    }
  });

  it("rejects rates and correlations outside [0, 1]", () => {
    expect(() => probabilityAnyBelowExpected([1.2], 0)).toThrow(RangeError);
    expect(() => probabilityAnyBelowExpected([0.1], -0.1)).toThrow(RangeError);
    expect(() => probabilityAnyBelowExpected([Number.NaN], 0)).toThrow(RangeError);
  });
});

describe("the sentence a reader sees", () => {
  it("states the setting, the modelled result and the outcome counts", () => {
    const text = describeSetting({ areas: 6, ratePct: 5, correlationPct: 0 });
    expect(text).toContain("With 6 areas each with a 5% chance");
    expect(text).toContain("the chance that at least one is below expected is 26%, modelled");
    expect(text).toContain("31,250 possible combinations, against 4 possible single words");
    expect(describeSetting({ areas: 1, ratePct: 5, correlationPct: 50 })).toContain("With 1 area with a 5% chance");
  });

  it("formats small and near-certain percentages without rounding them away", () => {
    expect(formatPct(0.42)).toBe("0.4%");
    expect(formatPct(21.4)).toBe("21%");
    expect(formatPct(99.97)).toBe("more than 99.9%");
    expect(formatPct(100)).toBe("100%");
  });
});

describe("the chart's default rate traces to a data row", () => {
  it("is the share of grades below expected on the first 100 report cards, and the URL default agrees", async () => {
    const { loadDataset } = await import("../../src/render/load.ts");
    const { publishedRate } = await import("../../src/charts/ways-to-fail.ts");
    const { WAYS_TO_FAIL_STATE } = await import("../../src/lib/url-state.ts");
    const rows = loadDataset("first-report-cards");
    const { ratePct, source } = publishedRate(rows);
    const below = rows.filter((r) => r.grade === "needs-attention" || r.grade === "urgent-improvement");
    expect(ratePct).toBe(Math.round(below.reduce((s, r) => s + r.pct_of_grades, 0)));
    expect(source.grade).toBe("needs-attention");
    expect(source.source_url).toMatch(/^https:\/\/schoolsweek\.co\.uk\//);
    expect(WAYS_TO_FAIL_STATE.rate.default).toBe(ratePct);
    expect(() => publishedRate(rows.filter((r) => r.grade !== "needs-attention"))).toThrow(/no row for needs-attention/);
  });
});
