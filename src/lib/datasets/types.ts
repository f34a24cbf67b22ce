import type { TableSchema } from "../csv.ts";

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
   * import, so pages and charts must check `datasetExists(id)` (src/lib/load.ts) before loading.
   */
  readonly optional?: boolean;
  /**
   * yyyy-mm-dd: when this dataset's rows were last checked against their sources (bundled datasets;
   * imported ones take the import date). Shown on /data/<id>/ and in chart source lines.
   */
  readonly checked?: string;
}
