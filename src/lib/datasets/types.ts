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
}
