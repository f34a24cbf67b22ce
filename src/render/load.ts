/**
 * Reads bundled datasets from disk, once per process: every page of a build shares one parse.
 * Node only (fs); charts and components receive rows, never files.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parseTable, type TableSchema } from "../lib/csv.ts";
import { DATASETS, type DatasetId, type DatasetRows } from "../lib/datasets/index.ts";

/** The data folder: BOW_DATA_DIR if set (tests point it at fixtures), else ./data. */
export function dataDir(): string {
  return process.env.BOW_DATA_DIR ?? join(process.cwd(), "data");
}

const cache = new Map<string, unknown>();
/** How many times each dataset was parsed in this process (the build test checks it is once). */
export const parseCounts = new Map<string, number>();

export function loadDataset<K extends DatasetId>(id: K): DatasetRows[K][] {
  const dir = dataDir();
  const cacheKey = `${dir}::${id}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit as DatasetRows[K][];
  const meta = DATASETS[id];
  const path = join(dir, meta.file);
  if (meta.optional && !existsSync(path)) {
    throw new Error(`${relative(process.cwd(), path) || path} not found: dataset "${id}" is written by \`npm run data:import -- <Ofsted monthly MI file>\`; check datasetExists("${id}") before loading it`);
  }
  const text = readFileSync(path, "utf8");
  const shown = relative(process.cwd(), path) || path;
  const rows = parseTable(text, shown, meta.schema as TableSchema<unknown>) as DatasetRows[K][];
  parseCounts.set(id, (parseCounts.get(id) ?? 0) + 1);
  cache.set(cacheKey, rows);
  return rows;
}

/** The raw CSV text of a dataset (for downloads), as bundled. */
export function datasetText(id: DatasetId): string {
  return readFileSync(join(dataDir(), DATASETS[id].file), "utf8");
}

/** True if the dataset's CSV is present (always for bundled datasets; after an import for optional ones). */
export function datasetExists(id: DatasetId): boolean {
  return existsSync(join(dataDir(), DATASETS[id].file));
}

/** Ids of the datasets present in the data folder (bundled ones, plus imported ones after an import). */
export function availableDatasetIds(): DatasetId[] {
  return (Object.keys(DATASETS) as DatasetId[]).filter((id) => !(DATASETS[id] as { optional?: boolean }).optional || datasetExists(id));
}

export { datasetRowKey } from "../lib/datasets/row-key.ts";
