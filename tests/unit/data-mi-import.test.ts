/** The importer on small fixtures in tests/fixtures/mi: one per whole-file failure and per row failure. */
import { describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { MiFileError, fileDateFromName, parseMiDate, parseMiFile } from "../../src/lib/mi/parse.ts";
import { runImport } from "../../src/import/run.ts";
import { parseTable } from "../../src/lib/csv.ts";
import { miSchoolsSchema, MI_SCHOOLS_FILE } from "../../src/lib/datasets/mi-schools.ts";
import { miOverview } from "../../src/lib/datasets/mi-overview.ts";
import { readRelease, releaseLabel } from "../../src/lib/release.ts";

const F = "tests/fixtures/mi/";
const bytes = (name: string) => new Uint8Array(readFileSync(F + name));
const tmp = () => mkdtempSync(join(tmpdir(), "bow-mi-"));

function fileError(name: string): string {
  try {
    parseMiFile(bytes(name), name);
  } catch (e) {
    if (e instanceof MiFileError) return e.message;
    throw e;
  }
  throw new Error(`expected ${name} to be refused`);
}

describe("whole-file problems stop the import with the file name and what is wrong", () => {
  it("an empty file", () => {
    expect(fileError("empty.csv")).toBe("empty.csv: the file is empty (0 bytes); expected Ofsted's monthly management-information CSV");
  });
  it("a spreadsheet saved with a .csv name", () => {
    expect(fileError("not-a-csv.xlsx.csv")).toContain("not-a-csv.xlsx.csv: not a CSV file: it is a ZIP archive, probably an .xlsx or .ods spreadsheet");
  });
  it("an HTML error page instead of the download", () => {
    expect(fileError("html-page.csv")).toBe("html-page.csv: not a CSV file: it is an HTML or XML page (did the download fail?)");
  });
  it("a CSV with no MI header", () => {
    expect(fileError("no-header.csv")).toContain('no-header.csv: missing required column "URN"');
  });
  it("a required column missing, named exactly", () => {
    expect(fileError("missing-column.csv")).toBe('missing-column.csv: missing required column "Region" in the header on line 1 (84 columns found).');
  });
  it("the CLI exits non-zero with the message and writes nothing", () => {
    const out = tmp();
    const run = spawnSync(process.execPath, ["scripts/data-import.ts", F + "missing-column.csv", "--out-dir", out], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('data:import: missing-column.csv: missing required column "Region"');
    expect(existsSync(join(out, "release.json"))).toBe(false);
  });
});

describe("a good file", () => {
  const r = parseMiFile(bytes("good.csv"), "good.csv");
  it("is decoded from Windows-1252 (accents and curly apostrophes survive)", () => {
    expect(r.encoding).toBe("windows-1252");
    expect(r.schools[0]!.name).toBe("St Thérèse’s C of E Primary School");
  });
  it("maps report-card words, dates, EIF codes, Not judged and 9", () => {
    const s = r.schools[0]!;
    expect(s.areas.inclusion).toEqual({ grade: "strong-standard", date: "2026-01-14" });
    expect(s.areas["leadership-and-governance"]?.grade).toBe("needs-attention");
    expect(s.areas["post-16"]).toBeUndefined();
    expect(s.safeguarding).toBe("met");
    expect(r.schools[1]!.safeguarding).toBe("not-met");
    expect(s.eif["overall-effectiveness"]).toBe("good");
    expect(s.eif["sixth-form"]).toBe("not-applicable");
    expect(r.schools.some((x) => x.eif["overall-effectiveness"] === "not-judged")).toBe(true);
    expect(s.eifSafeguarding).toBe("met");
  });
  it("counts every row", () => {
    expect(r.rowsRead).toBe(6);
    expect(r.schools.length + r.rejects.length).toBe(6);
  });
});

describe("an older file with a title row above the header", () => {
  it("skips the title row, says so, and numbers lines as in the file", () => {
    const r = parseMiFile(bytes("title-row.csv"), "title-row.csv");
    expect(r.headerLine).toBe(2);
    expect(r.titleRows[0]).toContain("latest inspections as at 31 August 2019");
    expect(r.warnings[0]).toContain("skipped 1 title row(s) above the header");
    expect(r.schools.map((s) => s.line)).toEqual([3, 4, 5]);
  });
  it("reads the file date from the name", () => {
    expect(fileDateFromName("Management_information_-_state-funded_schools_-_latest_inspections_as_at_30_Apr_2026.csv")).toBe("2026-04-30");
    expect(fileDateFromName("Management_information_-_state-funded_schools_1_September_2015_to_31_August_2019.csv")).toBe("2019-08-31");
    expect(fileDateFromName("mi.csv")).toBeUndefined();
  });
  it("reads dd/mm/yyyy dates and refuses impossible ones", () => {
    expect(parseMiDate("03/11/2025")).toBe("2025-11-03");
    expect(parseMiDate("3/1/2025")).toBe("2025-01-03");
    expect(parseMiDate("31/02/2026")).toBeUndefined();
    expect(parseMiDate("2025-11-03")).toBeUndefined();
  });
});

describe("row problems are rejected with line and reason, never dropped", () => {
  const r = parseMiFile(bytes("bad-rows.csv"), "bad-rows.csv");
  const reason = (line: number) => r.rejects.find((x) => x.line === line)?.reasons.join("; ");
  it("rows read = imported + rejected", () => {
    expect(r.rowsRead).toBe(9);
    expect(r.schools.length).toBe(3);
    expect(r.rejects.length).toBe(6);
  });
  it("an unknown report-card grade word", () => {
    expect(reason(4)).toBe('column "Inclusion": found "Good", expected a report-card grade: Exceptional, Strong standard, Expected standard, Needs attention, Urgent improvement or NULL');
  });
  it("a date that does not exist", () => {
    expect(reason(5)).toBe('column "Inclusion - date of grade": found "31/02/2026", expected a date as dd/mm/yyyy or NULL');
  });
  it("an EIF key-judgement code outside 1-4, 9, Not judged, for a school with a report card: kept, with a warning", () => {
    expect(reason(6)).toBeUndefined();
    expect(r.schools.find((s) => s.line === 6)?.eif["quality-of-education"]).toBeUndefined();
    expect(r.rowWarnings).toEqual([
      { line: 6, urn: 900002, column: "Latest OEIF quality of education", value: "5", note: "set aside (left blank): expected an EIF grade: 1, 2, 3, 4, 9, Not judged or NULL; the school is kept for its report card" },
    ]);
  });
  it("a URN that is not a number, and a URN used twice", () => {
    expect(reason(7)).toBe('column "URN": found "URN-X", expected a URN: a whole number from 1');
    expect(reason(8)).toMatch(/^column "URN": found "\d+", expected a URN used once \(line 2 has it already\)$/);
  });
  it("a row with too few fields", () => {
    expect(reason(9)).toBe("has 80 fields; the header has 85");
  });
  it("a safeguarding outcome that is not Met or Not met", () => {
    expect(reason(10)).toBe('column "Safeguarding standards": found "Partly met", expected Met, Not met or NULL');
  });
  it("--strict fails (exit 3) and writes nothing; without it the rejects are in the report", () => {
    const out = tmp();
    const strict = spawnSync(process.execPath, ["scripts/data-import.ts", F + "bad-rows.csv", "--strict", "--out-dir", out], { encoding: "utf8" });
    expect(strict.status).toBe(3);
    expect(strict.stderr).toContain("tests/fixtures/mi/bad-rows.csv: --strict: 6 row(s) rejected, so nothing was written");
    expect(existsSync(join(out, "mi-overview.csv"))).toBe(false);
    const loose = spawnSync(process.execPath, ["scripts/data-import.ts", F + "bad-rows.csv", "--out-dir", out], { encoding: "utf8" });
    expect(loose.status).toBe(0);
    expect(loose.stdout).toMatch(/3 of 9 rows imported, 6 rejected, 1 cell warning\(s\), in \d+\.\d\d s \(read and check \d+\.\d\d s, aggregate \d+\.\d\d s, write \d+\.\d\d s\)/);
    const report = readFileSync(join(out, "import-report.md"), "utf8");
    expect(report).toContain("- Rows read: 9\n- Rows imported: 3\n- Rows rejected: 6");
    expect(report).toContain('| 4 | 900000 | column "Inclusion": found "Good", expected a report-card grade');
    expect(report).toContain('- line 6, URN 900002, column "Latest OEIF quality of education": "5" set aside (left blank)');
  });
});

describe("an import writes datasets, the school extract, the release and a diff", () => {
  it("writes files that pass their schemas, and a second import reports what changed", () => {
    const out = tmp();
    const first = runImport(bytes("good.csv"), "Management_information_as_at_31_Jan_2026.csv", { outDir: out, now: new Date("2026-02-02T10:00:00Z") });
    expect(first.written).toBe(true);
    const overview = parseTable(readFileSync(join(out, "mi-overview.csv"), "utf8"), "mi-overview.csv", miOverview.schema);
    expect(overview[0]).toMatchObject({ breakdown: "all", group: "All schools", n_schools: 6, n_with_report_card: 2, as_at: "2026-01-31" });
    expect(overview[0]!.source_title).toContain("as at 31 January 2026");
    const schools = parseTable(readFileSync(join(out, MI_SCHOOLS_FILE), "utf8"), MI_SCHOOLS_FILE, miSchoolsSchema);
    expect(schools.length).toBe(6);
    expect(schools[0]).toMatchObject({ name: "St Thérèse’s C of E Primary School", card_inclusion: "strong-standard", safeguarding: "met", "eif_overall-effectiveness": "good" });
    const release = readRelease(out);
    expect(release).toMatchObject({ kind: "import", file_date: "2026-01-31", rows_read: 6, rows_imported: 6, rows_rejected: 0 });
    expect(releaseLabel(release)).toContain("as at 31 January 2026 (6 schools)");

    // The next month: one school fewer (the last row removed).
    const text = readFileSync(F + "good.csv", "latin1").trimEnd().split("\r\n");
    writeFileSync(join(out, "next.csv"), Buffer.from(text.slice(0, -1).join("\r\n") + "\r\n", "latin1"));
    const second = runImport(new Uint8Array(readFileSync(join(out, "next.csv"))), "Management_information_as_at_28_Feb_2026.csv", { outDir: out });
    expect(second.previousRelease?.file).toBe("Management_information_as_at_31_Jan_2026.csv");
    const d = second.diffs.find((x) => x.id === "mi-overview")!;
    expect(d.changed).toContain("all | All schools: n_schools 6 -> 5");
    expect(second.report).toContain("Previous import: Management_information_as_at_31_Jan_2026.csv (31 January 2026)");
  });
  it("bundled data: no release.json means the bundled published figures", () => {
    expect(readRelease(tmp())).toEqual({ kind: "bundled" });
    expect(releaseLabel({ kind: "bundled" })).toContain("bundled with the site");
  });
});

describe("line numbers survive blank lines and quoted line breaks", () => {
  it("numbers each school by the line it starts on", async () => {
    const { fixtureCsv, generateSchools } = await import("../../src/lib/mi/fixture.ts");
    const { encodeWindows1252 } = await import("../../src/lib/mi/encoding.ts");
    const schools = generateSchools(4, 11);
    schools[1]!.name = "Hill View\r\nPrimary, Annexe";
    const lines = fixtureCsv(schools).text.split("\r\n");
    // header, s0, s1 (2 lines), blank, s2, s3
    const text = [lines[0], lines[1], lines[2], lines[3], "", lines[4], lines[5], ""].join("\r\n");
    const r = parseMiFile(encodeWindows1252(text), "breaks.csv");
    expect(r.rowsRead).toBe(4);
    expect(r.schools.map((s) => s.line)).toEqual([2, 3, 6, 7]);
    expect(r.schools[1]!.name).toBe("Hill View\r\nPrimary, Annexe");
  });
});

describe("Windows-1252 punctuation (bytes 0x80-0x9F) lands in the right cells", () => {
  it("decodes curly quotes and dashes in names, and shows them as they are in a reject", async () => {
    const { schoolCells, generateSchools } = await import("../../src/lib/mi/fixture.ts");
    const { encodeWindows1252 } = await import("../../src/lib/mi/encoding.ts");
    const { MI_D2_COLUMNS } = await import("../../src/lib/mi/columns.ts");
    const schools = generateSchools(5, 12);
    schools[0]!.name = "St Anne’s – “Upper” School";
    schools[3]!.name = "Zoë’s Academy…";
    const rows = schools.map(schoolCells);
    rows[2]![MI_D2_COLUMNS.indexOf("Inclusion")] = "‘Good’";
    const csv = (cells: readonly string[]) => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
    const text = [csv(MI_D2_COLUMNS), ...rows.map(csv)].join("\r\n") + "\r\n";
    const r = parseMiFile(encodeWindows1252(text), "punctuation.csv");
    expect(r.rowsRead).toBe(5);
    expect(r.schools.map((s) => s.name)).toEqual([schools[0]!.name, schools[1]!.name, schools[3]!.name, schools[4]!.name]);
    expect(r.rejects).toEqual([{ line: 4, urn: String(schools[2]!.urn), reasons: [expect.stringContaining('column "Inclusion": found "‘Good’", expected a report-card grade')] }]);
  });
});

describe("a file re-saved as CSV UTF-8 (with a byte-order mark)", () => {
  it("is read as UTF-8, with the same schools, names and line numbers as the Windows-1252 original", async () => {
    const { fixtureCsv, generateSchools } = await import("../../src/lib/mi/fixture.ts");
    const { encodeWindows1252 } = await import("../../src/lib/mi/encoding.ts");
    const schools = generateSchools(6, 21);
    schools[2]!.name = "St Thérèse’s “Hill”, Annexe";
    const { text } = fixtureCsv(schools, { titleRow: "Management information – schools", badRows: 1 });
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    const a = parseMiFile(utf8, "resaved.csv");
    const b = parseMiFile(encodeWindows1252(text), "original.csv");
    expect(a.encoding).toBe("utf-8");
    expect(b.encoding).toBe("windows-1252");
    expect(a.schools).toEqual(b.schools);
    expect(a.rejects).toEqual(b.rejects);
    expect(a.rejects.length).toBe(1);
    expect(a.titleRows).toEqual(["Management information – schools"]);
    expect(b.titleRows).toEqual(a.titleRows);
    expect(a.headerLine).toBe(2);
    expect(a.schools.map((s) => s.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(a.schools[2]!.name).toBe("St Thérèse’s “Hill”, Annexe");
  });
});
