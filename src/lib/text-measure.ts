/**
 * The one text measure for labels laid out at build time (chart labels, export titles, embed
 * heights). Source Sans 3 averages about 0.47 em per character (bold about 0.52); we count 0.5 and
 * 0.55, plus 0.12 em per character so labels keep their room when a reader applies WCAG 1.4.12 text
 * spacing (letter-spacing 0.12 em).
 */
export const EM_PER_CHAR = 0.5;
export const EM_PER_CHAR_BOLD = 0.55;
export const LETTER_SPACING_EM = 0.12;

export interface MeasureOptions {
  readonly bold?: boolean;
  /** Leave out the text-spacing allowance (for HTML estimates, where text wraps instead). */
  readonly spacing?: boolean;
}

/** Width in px of `text` at `size` px. */
export function textWidth(text: string, size = 12, { bold = false, spacing = true }: MeasureOptions = {}): number {
  const em = (bold ? EM_PER_CHAR_BOLD : EM_PER_CHAR) + (spacing ? LETTER_SPACING_EM : 0);
  return [...text].length * size * em;
}

/** Splits text into lines at spaces so that each line's `measure` stays within `width` px. */
function wrapBy(text: string, width: number, measure: (line: string) => number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Splits text into lines at spaces so that each fits `width` px at `size` px. */
export function wrapText(text: string, width: number, size: number, options: MeasureOptions = {}): string[] {
  return wrapBy(text, width, (line) => textWidth(line, size, options));
}

/** Lines a text takes in `width` px at `size` px (HTML wraps at words: an estimate, rounded up). */
export function lineCount(text: string, width: number, size: number, options: MeasureOptions = {}): number {
  return Math.max(1, wrapText(text, width, size, options).length);
}

/**
 * Width in px of `text` at `size` px in the widest font a reader's browser may fall back to (DejaVu
 * Sans, about 0.6 em a character, bold 0.68) with WCAG 1.4.12 letter spacing (0.12 em) on top: for
 * SVG text that cannot wrap and must stay inside its drawing whatever the reader's font and spacing.
 */
export function roomyWidth(text: string, size = 12, { bold = false }: { bold?: boolean } = {}): number {
  return [...text].length * size * ((bold ? 0.68 : 0.6) + LETTER_SPACING_EM);
}

/** Splits text into lines at spaces so that each fits `width` px by `roomyWidth`. */
export function wrapRoomy(text: string, width: number, size = 12, options: { bold?: boolean } = {}): string[] {
  return wrapBy(text, width, (line) => roomyWidth(line, size, options));
}
