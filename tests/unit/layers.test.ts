/**
 * The layers the README promises, read from the source files themselves:
 *  - src/lib is pure: no file system, no DOM (linkedom, document, window), no build-time renderers,
 *    no imports from charts, components, pages, layouts or the render layer;
 *  - the chart registry (src/charts) is pure data: chart definitions, no loading (that is
 *    src/render/charts.ts);
 *  - no file in src is over 300 lines.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const SRC = join(ROOT, "src");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}
const code = (dir: string) => filesUnder(dir).filter((f) => /\.(ts|mts|js|mjs|astro)$/.test(f));

/** Every module specifier a file imports or re-exports, static or dynamic. */
export function specifiers(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(/(?:^|[\s;])(?:import|export)\b[^"'`;]*?\bfrom\s*["']([^"']+)["']/g)) out.push(m[1]!);
  for (const m of source.matchAll(/(?:^|[\s;])import\s*["']([^"']+)["']/g)) out.push(m[1]!);
  for (const m of source.matchAll(/\bimport\s*\(\s*["']([^"']+)["']\s*\)/g)) out.push(m[1]!);
  for (const m of source.matchAll(/\brequire\s*\(\s*["']([^"']+)["']\s*\)/g)) out.push(m[1]!);
  return out;
}

/** Source with comments and string contents blanked, to look for globals like `document`. */
const withoutCommentsAndStrings = (s: string) =>
  s
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:])\/\/.*$/gm, "$1")
    .replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, '""');

/** Packages that do I/O, need a DOM or draw pictures: build-time work belongs in src/render. */
const IMPURE_PACKAGES = /^(node:|fs$|fs\/|path$|os$|child_process$|url$|linkedom|jsdom|happy-dom|@resvg\/|satori|sharp|playwright|astro:)/;
/** Folders src/lib must not import from. */
const UPPER_LAYERS = ["charts", "components", "pages", "layouts", "render", "import", "scripts", "content"].map((d) => join(SRC, d) + "/");

/** What breaks src/lib's purity in one file (its path decides where relative imports land). */
function problemsInLib(file: string, source: string): string[] {
  const problems: string[] = [];
  const shown = relative(ROOT, file);
  for (const spec of specifiers(source)) {
    if (IMPURE_PACKAGES.test(spec)) problems.push(`${shown} imports "${spec}"`);
    if (spec.startsWith(".")) {
      const target = resolve(dirname(file), spec);
      if (UPPER_LAYERS.some((d) => target.startsWith(d))) problems.push(`${shown} imports "${spec}" (${relative(ROOT, target)})`);
    }
  }
  const bare = withoutCommentsAndStrings(source);
  for (const g of ["document", "window", "DOMParser", "localStorage", "fetch", "process"]) {
    if (new RegExp(`(?<![.\\w$])${g}\\s*[.(\\[]`).test(bare)) problems.push(`${shown} uses the global ${g}`);
  }
  return problems;
}

describe("layers", () => {
  it("src/lib is pure: no file system, DOM or renderer, and no imports from the layers above it", () => {
    expect(code(join(SRC, "lib")).flatMap((f) => problemsInLib(f, readFileSync(f, "utf8")))).toEqual([]);
  });

  it("the purity check catches what it looks for", () => {
    // Sources that break each rule, checked as if they sat in src/lib.
    const cases = [
      'import { readFileSync } from "node:fs";',
      'import { parseHTML } from "linkedom";',
      'export { CHARTS } from "../render/charts.ts";',
      'import type { X } from "../charts/index.ts";',
      'const m = await import("../components/Figure.astro");',
      "export const w = () => document.querySelector('svg');",
      "export const dir = process.env.BOW_DATA_DIR;",
    ];
    expect(cases.map((text) => problemsInLib(join(SRC, "lib", "x.ts"), text).length)).toEqual(cases.map(() => 1));
    // and leaves alone what only looks similar
    expect(specifiers('import { x } from "./grades.ts"; // from "node:fs"')).toEqual(["./grades.ts"]);
    expect(withoutCommentsAndStrings('const s = "document.title"; // window.open()')).not.toMatch(/document|window/);
  });

  it("the chart registry and chart files are pure data: no loading, no render layer", () => {
    const problems: string[] = [];
    for (const file of code(join(SRC, "charts"))) {
      for (const spec of specifiers(readFileSync(file, "utf8"))) {
        const target = spec.startsWith(".") ? resolve(dirname(file), spec) : "";
        if (IMPURE_PACKAGES.test(spec) || target.startsWith(join(SRC, "render") + "/") || target.startsWith(join(SRC, "pages") + "/") || target.startsWith(join(SRC, "components") + "/"))
          problems.push(`${relative(ROOT, file)} imports "${spec}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("no file in src is over 300 lines", () => {
    const long = filesUnder(SRC)
      .filter((f) => /\.(ts|mts|js|mjs|astro|mdx|md|css)$/.test(f))
      .map((f) => [relative(ROOT, f), readFileSync(f, "utf8").split("\n").length - 1] as const)
      .filter(([, n]) => n > 300);
    expect(long).toEqual([]);
  });
});
