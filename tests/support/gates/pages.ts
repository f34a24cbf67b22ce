/**
 * Page discovery for the quality gates: every HTML file in a built site, found by walking the
 * directory (never a fixed list, so pages added later are gated too), grouped into page types,
 * with a bounded, deterministic sample of repetitive types for the slower browser gates.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parseHTML } from "linkedom";

/** A problem a gate found, located on a page (site path) and, where possible, an element. */
export interface Finding {
  readonly gate: string;
  readonly page: string;
  readonly rule: string;
  readonly message: string;
  readonly where?: string;
}

export function formatFindings(findings: readonly Finding[], max = 60): string {
  const lines = findings.slice(0, max).map((f) => `${f.page} [${f.gate}/${f.rule}] ${f.message}${f.where ? ` at ${f.where}` : ""}`);
  if (findings.length > max) lines.push(`... and ${findings.length - max} more`);
  return lines.join("\n");
}

/** Every file under `dir` (relative paths with forward slashes), sorted. */
export function allFiles(dir: string): string[] {
  if (!existsSync(dir)) throw new Error(`${dir} not found: build the site first (npm run build)`);
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).split(sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/** Every HTML page of a built site as a site path: "index.html" -> "/", "a/b/index.html" -> "/a/b/", "404.html" -> "/404.html". */
export function discoverPages(dir: string): string[] {
  return allFiles(dir)
    .filter((f) => f.endsWith(".html"))
    .map((f) => "/" + f.replace(/(^|\/)index\.html$/, "$1"))
    .sort();
}

/** The file a site path is served from, or null if none. */
export function fileForPath(dir: string, sitePath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(sitePath);
  } catch {
    return null;
  }
  if (path.includes("\0") || path.split("/").includes("..")) return null;
  const candidates = path.endsWith("/") ? [join(dir, path, "index.html")] : [join(dir, path), join(dir, path, "index.html")];
  for (const c of candidates) if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

export function readPage(dir: string, sitePath: string): string {
  const file = fileForPath(dir, sitePath);
  if (!file) throw new Error(`no file for ${sitePath} in ${dir}`);
  return readFileSync(file, "utf8");
}

/**
 * A page's type: its first path segment, with "/*" when it is an item below that section.
 * "/" -> "home", "/charts/" -> "charts", "/charts/x/" -> "charts/*", "/schools/123/" -> "schools/*".
 */
export function pageType(sitePath: string): string {
  const segments = sitePath.split("/").filter(Boolean);
  if (segments.length === 0) return "home";
  if (segments.length === 1) return segments[0]!.replace(/\.html$/, "");
  return `${segments[0]}/*`;
}

export function groupByType(pages: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const p of pages) {
    const t = pageType(p);
    const group = groups.get(t);
    if (group) group.push(p);
    else groups.set(t, [p]);
  }
  return groups;
}

/** Pages per type the browser gates visit before sampling kicks in (env BOW_GATES_MAX_PER_TYPE overrides). */
export const MAX_PER_TYPE = Number(process.env.BOW_GATES_MAX_PER_TYPE ?? 40);

/**
 * All pages of every type with at most `max` pages; for larger types (e.g. thousands of school
 * pages from one template) `max` pages spread evenly over the sorted list, first and last included.
 * Deterministic: the same site gives the same sample.
 */
export function samplePages(pages: readonly string[], max = MAX_PER_TYPE): { pages: string[]; sampled: Map<string, { total: number; kept: number }> } {
  const out: string[] = [];
  const sampled = new Map<string, { total: number; kept: number }>();
  for (const [type, group] of groupByType(pages)) {
    if (group.length <= max) {
      out.push(...group);
      continue;
    }
    const picks = new Set<number>();
    for (let i = 0; i < max; i++) picks.add(Math.round((i * (group.length - 1)) / (max - 1)));
    out.push(...[...picks].sort((a, b) => a - b).map((i) => group[i]!));
    sampled.set(type, { total: group.length, kept: picks.size });
  }
  return { pages: out.sort(), sampled };
}

export function describeSample(sampled: Map<string, { total: number; kept: number }>): string {
  if (sampled.size === 0) return "every page visited (no page type exceeded the sampling bound)";
  return [...sampled].map(([t, s]) => `${t}: ${s.kept} of ${s.total} pages (evenly spaced sample)`).join("; ");
}

/** The site's public origin, read from the home page's canonical link (absolute links to it are internal). */
export function siteOrigin(dir: string): string | null {
  const file = fileForPath(dir, "/");
  if (!file) return null;
  const href = parseHTML(readFileSync(file, "utf8")).document.querySelector('link[rel="canonical"]')?.getAttribute("href");
  if (!href) return null;
  try {
    return new URL(href).origin;
  } catch {
    return null;
  }
}
