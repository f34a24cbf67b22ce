/**
 * `npm run bench`: builds the site (timed), then measures page weight per page type (what a first
 * visit downloads: HTML, the stylesheets and scripts it references with their static imports, its
 * images; raw and gzip) and prints a table, saved as bench/baseline.md and bench/baseline.json.
 *
 *   BOW_DIST=<dir>  build into and measure <dir> (default dist)
 *   --no-build      measure an existing build without rebuilding (build time then reads "not measured")
 *   (a build also writes the Pagefind index, as `npm run build` does, so dist/ is whole for the e2e tests)
 *   --no-floor      skip the browser comparison against the floor page (scripts/bench-floor.ts)
 *   BENCH_ROUNDS=n  alternating rounds for that comparison (default 7)
 *
 * JS here is what the HTML references statically; code a chart loads later with import() is not
 * counted (tests/e2e/gates-network.test.ts measures what a browser actually loads).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { discoverPages, fileForPath, groupByType } from "../tests/support/gates/pages.ts";
import { CHART, TARGETS, benchFloor, floorHtml } from "./bench-floor.ts";
import { localFile, partsReport, scriptClosure } from "./bench-parts.ts";

const DIST = process.env.BOW_DIST ?? "dist";
const build = !process.argv.includes("--no-build");

let buildSeconds: number | null = null;
if (build) {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ["node_modules/astro/bin/astro.mjs", "build", "--outDir", DIST], {
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
    encoding: "utf8",
  });
  buildSeconds = (performance.now() - t0) / 1000;
  if (run.status !== 0) {
    console.error(run.stdout.slice(-3000));
    console.error(`bench: astro build failed (exit ${run.status})`);
    process.exit(1);
  }
  // Then the search index, as `npm run build` does (not timed): the e2e tests read this dist/ too.
  const index = spawnSync("node_modules/.bin/pagefind", ["--site", DIST], { stdio: ["ignore", "ignore", "inherit"] });
  if (index.status !== 0) {
    console.error(`bench: pagefind failed (exit ${index.status})`);
    process.exit(1);
  }
}

interface Size {
  raw: number;
  gzip: number;
}
const sizeCache = new Map<string, Size>();
function sizeOf(file: string): Size {
  let s = sizeCache.get(file);
  if (!s) {
    const body = readFileSync(file);
    s = { raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
    sizeCache.set(file, s);
  }
  return s;
}

const local = (url: string | null | undefined, page: string) => localFile(DIST, url, page);

type Kind = "html" | "css" | "js" | "img";
const KINDS: Kind[] = ["html", "css", "js", "img"];

function weigh(page: string): Record<Kind, Size> {
  const htmlFile = fileForPath(DIST, page)!;
  const { document } = parseHTML(readFileSync(htmlFile, "utf8"));
  const files: Record<Kind, Set<string>> = { html: new Set([htmlFile]), css: new Set(), js: new Set(), img: new Set() };
  for (const l of Array.from(document.querySelectorAll('link[rel~="stylesheet"]'))) {
    const f = local(l.getAttribute("href"), page);
    if (f) files.css.add(f);
  }
  for (const s of Array.from(document.querySelectorAll("script[src], link[rel=modulepreload]"))) {
    const f = local(s.getAttribute("src") ?? s.getAttribute("href"), page);
    if (f) for (const x of scriptClosure(DIST, f)) files.js.add(x);
  }
  for (const i of Array.from(document.querySelectorAll('img[src], link[rel~="icon"], image[href], source[srcset], video[poster]'))) {
    const f = local(i.getAttribute("src") ?? i.getAttribute("href") ?? i.getAttribute("poster") ?? i.getAttribute("srcset")?.split(/\s+/)[0], page);
    if (f) files.img.add(f);
  }
  const out = {} as Record<Kind, Size>;
  for (const k of KINDS) {
    out[k] = [...files[k]].map(sizeOf).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  }
  return out;
}

const floor = process.argv.includes("--no-floor") ? null : await benchFloor(DIST, Number(process.env.BENCH_ROUNDS ?? 7));
const parts = partsReport(DIST, `/charts/${CHART}/`, floorHtml(DIST), TARGETS.bytes);
const pages = discoverPages(DIST);
const kb = (n: number) => (n / 1024).toFixed(1);
interface TypeRow {
  type: string;
  pages: number;
  mean: Record<Kind, Size>;
  totalGzipMean: number;
  heaviest: { page: string; gzip: number };
}
const rows: TypeRow[] = [];
for (const [type, group] of [...groupByType(pages)].sort((a, b) => a[0].localeCompare(b[0]))) {
  const weights = group.map((p) => ({ page: p, w: weigh(p) }));
  const mean = {} as Record<Kind, Size>;
  for (const k of KINDS) {
    mean[k] = {
      raw: weights.reduce((s, x) => s + x.w[k].raw, 0) / group.length,
      gzip: weights.reduce((s, x) => s + x.w[k].gzip, 0) / group.length,
    };
  }
  const totals = weights.map((x) => ({ page: x.page, gzip: KINDS.reduce((s, k) => s + x.w[k].gzip, 0) }));
  const heaviest = totals.reduce((a, b) => (b.gzip > a.gzip ? b : a));
  rows.push({ type, pages: group.length, mean, totalGzipMean: KINDS.reduce((s, k) => s + mean[k].gzip, 0), heaviest });
}

const distBytes = (dir: string): number => {
  let n = 0;
  const walk = (d: string) => {
    for (const f of spawnSync("ls", ["-A", d], { encoding: "utf8" }).stdout.split("\n").filter(Boolean)) {
      const p = join(d, f);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else n += s.size;
    }
  };
  walk(dir);
  return n;
};

const date = new Date().toISOString().slice(0, 16).replace("T", " ");
const head = ["page type", "pages", "HTML KB (gz)", "CSS KB (gz)", "JS KB (gz)", "images KB (gz)", "total KB gz", "heaviest page (KB gz)"];
const body = rows.map((r) => [
  r.type,
  String(r.pages),
  ...KINDS.map((k) => `${kb(r.mean[k].raw)} (${kb(r.mean[k].gzip)})`),
  kb(r.totalGzipMean),
  `${r.heaviest.page} (${kb(r.heaviest.gzip)})`,
]);
const table = [`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i === 0 || i === head.length - 1 ? "---" : "---:")).join("|")}|`, ...body.map((r) => `| ${r.join(" | ")} |`)].join("\n");
const summary = `Build: ${buildSeconds === null ? "not measured (--no-build)" : `${buildSeconds.toFixed(1)} s`} for ${pages.length} pages (astro build, wall clock, this machine); dist/ ${kb(distBytes(DIST))} KB on disk.`;
const md = `# Page weight baseline

Measured ${date} UTC by \`npm run bench\` (scripts/bench.ts). Per page type, the mean first-visit
weight of one page: its HTML, the stylesheets and scripts it references (with their static imports)
and its images; raw KB with gzip KB in brackets. Code loaded later by import() is not counted here
(the e2e network gate measures what Chromium actually loads, and enforces the JS budgets).

${summary}

${table}
${floor ? `\n## Against the floor\n\n${floor.text}\n` : ""}
## Where the bytes go

${parts.text}
`;
console.log(`${summary}\n\n${table}${floor ? `\n\n${floor.text}` : ""}\n\n${parts.text}`);
mkdirSync("bench", { recursive: true });
writeFileSync("bench/baseline.md", md);
writeFileSync("bench/baseline.json", JSON.stringify({ measured: date, buildSeconds, pages: pages.length, types: rows, floor: floor?.json ?? null, parts: parts.json }, null, 2) + "\n");
console.log("\nSaved bench/baseline.md and bench/baseline.json");
