/**
 * Issue 13, "Why": awkward but realistic files, each run through the real command
 * (`node scripts/data-import.ts <file> --out-dir <dir>`) into a data folder that already holds a good
 * import. Every case was seen to fail on the importer before issue 13 (see the commit message).
 * Files are made here from the fictional-school generator, in Ofsted's layout.
 */
import { describe, expect, it, vi } from "vitest";
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { spawnSync } from "node:child_process";
import Papa from "papaparse";
import { fixtureCsv, generateSchools, schoolCells } from "../../src/lib/mi/fixture.ts";
import { encodeWindows1252 } from "../../src/lib/mi/encoding.ts";
import { MI_D2_COLUMNS } from "../../src/lib/mi/columns.ts";

// Each case runs the real command in child processes: allow for a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

const COL = (name: (typeof MI_D2_COLUMNS)[number]) => MI_D2_COLUMNS.indexOf(name);
const csvLine = (cells: readonly string[]) => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
const IMPORT = "scripts/data-import.ts";

/** A data folder holding a good import of `n` fictional schools (seed 7), made with the real command. */
function dataWithImport(n = 300): string {
  const dir = mkdtempSync(join(tmpdir(), "bow-hostile-"));
  const out = join(dir, "data");
  const src = join(dir, "Management_information_as_at_31_Jan_2026.csv");
  writeFileSync(src, encodeWindows1252(fixtureCsv(generateSchools(n, 7)).text));
  const r = run([src, "--out-dir", out]);
  if (r.status !== 0) throw new Error(`setup import failed: ${r.stderr}`);
  return out;
}

function run(args: string[], opts: { ulimitBlocks?: number } = {}) {
  if (opts.ulimitBlocks !== undefined) {
    // A child shell with a small file-size limit; node then sees EFBIG (short writes) on big files.
    const cmd = `ulimit -f ${opts.ulimitBlocks}; exec "$0" "$@"`;
    return spawnSync("bash", ["-c", cmd, process.execPath, IMPORT, ...args], { encoding: "utf8" });
  }
  return spawnSync(process.execPath, [IMPORT, ...args], { encoding: "utf8" });
}

