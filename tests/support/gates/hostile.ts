/**
 * Hostile-input gate: feeds hostile strings to every URL parameter a page knows (and to an unknown
 * one, and to the WordPress `#?secret=` fragment) and checks that no dialog fires, no script throws,
 * and nothing from the input becomes markup: no element carrying our marker attribute, no inline
 * event handler, no javascript: URL, no more <img>/<script>/<iframe>/<object>/<embed> than the page
 * has without parameters, and the raw payload does not appear in the serialised DOM.
 *
 * Each page gets (a) a Latin square: n loads where every parameter gets every short string once,
 * all parameters at a time, then (b) one load per parameter alone with the attribute-breaking
 * payload (so a parameter read only when the others are valid is still attacked) and (c) one load
 * per parameter (and the #?secret= fragment) alone with the 10,000-character string.
 */
import type { Browser, Page } from "playwright-core";
import { gotoRetry, isLocal, settle, trackInflight } from "./browser.ts";
import type { Finding } from "./pages.ts";

export interface Hostile {
  readonly label: string;
  /** The value as the page would decode it (null when only `encoded` makes sense). */
  readonly value: string;
  /** The query-string form (percent-encoded, or deliberately raw). */
  readonly encoded: string;
  /** Markup that must never appear in the DOM as markup. */
  readonly markup?: string;
}

const enc = (label: string, value: string, markup?: string): Hostile => ({ label, value, encoded: encodeURIComponent(value), markup });

export const HOSTILE: readonly Hostile[] = [
  enc("script tag", "<script data-bowxss>alert(1)</script>", "<script data-bowxss>"),
  enc("attribute break + img onerror", `"><img src=x onerror=alert(1) data-bowxss>`, "<img src=x onerror=alert(1) data-bowxss>"),
  enc("single-quote break + svg onload", `'><svg onload=alert(1) data-bowxss>`, "<svg onload=alert(1) data-bowxss>"),
  enc("attribute injection", `" autofocus onfocus="alert(1)" data-bowxss="`),
  enc("javascript: URL", "javascript:alert(1)"),
  enc("10,000 characters", "a".repeat(10_000)),
  enc("unicode, RTL override, emoji, zero-width", "\u202Eevil\u202C עברית العربية 👩🏽‍🏫 中文 \u200B\uFEFF"),
  { label: "%00 and broken percent-encoding", value: "\0", encoded: "%00%E0%A4%A" },
  enc("template and prototype keys", "{{constructor.constructor('alert(1)')()}}__proto__"),
];

export const ATTRIBUTE_BREAK = HOSTILE[1]!;
export const UNKNOWN_PARAM = "bow-unknown";

export interface HostileTarget {
  readonly page: string;
  readonly params: readonly string[];
}

interface Baseline {
  readonly counts: Record<string, number>;
}

const WATCHED = ["img", "script", "iframe", "object", "embed", "frame", "base", "meta[http-equiv='refresh']"];

async function domCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate((tags) => Object.fromEntries(tags.map((t) => [t, document.querySelectorAll(t).length])), WATCHED);
}

async function inspect(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    if (document.querySelector("[data-bowxss]")) bad.push(`element from the input: ${document.querySelector("[data-bowxss]")!.outerHTML.slice(0, 80)}`);
    for (const el of Array.from(document.querySelectorAll("*"))) {
      for (const a of Array.from(el.attributes)) {
        if (/^on/i.test(a.name)) bad.push(`inline handler ${a.name} on <${el.tagName.toLowerCase()}>`);
        if (/^(href|src|action|formaction|data|xlink:href)$/i.test(a.name) && /^\s*javascript:/i.test(a.value)) bad.push(`javascript: URL in ${a.name} of <${el.tagName.toLowerCase()}>`);
      }
    }
    return bad;
  });
}

function queryFor(params: readonly string[], values: readonly Hostile[], unknown: Hostile): string {
  const parts = params.map((p, i) => `${encodeURIComponent(p)}=${values[i]!.encoded}`);
  parts.push(`${UNKNOWN_PARAM}=${unknown.encoded}`, `__proto__=${unknown.encoded}`);
  return `?${parts.join("&")}#?secret=${unknown.encoded}`;
}

export interface HostileGateResult {
  readonly findings: Finding[];
  readonly loads: number;
  readonly ms: number;
}

