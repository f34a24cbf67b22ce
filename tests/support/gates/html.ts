/**
 * HTML validity gate: html-validate with the repository's .htmlvalidate.json on every page of a
 * built site. Errors fail. .htmlvalidate.json is html-validate:recommended with two adjustments
 * (JSON has no comments, so the reasons are here):
 *  - no-trailing-whitespace off: Astro's compressHTML keeps one space before a line break inside text
 *    (MDX prose); whitespace is style, not validity.
 *  - long-title maxlength 100 (default 70): Base.astro appends " | Beyond One Word" (18 characters) to
 *    every title, so sentence-length chart titles pass 70; a search engine truncating the suffix is harmless.
 */
import { FileSystemConfigLoader, HtmlValidate } from "html-validate";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { discoverPages, fileForPath, type Finding } from "./pages.ts";

/** The repository's config (resolved from the repository root, whatever the site directory). */
const CONFIG = resolve(import.meta.dirname, "../../../.htmlvalidate.json");

export interface HtmlGateResult {
  readonly findings: Finding[];
  readonly pages: number;
  readonly ms: number;
}

export async function validateHtml(dir: string, pages: readonly string[] = discoverPages(dir)): Promise<HtmlGateResult> {
  const config = JSON.parse(readFileSync(CONFIG, "utf8"));
  const hv = new HtmlValidate(new FileSystemConfigLoader({ ...config, root: true }));
  const findings: Finding[] = [];
  const t0 = performance.now();
  for (const path of pages) {
    const file = fileForPath(dir, path)!;
    const report = await hv.validateString(readFileSync(file, "utf8"), file);
    for (const result of report.results) {
      for (const m of result.messages) {
        if (m.severity < 2) continue;
        findings.push({ gate: "html", page: path, rule: m.ruleId, message: m.message, where: `${m.selector ?? "?"} (line ${m.line}:${m.column})` });
      }
    }
  }
  return { findings, pages: pages.length, ms: performance.now() - t0 };
}
