/**
 * Issue 13: a property test over generated MI files. For any file (quotes, commas, CR, LF or CRLF,
 * any text in any text cell, junk rows of any width, Windows-1252 or UTF-8 with or without BOM):
 * schools kept + rows rejected = the records papaparse finds after the header, and every kept
 * school's text cells come back exactly as written, in the parse and in the school extract.
 * Also: the generator's real vocabulary (ungraded outcome phrases, Not judged, 9 and 0) reads clean.
 */
import { describe, expect, it, vi } from "vitest";
import fc from "fast-check";
import Papa from "papaparse";
import { generateSchools, schoolCells } from "../../src/lib/mi/fixture.ts";
import { encodeWindows1252 } from "../../src/lib/mi/encoding.ts";
import { MI_D2_COLUMNS } from "../../src/lib/mi/columns.ts";
import { MiFileError, parseMiFile } from "../../src/lib/mi/parse.ts";
import { UNGRADED_OUTCOMES } from "../../src/lib/mi/rules.ts";
import { schoolsCsv } from "../../src/lib/mi/aggregate.ts";
import { parseTable } from "../../src/lib/csv.ts";
import { miSchoolsSchema } from "../../src/lib/datasets/mi-schools.ts";

// Each case runs the real command in child processes: allow for a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

const COL = (name: (typeof MI_D2_COLUMNS)[number]) => MI_D2_COLUMNS.indexOf(name);
const TEXT_COLUMNS = [
  ["School name", "name"], ["Type of education", "type"], ["Local authority", "localAuthority"], ["Region", "region"],
  ["Postcode", "postcode"], ["Most recent category of concern", "categoryOfConcern"],
] as const;

// Any text a cell may hold: quotes, commas, line breaks of every kind, accents, curly quotes, emoji, formula starts.
const unit = fc.constantFrom("a", "Z", " ", ",", '"', "\n", "\r", "\r\n", "é", "’", "–", "0", "🙂", ";", "=", "+", "-", "@", "\t", "|", "#");
const cellText = fc.string({ unit, minLength: 1, maxLength: 14 }).filter((s) => s.trim() === s && s !== "" && s !== "NULL" && s !== "null");
const junkCell = fc.string({ unit, maxLength: 8 });

/** Quotes a cell as a careful writer would; `sloppy` leaves a cell with quotes but no comma or line break unquoted. */
const write = (v: string, sloppy: boolean) => {
  if (/[,\r\n]|^\s|\s$/.test(v) || v.startsWith('"')) return `"${v.replace(/"/g, '""')}"`;
  if (v.includes('"')) return sloppy ? v : `"${v.replace(/"/g, '""')}"`;
  return v;
};

const fileArb = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  rows: fc.array(
    fc.oneof(
      { weight: 4, arbitrary: fc.record({ kind: fc.constant("school" as const), texts: fc.tuple(...TEXT_COLUMNS.map(() => cellText)) }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant("junk" as const), cells: fc.array(junkCell, { minLength: 1, maxLength: 90 }) }) },
      { weight: 1, arbitrary: fc.constant({ kind: "blank" as const }) },
    ),
    { maxLength: 14 },
  ),
  eol: fc.constantFrom("\r\n", "\n", "\r"),
  sloppy: fc.boolean(),
  encoding: fc.constantFrom("windows-1252", "utf-8", "utf-8-bom"),
});

describe("any generated file", () => {
  it("schools + rejected = papaparse's records, and every kept text cell round-trips", () => {
    fc.assert(
      fc.property(fileArb, ({ seed, rows, eol, sloppy, encoding }) => {
        const base = generateSchools(rows.length, seed);
        const expected = new Map<number, readonly string[]>();
        const lines = [MI_D2_COLUMNS.map((c) => write(c, false)).join(",")];
        rows.forEach((row, i) => {
          if (row.kind === "blank") return void lines.push("");
          if (row.kind === "junk") return void lines.push(row.cells.map((c) => write(c, sloppy)).join(","));
          const cells = schoolCells(base[i]!);
          TEXT_COLUMNS.forEach(([col], k) => (cells[COL(col)] = row.texts[k]!));
          expected.set(base[i]!.urn, row.texts);
          lines.push(cells.map((c) => write(c, sloppy)).join(","));
        });
        const text = lines.join(eol) + eol;
        let bytes: Uint8Array;
        try {
          bytes = encoding === "windows-1252" ? encodeWindows1252(text) : new TextEncoder().encode(encoding === "utf-8-bom" ? "\uFEFF" + text : text);
        } catch {
          bytes = new TextEncoder().encode(text); // a character Windows-1252 lacks (emoji): UTF-8
        }
        // The count to hold it to: papaparse's own records of the same text, blank lines aside.
        const records = Papa.parse<string[]>(text, { delimiter: "," }).data.filter((r) => !(r.length === 1 && r[0]!.trim() === "")).length - 1;
        let r;
        try {
          r = parseMiFile(bytes, "prop.csv");
        } catch (e) {
          // Sloppy quoting may make the file unreadable: then it must be refused, naming a line.
          expect(e).toBeInstanceOf(MiFileError);
          expect((e as Error).message).toMatch(/line \d+/);
          expect(sloppy).toBe(true);
          return;
        }
        expect(r.rowsRead).toBe(records);
        expect(r.schools.length + r.rejects.length).toBe(records);
        for (const s of r.schools) {
          const want = expected.get(s.urn);
          if (!want) continue; // a junk row that happens to be a school
          expect(TEXT_COLUMNS.map(([, key]) => s[key])).toEqual([...want]);
        }
        if (!sloppy) for (const urn of expected.keys()) expect(r.schools.some((s) => s.urn === urn), `school ${urn} kept`).toBe(true);
        const extract = parseTable(schoolsCsv(r.schools), "schools.csv", miSchoolsSchema);
        expect(extract.map((x) => [x.name, x.type, x.local_authority, x.region, x.postcode, x.category_of_concern])).toEqual(
          r.schools.map((s) => TEXT_COLUMNS.map(([, key]) => s[key])),
        );
      }),
      { numRuns: 150 },
    );
  });
});

describe("the generator's real vocabulary", () => {
  it("ungraded outcome phrases, Not judged, 9 and 0 all read; 0 with a note, nothing rejected", async () => {
    const { fixtureBytes } = await import("../../src/lib/mi/fixture.ts");
    const schools = generateSchools(3000, 31);
    const r = parseMiFile(fixtureBytes(schools).bytes, "vocab.csv");
    expect(r.rejects).toEqual([]);
    const outcomes = new Set(r.schools.map((s) => s.ungradedOutcome).filter(Boolean));
    expect([...outcomes].every((o) => UNGRADED_OUTCOMES.includes(o))).toBe(true);
    expect(outcomes.size).toBeGreaterThanOrEqual(6);
    expect(r.schools.some((s) => s.eif["overall-effectiveness"] === "not-judged")).toBe(true);
    expect(r.schools.some((s) => s.eif["sixth-form"] === "not-applicable")).toBe(true);
    const zeros = r.rowWarnings.filter((w) => w.value === "0");
    expect(zeros.length).toBeGreaterThan(0);
    expect(r.rowWarnings.every((w) => w.value === "0" && /read as not applicable/.test(w.note))).toBe(true);
  });
});
