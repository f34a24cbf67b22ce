/** The bundled datasets of the data layer, and every schema failure kind on small fixtures. */
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { parseTable } from "../../src/lib/csv.ts";
import { evaluationAreas } from "../../src/lib/datasets/evaluation-areas.ts";
import { unionsActions } from "../../src/lib/datasets/unions-actions.ts";
import { miOldVsNew } from "../../src/lib/datasets/mi-old-vs-new.ts";
import { miReportCardGrades } from "../../src/lib/datasets/mi-report-card-grades.ts";
import { miSafeguarding } from "../../src/lib/datasets/mi-safeguarding.ts";
import { miOverview } from "../../src/lib/datasets/mi-overview.ts";
import { DATASETS } from "../../src/lib/datasets/index.ts";
import { SCHOOL_AREAS, SAFEGUARDING_MI_COLUMN } from "../../src/lib/areas.ts";
import { MI_D2_COLUMNS } from "../../src/lib/mi/columns.ts";
import { errorOf } from "../support/data-error.ts";

const read = (p: string) => readFileSync(p, "utf8");
const A = "tests/fixtures/mi/aggregates/";

describe("evaluation-areas", () => {
  const rows = parseTable(read("data/evaluation-areas.csv"), "data/evaluation-areas.csv", evaluationAreas.schema);
  it("has 9 final school areas, 7 early-years areas and 11 proposed school areas", () => {
    expect(rows.filter((r) => r.remit === "school").length).toBe(9);
    expect(rows.filter((r) => r.remit === "early-years-setting").length).toBe(7);
    expect(rows.filter((r) => r.remit === "school-proposed-feb-2025").length).toBe(11);
  });
  it("names the same MI columns as src/lib/areas.ts, and each is a real column of sheet D2", () => {
    const cols = rows.filter((r) => r.remit === "school").map((r) => r.mi_column).sort();
    expect(cols).toEqual([SAFEGUARDING_MI_COLUMN, ...SCHOOL_AREAS.map((a) => a.miColumn)].sort());
    for (const c of cols) expect(MI_D2_COLUMNS).toContain(c);
  });
  it("refuses an MI column the site does not know", () => {
    const bad = read("data/evaluation-areas.csv").replace("school,2,Inclusion,five-point,all schools,Inclusion,", "school,2,Inclusion,five-point,all schools,Inclusivity,");
    expect(errorOf(() => parseTable(bad, "f.csv", evaluationAreas.schema)).message).toContain('f.csv:3, column "mi_column": found "Inclusivity", expected one of the MI columns in src/lib/areas.ts');
  });
});

describe("unions-actions", () => {
  const rows = parseTable(read("data/unions-actions.csv"), "data/unions-actions.csv", unionsActions.schema);
  it("covers the threat, the joint demand, the judicial review and its refusal, the shelving, and the 89%", () => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get("four-unions-demand-delay")!.unions).toEqual(["ASCL", "NAHT", "NEU", "NASUWT"]);
    expect(byId.get("ascl-naht-inspector-threat")!.action_type).toBe("threat");
    expect(byId.get("naht-judicial-review-filed")!.date).toBe("2025-05-01");
    expect(byId.get("high-court-refuses-naht")!.date).toBe("2025-11-03");
    expect(byId.get("ascl-shelves-inspector-threat")!.action_type).toBe("threat-shelved");
    expect(byId.get("naht-members-back-exploring-industrial-action")!.action).toContain("89% of almost 2,000");
  });
  it("flags press-based rows as secondary", () => {
    expect(rows.filter((r) => r.secondary_source).length).toBeGreaterThan(0);
    expect(rows.find((r) => r.id === "naht-members-back-exploring-industrial-action")!.secondary_source).toBe(false);
  });
  it("refuses a union that is not one of the four", () => {
    const bad = read("data/unions-actions.csv").replace(",NEU; ASCL,", ",NEU; UNISON,");
    expect(errorOf(() => parseTable(bad, "f.csv", unionsActions.schema)).message).toMatch(/f\.csv:\d+, column "unions": found "NEU; UNISON", expected one or more of ASCL, NAHT, NEU, NASUWT/);
  });
});

describe("schema failure kinds on imported-dataset fixtures", () => {
  it("an unknown grade label", () => {
    const e = errorOf(() => parseTable(read(A + "unknown-grade-label.csv"), "unknown-grade-label.csv", miOldVsNew.schema));
    expect(e.message).toContain('unknown-grade-label.csv:3, column "old_grade": found "Very good", expected a grade label: Outstanding, Good, Requires improvement, Inadequate, Satisfactory');
  });
  it("a percentage out of range", () => {
    const e = errorOf(() => parseTable(read(A + "percent-out-of-range.csv"), "percent-out-of-range.csv", miReportCardGrades.schema));
    expect(e.message).toContain('percent-out-of-range.csv:3, column "pct_exceptional": found "103.8", expected a number from 0 to 100 or blank');
  });
  it("shares that do not sum to 100 within rounding", () => {
    const e = errorOf(() => parseTable(read(A + "shares-not-100.csv"), "shares-not-100.csv", miReportCardGrades.schema));
    expect(e.message).toContain('shares-not-100.csv:2, column "pct_exceptional+pct_strong_standard+pct_expected_standard+pct_needs_attention+pct_urgent_improvement": found "110", expected shares summing to 100 (within 0.5 for rounding)');
  });
  it("a duplicate key", () => {
    const e = errorOf(() => parseTable(read(A + "duplicate-key.csv"), "duplicate-key.csv", miSafeguarding.schema));
    expect(e.message).toContain('duplicate-key.csv:4, column "breakdown+group+framework": found "all | All schools | report-card", expected a unique key (already used on line 2)');
  });
  it("a missing source", () => {
    const e = errorOf(() => parseTable(read(A + "missing-source.csv"), "missing-source.csv", miOverview.schema));
    expect(e.message).toContain('missing-source.csv:3, column "source_url": found "", expected an absolute http(s) URL');
  });
});

describe("the registry", () => {
  it("every dataset names its source columns, and imported ones are marked optional", () => {
    for (const [id, meta] of Object.entries(DATASETS)) {
      expect(Object.keys(meta.schema.columns), id).toEqual(expect.arrayContaining(["source_title", "source_url"]));
      expect(meta.id).toBe(id);
      expect(!!(meta as { optional?: boolean }).optional, id).toBe(id.startsWith("mi-"));
    }
  });
});

describe("READMEs", () => {
  it("every registered dataset has data/<id>.md; every CSV and description in data/ is a registered dataset's", () => {
    const files = readdirSync("data").filter((f) => /\.(csv|md)$/.test(f));
    for (const meta of Object.values(DATASETS)) {
      expect(read(`data/${meta.id}.md`).startsWith(`# ${meta.id}`), meta.id).toBe(true);
      expect(meta.file, meta.id).toBe(`${meta.id}.csv`);
    }
    const known = new Set(Object.values(DATASETS).flatMap((m) => [m.file, `${m.id}.md`]));
    // README.md is the folder's guide; import-report.md is written by `npm run data:import`.
    expect(files.filter((f) => !known.has(f) && f !== "README.md" && f !== "import-report.md")).toEqual([]);
  });
});
