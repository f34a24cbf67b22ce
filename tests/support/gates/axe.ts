/**
 * Accessibility gate: axe-core (WCAG 2.0/2.1/2.2 A and AA, plus best practices) on every page, in
 * light mode at desktop width and in dark mode at phone width (so both colour schemes and both chart
 * widths are checked), with every <details> opened so data tables are checked too.
 * One browser, one context per colour scheme (the two run side by side), pages in sequence.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Browser } from "playwright-core";
import { gotoRetry } from "./browser.ts";
import type { Finding } from "./pages.ts";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

export const AXE_MODES = [
  { scheme: "light", width: 1280, height: 900 },
  { scheme: "dark", width: 375, height: 800 },
] as const;

export interface AxeTiming {
  readonly page: string;
  readonly scheme: string;
  readonly ms: number;
}

export interface AxeGateResult {
  readonly findings: Finding[];
  readonly timings: AxeTiming[];
}

export async function runAxe(browser: Browser, baseUrl: string, pages: readonly string[]): Promise<AxeGateResult> {
  // The two modes run side by side (one context each, pages in sequence within a mode).
  const perMode = await Promise.all(
    AXE_MODES.map(async (mode) => {
      const findings: Finding[] = [];
      const timings: AxeTiming[] = [];
      const context = await browser.newContext({ colorScheme: mode.scheme, viewport: { width: mode.width, height: mode.height } });
      await context.route((url) => !url.href.startsWith(baseUrl), (route) => route.abort());
      const page = await context.newPage();
      for (const path of pages) {
        const t0 = performance.now();
        await gotoRetry(page, baseUrl + path);
        await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
        const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        for (const v of result.violations) {
          for (const node of v.nodes) {
            findings.push({ gate: "axe", page: `${path} (${mode.scheme}, ${mode.width}px)`, rule: v.id, message: `${v.impact ?? ""} ${v.help}`.trim(), where: node.target.join(" ") });
          }
        }
        timings.push({ page: path, scheme: mode.scheme, ms: performance.now() - t0 });
      }
      await context.close();
      return { findings, timings };
    }),
  );
  return { findings: perMode.flatMap((m) => m.findings), timings: perMode.flatMap((m) => m.timings) };
}

export function timingSummary(timings: readonly AxeTiming[], wallMs?: number): string {
  const total = timings.reduce((s, t) => s + t.ms, 0);
  const slow = [...timings].sort((a, b) => b.ms - a.ms).slice(0, 5);
  const wall = wallMs === undefined ? "" : `, ${(wallMs / 1000).toFixed(1)} s wall clock`;
  const lines = [`axe: ${timings.length} page runs, ${(total / 1000).toFixed(1)} s of page time${wall} (mean ${(total / Math.max(1, timings.length)).toFixed(0)} ms per page run)`];
  lines.push(...slow.map((t) => `  slowest: ${t.page} (${t.scheme}) ${t.ms.toFixed(0)} ms`));
  return lines.join("\n");
}
