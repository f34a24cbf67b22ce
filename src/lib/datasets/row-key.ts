/**
 * A row's key as used in anchors (/data/<id>/#row-<key>): the key columns' values joined by "--",
 * with whitespace turned into "-" so the anchor is a valid HTML id. Pure, so charts can use it.
 */
export function datasetRowKey(keyColumns: readonly string[], row: Record<string, unknown>): string {
  return keyColumns.map((k) => String(row[k]).trim().replace(/\s+/g, "-")).join("--");
}
