/**
 * Chart pages: keeps the embed code in step with the page's address (the known render flags, read
 * against their allow-list, and the chart's canonical state, rebuilt by src/lib/embed-html.ts:
 * never by editing the code's text), and wires the copy buttons
 * (navigator.clipboard, or select the text so the reader can press Ctrl+C / Cmd+C). The citation's
 * "accessed" date is stamped by the share bar's script (src/scripts/share.ts), on every page with both.
 *
 * Loaded on every chart page, so it carries no chart-state code: a static chart has no state, and
 * on the pages of charts that have some (ways-to-fail, report-card-builder) src/scripts/embed-state.ts
 * writes the box's canonical state into data-embed-state and sends "bow:embed-state", before any
 * focus or click reaches the box or the copy button. Each rebuild sets data-embed-for to the query
 * it was built from: the code in the box is current for that address.
 */
import { embedCodeWithFlags } from "../lib/embed-html.ts";

function selectText(el: HTMLElement): void {
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    el.focus();
    el.select();
    return;
  }
  const range = document.createRange();
  range.selectNodeContents(el);
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(range);
}

function textOf(el: HTMLElement): string {
  return el instanceof HTMLTextAreaElement ? el.value : (el.textContent ?? "").replace(/\s+/g, " ").trim();
}

export function enhanceEmbedCode(doc: Document): void {
  const boxes = Array.from(doc.querySelectorAll<HTMLTextAreaElement>("textarea[data-embed-code]"));
  const refresh = () => {
    for (const box of boxes) {
      const { embedId = "", embedTitle = "", embedSite = "", embedHeight = "0", embedState = "" } = box.dataset;
      box.value = embedCodeWithFlags({ id: embedId, title: embedTitle }, embedSite, Number(embedHeight), location.search, embedState);
      box.dataset.embedFor = location.search;
    }
  };
  refresh();
  window.addEventListener("popstate", refresh);
  for (const box of boxes) {
    box.addEventListener("focus", refresh);
    box.addEventListener("bow:embed-state", refresh);
  }

  for (const button of Array.from(doc.querySelectorAll<HTMLButtonElement>("button[data-copy]"))) {
    if (button.dataset.copyReady) continue;
    button.dataset.copyReady = "1";
    button.addEventListener("click", async () => {
      refresh();
      const id = button.dataset.copy ?? "";
      const target = doc.getElementById(id);
      const status = doc.querySelector<HTMLElement>(`[data-copy-status="${id}"]`);
      if (!target) return;
      try {
        await navigator.clipboard.writeText(textOf(target));
        if (status) status.textContent = "Copied.";
      } catch {
        selectText(target);
        if (status) status.textContent = "Selected: press Ctrl+C (Cmd+C on a Mac) to copy.";
      }
    });
  }
}
