/** Minutes to read a text at 220 words a minute (at least 1). */
export function readingMinutes(text: string): number {
  const words = text
    .replace(/^import .*$/gm, "")
    .replace(/<[^>]+>/g, " ")
    .split(/\s+/)
    .filter((w) => /[A-Za-z0-9]/.test(w)).length;
  return Math.max(1, Math.round(words / 220));
}

/** Number of words of prose in an MDX body (components and imports excluded). */
export function wordCount(text: string): number {
  return text
    .replace(/^import .*$/gm, "")
    .replace(/<[^>]+>/g, " ")
    .split(/\s+/)
    .filter((w) => /[A-Za-z0-9]/.test(w)).length;
}
