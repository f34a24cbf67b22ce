/**
 * Reads a Netlify / Cloudflare Pages `_headers` file and applies it the way those hosts do: every
 * rule whose path pattern matches the request path applies, in file order, and a header named in
 * several matching rules is sent once with the values joined by ", " (for Content-Security-Policy
 * that is two policies, and a browser enforces both). Patterns: `*` matches any characters
 * (slashes included), `:name` one path segment; anything else matches itself.
 * Used by the test server (tests/support/static-server.ts) and the build checks on public/_headers.
 */

export interface HeaderRule {
  readonly pattern: string;
  readonly line: number;
  readonly headers: readonly (readonly [name: string, value: string])[];
}

/** Parses the file; a malformed line throws with its line number. */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: { pattern: string; line: number; headers: [string, string][] }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "" || raw.trim().startsWith("#")) return;
    if (!/^\s/.test(raw)) {
      if (!raw.startsWith("/")) throw new Error(`_headers line ${line}: a rule's path must start with "/": ${raw}`);
      rules.push({ pattern: raw.trim(), line, headers: [] });
      return;
    }
    const m = /^\s+([A-Za-z0-9-]+):\s*(.*\S)\s*$/.exec(raw);
    if (!m) throw new Error(`_headers line ${line}: expected "  Name: value": ${raw}`);
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers line ${line}: a header before any path`);
    rule.headers.push([m[1]!, m[2]!]);
  });
  return rules;
}

function patternRegExp(pattern: string): RegExp {
  const body = pattern
    .split(/(\*|:[A-Za-z_][A-Za-z0-9_]*)/)
    .map((part) => (part === "*" ? ".*" : part.startsWith(":") && part.length > 1 ? "[^/]+" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`);
}

/** True if the rule's pattern matches the path (a URL pathname, decoded). */
export function ruleMatches(rule: HeaderRule, path: string): boolean {
  return patternRegExp(rule.pattern).test(path);
}

/** The headers a host sends for `path`: every matching rule, same names joined with ", ". */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const out = new Map<string, { name: string; values: string[] }>();
  for (const rule of rules) {
    if (!ruleMatches(rule, path)) continue;
    for (const [name, value] of rule.headers) {
      const key = name.toLowerCase();
      const entry = out.get(key) ?? { name, values: [] };
      entry.values.push(value);
      out.set(key, entry);
    }
  }
  return Object.fromEntries([...out.values()].map((e) => [e.name, e.values.join(", ")]));
}
