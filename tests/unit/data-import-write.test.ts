/** The import's writing side (src/import/run.ts): checked writes and the streaming schema check of the school extract. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { validateStreaming, writeChecked } from "../../src/import/run.ts";
import { parseMiFile } from "../../src/lib/mi/parse.ts";
import { schoolsCsv } from "../../src/lib/mi/aggregate.ts";
import { miSchoolsSchema } from "../../src/lib/datasets/mi-schools.ts";
import type { TableSchema } from "../../src/lib/csv.ts";

const extract = schoolsCsv(parseMiFile(new Uint8Array(readFileSync("tests/fixtures/mi/good.csv")), "good.csv").schools);
const schema = miSchoolsSchema as TableSchema<unknown>;

describe("validateStreaming (the build's schema for imported/schools.csv, record by record)", () => {
  it("passes the importer's own extract and counts its schools", () => {
    expect(validateStreaming(extract, "schools.csv", schema)).toBe(6);
  });
  it("fails a bad grade key, a URN used twice and a missing column, naming them", () => {
    const lines = extract.split("\n");
    const cols = lines[0]!.split(",");
    const bad = [...lines];
    bad[1] = bad[1]!.replace(",strong-standard,", ",constructor,");
    expect(() => validateStreaming(bad.join("\n"), "schools.csv", schema)).toThrow(/found "constructor"/);
    const dup = [...lines];
    dup[2] = dup[1]!;
    expect(() => validateStreaming(dup.join("\n"), "schools.csv", schema)).toThrow(/used twice/);
    const missing = [cols.filter((c) => c !== "region").join(","), ...lines.slice(1)].join("\n");
    expect(() => validateStreaming(missing, "schools.csv", schema)).toThrow(/missing columns region/);
  });
});

describe("writeChecked", () => {
  it("writes text or pieces and returns the bytes written, which are the bytes on disk", () => {
    const dir = mkdtempSync(join(tmpdir(), "bow-write-"));
    expect(writeChecked(join(dir, "a", "b.csv"), "é,’\n")).toBe(7);
    expect(readFileSync(join(dir, "a", "b.csv"), "utf8")).toBe("é,’\n");
    expect(writeChecked(join(dir, "c.csv"), () => ["x", "yz", ""])).toBe(3);
    expect(() => writeChecked(join(dir, "c.csv"), "again")).toThrow(/EEXIST/); // never over an existing file
  });
});
