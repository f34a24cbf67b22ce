/**
 * Dataset row types are read from their schemas, so each column is named once (in its schema).
 * The type assertions are checked by `tsc` (which `npm test` runs first); the source check below
 * runs in vitest and fails if a dataset file declares its row by hand again.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import { DATASETS, type DatasetRows } from "../../src/lib/datasets/index.ts";
import type { FirstReportCardsRow } from "../../src/lib/datasets/first-report-cards.ts";
import type { MiSchoolRow } from "../../src/lib/datasets/mi-schools.ts";
import type { ReportCardGradeCounts } from "../../src/lib/datasets/mi-common.ts";
import type { OldGradeKey, ReportCardGradeKey } from "../../src/lib/grades.ts";
import type { CrossTabArea } from "../../src/lib/datasets/mi-old-vs-new.ts";

const DIR = join(import.meta.dirname, "../../src/lib/datasets");

describe("dataset row types", () => {
  it("each column's type is the type its schema column parses to", () => {
    expectTypeOf<DatasetRows["first-report-cards"]>().toEqualTypeOf<FirstReportCardsRow>();
    expectTypeOf<FirstReportCardsRow["grade"]>().toEqualTypeOf<ReportCardGradeKey>();
    expectTypeOf<FirstReportCardsRow["pct_of_grades"]>().toEqualTypeOf<number>();
    expectTypeOf<DatasetRows["overall-effectiveness"]["pct_good"]>().toEqualTypeOf<number | null>();
    expectTypeOf<DatasetRows["overall-effectiveness"]["basis_period"]>().toEqualTypeOf<"annual-report-2011" | "to-2017" | "from-2018">();
    expectTypeOf<keyof FirstReportCardsRow>().toEqualTypeOf<
      "grade" | "pct_of_grades" | "n_grades_derived" | "n_grades_total" | "n_schools" | "as_of" | "secondary_source" | "source_title" | "source_url" | "note"
    >();
    // The newer datasets and the imported (mi-*) ones, read from their schemas too.
    expectTypeOf<DatasetRows["polls"]["date_precision"]>().toEqualTypeOf<"day" | "month">();
    expectTypeOf<DatasetRows["polls"]["self_selected"]>().toEqualTypeOf<boolean>();
    expectTypeOf<DatasetRows["report-card-samples"]["n_primary"]>().toEqualTypeOf<number | null>();
    expectTypeOf<DatasetRows["report-card-samples"]["grade"]>().toEqualTypeOf<ReportCardGradeKey>();
    expectTypeOf<DatasetRows["achievement-by-disadvantage"]["fsm_band"]>().toEqualTypeOf<"above-average" | "close-to-average" | "below-average">();
    expectTypeOf<DatasetRows["mi-safeguarding"]["framework"]>().toEqualTypeOf<"report-card" | "eif">();
    expectTypeOf<DatasetRows["mi-overview"]["breakdown"]>().toEqualTypeOf<"all" | "phase" | "region">();
    expectTypeOf<DatasetRows["mi-old-vs-new"]["old_grade"]>().toEqualTypeOf<OldGradeKey>();
    expectTypeOf<DatasetRows["mi-old-vs-new"]["area"]>().toEqualTypeOf<CrossTabArea>();
    expectTypeOf<DatasetRows["mi-old-vs-new"]["pct_urgent_improvement"]>().toEqualTypeOf<number | null>();
    expectTypeOf<DatasetRows["mi-report-card-grades"]["n_strong_standard"]>().toEqualTypeOf<number>();
    expectTypeOf<keyof ReportCardGradeCounts>().toEqualTypeOf<
      | "n_exceptional" | "n_strong_standard" | "n_expected_standard" | "n_needs_attention" | "n_urgent_improvement"
      | "pct_exceptional" | "pct_strong_standard" | "pct_expected_standard" | "pct_needs_attention" | "pct_urgent_improvement"
    >();
    expectTypeOf<MiSchoolRow["card_achievement"]>().toEqualTypeOf<ReportCardGradeKey | null>();
    expectTypeOf<MiSchoolRow["eif_sixth-form"]>().toEqualTypeOf<OldGradeKey | "not-judged" | "not-applicable" | null>();
    expectTypeOf<MiSchoolRow["urn"]>().toEqualTypeOf<number>();
  });

  it("no dataset file writes its row type by hand: each makes its schema with defineSchema", () => {
    const files = [...Object.values(DATASETS).map((d) => `${d.id}.ts`), "mi-schools.ts"];
    expect(files.filter((f) => !readdirSync(DIR).includes(f))).toEqual([]);
    const problems: string[] = [];
    for (const f of files) {
      const src = readFileSync(join(DIR, f), "utf8");
      if (!/\bdefineSchema\(/.test(src)) problems.push(`${f}: no defineSchema`);
      for (const m of src.matchAll(/\binterface\s+(\w*Row)\b/g)) problems.push(`${f}: interface ${m[1]} names the columns again`);
      for (const m of src.matchAll(/\btype\s+(\w*Row)\s*=(?!\s*SchemaRow<)/g)) problems.push(`${f}: type ${m[1]} not read from the schema`);
      if (/:\s*TableSchema</.test(src)) problems.push(`${f}: schema annotated with a hand-written row type`);
    }
    expect(problems).toEqual([]);
  });
});
