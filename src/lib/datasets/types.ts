import type { Column, RowCheck, TableSchema } from "../csv.ts";

/** What the site knows about one bundled dataset. */
export interface DatasetMeta<R> {
  /** Kebab-case id: names its CSV, its page /data/<id>/ and its tests. */
  readonly id: string;
  /** File name inside data/. */
  readonly file: string;
  readonly title: string;
  readonly description: string;
  readonly licence: string;
  readonly schema: TableSchema<R>;
  /**
   * True for datasets written by `npm run data:import` (Ofsted's monthly file): absent until an
   * import, so pages and charts must check `datasetExists(id)` (src/render/load.ts) before loading.
   */
  readonly optional?: boolean;
  /**
   * yyyy-mm-dd: when this dataset's rows were last checked against their sources (bundled datasets;
   * imported ones take the import date). Shown on /data/<id>/ and in chart source lines.
   */
  readonly checked?: string;
}

/** The row a schema's columns parse to: each column's name and parsed type, written once in the schema. */
export type RowOf<C> = { -readonly [K in keyof C]: C[K] extends Column<infer T> ? T : never };

/** The row type of a schema made with defineSchema. */
export type SchemaRow<S> = S extends TableSchema<infer R> ? R : never;

/**
 * A dataset's schema with its row type inferred from the columns (so a dataset file names each
 * column once): `const schema = defineSchema({ columns: {...}, key: [...] })`, then
 * `export type MyRow = SchemaRow<typeof schema>`.
 */
export function defineSchema<C extends Record<string, Column<any>>>(schema: {
  readonly columns: C;
  readonly key?: readonly (keyof C & string)[];
  /** Checks across a row: a function, or `{ description, check }` to list it in the validation report. */
  readonly rowChecks?: readonly (RowCheck<RowOf<C>> | DescribedCheck<RowOf<C>>)[];
}): TableSchema<RowOf<C>> {
  const rowChecks = schema.rowChecks?.map((c) => (typeof c === "function" ? c : Object.assign(c.check, { description: c.description })));
  return { ...schema, ...(rowChecks ? { rowChecks } : {}) } as unknown as TableSchema<RowOf<C>>;
}

/** A row check with the words the dataset page's validation report lists for it. */
export interface DescribedCheck<R> {
  readonly description: string;
  readonly check: (row: R) => ReturnType<RowCheck<R>>;
}

/**
 * A date known only to the month is stored as the 1st of that month: `date` must end in "-01" on
 * every row whose `precision` column says "month". Shared by the datasets that mix day and month dates.
 */
export function monthDatesOnTheFirst<D extends string, P extends string>(date: D, precision: P): DescribedCheck<{ readonly [K in D | P]: string }> {
  return {
    description: "Month-only dates are stored as the 1st of the month",
    check: (r) => (r[precision] === "month" && !r[date].endsWith("-01") ? { column: date, value: r[date], expected: `the 1st of the month when ${precision} is month` } : undefined),
  };
}
