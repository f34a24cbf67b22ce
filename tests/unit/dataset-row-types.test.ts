/** Dataset row types are read from their schemas (checked by `tsc`, which `npm test` runs first). */
import { expectTypeOf, it } from "vitest";
import type { DatasetRows } from "../../src/lib/datasets/index.ts";
import type { FirstReportCardsRow } from "../../src/lib/datasets/first-report-cards.ts";
import type { ReportCardGradeKey } from "../../src/lib/grades.ts";

it("each column's type is the type its schema column parses to", () => {
  expectTypeOf<DatasetRows["first-report-cards"]>().toEqualTypeOf<FirstReportCardsRow>();
  expectTypeOf<FirstReportCardsRow["grade"]>().toEqualTypeOf<ReportCardGradeKey>();
  expectTypeOf<FirstReportCardsRow["pct_of_grades"]>().toEqualTypeOf<number>();
  expectTypeOf<DatasetRows["overall-effectiveness"]["pct_good"]>().toEqualTypeOf<number | null>();
  expectTypeOf<DatasetRows["overall-effectiveness"]["basis_period"]>().toEqualTypeOf<"annual-report-2011" | "to-2017" | "from-2018">();
  expectTypeOf<keyof FirstReportCardsRow>().toEqualTypeOf<
    "grade" | "pct_of_grades" | "n_grades_derived" | "n_grades_total" | "n_schools" | "as_of" | "secondary_source" | "source_title" | "source_url" | "note"
  >();
});
