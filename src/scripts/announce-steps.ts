/**
 * Screen-reader announcements for a chart's controls: short on each step (the new value and the
 * headline number), then the full sentence once the reader pauses. The visible sentence updates on
 * every step as before; only what is spoken is shortened, so three quick slider steps no longer
 * queue three 250-character sentences.
 */
const PAUSE_MS = 1500;

export interface AnnounceOptions {
  /** The visible sentence the chart's script keeps up to date. */
  sentence: HTMLElement;
  /** The visually hidden polite live region to speak through. */
  live: HTMLElement;
  /** The headline number now shown, e.g. "31%". */
  headline: () => string;
  /** What the headline number is, e.g. "chance at least one area is below expected". */
  headlineLabel: string;
}

/** Speaks a short line for each change of a control in `root`, and the full sentence after a pause. */
export function announceSteps(root: HTMLElement, { sentence, live, headline, headlineLabel }: AnnounceOptions): void {
  let changed: HTMLInputElement | HTMLSelectElement | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  root.addEventListener("input", (e) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) changed = e.target;
  });
  new MutationObserver(() => {
    if (!changed) return; // a change from the page's own start-up, not the reader
    const value = changed.getAttribute("aria-valuetext") ?? changed.value;
    live.textContent = `${value}. ${headline()}, ${headlineLabel}.`;
    clearTimeout(timer);
    timer = setTimeout(() => {
      live.textContent = sentence.textContent ?? "";
    }, PAUSE_MS);
  }).observe(sentence, { childList: true, characterData: true, subtree: true });
}
