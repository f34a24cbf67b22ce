/**
 * Chart pages: wires the copy buttons (navigator.clipboard, or select the text so the reader can
 * press Ctrl+C / Cmd+C) and keeps the embed code in step with the page's address. The citation's
 * "accessed" date is stamped by the share bar's script (src/scripts/share.ts), on every page with both.
 *
 * A box is current when its data-embed-for equals location.search: the code in it was built for this
 * address. With an empty query and no chart state, the code written at build time is the current one,
 * so the box is marked current and nothing more is loaded. The rebuild (src/scripts/embed-code-on-demand.ts,
 * with src/lib/embed-html.ts: the known render flags and the chart's canonical state, never an edit
 * of the code's text) is fetched with import() only when the address has a query as the page loads,
 * on popstate, when an interactive chart's state changes ("bow:embed-state", sent by
 * src/scripts/embed-state.ts before any focus or click reaches the box or the copy button), or when
 * the box takes focus while not current (history.pushState/replaceState send no event); on the pages
 * of charts with state, also at the reader's first change of the controls ("input"). Once loaded,
 * rebuilds are synchronous, so a copy stays inside the click (Safari allows the clipboard only there).
 *
 * Loaded on every chart page, so it carries no chart-state code and no embed-html: a static chart has
 * no state, and most readers never change the address.
 */
type OnDemand = typeof import("./embed-code-on-demand.ts");
/** The rebuild, fetched when first needed ("-on-demand": never preloaded; src/render/page-head.mjs). */
const loadOnDemand = (): Promise<OnDemand> => import("./embed-code-on-demand.ts");

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

/** Copies the element's text now (the clipboard call stays inside the reader's click), or selects it. */
async function copy(target: HTMLElement, status: HTMLElement | null): Promise<void> {
  try {
    await navigator.clipboard.writeText(textOf(target));
    if (status) status.textContent = "Copied.";
  } catch {
    selectText(target);
    if (status) status.textContent = "Selected: press Ctrl+C (Cmd+C on a Mac) to copy.";
  }
}

export function enhanceEmbedCode(doc: Document): void {
  const boxes = Array.from(doc.querySelectorAll<HTMLTextAreaElement>("textarea[data-embed-code]"));
  const current = (box: HTMLTextAreaElement) => box.dataset.embedFor === location.search;
  let onDemand: OnDemand | undefined;
  let loading: Promise<OnDemand> | undefined;
  const load = (): Promise<OnDemand> =>
    (loading ??= loadOnDemand().then(
      (m) => (onDemand = m),
      (e: unknown) => {
        loading = undefined; // the next trigger tries again
        throw e;
      },
    ));
  /** Rebuilds every box for the current address: at once (synchronously) if the rebuild is loaded, else once it is. */
  const refresh = async (): Promise<void> => {
    const m = onDemand ?? (await load());
    m.rebuildEmbedCode(boxes, location.search);
  };
  /** For triggers no one waits on: a failed load leaves the box not current, and Copy says so. */
  const refreshQuietly = () => void refresh().catch(() => undefined);

  if (boxes.length > 0) {
    if (location.search === "" && boxes.every((box) => !box.dataset.embedState)) for (const box of boxes) box.dataset.embedFor = "";
    else refreshQuietly();
    window.addEventListener("popstate", refreshQuietly);
  }
  // A chart with state: the reader's first change of its controls will change the code, so fetch the
  // rebuild then, and it is there (a copy stays inside the click) when they reach the copy button.
  if (boxes.some((box) => box.dataset.embedState !== undefined)) doc.addEventListener("input", () => void load().catch(() => undefined), { capture: true, once: true });
  for (const box of boxes) {
    box.addEventListener("focus", () => {
      if (!current(box)) refreshQuietly();
    });
    box.addEventListener("bow:embed-state", refreshQuietly);
  }

  for (const button of Array.from(doc.querySelectorAll<HTMLButtonElement>("button[data-copy]"))) {
    if (button.dataset.copyReady) continue;
    button.dataset.copyReady = "1";
    button.addEventListener("click", () => {
      const id = button.dataset.copy ?? "";
      const target = doc.getElementById(id);
      const status = doc.querySelector<HTMLElement>(`[data-copy-status="${id}"]`);
      if (!target) return;
      const box = boxes.find((b) => b === target);
      if (box && !current(box) && onDemand) onDemand.rebuildEmbedCode(boxes, location.search);
      if (!box || current(box)) {
        void copy(target, status);
        return;
      }
      // Rare: the address changed and the rebuild is not loaded yet. Copy once it is.
      if (status) status.textContent = "";
      refresh().then(
        () => copy(target, status),
        () => {
          if (status) status.textContent = "Could not update the code for this address: press Copy again, or reload the page.";
        },
      );
    });
  }
}
