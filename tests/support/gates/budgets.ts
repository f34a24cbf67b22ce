/** JS budgets per page (gzip bytes actually loaded), from what the page contains. */
import { readPage } from "./pages.ts";
import type { Budget } from "./network.ts";

export const KB = 1024;
/** Issue 15: a static chart page (tooltips, share bar, embed code) loads at most 5 KB of JS (gzip). */
export const STATIC_BUDGET: Budget = { bytes: 5 * KB, why: "static charts: tooltips, share bar and embed code enhance the build-time SVG" };
export const INTERACTIVE_BUDGET: Budget = { bytes: 100 * KB, why: "re-renders an interactive chart in the browser" };

/**
 * A page showing a chart whose marks change with the reader's input (an `interactive: true` chart:
 * its chart page, its embed, an explainer that includes it) may load up to 100 KB; every other page,
 * static chart pages and embeds of static charts above all, 5 KB.
 */
export function budgetsFor(dir: string, interactiveIds: readonly string[]): (page: string) => Budget {
  const cache = new Map<string, Budget>();
  return (page) => {
    let b = cache.get(page);
    if (!b) {
      const html = readPage(dir, page);
      b = interactiveIds.some((id) => html.includes(`data-chart="${id}"`)) ? INTERACTIVE_BUDGET : STATIC_BUDGET;
      cache.set(page, b);
    }
    return b;
  };
}
