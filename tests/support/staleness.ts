/**
 * The staleness guard's reading of a page: sentences that say something "will" happen on a date
 * that is already past (before the site's data date). Quoted words are someone else's (often
 * reported speech from the time) and are left out; so is "would".
 */
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH_RE = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)";
const SEASON_END: Record<string, [number, number]> = { spring: [5, 31], summer: [8, 31], autumn: [12, 31], winter: [2, 28] };

export interface StaleHit {
  readonly sentence: string;
  readonly date: string;
  /** The last day the date could mean (yyyy-mm-dd), compared with the data date. */
  readonly endsOn: string;
}

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthIndex = (name: string) => MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3))) + 1;

/** Every date named in `text`, with the last day it can mean. */
export function datesIn(text: string): { text: string; endsOn: string }[] {
  const out: { text: string; endsOn: string; at: number }[] = [];
  const taken: [number, number][] = [];
  const add = (re: RegExp, end: (m: RegExpExecArray) => string | null) => {
    for (const m of text.matchAll(re)) {
      const at = m.index!;
      if (taken.some(([a, b]) => at >= a && at < b)) continue;
      const e = end(m as RegExpExecArray);
      if (e) {
        out.push({ text: m[0], endsOn: e, at });
        taken.push([at, at + m[0].length]);
      }
    }
  };
  add(/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => iso(+m[1]!, +m[2]!, +m[3]!));
  add(new RegExp(`\\b(\\d{1,2}) ${MONTH_RE}\\.? (\\d{4})\\b`, "g"), (m) => iso(+m[3]!, monthIndex(m[2]!), +m[1]!));
  add(new RegExp(`\\b${MONTH_RE}\\.? (\\d{4})\\b`, "g"), (m) => {
    const y = +m[2]!;
    const mo = monthIndex(m[1]!);
    return iso(y, mo, lastDay(y, mo));
  });
  add(/\b(spring|summer|autumn|winter)( term)? (\d{4})\b/gi, (m) => {
    const [mo, d] = SEASON_END[m[1]!.toLowerCase()]!;
    return iso(+m[3]!, mo, d);
  });
  add(/\b(?:in|by|during|until|before) (\d{4})\b(?![-/]\d)/g, (m) => iso(+m[1]!, 12, 31));
  return out.sort((a, b) => a.at - b.at).map(({ text: t, endsOn }) => ({ text: t, endsOn }));
}

/** Text with quoted passages removed (straight or curly double quotes). */
export function withoutQuotes(text: string): string {
  return text.replace(/“[^”]*”/g, " ").replace(/"[^"]*"/g, " ");
}

/**
 * Words that put what follows in the future: "will", and the phrases that say the same without it
 * ("is expected to", "is due to", "is set to", "plans to", ...). "Would" is left out.
 */
export const FUTURE_MARKER = /\b(?:will|shall|(?:is|are) (?:expected|due|set|scheduled|planned|going) to|plans to|intends to)\b/i;

/**
 * Time words that count from the day a sentence was written ("this autumn", "next year", "later
 * this year", "in the coming months"): on a page read later they point at the wrong time, so our
 * prose names the date instead.
 */
export const RELATIVE_TIME = /\b(?:(?:this|next) (?:autumn|spring|summer|winter|term|year|month|week|academic year|school year)|later this (?:year|month|term|autumn|spring|summer)|(?:in )?the coming (?:months|weeks|year)|from next (?:year|term|month))\b/i;

const sentencesOf = (text: string) => withoutQuotes(text.replace(/\s+/g, " ")).split(/(?<=[.!?])\s+(?=[A-Z0-9“"(])/);

/** Sentences of `text` (quotations left out) that use a relative time word. */
export function relativeTimeSentences(text: string): string[] {
  return sentencesOf(text).filter((s) => RELATIVE_TIME.test(s)).map((s) => s.trim());
}

/** Sentences of `text` that say something "will" (or "is expected to", ...) happen on a date ending before `dataDate`. */
export function staleWillSentences(text: string, dataDate: string): StaleHit[] {
  const hits: StaleHit[] = [];
  const sentences = sentencesOf(text);
  for (const sentence of sentences) {
    const will = sentence.search(FUTURE_MARKER);
    if (will < 0) continue;
    for (const d of datesIn(sentence.slice(will))) {
      if (d.endsOn < dataDate) hits.push({ sentence: sentence.trim(), date: d.text, endsOn: d.endsOn });
    }
  }
  return hits;
}

/**
 * The blocks of a built page a reader reads, as separate strings (no scripts, styles or SVG). The
 * text of links to other sites is left out: it is the title of someone else's publication
 * ("... new report cards will work"), not a claim of ours.
 */
export function readableBlocks(doc: Document): string[] {
  for (const el of Array.from(doc.querySelectorAll("script, style, template, noscript, svg, a[href^='http://'], a[href^='https://']"))) el.remove();
  const blocks = Array.from(doc.querySelectorAll("p, li, dd, dt, td, th, h1, h2, h3, h4, h5, h6, figcaption, blockquote, summary, caption"));
  // Leaf-most blocks only, so a sentence is not read twice.
  return blocks.filter((b) => !b.querySelector("p, li, dd, td, th, figcaption, blockquote")).map((b) => b.textContent ?? "");
}
