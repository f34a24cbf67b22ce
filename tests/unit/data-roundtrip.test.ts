/** Property tests: whatever rows we write, parsing them back gives the same rows. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseTable, writeCsv, type TableSchema } from "../../src/lib/csv.ts";
import { optionalText, text } from "../../src/lib/schema.ts";
import { miReportCardGrades, type MiReportCardGradesRow } from "../../src/lib/datasets/mi-report-card-grades.ts";
import { miOldVsNew, type MiOldVsNewRow } from "../../src/lib/datasets/mi-old-vs-new.ts";
import { schoolsCsv, schoolsCsvChunks, toCsvRecord } from "../../src/lib/mi/aggregate.ts";
import type { AreaGrades, EifGrades, MiSchool } from "../../src/lib/mi/parse.ts";
import { miSchoolsSchema, type MiSchoolRow } from "../../src/lib/datasets/mi-schools.ts";
import { EIF_JUDGEMENTS } from "../../src/lib/mi/columns.ts";
import { pct } from "../../src/lib/datasets/mi-common.ts";
import { SCHOOL_AREAS } from "../../src/lib/areas.ts";
import { OLD_GRADES, REPORT_CARD_GRADES } from "../../src/lib/grades.ts";
import { decodeMi, encodeWindows1252 } from "../../src/lib/mi/encoding.ts";

const decodeAll = (bytes: Uint8Array) => new TextDecoder("windows-1252").decode(bytes);

// Any text a cell may hold: commas, quotes, newlines, accents, curly quotes, emoji.
const cellText = fc.string({ unit: fc.constantFrom("a", "Z", " ", ",", '"', "\n", "é", "’", "–", "0", "🙂", ";"), minLength: 1, maxLength: 12 })
  .filter((s) => s.trim() === s && s.trim() !== "");

describe("csv layer: parseTable(writeCsv(rows)) returns rows", () => {
  const schema: TableSchema<{ id: string; a: string; b: string }> = {
    columns: { id: text(), a: text(), b: optionalText() },
    key: ["id"],
  };
  it("for any text cells", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.record({ id: cellText, a: cellText, b: fc.oneof(cellText, fc.constant("")) }), { selector: (r) => r.id, maxLength: 20 }), (rows) => {
        expect(parseTable(writeCsv(rows, ["id", "a", "b"]), "prop.csv", schema)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});

/** What the school extract should hold for a school, read field by field (the oracle for schoolsCsv). */
function expectedRow(s: MiSchool): MiSchoolRow {
  const dates = SCHOOL_AREAS.flatMap((a) => (s.areas[a.key]?.date ? [s.areas[a.key]!.date!] : [])).sort();
  return {
    urn: s.urn, name: s.name, phase: s.phase, type: s.type, local_authority: s.localAuthority, region: s.region, postcode: s.postcode,
    web_link: s.webLink, safeguarding: s.safeguarding, safeguarding_date: s.safeguardingDate, card_date: dates.at(-1) ?? null,
    ...Object.fromEntries(SCHOOL_AREAS.map((a) => [`card_${a.key}`, s.areas[a.key]?.grade ?? null])),
    eif_inspection_start: s.eifInspectionStart, eif_publication: s.eifPublication,
    ...Object.fromEntries(EIF_JUDGEMENTS.map((j) => [`eif_${j.key}`, s.eif[j.key] ?? null])),
    eif_safeguarding: s.eifSafeguarding, ungraded_date: s.ungradedDate, ungraded_outcome: s.ungradedOutcome, category_of_concern: s.categoryOfConcern,
    constituency: s.constituency,
  } as MiSchoolRow;
}

