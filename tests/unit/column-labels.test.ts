/** Dataset columns and cells as readers see them: labels in words, dates as written, codes as labels. */
import { describe, expect, it } from "vitest";
import { DATASETS } from "../../src/lib/datasets/index.ts";
import { cellText, codeLabel, columnLabel, humanise } from "../../src/lib/column-labels.ts";

describe("column labels", () => {
  it("every column of every dataset has a label in words, not its machine name", () => {
    for (const [id, meta] of Object.entries(DATASETS)) {
      for (const name of Object.keys(meta.schema.columns)) {
        const label = columnLabel(name);
        expect(label, `${id}.${name}`).not.toMatch(/_/);
        expect(label, `${id}.${name}`).not.toBe(name);
        expect(label.charAt(0), `${id}.${name}`).toBe(label.charAt(0).toUpperCase());
      }
    }
  });

  it("reads shares and counts as words", () => {
    expect(humanise("pct_good_or_outstanding")).toBe("Good or outstanding (%)");
    expect(humanise("n_schools")).toBe("Number of schools");
    expect(humanise("n_with_report_card")).toBe("Number with report card");
    expect(columnLabel("pct_of_grades")).toBe("Share of grades (%)");
    expect(columnLabel("as_at")).toBe("As at");
  });
});

describe("cells", () => {
  it("writes dates as readers do, and a month-only date as its month", () => {
    expect(cellText("as_at", "2011-08-31", "a date as yyyy-mm-dd")).toBe("31 August 2011");
    expect(cellText("date", "2012-09-01", "a date as yyyy-mm-dd", { date_precision: "month" })).toBe("September 2012");
  });

  it("shows grades, areas and other codes as labels, and booleans and blanks in words", () => {
    expect(cellText("grade", "strong-standard", 'one of "exceptional", "strong-standard"')).toBe("Strong standard");
    expect(cellText("area", "post-16", 'one of "post-16"')).toBe("Post-16 provision");
    expect(codeLabel("to-2017")).toBe("To 2017");
    expect(cellText("secondary_source", true, '"yes" or "no"')).toBe("Yes");
    expect(cellText("note", "", "text")).toBe("–");
    expect(cellText("note", "well-known phrase", "text")).toBe("well-known phrase");
  });
});
