import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { parseTable, recordStartLines, writeCsv } from "../../src/lib/csv.ts";
import { overallEffectiveness } from "../../src/lib/datasets/overall-effectiveness.ts";
import { errorOf } from "../support/data-error.ts";

const schema = overallEffectiveness.schema;
const good = readFileSync("data/overall-effectiveness.csv", "utf8");
const fixture = (name: string) => readFileSync(`tests/fixtures/data/${name}`, "utf8");


describe("parseTable on the bundled dataset", () => {
  it("reads every row into typed values", () => {
    const rows = parseTable(good, "data/overall-effectiveness.csv", schema);
    expect(rows.length).toBe(good.trim().split("\n").length - 1);
    const first = rows[0]!;
    expect(first.as_at).toBe("2010-08-31");
    expect(first.pct_good_or_outstanding).toBe(68);
    expect(first.pct_good).toBeNull();
    expect(first.secondary_source).toBe(true);
  });
});

describe("bad files fail with file, line, column, value and what was expected", () => {
  it("a percentage that is not a number", () => {
    const e = errorOf(() => parseTable(fixture("malformed-percent.csv"), "tests/fixtures/data/malformed-percent.csv", schema));
    expect(e.message).toContain('tests/fixtures/data/malformed-percent.csv:3, column "pct_good_or_outstanding": found "7O", expected a number from 0 to 100 or blank');
  });
  it("a percentage out of range", () => {
    const text = good.replace("2013-08-31,78,", "2013-08-31,178,");
    const e = errorOf(() => parseTable(text, "f.csv", schema));
    expect(e.issues[0]).toMatchObject({ file: "f.csv", line: 6, column: "pct_good_or_outstanding", value: "178" });
  });
  it("shares that do not sum to 100", () => {
    const text = good.replace("2011-08-31,70,20,50,28,2", "2011-08-31,70,20,50,20,2");
    const e = errorOf(() => parseTable(text, "f.csv", schema));
    expect(e.message).toContain('f.csv:3, column "pct_outstanding+pct_good+pct_ri_or_satisfactory+pct_inadequate": found "92", expected shares summing to 100');
  });
  it("a missing column", () => {
    const text = good.replace("source_title,", "title,");
    const e = errorOf(() => parseTable(text, "f.csv", schema));
    expect(e.message).toContain('f.csv:1, column "source_title": found "", expected a column named "source_title"');
  });
  it("a missing source", () => {
    const lines = good.split("\n");
    lines[2] = lines[2]!.replace(/,https:\/\/[^,]+,/, ",,");
    const e = errorOf(() => parseTable(lines.join("\n"), "f.csv", schema));
    expect(e.issues.some((i) => i.column === "source_url" && i.line === 3 && i.expected === "an absolute http(s) URL")).toBe(true);
  });
  it("a duplicate key", () => {
    const lines = good.trimEnd().split("\n");
    const text = [...lines, lines[1]].join("\n");
    const e = errorOf(() => parseTable(text, "f.csv", schema));
    expect(e.message).toContain(`f.csv:${lines.length + 1}, column "as_at": found "2010-08-31", expected a unique key (already used on line 2)`);
  });
  it("a date that does not exist", () => {
    const e = errorOf(() => parseTable(good.replace("2019-03-31", "2019-02-31"), "f.csv", schema));
    expect(e.issues[0]).toMatchObject({ column: "as_at", value: "2019-02-31", expected: "a date as yyyy-mm-dd" });
  });
  it("a row with too few fields, and an empty file", () => {
    const e = errorOf(() => parseTable(good.trimEnd() + "\n2025-01-01,50\n", "f.csv", schema));
    expect(e.message).toMatch(/f\.csv:\d+: found "2 fields", expected 13 fields as in the header/);
    expect(errorOf(() => parseTable("  \n", "empty.csv", schema)).message).toContain("empty.csv:1");
  });
});

describe("line numbers", () => {
  it("count quoted fields that span lines", () => {
    expect(recordStartLines('a,b\n1,"x\ny"\n2,z\n')).toEqual([1, 2, 4]);
  });
  it("writeCsv quotes what needs quoting and parses back", () => {
    const csv = writeCsv([{ a: 'he said "hi", then left', b: "x\ny" }]);
    expect(csv).toBe('a,b\n"he said ""hi"", then left","x\ny"\n');
  });
});