describe("school extract: parse(schoolsCsv(schools)) returns each school's fields", () => {
  // Text as the MI may hold it, plus U+0001 (the writer's own separator) to reach its careful path.
  const schoolText = fc.string({ unit: fc.constantFrom("a", "Z", " ", ",", '"', "\n", "\r\n", "é", "’", "0", "🙂", "\u0001"), minLength: 1, maxLength: 10 })
    .filter((s) => s.trim() === s && s.trim() !== "");
  const optText = fc.oneof(schoolText, fc.constant(""));
  const day = fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2018, 0, 1) + d * 864e5).toISOString().slice(0, 10));
  const optDay = fc.option(day, { nil: null });
  const areaGrade = fc.option(fc.record({ grade: fc.constantFrom(...REPORT_CARD_GRADES.map((g) => g.key)), date: optDay }), { nil: undefined });
  const eifValue = fc.option(fc.constantFrom(...OLD_GRADES.map((g) => g.key), "not-judged" as const, "not-applicable" as const), { nil: undefined });
  const school = fc.record({
    urn: fc.integer({ min: 100000, max: 999999 }), name: schoolText, phase: schoolText, type: optText, localAuthority: optText, region: schoolText,
    postcode: optText, webLink: optText, safeguarding: fc.constantFrom("met" as const, "not-met" as const, null), safeguardingDate: optDay,
    areas: fc.tuple(...SCHOOL_AREAS.map(() => areaGrade)).map((g) => Object.fromEntries(SCHOOL_AREAS.map((a, i) => [a.key, g[i]])) as AreaGrades),
    eifInspectionStart: optDay, eifPublication: optDay,
    eif: fc.tuple(...EIF_JUDGEMENTS.map(() => eifValue)).map((g) => Object.fromEntries(EIF_JUDGEMENTS.map((j, i) => [j.key, g[i]])) as EifGrades),
    eifSafeguarding: fc.constantFrom("met" as const, "not-met" as const, "not-applicable" as const, null), ungradedDate: optDay,
    ungradedOutcome: optText, categoryOfConcern: optText, constituency: optText,
  }).map((s): MiSchool => ({ ...s, line: 2, inspectionStart: null, publication: null }));

  it("for any schools (commas, quotes, line breaks, accents, emoji, empty cells)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(school, { selector: (s) => s.urn, maxLength: 12 }), (schools) => {
        expect(parseTable(schoolsCsv(schools), "schools.csv", miSchoolsSchema)).toEqual(schools.map(expectedRow));
      }),
      { numRuns: 300 },
    );
  });
  it("is the same text whatever size of piece it is written in", () => {
    fc.assert(
      fc.property(fc.uniqueArray(school, { selector: (s) => s.urn, maxLength: 12 }), fc.integer({ min: 1, max: 5 }), (schools, size) => {
        expect([...schoolsCsvChunks(schools, size)].join("")).toBe(schoolsCsv(schools));
      }),
      { numRuns: 100 },
    );
  });
});

/** Five counts and their shares, as the importer makes them. */
const counts = fc.array(fc.nat({ max: 5000 }), { minLength: 5, maxLength: 5 }).filter((c) => c.some((n) => n > 0));
const src = { as_at: "2026-04-30", source_title: "Ofsted, Monthly management information (test, é’)", source_url: "https://www.gov.uk/x" };
function shares(c: number[]) {
  const t = c.reduce((a, b) => a + b, 0);
  return {
    n_exceptional: c[0]!, n_strong_standard: c[1]!, n_expected_standard: c[2]!, n_needs_attention: c[3]!, n_urgent_improvement: c[4]!,
    pct_exceptional: pct(c[0]!, t), pct_strong_standard: pct(c[1]!, t), pct_expected_standard: pct(c[2]!, t), pct_needs_attention: pct(c[3]!, t), pct_urgent_improvement: pct(c[4]!, t),
  };
}

