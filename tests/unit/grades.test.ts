import { describe, expect, it } from "vitest";
import { contrastRatio, difference, type Deficiency } from "../../src/lib/colour.ts";
import {
  OLD_GRADES, REPORT_CARD_GRADES, SAFEGUARDING, oldGradeLabel, parseOldGrade, parseReportCardGrade, parseSafeguarding,
  type Grade,
} from "../../src/lib/grades.ts";

/**
 * Measure: CIEDE2000 colour difference (ΔE00) between two grade colours as a reader with each full
 * dichromacy would see them (Machado, Oliveira & Fernandes 2009 simulation, severity 1.0), and as a
 * reader with typical vision sees them. ΔE00 about 2.3 is a just-noticeable difference; 10+ is
 * distinct at a glance on a chart.
 *
 * Which pairs: every pair of grades that can be drawn together, not only neighbours, on both themes.
 * - Within one scale (the old four words; the report card's five grades plus safeguarding, which
 *   share every card): ΔE00 >= 12 for typical vision and under each simulated dichromacy.
 * - The old words beside the new grades (scale-old-vs-new, school pages, the builder's verdict): a
 *   colour must never suggest that an old word equals a new grade, so ΔE00 >= 12 for typical vision
 *   and >= 10 under each dichromacy. (There the scales are also told apart by position, label and
 *   their own symbols: ❶–❹ for the old words, shapes for the new grades.)
 */
const WITHIN = 12;
const ACROSS_CVD = 10;
const BACKGROUND = { light: "#ffffff", dark: "#15171b" } as const;
const deficiencies: (Deficiency | undefined)[] = [undefined, "deuteranopia", "protanopia", "tritanopia"];
const scales: [string, readonly Grade[]][] = [
  ["old four-word scale", OLD_GRADES],
  ["report-card scale", REPORT_CARD_GRADES],
  ["safeguarding", SAFEGUARDING],
];
const shownTogether: [string, readonly Grade[]][] = [
  ["old four-word scale", OLD_GRADES],
  ["a report card (five grades and safeguarding)", [...REPORT_CARD_GRADES, ...SAFEGUARDING]],
];
const pairs = <T,>(xs: readonly T[]): [T, T][] => xs.flatMap((a, i) => xs.slice(i + 1).map((b) => [a, b] as [T, T]));

describe("grade colours stay distinguishable for colour-blind readers, over every pair shown together", () => {
  for (const [name, grades] of shownTogether) {
    for (const theme of ["light", "dark"] as const) {
      for (const deficiency of deficiencies) {
        it(`${name}, ${theme} theme, ${deficiency ?? "typical vision"}: every pair differs by ΔE00 >= ${WITHIN}`, () => {
          for (const [a, b] of pairs(grades)) {
            const d = difference(a.colour[theme], b.colour[theme], deficiency);
            expect(d, `${a.label} vs ${b.label}: ΔE00 ${d.toFixed(1)}`).toBeGreaterThanOrEqual(WITHIN);
          }
        });
      }
    }
  }

  for (const theme of ["light", "dark"] as const) {
    for (const deficiency of deficiencies) {
      const min = deficiency ? ACROSS_CVD : WITHIN;
      it(`old words beside new grades, ${theme} theme, ${deficiency ?? "typical vision"}: every old/new pair differs by ΔE00 >= ${min}`, () => {
        for (const a of OLD_GRADES) {
          for (const b of REPORT_CARD_GRADES) {
            const d = difference(a.colour[theme], b.colour[theme], deficiency);
            expect(d, `${a.label} (old) vs ${b.label} (new): ΔE00 ${d.toFixed(1)}`).toBeGreaterThanOrEqual(min);
          }
        }
      });
    }
  }

  it("the simulation really changes colours: red and green collapse for deuteranopes", () => {
    // A textbook confusable pair: distinct to normal vision, close under deuteranopia.
    expect(difference("#d62728", "#2ca02c")).toBeGreaterThan(40);
    expect(difference("#d62728", "#2ca02c", "deuteranopia")).toBeLessThan(WITHIN);
  });

  it("every grade colour keeps 3:1 contrast with its theme's background (WCAG 1.4.11), light and dark", () => {
    for (const [, scale] of scales) {
      for (const g of scale) {
        for (const theme of ["light", "dark"] as const) {
          const r = contrastRatio(g.colour[theme], BACKGROUND[theme]);
          expect(r, `${g.label}, ${theme}: ${r.toFixed(2)}:1`).toBeGreaterThanOrEqual(3);
        }
      }
    }
  });
});

describe("grade scales", () => {
  it("orders the old words best first and the report card's five labels as Ofsted does", () => {
    expect(OLD_GRADES.map((g) => g.label)).toEqual(["Outstanding", "Good", "Requires improvement", "Inadequate"]);
    expect(REPORT_CARD_GRADES.map((g) => g.label)).toEqual([
      "Exceptional", "Strong standard", "Expected standard", "Needs attention", "Urgent improvement",
    ]);
    expect(REPORT_CARD_GRADES.map((g) => g.proposedLabel)).toEqual([
      "Exemplary", "Strong", "Secure", "Attention needed", "Causing concern",
    ]);
    expect(SAFEGUARDING.map((g) => g.label)).toEqual(["Met", "Not met"]);
  });

  it("calls grade 3 'Satisfactory' before September 2012 and 'Requires improvement' after", () => {
    expect(oldGradeLabel("requires-improvement", "2011-08-31")).toBe("Satisfactory");
    expect(oldGradeLabel("requires-improvement", "2012-09-01")).toBe("Requires improvement");
    expect(oldGradeLabel("good", "2011-08-31")).toBe("Good");
  });

  it("parses labels and codes, and refuses unknown labels", () => {
    expect(parseOldGrade(" requires  improvement ")).toBe("requires-improvement");
    expect(parseOldGrade("Satisfactory")).toBe("requires-improvement");
    expect(parseOldGrade("1")).toBe("outstanding");
    expect(parseOldGrade("9")).toBeUndefined();
    expect(parseOldGrade("Excellent")).toBeUndefined();
    expect(parseReportCardGrade("Secure")).toBe("expected-standard");
    expect(parseReportCardGrade("Needs Attention")).toBe("needs-attention");
    expect(parseReportCardGrade("Good")).toBeUndefined();
    expect(parseSafeguarding("Not met")).toBe("not-met");
    expect(parseSafeguarding("maybe")).toBeUndefined();
  });

  it("the old words and the new grades never share a symbol", () => {
    const newSymbols = new Set(REPORT_CARD_GRADES.map((g) => g.symbol));
    for (const g of OLD_GRADES) expect(newSymbols.has(g.symbol), `${g.label} uses ${g.symbol}`).toBe(false);
  });

  it("no two grades that can be shown together share a symbol (a card's five grades and safeguarding; old words beside either)", () => {
    const all = [...OLD_GRADES, ...REPORT_CARD_GRADES, ...SAFEGUARDING];
    for (let i = 0; i < all.length; i++)
      for (let j = i + 1; j < all.length; j++) expect(all[i]!.symbol, `${all[i]!.label} and ${all[j]!.label}`).not.toBe(all[j]!.symbol);
  });

  it("every grade has a non-colour symbol and short label, unique within its scale", () => {
    for (const [, scale] of scales) {
      expect(new Set(scale.map((g) => g.symbol)).size).toBe(scale.length);
      expect(new Set(scale.map((g) => g.shortLabel)).size).toBe(scale.length);
    }
  });
});
