/**
 * A full-size import: 22,000 fictional schools (plus planted bad rows) generated in the test into a
 * temp folder, imported, and checked against counts computed here from the generator's own records.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseTable } from "../../src/lib/csv.ts";
import { fixtureBytes, generateSchools, BAD_ROW_KINDS, type FictionalSchool } from "../../src/lib/mi/fixture.ts";
import { runImport } from "../../src/import/run.ts";
import { miOverview } from "../../src/lib/datasets/mi-overview.ts";
import { miReportCardGrades } from "../../src/lib/datasets/mi-report-card-grades.ts";
import { miSafeguarding } from "../../src/lib/datasets/mi-safeguarding.ts";
import { miEifGrades } from "../../src/lib/datasets/mi-eif-grades.ts";
import { miOldVsNew } from "../../src/lib/datasets/mi-old-vs-new.ts";
import { miSchoolsSchema, MI_SCHOOLS_FILE } from "../../src/lib/datasets/mi-schools.ts";
import type { DatasetMeta } from "../../src/lib/datasets/types.ts";
import { SCHOOL_AREAS } from "../../src/lib/areas.ts";

const N = 22_000;
const BAD = 21;
const schools = generateSchools(N, 2026);
const { bytes, bad } = fixtureBytes(schools, { badRows: BAD });
const dir = mkdtempSync(join(tmpdir(), "bow-mi-22000-"));
const file = join(dir, "Management_information_-_state-funded_schools_-_latest_inspections_as_at_30_Apr_2026.csv");
writeFileSync(file, bytes);
const t0 = performance.now();
const result = runImport(new Uint8Array(readFileSync(file)), file, { outDir: dir });
const seconds = (performance.now() - t0) / 1000;
const load = <R,>(m: DatasetMeta<R>) => parseTable(readFileSync(join(dir, m.file), "utf8"), m.file, m.schema);

// Independent counts, straight from the generator's records (never through the parser).
const oldOverall = (s: FictionalSchool) => {
  const v = s.eif?.grades["overall-effectiveness"];
  return v === undefined || v === "not-judged" || v === "not-applicable" ? undefined : v;
};
const count = (xs: readonly FictionalSchool[], f: (s: FictionalSchool) => boolean) => xs.reduce((n, s) => n + (f(s) ? 1 : 0), 0);

describe(`import of ${N.toLocaleString("en-GB")} fictional schools`, () => {
  it("rows read = imported + rejected, and every planted bad row is rejected on its own line", () => {
    expect(result.release.rows_read).toBe(N + BAD);
    expect(result.release.rows_imported + result.release.rows_rejected).toBe(result.release.rows_read);
    expect(result.release.rows_imported).toBe(N);
    expect(result.parse.rejects.map((r) => r.line)).toEqual(bad.map((b) => b.line));
    expect(new Set(bad.map((b) => b.kind))).toEqual(new Set(BAD_ROW_KINDS));
    expect(result.release.file_date).toBe("2026-04-30");
    console.log(`22,000-row import in ${seconds.toFixed(2)} s (in-test, includes writing)`);
  });

  it("overview counts match the generator", () => {
    const all = load(miOverview).find((r) => r.breakdown === "all")!;
    expect(all.n_schools).toBe(N);
    expect(all.n_with_report_card).toBe(count(schools, (s) => s.card !== null));
    expect(all.n_with_eif_grade).toBe(count(schools, (s) => oldOverall(s) !== undefined));
    expect(all.n_eif_not_judged).toBe(count(schools, (s) => s.eif?.grades["overall-effectiveness"] === "not-judged"));
    expect(all.n_with_both).toBe(count(schools, (s) => s.card !== null && oldOverall(s) !== undefined));
    const phases = load(miOverview).filter((r) => r.breakdown === "phase");
    expect(phases.reduce((a, r) => a + r.n_schools, 0)).toBe(N);
    for (const p of phases) expect(p.n_schools, p.group).toBe(count(schools, (s) => s.phase === p.group));
  });

  it("report-card grades by area, phase and region match the generator", () => {
    const rows = load(miReportCardGrades);
    for (const r of rows) {
      const members = schools.filter((s) => r.breakdown === "all" || (r.breakdown === "phase" ? s.phase : s.region) === r.group);
      const grades = members.flatMap((s) => (s.card?.areas[r.area] ? [s.card.areas[r.area]!] : []));
      expect(r.n_graded, `${r.group} ${r.area}`).toBe(grades.length);
      expect(r.n_needs_attention, `${r.group} ${r.area}`).toBe(grades.filter((g) => g === "needs-attention").length);
      expect(r.n_exceptional, `${r.group} ${r.area}`).toBe(grades.filter((g) => g === "exceptional").length);
    }
    for (const a of SCHOOL_AREAS.filter((x) => x.always)) expect(rows.filter((r) => r.breakdown === "region" && r.area === a.key).length, a.key).toBe(9);
  });

  it("safeguarding not met (report card) by region matches the generator", () => {
    const rows = load(miSafeguarding).filter((r) => r.framework === "report-card" && r.breakdown === "region");
    expect(rows.length).toBe(9);
    for (const r of rows) {
      expect(r.n_not_met, r.group).toBe(count(schools, (s) => s.region === r.group && s.card?.safeguarding === "not-met"));
      expect(r.n_judged, r.group).toBe(count(schools, (s) => s.region === r.group && s.card !== null));
    }
  });

  it("EIF overall effectiveness by phase matches the generator", () => {
    const rows = load(miEifGrades).filter((r) => r.judgement === "overall-effectiveness" && r.breakdown === "phase");
    for (const r of rows) {
      const m = schools.filter((s) => s.phase === r.group);
      expect(r.n_outstanding, r.group).toBe(count(m, (s) => oldOverall(s) === "outstanding"));
      expect(r.n_inadequate, r.group).toBe(count(m, (s) => oldOverall(s) === "inadequate"));
      expect(r.n_not_judged, r.group).toBe(count(m, (s) => s.eif?.grades["overall-effectiveness"] === "not-judged"));
    }
  });

  it("old grade against the card's lowest grade matches the generator", () => {
    const order = ["exceptional", "strong-standard", "expected-standard", "needs-attention", "urgent-improvement"];
    const rows = load(miOldVsNew).filter((r) => r.area === "lowest-area");
    for (const r of rows) {
      const m = schools.filter((s) => s.card && Object.keys(s.card.areas).length && oldOverall(s) === r.old_grade);
      const lowest = m.map((s) => Object.values(s.card!.areas).reduce((w, g) => (order.indexOf(g!) > order.indexOf(w!) ? g : w)));
      expect(r.n_schools, r.old_grade).toBe(m.length);
      expect(r.n_needs_attention + r.n_urgent_improvement, r.old_grade).toBe(lowest.filter((g) => g === "needs-attention" || g === "urgent-improvement").length);
    }
  });

  it("the per-school extract has every imported school", () => {
    const rows = parseTable(readFileSync(join(dir, MI_SCHOOLS_FILE), "utf8"), MI_SCHOOLS_FILE, miSchoolsSchema);
    expect(rows.length).toBe(N);
    expect(rows.map((r) => r.urn)).toEqual(schools.map((s) => s.urn));
    expect(rows.find((r) => r.name.includes("é"))).toBeDefined();
  });
});
