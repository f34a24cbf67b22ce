/**
 * The pages of charts with state (ways-to-fail, report-card-builder): keeps each embed-code box's
 * data-embed-state equal to the chart's canonical state in the page's address (allow-listed by
 * src/lib/url-state.ts; "" for the default), and tells src/scripts/embed-code.ts to rebuild the code
 * ("bow:embed-state") when it changes. The controls write the state with history.replaceState, which
 * sends no event, so the state is read again on popstate and, in the capture phase on the document,
 * on any focus or click: before the box's or the copy button's own listeners run.
 * A separate script so that static chart pages do not load url-state.
 */
import { stateQuery } from "../lib/embed-state.ts";

export function keepEmbedStateCurrent(doc: Document): void {
  const boxes = Array.from(doc.querySelectorAll<HTMLTextAreaElement>("textarea[data-embed-code][data-embed-state]"));
  if (boxes.length === 0) return;
  const update = () => {
    for (const box of boxes) {
      const state = stateQuery(box.dataset.embedId ?? "", location.search);
      if (box.dataset.embedState === state) continue;
      box.dataset.embedState = state;
      box.dispatchEvent(new Event("bow:embed-state"));
    }
  };
  update();
  window.addEventListener("popstate", update);
  doc.addEventListener("focusin", update, true);
  doc.addEventListener("click", update, true);
}