describe("aggregate schemas: parse(write(rows)) returns rows", () => {
  it("mi-report-card-grades, any counts and any group names", () => {
    const row = fc.record({ group: cellText, area: fc.constantFrom(...SCHOOL_AREAS), c: counts }).map(({ group, area, c }): MiReportCardGradesRow => ({
      breakdown: "region", group, area: area.key, area_label: area.label, n_graded: c.reduce((a, b) => a + b, 0), ...shares(c), ...src,
    }));
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => `${r.group}|${r.area}`, maxLength: 15 }), (rows) => {
        const cols = Object.keys(miReportCardGrades.schema.columns);
        expect(parseTable(writeCsv(rows.map(toCsvRecord), cols), "p.csv", miReportCardGrades.schema)).toEqual(rows);
      }),
      { numRuns: 200 },
    );
  });
  it("mi-old-vs-new: grade keys are written as labels and read back as keys", () => {
    const row = fc.record({ old: fc.constantFrom(...OLD_GRADES), area: fc.constantFrom(...SCHOOL_AREAS), c: counts }).map(({ old, area, c }): MiOldVsNewRow => ({
      old_grade: old.key, area: area.key, area_label: area.label, n_schools: c.reduce((a, b) => a + b, 0), ...shares(c), ...src,
    }));
    fc.assert(
      fc.property(fc.uniqueArray(row, { selector: (r) => `${r.old_grade}|${r.area}`, maxLength: 12 }), (rows) => {
        const csv = writeCsv(rows.map(toCsvRecord), Object.keys(miOldVsNew.schema.columns));
        for (const r of rows) expect(csv).toContain(OLD_GRADES.find((g) => g.key === r.old_grade)!.label + ",");
        expect(parseTable(csv, "p.csv", miOldVsNew.schema)).toEqual(rows);
      }),
      { numRuns: 200 },
    );
  });
});

describe("Windows-1252", () => {
  it("decode(encode(text)) returns text for any text the encoding can hold", () => {
    const ch = fc.constantFrom(..."abcXYZ019 ,\"'\n\r", "é", "è", "ü", "£", "’", "‘", "“", "”", "–", "—", "€", "…", "Œ", "ß");
    fc.assert(fc.property(fc.string({ unit: ch, maxLength: 60 }), (s) => {
      expect(decodeAll(encodeWindows1252(s))).toBe(s);
    }), { numRuns: 300 });
  });
  it("decodes every byte as TextDecoder's windows-1252 does, when the bytes are not UTF-8", () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i).filter((b) => b !== 0);
    const r = decodeMi(bytes);
    expect(r.encoding).toBe("windows-1252");
    expect(r.text).toBe(new TextDecoder("windows-1252").decode(bytes));
    expect(r.text.slice(0x7f, 0x9f)).toBe("€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ");
  });
  it("refuses a character Windows-1252 lacks", () => {
    expect(() => encodeWindows1252("a🙂")).toThrow("has no Windows-1252 byte");
  });
});

describe("the importer's cached date reader", () => {
  it("agrees with parseMiDate on any string of digits, slashes and other characters", async () => {
    const { cachedMiDate, parseMiDate } = await import("../../src/lib/mi/rules.ts");
    const read = cachedMiDate();
    const shaped = fc.tuple(fc.integer({ min: 0, max: 39 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 1900, max: 2100 }))
      .map(([d, m, y]) => `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`);
    const noisy = fc.string({ unit: fc.constantFrom(..."0123456789/", "a", " ", "-", "O"), minLength: 8, maxLength: 11 });
    // A well-shaped date with one character swapped for something else, anywhere in it.
    const spoiled = fc.tuple(shaped, fc.nat(9), fc.constantFrom("a", " ", "-", "O", "/", ":"))
      .map(([v, i, ch]) => v.slice(0, i) + ch + v.slice(i + 1));
    fc.assert(fc.property(fc.oneof(shaped, noisy, spoiled), (v) => {
      expect(read(v)).toBe(parseMiDate(v));
      expect(read(v)).toBe(parseMiDate(v)); // and again, from the cache
    }), { numRuns: 3000 });
    expect(read("29/02/2024")).toBe("2024-02-29");
    expect(read("29/02/2026")).toBeUndefined();
    expect(read("0a/12/2026")).toBeUndefined();
    // A non-digit must never make the cache key of some other, real date.
    expect(read("30/12/1926")).toBe("1926-12-30");
    expect(read("3:/12/2026")).toBeUndefined();
  });
});
