/**
 * Embed render flags. The embed code puts them in the iframe address's fragment (#dark-full), not
 * the query, so that CSS applies them before first paint with no script: every embed page carries
 * one hidden, empty element per combination of flags (id "dark-full", data-flags="dark full"), and
 * /embed/flags.css styles `:root:has([data-flags~="dark"]:target)`. The fragment is the
 * combination's id; the query stays for the chart's state (src/lib/url-state.ts).
 * Flags: dark | light (default: follow the reader's setting), plain (chart without title and
 * takeaway), transparent (no background, for tinted host pages), full (notes, sources, data and
 * downloads open, not behind the toggle).
 */

export type Theme = "dark" | "light";
export interface EmbedFlags {
  readonly theme?: Theme;
  readonly plain?: boolean;
  readonly transparent?: boolean;
  readonly full?: boolean;
}

export const BOOLEAN_FLAGS = ["plain", "transparent", "full"] as const;

/** The flags in canonical order, as words ("dark", "plain", ...). */
export function flagWords(f: EmbedFlags): string[] {
  return [...(f.theme ? [f.theme] : []), ...BOOLEAN_FLAGS.filter((k) => f[k] === true)];
}

/** The fragment (without "#") that turns these flags on; "" for none. */
export function flagsFragment(f: EmbedFlags): string {
  return flagWords(f).join("-");
}

/** Every combination of flags but none: one hidden target element each on embed pages. */
export function allFlagCombinations(): string[][] {
  const out: string[][] = [];
  for (const theme of [undefined, "dark", "light"] as const)
    for (let bits = 0; bits < 1 << BOOLEAN_FLAGS.length; bits++) {
      const f: Record<string, unknown> = { theme };
      BOOLEAN_FLAGS.forEach((k, i) => (f[k] = (bits & (1 << i)) !== 0));
      const words = flagWords(f as EmbedFlags);
      if (words.length) out.push(words);
    }
  return out;
}

/**
 * Flags from a chart page's query (what a reader or journalist put in its address), read against
 * the list: dark=true|false|auto (auto, the default, and anything else: follow the reader), and
 * plain, transparent, full present and not "false" or "0". Nothing else is read.
 */
export function flagsFromQuery(query: string | URLSearchParams): EmbedFlags {
  let q: URLSearchParams;
  try {
    q = typeof query === "string" ? new URLSearchParams(query) : query;
  } catch {
    return {};
  }
  const on = (k: string) => q.has(k) && q.get(k) !== "false" && q.get(k) !== "0";
  const dark = q.get("dark");
  return {
    ...(dark === "true" ? { theme: "dark" as const } : dark === "false" ? { theme: "light" as const } : {}),
    ...Object.fromEntries(BOOLEAN_FLAGS.filter(on).map((k) => [k, true])),
  };
}
