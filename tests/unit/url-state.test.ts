/** URL state: only allow-listed values get through; hostile input falls back to defaults. */
import { describe, expect, it } from "vitest";
import {
  CHART_STATE_SPECS,
  REPORT_CARD_BUILDER_STATE,
  WAYS_TO_FAIL_STATE,
  defaultState,
  parseState,
  serialiseState,
  withState,
} from "../../src/lib/url-state.ts";

const HOSTILE = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "'; alert(1); //",
  "javascript:alert(1)",
  "6<svg/onload=alert(1)>",
  "6 ",
  " 6",
  "6.5",
  "1e1",
  "0x6",
  "-1",
  "101",
  "99999999999999999999",
  "６", // full-width digit
  "٦", // Arabic-Indic digit
  "strong-standard\u0000",
  "STRONG-STANDARD",
  "strong‑standard", // non-breaking hyphen
  "a".repeat(10_000),
  "6".repeat(200),
  "constructor",
  "__proto__",
  "toString",
  "",
];

describe("ways-to-fail state", () => {
  it("reads allowed values and writes them back as a canonical sorted query", () => {
    const state = parseState(WAYS_TO_FAIL_STATE, "?rate=10&areas=8&correlation=20");
    expect(state).toEqual({ areas: 8, rate: 10, correlation: 20 });
    expect(serialiseState(WAYS_TO_FAIL_STATE, state)).toBe("areas=8&correlation=20&rate=10");
  });

  it("falls back to the default for every hostile value", () => {
    const defaults = defaultState(WAYS_TO_FAIL_STATE);
    expect(defaults).toEqual({ areas: 6, rate: 5, correlation: 50 });
    for (const bad of HOSTILE) {
      const q = new URLSearchParams({ areas: bad, rate: bad, correlation: bad });
      expect(parseState(WAYS_TO_FAIL_STATE, q), JSON.stringify(bad).slice(0, 40)).toEqual(defaults);
    }
  });

  it("ignores unknown keys and prototype-like keys", () => {
    const state = parseState(WAYS_TO_FAIL_STATE, "__proto__=1&constructor=2&x=<b>&areas=3");
    expect(state).toEqual({ areas: 3, rate: 5, correlation: 50 });
    expect(Object.keys(state).sort()).toEqual(["areas", "correlation", "rate"]);
  });

  it("takes bounds inclusively", () => {
    expect(parseState(WAYS_TO_FAIL_STATE, "areas=1&rate=0&correlation=100")).toEqual({ areas: 1, rate: 0, correlation: 100 });
    expect(parseState(WAYS_TO_FAIL_STATE, "areas=10&rate=50&correlation=0")).toEqual({ areas: 10, rate: 50, correlation: 0 });
    expect(parseState(WAYS_TO_FAIL_STATE, "areas=0&rate=51&correlation=101")).toEqual({ areas: 6, rate: 5, correlation: 50 });
  });

  it("serialises disallowed state values as defaults, never as given", () => {
    const q = serialiseState(WAYS_TO_FAIL_STATE, { areas: "<script>" as unknown as number, rate: 7, correlation: 1.5 });
    expect(q).toBe("areas=6&correlation=50&rate=7");
  });

  it("keeps an embed's own flags when writing state into a query", () => {
    expect(withState(WAYS_TO_FAIL_STATE, { areas: 4, rate: 5, correlation: 50 }, "?plain&dark=true&areas=9")).toBe(
      "areas=4&correlation=50&rate=5&plain=&dark=true",
    );
  });
});

describe("report-card-builder state", () => {
  it("accepts every area key with report-card grades, and not-applicable only where an area may not apply", () => {
    const s = parseState(REPORT_CARD_BUILDER_STATE, "inclusion=exceptional&post-16=not-applicable&achievement=not-applicable&safeguarding=not-met");
    expect(s.inclusion).toBe("exceptional");
    expect(s["post-16"]).toBe("not-applicable");
    expect(s.achievement).toBe("expected-standard"); // achievement always applies: default
    expect(s.safeguarding).toBe("not-met");
  });

  it("falls back to the default card for every hostile value", () => {
    const defaults = defaultState(REPORT_CARD_BUILDER_STATE);
    for (const bad of HOSTILE) {
      const q = new URLSearchParams(Object.keys(REPORT_CARD_BUILDER_STATE).map((k) => [k, bad]));
      expect(parseState(REPORT_CARD_BUILDER_STATE, q)).toEqual(defaults);
    }
  });

  it("round-trips through its canonical query", () => {
    const s = parseState(REPORT_CARD_BUILDER_STATE, "safeguarding=met&inclusion=needs-attention&early-years=not-applicable");
    const q = serialiseState(REPORT_CARD_BUILDER_STATE, s);
    expect(q.split("&").map((p) => p.split("=")[0])).toEqual(Object.keys(REPORT_CARD_BUILDER_STATE).sort());
    expect(parseState(REPORT_CARD_BUILDER_STATE, q)).toEqual(s);
  });

  it("is listed by chart id for the embed pages", () => {
    expect(Object.keys(CHART_STATE_SPECS).sort()).toEqual(["report-card-builder", "ways-to-fail"]);
  });
});
