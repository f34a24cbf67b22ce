/**
 * Chart pages: keeps the embed code in step with the page's address (the chart's state and render
 * flags, read against their allow-lists and rebuilt by src/lib/embed-code.ts: never by editing
 * the code's text), dates the citation today, and wires the copy buttons (navigator.clipboard, or
 * select the text so the reader can press Ctrl+C / Cmd+C).
 */
import { embedCodeForPage } from "../lib/embed-code.ts";

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
      const { embedId = "", embedTitle = "", embedSite = "", embedHeight = "0" } = box.dataset;
      box.value = embedCodeForPage({ id: embedId, title: embedTitle }, embedSite, Number(embedHeight), location.search);
    }
  };
  refresh();
  window.addEventListener("popstate", refresh);
  for (const box of boxes) box.addEventListener("focus", refresh);

  const today = new Date();
  const iso = today.toISOString().slice(0, 10);
  for (const t of Array.from(doc.querySelectorAll<HTMLTimeElement>("time[data-citation-date]"))) {
    t.dateTime = iso;
    t.textContent = today.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
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
