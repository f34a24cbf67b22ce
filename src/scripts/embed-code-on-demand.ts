/**
 * Chart pages, loaded only when needed (by src/scripts/embed-code.ts, with import()): rebuilds the
 * code in each embed-code box from the page's address (the known render flags, read against their
 * allow-list) and the chart's canonical state (data-embed-state, written by src/scripts/embed-state.ts),
 * with src/lib/embed-html.ts, the function that wrote the code at build time: never by editing the
 * code's text. Sets data-embed-for to the query the code was built from: the code in the box is
 * current for that address.
 *
 * On demand, not on every page view: with an empty query and no chart state the code written at build
 * time is already the current one, so most readers never load this module or embed-html. The
 * "-on-demand" in the file name keeps the build from preloading it (src/render/page-head.mjs,
 * isOnDemand): a preload would fetch it on every page view and save nothing.
 */
import { embedCodeWithFlags } from "../lib/embed-html.ts";

export function rebuildEmbedCode(boxes: readonly HTMLTextAreaElement[], search: string): void {
  for (const box of boxes) {
    const { embedId = "", embedTitle = "", embedSite = "", embedHeight = "0", embedState = "" } = box.dataset;
    box.value = embedCodeWithFlags({ id: embedId, title: embedTitle }, embedSite, Number(embedHeight), search, embedState);
    box.dataset.embedFor = search;
  }
}