/** One tab of the gate: its own context, page, dialog and error listeners. */
async function openTab(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route((url) => !isLocal(url.href, baseUrl), (route) => route.abort("blockedbyclient"));
  const page = await context.newPage();
  const tab = { context, page, inflight: trackInflight(page), dialogs: [] as string[], errors: [] as string[] };
  page.on("dialog", (d) => {
    tab.dialogs.push(`${d.type()}("${d.message()}")`);
    void d.dismiss().catch(() => {});
  });
  page.on("pageerror", (e) => tab.errors.push(e.message));
  return tab;
}

/**
 * Runs the gate over `targets`, `tabs` pages at a time (each target wholly in one tab, in its own
 * browser context, so one page's dialogs and errors are never counted against another). Findings
 * come back in the order of `targets`, whatever order the tabs finish in.
 */
export async function runHostile(browser: Browser, baseUrl: string, targets: readonly HostileTarget[], strings: readonly Hostile[] = HOSTILE, tabs = 2): Promise<HostileGateResult> {
  const t0 = performance.now();
  const perTarget: Finding[][] = targets.map(() => []);
  let loads = 0;
  let next = 0;
  const worker = async () => {
    const tab = await openTab(browser, baseUrl);
    const { page, inflight } = tab;
    try {
      for (let t = next++; t < targets.length; t = next++) {
        const target = targets[t]!;
        const findings = perTarget[t]!;
        await gotoRetry(page, baseUrl + target.page);
        await settle(page, inflight);
        const baseline: Baseline = { counts: await domCounts(page) };

        const runs: { query: string; payloads: Hostile[]; what: string }[] = [];
        // A 10,000-character value goes in one parameter at a time (round c): several in one URL would
        // pass the request-line limits of static servers (Node's 16 KB) and test the server, not the page.
        const long = (h: Hostile) => h.encoded.length > 2000;
        const square = strings.filter((h) => !long(h));
        const n = square.length;
        for (let k = 0; k < n; k++) {
          const values = target.params.map((_, i) => square[(i + k) % n]!);
          const unknown = square[k]!;
          const what = target.params.map((p, i) => `${p}=${values[i]!.label}`).concat(`${UNKNOWN_PARAM}/__proto__/#?secret=${unknown.label}`).join(", ");
          runs.push({ query: queryFor(target.params, values, unknown), payloads: [...values, unknown], what });
        }
        for (const p of [...target.params, UNKNOWN_PARAM]) {
          runs.push({ query: `?${encodeURIComponent(p)}=${ATTRIBUTE_BREAK.encoded}`, payloads: [ATTRIBUTE_BREAK], what: `${p}=${ATTRIBUTE_BREAK.label} (alone)` });
          for (const h of strings.filter(long)) runs.push({ query: `?${encodeURIComponent(p)}=${h.encoded}`, payloads: [h], what: `${p}=${h.label} (alone)` });
        }
        for (const h of strings.filter(long)) runs.push({ query: `#?secret=${h.encoded}`, payloads: [h], what: `#?secret=${h.label}` });

        for (const run of runs) {
          tab.dialogs = [];
          tab.errors = [];
          loads++;
          const add = (rule: string, message: string) => findings.push({ gate: "hostile", page: target.page, rule, message: `${message} [${run.what}]` });
          try {
            const response = await gotoRetry(page, baseUrl + target.page + run.query);
            if (response && !response.ok()) add("http-status", `HTTP ${response.status()} for a URL of ${run.query.length} characters`);
          } catch (e) {
            add("load-failed", String((e as Error).message).split("\n")[0]!.slice(0, 160));
            continue;
          }
          await settle(page, inflight, { scroll: "figure", quietMs: 100 });
          if (tab.dialogs.length) add("dialog", `dialog fired: ${tab.dialogs.join(", ")}`);
          if (tab.errors.length) add("script-error", `page script threw: ${tab.errors.slice(0, 2).join(" | ").slice(0, 200)}`);
          for (const b of await inspect(page)) add("markup-from-input", b);
          const counts = await domCounts(page);
          for (const [tag, c] of Object.entries(counts)) {
            if (c > (baseline.counts[tag] ?? 0)) add("new-elements", `${c} <${tag}> elements, ${baseline.counts[tag] ?? 0} without parameters`);
          }
          const html = await page.content();
          for (const h of run.payloads) if (h.markup && html.includes(h.markup)) add("raw-markup", `the raw input ${JSON.stringify(h.markup)} appears in the DOM`);
        }
      }
    } finally {
      await tab.context.close();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(tabs, targets.length)) }, worker));
  return { findings: perTarget.flat(), loads, ms: performance.now() - t0 };
}