/** Every file under dir with its bytes, for byte-identical comparisons. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p).toString("base64"));
    }
  };
  walk(dir);
  return out;
}

function writeFile(text: string | Uint8Array, name = "Management_information_as_at_28_Feb_2026.csv"): string {
  const dir = mkdtempSync(join(tmpdir(), "bow-hostile-in-"));
  const p = join(dir, name);
  writeFileSync(p, typeof text === "string" ? encodeWindows1252(text) : text);
  return p;
}

const schoolsCsvRows = (out: string) => Papa.parse<string[]>(readFileSync(join(out, "imported/schools.csv"), "utf8"), { skipEmptyLines: true }).data.slice(1);

describe("a stray quote inside an unquoted cell", () => {
  it("keeps every school (300 schools, the quote on line 151)", () => {
    const schools = generateSchools(300, 3);
    const rows = schools.map(schoolCells);
    rows[149]![COL("School name")] = "St MaryQQs Primary"; // line 151: header is line 1
    // Quoted as a careful writer would, except the stray quote: written as it is, unquoted.
    const text = [MI_D2_COLUMNS.join(","), ...rows.map(csvLine)].join("\r\n").replace("QQ", '"') + "\r\n";
    expect(text.split("\r\n")[150]).toContain('St Mary"s Primary');
    const out = dataWithImport();
    const r = run([writeFile(text), "--out-dir", out]);
    expect(r.status, r.stderr).toBe(0);
    const kept = schoolsCsvRows(out);
    expect(kept.length).toBe(300);
    expect(kept.map((x) => x[1])).toContain('St Mary"s Primary');
  });
});

describe("a quoted cell that never closes", () => {
  it("fails the file naming the line where it starts, and leaves data/ alone", () => {
    const rows = generateSchools(300, 4).map(schoolCells);
    const lines = [MI_D2_COLUMNS.join(","), ...rows.map(csvLine)];
    lines[150] = lines[150]!.replace(/,NULL,/, ',"NULL,'); // line 151 opens a quote that never closes
    const out = dataWithImport();
    const before = snapshot(out);
    const r = run([writeFile(lines.join("\r\n") + "\r\n"), "--out-dir", out]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/line 151\b/);
    expect(r.stderr).toMatch(/quote/i);
    expect(snapshot(out)).toEqual(before);
  });
});

describe("a quote that is never closed at all (the rest of the file would become one cell)", () => {
  it("fails the file naming the line where the quote starts", async () => {
    const { parseMiFile } = await import("../../src/lib/mi/parse.ts");
    const rows = generateSchools(40, 15).map(schoolCells);
    const lines = [MI_D2_COLUMNS.join(","), ...rows.map(csvLine)];
    lines[30] = '"' + lines[30]!; // line 31 starts with a quote; no quote after it closes it
    const text = lines.join("\r\n").replace(/"(?=[^]*$)/g, (q, at: number) => (at > lines.slice(0, 30).join("\r\n").length + 2 ? "'" : q)) + "\r\n";
    expect(() => parseMiFile(encodeWindows1252(text), "m.csv")).toThrow(/^m\.csv: a quoted cell on line 31 never closes/);
  });
});

describe("CR-only line endings (an old Mac export)", () => {
  it("are read right: every school imported", () => {
    const { text } = fixtureCsv(generateSchools(300, 5), { eol: "\n" });
    const out = dataWithImport();
    const r = run([writeFile(text.replace(/\n/g, "\r")), "--out-dir", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(schoolsCsvRows(out).length).toBe(300);
    expect(JSON.parse(readFileSync(join(out, "release.json"), "utf8")).rows_imported).toBe(300);
  });
});

describe("a header-only file after a good import", () => {
  it("is refused (non-zero exit, says --force) and data/ stays byte-identical", () => {
    const out = dataWithImport();
    const before = snapshot(out);
    const r = run([writeFile(MI_D2_COLUMNS.join(",") + "\r\n"), "--out-dir", out]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/no schools|0 schools|zero/i);
    expect(r.stderr).toContain("--force");
    expect(snapshot(out)).toEqual(before);
  });
});

describe("a write cut short (file-size limit in a child shell)", () => {
  it("exits non-zero and leaves data/ byte-identical", () => {
    const out = dataWithImport(300);
    const before = snapshot(out);
    // A bigger file than the one imported before (so the check on shrinking files does not stop it first).
    const src = writeFile(fixtureCsv(generateSchools(2000, 8)).text);
    const r = run([src, "--out-dir", out], { ulimitBlocks: 200 }); // 200 blocks (100-200 KB): the school extract does not fit
    expect(r.status).not.toBe(0);
    expect(snapshot(out)).toEqual(before);
  });
});

describe("UTF-8 without a byte-order mark", () => {
  it("keeps accented names (no ThÃ©rÃ¨se)", () => {
    const schools = generateSchools(50, 6);
    schools[0]!.name = "St Thérèse’s Primary";
    const { text } = fixtureCsv(schools);
    const out = dataWithImport(50);
    const r = run([writeFile(new TextEncoder().encode(text)), "--out-dir", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(schoolsCsvRows(out)[0]![1]).toBe("St Thérèse’s Primary");
  });
});

describe("grade cells reading constructor or __proto__, and URN 0", () => {
  it("are rejected with their lines; the rest import and pass the build's schemas", () => {
    const schools = generateSchools(300, 9);
    const withCard = schools.map((s, i) => [s, i] as const).filter(([s, i]) => s.card !== null && i > 11).map(([, i]) => i);
    const noCard = schools.findIndex((s, i) => s.card === null && s.eif !== null && i > 11);
    const rows = schools.map(schoolCells);
    rows[withCard[0]!]![COL("Inclusion")] = "constructor";
    rows[withCard[1]!]![COL("Achievement")] = "__proto__";
    rows[withCard[2]!]![COL("Safeguarding standards")] = "toString";
    rows[10]![COL("URN")] = "0";
    rows[11]![COL("Latest OEIF overall effectiveness")] = "constructor";
    rows[noCard]![COL("Latest OEIF quality of education")] = "__proto__"; // its old grades are what its page shows
    rows[withCard[3]!]![COL("Latest OEIF quality of education")] = "__proto__"; // reference only: its card leads
    const text = [MI_D2_COLUMNS.join(","), ...rows.map(csvLine)].join("\r\n") + "\r\n";
    const out = dataWithImport();
    const r = run([writeFile(text), "--out-dir", out]);
    expect(r.status, r.stderr).toBe(0);
    const report = readFileSync(join(out, "import-report.md"), "utf8");
    const rejectedLines = [withCard[0]! + 2, withCard[1]! + 2, withCard[2]! + 2, 12, 13, noCard + 2];
    for (const line of rejectedLines) expect(report, `line ${line}`).toMatch(new RegExp(`^\\| ${line} \\|`, "m"));
    expect(report).toContain('found "constructor"');
    expect(report).toContain('found "__proto__"');
    expect(report).toMatch(new RegExp(`^- line ${withCard[3]! + 2}, URN \\d+, column "Latest OEIF quality of education": "__proto__" set aside`, "m"));
    expect(JSON.parse(readFileSync(join(out, "release.json"), "utf8"))).toMatchObject({ rows_read: 300, rows_imported: 294, rows_rejected: 6 });
    expect(schoolsCsvRows(out).length).toBe(294);
  });
});

describe("a 0 in an old key-judgement column", () => {
  it("keeps the school and its report card, with a warning naming line, column and value", () => {
    const schools = generateSchools(200, 10);
    const i = schools.findIndex((s) => s.card !== null && s.eif !== null);
    const rows = schools.map(schoolCells);
    rows[i]![COL("Latest OEIF quality of education")] = "0";
    const text = [MI_D2_COLUMNS.join(","), ...rows.map(csvLine)].join("\r\n") + "\r\n";
    const out = dataWithImport(200);
    const r = run([writeFile(text), "--out-dir", out]);
    expect(r.status, r.stderr).toBe(0);
    const kept = schoolsCsvRows(out).find((x) => x[0] === String(schools[i]!.urn));
    expect(kept, "the school is kept").toBeDefined();
    expect(kept!.slice(11, 19).some((c) => c !== "")).toBe(true); // its report-card grades
    const report = readFileSync(join(out, "import-report.md"), "utf8");
    expect(report).toMatch(new RegExp(`line ${i + 2}\\b.*Latest OEIF quality of education.*"0"`));
  });
});

describe("older layouts", () => {
  const OLD_LATEST = [
    "Web Link", "URN", "LAESTAB", "School name", "Ofsted phase", "Type of education", "School open date", "Admissions policy", "Sixth form",
    "Designated religious character", "Religious ethos", "Faith grouping", "Ofsted region", "Region", "Local authority", "Parliamentary constituency",
    "Postcode", "The income deprivation affecting children index (IDACI) quintile", "Total number of pupils", "Statutory lowest age",
    "Statutory highest age", "Latest ungraded inspection number since last graded inspection", "Does the ungraded inspection relate to the URN of the current school?",
    "URN at time of the section 8 inspection", "LAESTAB at time of the section 8 inspection", "School name at time of the section 8 inspection",
    "School type at time of the section 8 inspection", "Number of section 8 inspections since last full inspection", "Date of latest section 8 inspection",
    "Section 8 inspection publication date", "Did the latest section 8 inspection convert to a full inspection?", "Section 8 inspection overall outcome",
    "Number of other section 8 inspections since last full inspection", "Inspection number of latest full inspection", "Inspection type",
    "Inspection type grouping", "Event type grouping", "Inspection start date", "Inspection end date", "Publication date",
    "Does the latest full inspection relate to the URN of the current school?", "URN at time of latest full inspection",
    "LAESTAB at time of latest full inspection", "School name at time of latest full inspection", "School type at time of latest full inspection",
    "Overall effectiveness", "Category of concern", "Quality of education", "Behaviour and attitudes", "Personal development",
    "Effectiveness of leadership and management", "Safeguarding is effective?", "Early years provision (where applicable)",
    "Sixth form provision (where applicable)", "Previous full inspection number", "Previous inspection start date", "Previous inspection end date",
    "Previous publication date", "Previous overall effectiveness", "Previous category of concern",
  ];
  const D1 = [
    "Web Link (opens in new window)", "URN", "LAESTAB", "School name", "Ofsted phase", "Type of education", "School open date", "Admissions policy",
    "Sixth form", "Designated religious character", "Religious ethos", "Faith grouping", "Ofsted region", "Region", "Local authority",
    "Parliamentary constituency", "Postcode", "Multi-academy trust UID", "Multi-academy trust name", "Academy sponsor UID", "Academy Sponsor Name",
    "The income deprivation affecting children index (IDACI) quintile", "Total number of pupils", "Statutory lowest age", "Statutory highest age",
    "Inspection number", "Inspection type", "Inspection type grouping", "Event type grouping", "Inspection start date", "Publication date",
    "Outcomes for legacy monitoring inspections", "Category of concern", "Safeguarding standards", "Inclusion", "Curriculum and teaching",
    "Achievement", "Attendance and behaviour", "Personal development and wellbeing", "Early years (where applicable)",
    "Post-16 provision (where applicable)", "Leadership and governance",
  ];
  const short = (stderr: string) => stderr.trim().split("\n");
  it("last year's latest-inspections file (single-word grades): what it is, which file to download, where", () => {
    const out = dataWithImport(50);
    const before = snapshot(out);
    const r = run([writeFile(csvLine(OLD_LATEST) + "\r\n" + OLD_LATEST.map(() => "1").join(",") + "\r\n"), "--out-dir", out]);
    expect(r.status).not.toBe(0);
    expect(short(r.stderr).length).toBeLessThanOrEqual(6);
    expect(r.stderr).toMatch(/before (the )?report cards|November 2025/i);
    expect(r.stderr).toMatch(/latest inspections/i);
    expect(r.stderr).toContain("https://www.gov.uk/government/statistical-data-sets/monthly-management-information-ofsteds-school-inspections-outcomes");
    expect((r.stderr.match(/"/g) ?? []).length).toBeLessThan(10);
    expect(snapshot(out)).toEqual(before);
  });
  it("the all-inspections year-to-date file: what it is, which file to download, where", () => {
    const out = dataWithImport(50);
    const r = run([writeFile(csvLine(D1) + "\r\n" + D1.map(() => "NULL").join(",") + "\r\n"), "--out-dir", out]);
    expect(r.status).not.toBe(0);
    expect(short(r.stderr).length).toBeLessThanOrEqual(6);
    expect(r.stderr).toMatch(/year to date|in-year/i);
    expect(r.stderr).toMatch(/latest inspections/i);
    expect(r.stderr).toContain("https://www.gov.uk/government/statistical-data-sets/monthly-management-information-ofsteds-school-inspections-outcomes");
    expect((r.stderr.match(/"/g) ?? []).length).toBeLessThan(10);
  });
});

describe("a cell holding a line break cannot forge a line of the import report", () => {
  it("escapes the cell in the report", () => {
    const rows = generateSchools(60, 11).map(schoolCells);
    rows[5]![COL("URN")] = "12x\n# Import report: forged\n- Rows rejected: 0\nx";
    const text = [MI_D2_COLUMNS.join(","), ...rows.map(csvLine)].join("\r\n") + "\r\n";
    const out = dataWithImport(60);
    const r = run([writeFile(text), "--out-dir", out]);
    expect(r.status, r.stderr).toBe(0);
    const report = readFileSync(join(out, "import-report.md"), "utf8");
    expect(report).toContain("- Rows rejected: 1\n");
    expect(report).not.toMatch(/^- Rows rejected: 0$/m);
    expect(report.match(/^# Import report/gm)?.length).toBe(1);
  });
});

describe("far fewer schools than the current import", () => {
  it("is refused without --force (data/ untouched) and accepted with it", () => {
    const out = dataWithImport(300);
    const before = snapshot(out);
    const src = writeFile(fixtureCsv(generateSchools(100, 12)).text);
    const r = run([src, "--out-dir", out]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/100 schools/);
    expect(r.stderr).toMatch(/300/);
    expect(r.stderr).toContain("--force");
    expect(snapshot(out)).toEqual(before);
    const forced = run([src, "--out-dir", out, "--force"]);
    expect(forced.status, forced.stderr).toBe(0);
    expect(schoolsCsvRows(out).length).toBe(100);
  });
});


describe("encodings the importer refuses, saying which", () => {
  it("UTF-16 with or without a byte-order mark, and binary", async () => {
    const { MiFileError, parseMiFile } = await import("../../src/lib/mi/parse.ts");
    const text = fixtureCsv(generateSchools(3, 14)).text;
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) le[2 + i * 2] = text.charCodeAt(i) & 0xff, le[3 + i * 2] = text.charCodeAt(i) >> 8;
    const refuse = (b: Uint8Array) => {
      try {
        parseMiFile(b, "x.csv");
      } catch (e) {
        expect(e).toBeInstanceOf(MiFileError);
        return (e as Error).message;
      }
      throw new Error("not refused");
    };
    expect(refuse(le)).toContain("x.csv: not a file we can read: it is UTF-16 text (byte-order mark FF FE, little-endian)");
    expect(refuse(le.subarray(2))).toContain("looks like UTF-16 text without a byte-order mark");
    expect(refuse(new Uint8Array([0x1f, 0x8b, 0, 0, 0x41, 0x42]))).toContain("not a CSV file: it contains binary data (NUL bytes)");
  });
});
