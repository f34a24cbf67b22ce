/**
 * A chart's state for its embed code: the allow-listed state in a page's query, serialised by
 * src/lib/url-state.ts (the same serialiser as the chart page's address). Pure and DOM-free; used at
 * build time and, on the pages of charts with state only, in the browser (src/scripts/embed-state.ts).
 */
import { CHART_STATE_SPECS, defaultState, parseState, serialiseState } from "./url-state.ts";

/**
 * A chart's state from any query string, written canonically; "" when it is the chart's default
 * (or the chart has no state), so the default embed code has no query.
 */
export function stateQuery(id: string, search: string): string {
  const spec = CHART_STATE_SPECS[id];
  if (!spec) return "";
  const state = serialiseState(spec, parseState(spec, search));
  return state === serialiseState(spec, defaultState(spec)) ? "" : state;
}

/** True when the chart has state the embed code must carry (ways-to-fail, report-card-builder). */
export function hasEmbedState(id: string): boolean {
  return CHART_STATE_SPECS[id] !== undefined;
}
