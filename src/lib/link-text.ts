/**
 * A cell's text with the web addresses in it as links: dataset notes and source columns quote
 * addresses ("https://a.example/x and https://b.example/y"), which a reader should be able to open
 * rather than copy. Only https addresses become links (anything else stays text, so a `javascript:`
 * or `data:` address in a CSV cannot become a link; an old `http:` address stays text too, as the
 * site links nothing insecure: tests/build/gates-links.test.ts); a full stop, comma, semicolon,
 * colon or closing bracket after an address ends the sentence, not the address. Pure: the page
 * renders the parts (Astro escapes them).
 */

export interface TextPart {
  readonly text: string;
  /** Set when the part is a web address to link. */
  readonly href?: string;
}

const ADDRESS = /https?:\/\/[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]]+$/;

export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of text.matchAll(ADDRESS)) {
    let raw = m[0];
    // A closing bracket belongs to the address when the address opened one ("…/Thing_(disambiguation)").
    const trail = raw.match(TRAILING)?.[0] ?? "";
    let keep = raw.length - trail.length;
    for (let i = 0; i < trail.length; i++) {
      const opened = (raw.slice(0, keep).match(/\(/g) ?? []).length - (raw.slice(0, keep).match(/\)/g) ?? []).length;
      if (trail[i] === ")" && opened > 0) keep++;
      else break;
    }
    raw = raw.slice(0, keep);
    const start = m.index!;
    let href: string | null = null;
    try {
      const u = new URL(raw);
      if (u.protocol === "https:" && u.hostname.includes(".")) href = u.href;
    } catch {
      href = null;
    }
    if (!href) continue;
    if (start > at) parts.push({ text: text.slice(at, start) });
    parts.push({ text: raw, href });
    at = start + raw.length;
  }
  if (at < text.length) parts.push({ text: text.slice(at) });
  return parts;
}
