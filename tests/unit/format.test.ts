import { describe, expect, it } from "vitest";
import { longDate, todayIso } from "../../src/lib/format.ts";
import { formatCount } from "../../src/lib/ways-to-fail.ts";

describe("formatCount (the count in the ways-to-fail sentence and tooltips)", () => {
  it("gives the same text as toLocaleString('en-GB') for whole numbers of every length", () => {
    const ns = [0, 1, 9, 10, 99, 100, 999, 1000, 1024, 9999, 10000, 31250, 99999, 100000, 999999, 1000000, 1048576, 12345678, 123456789, 2 ** 40, Number.MAX_SAFE_INTEGER, -1, -1000, -1234567];
    for (const n of ns) expect(formatCount(n), String(n)).toBe(n.toLocaleString("en-GB"));
    for (let areas = 1; areas <= 10; areas++) expect(formatCount(4 ** areas)).toBe((4 ** areas).toLocaleString("en-GB"));
  });

  it("refuses a number that is not a count, rather than print it wrongly", () => {
    for (const n of [1.5, NaN, Infinity, 2 ** 60]) expect(() => formatCount(n)).toThrow(/not a whole number/);
  });
});

describe("todayIso and longDate (the print and citation dates stamped in the browser)", () => {
  it("gives the reader's own calendar day, not the UTC one, and the day in words as en-GB writes it", () => {
    // 00:30 local on 1 March 2026: toISOString would give 28 February in a zone east of UTC.
    const d = new Date(2026, 2, 1, 0, 30);
    expect(todayIso(d)).toBe("2026-03-01");
    expect(longDate(todayIso(d))).toBe(d.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" }));
    for (let m = 0; m < 12; m++) {
      const day = new Date(2026, m, 9, 23, 59);
      expect(longDate(todayIso(day))).toBe(day.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" }));
    }
  });
});
