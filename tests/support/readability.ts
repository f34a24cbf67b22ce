/**
 * Reading grade of a short text by the Flesch-Kincaid grade level formula (Kincaid et al. 1975,
 * npm `flesch-kincaid`), with syllables counted by npm `syllable` (a dictionary of exceptions over
 * English spelling rules). Used to hold chart takeaways and text alternatives to grade 9 or below.
 *
 * Counting: sentences end at . ! or ? before a capital, a digit or a quote (not inside "0.5");
 * semicolons and colons do not end one, so a list strung together by them counts as one sentence;
 * words are runs between spaces, dashes and slashes. A number ("77%", "2024", "0.5") counts as one
 * word of two syllables: readers take digits in at a glance, but not for free.
 */
import { fleschKincaid } from "flesch-kincaid";
import { syllable } from "syllable";

export function sentences(text: string): string[] {
  return text
    .replace(/\b(e\.g|i\.e|etc|vs)\./gi, "$1")
    .split(/(?<=[.!?])\s+(?=[A-Z0-9"“‘(])/)
    .map((s) => s.trim())
    .filter((s) => /[A-Za-z0-9]/.test(s));
}

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  grade: number;
}

export function readability(text: string): Readability {
  const ss = sentences(text);
  const words = ss.flatMap((s) => s.split(/[\s\u2013\u2014/]+/)).filter((w) => /[A-Za-z0-9]/.test(w));
  const syllables = words.reduce((n, w) => n + (/\d/.test(w) ? 2 : Math.max(1, syllable(w))), 0);
  const counts = { sentence: Math.max(1, ss.length), word: Math.max(1, words.length), syllable: syllables };
  return { words: words.length, sentences: ss.length, syllables, grade: fleschKincaid(counts) };
}

/** The highest grade a chart's takeaway or text alternative may read at. */
export const MAX_GRADE = 9;
