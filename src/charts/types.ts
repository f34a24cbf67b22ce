/** Chart files import their types from here; the definition itself lives in src/lib/chart.ts. */
export type { ChartData, ChartDefinition, ChartSize, LegendItem, PrintListItem, RowSource, TableColumn } from "../lib/chart.ts";
