import { describe, expect, it } from "vitest";
import { contrastRatio, difference, type Deficiency } from "../../src/lib/colour.ts";
import {
  OLD_GRADES, REPORT_CARD_GRADES, SAFEGUARDING, oldGradeLabel, parseOldGrade, parseReportCardGrade, parseSafeguarding,
  type Grade,
} from "../../src/lib/grades.ts";

/**
 * Measure: CIEDE2000 colour difference (ΔE00) between the two colours as a reader with each full
 * dichromacy would see them (Machado, Oliveira & Fernandes 2009 simulation, severity 1.0).
 * Threshold: ΔE00 >= 12 for every pair of neighbouring grades on every scale, light and dark.
 * (ΔE00 about 2.3 is a just-noticeable difference; 10+ is distinct at a glance on a chart.)
 */
const THRESHOLD = 12;
const deficiencies: (Deficiency | undefined)[] = [undefined, "deuteranopia", "protanopia", "tritanopia"];
const scales: [string, readonly Grade[]][] = [
  ["old four-word scale", OLD_GRADES],
  ["report-card scale", REPORT_CARD_GRADES],
  ["safeguarding", SAFEGUARDING],
];

describe("grade colours stay distinguishable for colour-blind readers", () => {
  for (const [name, scale] of scales) {
    for (const theme of ["light", "dark"] as const) {
      for (const deficiency of deficiencies) {
        it(`${name}, ${theme} theme, ${deficiency ?? "normal vision"}: neighbours differ by ΔE00 >= ${THRESHOLD}`, () => {
          for (let i = 0; i + 1 < scale.length; i++) {
            const a = scale[i]!, b = scale[i + 1]!;
            const d = difference(a.colour[theme], b.colour[theme], deficiency);
            expect(d, `${a.label} vs ${b.label}: ΔE00 ${d.toFixed(1)}`).toBeGreaterThanOrEqual(THRESHOLD);
          }
        });
      }
    }
  }

  it("the simulation really changes colours: red and green collapse for deuteranopes", () => {
    // A textbook confusable pair: distinct to normal vision, close under deuteranopia.
    expect(difference("#d62728", "#2ca02c")).toBeGreaterThan(40);
    expect(difference("#d62728", "#2ca02c", "deuteranopia")).toBeLessThan(THRESHOLD);
  });

  it("the dark and darkest grades keep 3:1 contrast with their theme background", () => {
    for (const g of [REPORT_CARD_GRADES[0]!, REPORT_CARD_GRADES[1]!, REPORT_CARD_GRADES[4]!]) {
      expect(contrastRatio(g.colour.light, "#ffffff")).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(g.colour.dark, "#15171b")).toBeGreaterThanOrEqual(3);
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

  it("every grade has a non-colour symbol and short label, unique within its scale", () => {
    for (const [, scale] of scales) {
      expect(new Set(scale.map((g) => g.symbol)).size).toBe(scale.length);
      expect(new Set(scale.map((g) => g.shortLabel)).size).toBe(scale.length);
    }
  });
});
