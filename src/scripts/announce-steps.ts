/**
 * Screen-reader announcements for a chart's controls: short on each step (the new value and the
 * headline number), then the full sentence once the reader pauses. The visible sentence updates on
 * every step as before; only what is spoken is shortened, so three quick slider steps no longer
 * queue three 250-character sentences. Used by ways-to-fail (sliders) and the report-card builder
 * (selects); the step is spoken even when the visible sentence stays the same.
 */
const PAUSE_MS = 1500;

export interface AnnounceOptions {
  /** The visible sentence the chart's script keeps up to date. */
  sentence: HTMLElement;
  /** The visually hidden polite live region to speak through. */
  live: HTMLElement;
  /** The headline number (or word) now shown, e.g. "31%". */
  headline: () => string;
  /** What the headline number is, e.g. "chance at least one area is below expected". */
  headlineLabel: string;
  /** The short line from the control's new value and the headline (default "value. headline, label."). */
  line?: (value: string, headline: string) => string;
}

/** What a control now says: a slider's aria-valuetext, or a select's label and chosen option in words. */
export function spokenValue(control: HTMLInputElement | HTMLSelectElement): string {
  if (control instanceof HTMLSelectElement) {
    // Options start with the grade's symbol ("▼ Needs attention"): speak the words only.
    const option = (control.selectedOptions[0]?.textContent ?? control.value).replace(/^[^\p{L}\p{N}]+/u, "").trim();
    const label = control.labels?.[0]?.textContent?.trim();
    return label ? `${label}: ${option}` : option;
  }
  return control.getAttribute("aria-valuetext") ?? control.value;
}

/** Speaks a short line for each change of a control in `root`, and the full sentence after a pause. */
export function announceSteps(root: HTMLElement, { sentence, live, headline, headlineLabel, line }: AnnounceOptions): void {
  let changed: HTMLInputElement | HTMLSelectElement | null = null;
  let pending = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const format = line ?? ((value: string, head: string) => `${value}. ${head}, ${headlineLabel}.`);
  const speak = () => {
    pending = false;
    if (!changed) return;
    live.textContent = format(spokenValue(changed), headline());
    clearTimeout(timer);
    timer = setTimeout(() => {
      live.textContent = sentence.textContent ?? "";
    }, PAUSE_MS);
  };
  // Only the reader's own changes are spoken (not the page's start-up), after the chart's script has
  // redrawn for them (its listeners run first, in the same task); an input and a change from one step speak once.
  const onChange = (e: Event) => {
    if (!(e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement)) return;
    changed = e.target;
    if (!pending) {
      pending = true;
      setTimeout(speak, 0);
    }
  };
  root.addEventListener("input", onChange);
  root.addEventListener("change", onChange);
}
