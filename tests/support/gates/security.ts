/**
 * Static security gate on built HTML: no inline event handlers (on*=), no javascript: URLs, no
 * inline executable <script> or style="" (the CSP forbids them), no inline <style> whose SHA-256
 * the page's style-src does not list, and every page carries the site's Content-Security-Policy
 * <meta>, identical to the policy in public/_headers apart from its own style hashes.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { discoverPages, fileForPath, type Finding } from "./pages.ts";

/** Script types a browser does not execute (data blocks such as JSON-LD need no script-src). */
const DATA_SCRIPT = /^(application\/(ld\+)?json|application\/feed\+json|text\/plain|speculationrules)$/i;

function describe(el: Element): string {
  const id = el.getAttribute("id");
  const cls = el.getAttribute("class");
  return `<${el.tagName.toLowerCase()}${id ? `#${id}` : ""}${cls ? `.${cls.split(/\s+/)[0]}` : ""}>`;
}

/** The CSP a page declares in <meta http-equiv>, or null. */
export function metaCsp(doc: Document): string | null {
  for (const m of Array.from(doc.querySelectorAll("meta[http-equiv]"))) {
    if (m.getAttribute("http-equiv")!.toLowerCase() === "content-security-policy") return m.getAttribute("content");
  }
  return null;
}

/** The CSP hash source ('sha256-...') of an inline <style>'s text. */
export function styleHash(css: string): string {
  return `'sha256-${createHash("sha256").update(css).digest("base64")}'`;
}

/** A policy's style-src hash sources, and the policy without them (what the rest must match). */
export function splitStyleHashes(policy: string): { hashes: string[]; rest: Map<string, string[]> } {
  const csp = parseCsp(policy);
  const style = csp.get("style-src") ?? [];
  const hashes = style.filter((v) => /^'sha(256|384|512)-/.test(v));
  csp.set("style-src", style.filter((v) => !hashes.includes(v)));
  return { hashes, rest: csp };
}

/** Directive name -> sources, for comparing policies regardless of spacing and order. */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name.toLowerCase(), values);
  }
  return out;
}

/**
 * Headers per path pattern from a Netlify/Cloudflare `_headers` file:
 * a line starting at column 0 is a URL pattern, indented `Name: value` lines are its headers.
 */
export function parseHeadersFile(text: string): { pattern: string; headers: Map<string, string> }[] {
  const rules: { pattern: string; headers: Map<string, string> }[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: new Map() });
      continue;
    }
    const m = /^\s+([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (m && rules.length > 0) rules[rules.length - 1]!.headers.set(m[1]!.toLowerCase(), m[2]!.trim());
  }
  return rules;
}

export interface SecurityGateResult {
  readonly findings: Finding[];
  readonly pages: number;
}

/**
 * @param expectedCsp the policy pages must carry in their <meta> (from public/_headers, without
 *   the header-only directives frame-ancestors, report-uri, report-to, sandbox); null skips that check.
 */
export function checkInlineCode(dir: string, expectedCsp: string | null, pages: readonly string[] = discoverPages(dir)): SecurityGateResult {
  const findings: Finding[] = [];
  const add = (page: string, rule: string, message: string, where?: string) => findings.push({ gate: "security", page, rule, message, where });
  for (const page of pages) {
    const { document } = parseHTML(readFileSync(fileForPath(dir, page)!, "utf8"));
    const doc = document as unknown as Document;
    for (const el of Array.from(doc.querySelectorAll("*"))) {
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        if (/^on[a-z]+$/.test(name)) add(page, "inline-handler", `${name}="${attr.value.slice(0, 60)}"`, describe(el));
        if (name === "style") add(page, "inline-style-attribute", `style="${attr.value.slice(0, 60)}" (CSP style-src forbids it; use a class)`, describe(el));
        if (/^(href|src|action|formaction|xlink:href|data)$/.test(name) && /^\s*javascript:/i.test(attr.value)) add(page, "javascript-url", `${name}="${attr.value.slice(0, 60)}"`, describe(el));
      }
    }
    for (const s of Array.from(doc.querySelectorAll("script:not([src])"))) {
      const type = (s.getAttribute("type") ?? "").trim();
      if (!DATA_SCRIPT.test(type)) add(page, "inline-script", `inline <script${type ? ` type="${type}"` : ""}> (${(s.textContent ?? "").length} chars): CSP script-src 'self' blocks it; ship it as a file`, describe(s));
    }
    const csp = metaCsp(doc);
    const own = csp ? splitStyleHashes(csp) : null;
    const styles = Array.from(doc.querySelectorAll("style")).map((s) => ({ el: s, hash: styleHash(s.textContent ?? "") }));
    for (const { el, hash } of styles) {
      if (!own?.hashes.includes(hash)) add(page, "inline-style-element", `inline <style> (${(el.textContent ?? "").length} chars) whose hash ${hash} the page's style-src does not list: the CSP blocks it`, describe(el));
    }
    if (expectedCsp !== null) {
      if (!csp || !own) add(page, "csp-missing", 'no <meta http-equiv="Content-Security-Policy">');
      else if (JSON.stringify([...own.rest].sort()) !== JSON.stringify([...splitStyleHashes(expectedCsp).rest].sort())) {
        add(page, "csp-mismatch", `meta CSP "${csp}" differs from public/_headers "${expectedCsp}"`);
      } else {
        const extra = own.hashes.filter((h) => !styles.some((s) => s.hash === h));
        if (extra.length) add(page, "csp-stray-hash", `style-src lists ${extra.join(" ")}, which matches no <style> on the page`);
      }
    }
  }
  return { findings, pages: pages.length };
}

/** Directives a <meta> CSP may not carry (browsers ignore them there, with a console error). */
export const HEADER_ONLY_DIRECTIVES = ["frame-ancestors", "report-uri", "report-to", "sandbox"];

/** The policy `_headers` sets for all pages ("/*"), minus header-only directives: what the meta must say. */
export function metaPolicyFromHeaders(headersText: string): string | null {
  const all = parseHeadersFile(headersText).find((r) => r.pattern === "/*");
  const policy = all?.headers.get("content-security-policy");
  if (!policy) return null;
  return [...parseCsp(policy)]
    .filter(([name]) => !HEADER_ONLY_DIRECTIVES.includes(name))
    .map(([name, values]) => [name, ...values].join(" "))
    .join("; ");
}
