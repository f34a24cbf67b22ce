/**
 * Build benchmark: `astro build` with 0, 2,000 and 22,000 fictional schools (scripts/make-mi-fixture.ts
 * layout, imported with the real importer into a TEMPORARY data folder, BOW_DATA_DIR), plus Astro's
 * simplest page (src/pages/baseline/[n].astro, active only with BOW_BASELINE_PAGES=N) at the same
 * sizes, to compare the cost per page. Measures wall time, pages/s and peak memory (the resident set
 * of the build's whole process tree, polled from /proc every 50 ms). Prints a table and writes
 * bench/build.md. Nothing in data/ or dist/ is touched.
 *
 *   npm run bench:build                      (sizes 2000 and 22000)
 *   npm run bench:build -- --sizes 500,5000  (other sizes)
 *
 * Each build runs under `flock /tmp/build.lock` when flock exists (one build at a time machine-wide);
 * the clock starts once the lock is held.
 */
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fixtureBytes, generateSchools } from "../src/lib/mi/fixture.ts";
import { runImport } from "../src/import/run.ts";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
const ASTRO = join(ROOT, "node_modules", "astro", "bin", "astro.mjs");
/** Files an import writes into the data folder (never copied from the repo's data/). */
const IMPORT_OUTPUTS = /^(imported|release\.json|import-report\.md|mi-[a-z-]+\.csv)$/;

/**
 * A temporary data folder: the bundled datasets from data/ plus, if count > 0, an import of
 * `count` fictional schools (seeded). Returns its path; the caller removes it.
 */
export function prepareDataDir(count: number, seed = 1, fileName = "Management_information_-_state-funded_schools_-_latest_inspections_as_at_31_Mar_2026.csv"): string {
  const dir = mkdtempSync(join(tmpdir(), `bow-data-${count}-`));
  for (const name of readdirSync(join(ROOT, "data"))) {
    if (IMPORT_OUTPUTS.test(name) || name.includes(".tmp-")) continue;
    cpSync(join(ROOT, "data", name), join(dir, name), { recursive: true });
  }
  if (count > 0) {
    const { bytes } = fixtureBytes(generateSchools(count, seed), {});
    const r = runImport(bytes, fileName, { outDir: dir, now: new Date("2026-04-02T09:00:00Z") });
    if (!r.written || r.release.rows_imported !== count) throw new Error(`bench: import of ${count} fixture schools wrote ${r.release.rows_imported}`);
  }
  return dir;
}

/**
 * Tests: a fixture site. Imports `count` fictional schools (seed) into a temporary data folder and
 * builds the whole site into a temporary outDir (under the machine-wide build lock when flock exists).
 */
export function buildFixtureSite(count: number, seed: number): { dataDir: string; outDir: string; cleanup: () => void } {
  const dataDir = prepareDataDir(count, seed);
  const outDir = mkdtempSync(join(tmpdir(), "bow-schools-dist-"));
  const cmd = [process.execPath, ASTRO, "build", "--outDir", outDir];
  const full = hasFlock() ? ["flock", "/tmp/build.lock", ...cmd] : cmd;
  const r = spawnSync(full[0]!, full.slice(1), { cwd: ROOT, env: { ...process.env, BOW_DATA_DIR: dataDir, ASTRO_TELEMETRY_DISABLED: "1" }, encoding: "utf8", maxBuffer: 1 << 26 });
  const cleanup = () => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  };
  if (r.status !== 0) {
    cleanup();
    throw new Error(`fixture build failed (exit ${r.status}):\n${(r.stderr || r.stdout || "").slice(-3000)}`);
  }
  return { dataDir, outDir, cleanup };
}

export interface BuildRun {
  readonly label: string;
  readonly schools: number;
  readonly baseline: number;
  readonly htmlPages: number;
  readonly wallS: number;
  /** Routes under /schools/ or /baseline/ that Astro logged, and the seconds from the first to the last. */
  readonly extraRoutes: number;
  readonly extraSpanS: number;
  /** Sum of Astro's own per-route times (+Nms) for those routes. */
  readonly extraSumMs: number;
  readonly peakRssMb: number;
  readonly ok: boolean;
  /** Area routes (issue 18: /areas/ pages and each area chart's page, embed, oEmbed, PNG, SVG, CSV) and the sum of Astro's ms for them. */
  readonly areaRoutes: number;
  readonly areaSumMs: number;
}

function countHtml(dir: string): number {
  let n = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".html")) n++;
    }
  };
  if (existsSync(dir)) walk(dir);
  return n;
}

/** Resident set (kB) of pid and all its descendants. */
function treeRssKb(root: number): number {
  const kids = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      (kids.get(ppid) ?? kids.set(ppid, []).get(ppid)!).push(Number(name));
    } catch { /* exited */ }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) total += Number(m[1]);
    } catch { /* exited */ }
    stack.push(...(kids.get(pid) ?? []));
  }
  return total;
}

/** Child mode (inside the lock): run one astro build, print {wallS, peakRssKb, code, extra...} as JSON. */
async function child(outDir: string) {
  const t0 = performance.now();
  const p = spawn(process.execPath, [ASTRO, "build", "--outDir", outDir], { cwd: ROOT, env: process.env, stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  p.stderr!.on("data", (b) => { err = (err + b).slice(-4000); });
  // Astro logs one line per route as it writes it ("  ├─ /schools/100001/index.html (+2ms)"):
  // the time between the first and the last school (or baseline) page is their generation time,
  // free of the build's fixed costs (bundling, chart and preview-image rendering).
  let extraFirst = -1, extraLast = -1, extraCount = 0, extraSumMs = 0, pending = "";
  let areaCount = 0, areaSumMs = 0;
  p.stdout!.setEncoding("utf8");
  p.stdout!.on("data", (chunk: string) => {
    const now = performance.now() - t0;
    const lines = (pending + chunk).split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      const a = /[├└]─ \/(?:areas\/|(?:charts|embed|oembed)\/area-)\S* \(\+([\d.]+)(ms|s)\)/.exec(line);
      if (a) { areaCount++; areaSumMs += Number(a[1]) * (a[2] === "s" ? 1000 : 1); }
      const m = /[├└]─ (\/(?:schools|baseline)\/\S*) \(\+([\d.]+)(ms|s)\)/.exec(line);
      if (!m) continue;
      if (extraFirst < 0) extraFirst = now;
      extraLast = now;
      extraCount++;
      extraSumMs += Number(m[2]) * (m[3] === "s" ? 1000 : 1);
    }
  });
  let peak = 0;
  const poll = setInterval(() => { peak = Math.max(peak, treeRssKb(p.pid!)); }, 50);
  const code: number = await new Promise((ok) => p.on("close", (c) => ok(c ?? 1)));
  clearInterval(poll);
  const wallS = (performance.now() - t0) / 1000;
  const extraSpanS = extraFirst < 0 ? 0 : (extraLast - extraFirst) / 1000;
  process.stdout.write(JSON.stringify({ wallS, peakRssKb: peak, code, err: code ? err : "", extraCount, extraSpanS, extraSumMs, areaCount, areaSumMs }) + "\n");
}

function hasFlock(): boolean {
  return spawnSync("sh", ["-c", "command -v flock"], { stdio: "ignore" }).status === 0;
}

/** One build of the site with BOW_DATA_DIR and BOW_BASELINE_PAGES as given, into a temporary outDir. */
export function measureBuild(label: string, dataDir: string, schools: number, baseline: number, extraEnv: Record<string, string> = {}): BuildRun {
  const outDir = mkdtempSync(join(tmpdir(), "bow-bench-dist-"));
  const self = fileURLToPath(import.meta.url);
  const cmd = hasFlock() ? ["flock", "/tmp/build.lock", process.execPath, self, "--child", outDir] : [process.execPath, self, "--child", outDir];
  const env = { ...process.env, BOW_DATA_DIR: dataDir, ASTRO_TELEMETRY_DISABLED: "1", BOW_BASELINE_PAGES: String(baseline), ...extraEnv };
  const r = spawnSync(cmd[0]!, cmd.slice(1), { cwd: ROOT, env, encoding: "utf8", maxBuffer: 1 << 26 });
  const line = (r.stdout ?? "").trim().split("\n").pop() ?? "";
  let res: { wallS: number; peakRssKb: number; code: number; err: string; extraCount: number; extraSpanS: number; extraSumMs: number; areaCount: number; areaSumMs: number };
  try { res = JSON.parse(line); } catch { throw new Error(`bench: ${label}: no result from the build (${r.stderr})`); }
  if (res.code !== 0) console.error(`bench: ${label}: astro build failed (exit ${res.code}):\n${res.err}`);
  const htmlPages = countHtml(outDir);
  rmSync(outDir, { recursive: true, force: true });
  return { label, schools, baseline, htmlPages, wallS: res.wallS, extraRoutes: res.extraCount, extraSpanS: res.extraSpanS, extraSumMs: res.extraSumMs, peakRssMb: res.peakRssKb / 1024, ok: res.code === 0, areaRoutes: res.areaCount, areaSumMs: res.areaSumMs };
}

const f1 = (n: number) => n.toFixed(1);
const f2 = (n: number) => n.toFixed(2);

/** ms per page of the extra routes, from the span between Astro's first and last log line for them. */
export const perPageMs = (r: BuildRun) => (r.extraRoutes > 1 ? (r.extraSpanS * 1000) / (r.extraRoutes - 1) : NaN);

export function renderTable(runs: readonly BuildRun[]): string {
  const L: string[] = [];
  L.push("| build | HTML pages | wall (s) | pages/s (all HTML, wall) | school/baseline routes | their generation (s) | pages/s (generation) | ms per page | Astro's own ms per page | area routes | their time (s, Astro's own) | peak RSS (MB) |");
  L.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of runs) {
    const pp = perPageMs(r);
    const has = r.extraRoutes > 1;
    L.push(`| ${r.label}${r.ok ? "" : " (FAILED)"} | ${r.htmlPages.toLocaleString("en-GB")} | ${f1(r.wallS)} | ${f1(r.htmlPages / r.wallS)} | ${r.extraRoutes.toLocaleString("en-GB")} | ${has ? f1(r.extraSpanS) : "–"} | ${has ? f1(1000 / pp) : "–"} | ${has ? f2(pp) : "–"} | ${has ? f2(r.extraSumMs / r.extraRoutes) : "–"} | ${r.areaRoutes ? r.areaRoutes.toLocaleString("en-GB") : "–"} | ${r.areaRoutes ? f1(r.areaSumMs / 1000) : "–"} | ${Math.round(r.peakRssMb)} |`);
  }
  return L.join("\n");
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === "--child") return child(args[1]!);
  const si = args.indexOf("--sizes");
  const sizes = si >= 0 ? args[si + 1]!.split(",").map(Number) : [2000, 22000];
  const runs: BuildRun[] = [];
  const dirs: string[] = [];
  const load: string[] = [];
  const loadavg = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  try {
    const empty = prepareDataDir(0);
    dirs.push(empty);
    console.log("bench: warm-up build (not counted: Vite's dependency cache) ...");
    measureBuild("warm-up", empty, 0, 0);
    console.log("bench: build with 0 schools ...");
    runs.push(measureBuild("0 schools (the site alone)", empty, 0, 0));
    load.push(loadavg());
    for (const n of sizes) {
      const d = prepareDataDir(n);
      dirs.push(d);
      console.log(`bench: build with ${n} schools ...`);
      runs.push(measureBuild(`${n.toLocaleString("en-GB")} schools`, d, n, 0));
      load.push(loadavg());
      // The same build without the local edition (BOW_AREA_PAGES=0): the difference is what area pages add.
      console.log(`bench: build with ${n} schools, no area pages ...`);
      runs.push(measureBuild(`${n.toLocaleString("en-GB")} schools without area pages`, d, n, 0, { BOW_AREA_PAGES: "0" }));
      load.push(loadavg());
      console.log(`bench: build with ${n} baseline pages ...`);
      runs.push(measureBuild(`${n.toLocaleString("en-GB")} baseline pages (simplest Astro page)`, empty, 0, n));
      load.push(loadavg());
    }
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
  const table = renderTable(runs);
  const ratios = sizes.map((n) => {
    const noAreas = (r: BuildRun) => r.label.endsWith("without area pages");
    const s = runs.find((r) => r.schools === n && !noAreas(r))!, b = runs.find((r) => r.baseline === n)!;
    const ps = perPageMs(s), pb = perPageMs(b);
    const without = runs.find((r) => r.schools === n && noAreas(r));
    const added = without ? ` ${(s.htmlPages - without.htmlPages).toLocaleString("en-GB")} HTML pages, ${f1(s.wallS - without.wallS)} s of wall time (${f1(s.wallS)} s against ${f1(without.wallS)} s without them)` : "";
    const areas = s.areaRoutes ? ` Area pages and charts (issue 18) add ${s.areaRoutes.toLocaleString("en-GB")} routes:${added}; Astro's own time for them ${f1(s.areaSumMs / 1000)} s (${f1(s.areaSumMs / s.areaRoutes)} ms each).` : "";
    return `- ${n.toLocaleString("en-GB")}: a school page took ${f2(ps)} ms, the simplest Astro page ${f2(pb)} ms: ${f2(ps / pb)}x the baseline's cost per page (target: within 2x). The whole build with ${n.toLocaleString("en-GB")} schools took ${f1(s.wallS)} s (target: under 180 s); the same build without schools ${f1(runs[0]!.wallS)} s.${areas}`;
  });
  const md = [
    "# Build benchmark (`npm run bench:build`)",
    "",
    `Run ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${cpus().length} CPU cores (${cpus()[0]?.model ?? "unknown CPU"}), ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.versions.node}.`,
    "Fictional schools from src/lib/mi/fixture.ts (seed 1), imported with the real importer into a temporary data folder;",
    "each build is `astro build` of the whole site into a temporary folder, after one uncounted warm-up build.",
    "\"School/baseline routes\": the pages under /schools/ (one per school, one per local authority, /schools/ itself and",
    "the search index) or /baseline/; their generation time runs from Astro's log line for the first of them to its line",
    "for the last, so the build's fixed costs (bundling, chart PNGs, preview cards) are left out of the cost per page.",
    "\"Astro's own ms per page\" sums the (+N ms) Astro logs per route. \"Area routes\": /areas/ pages and each area chart's",
    "embed, oEmbed, SVG and CSV (issue 18), with the sum of Astro's own times for them; the build \"without area pages\" is the same",
    "import built with BOW_AREA_PAGES=0, so the difference in wall time is what the area pages add. Peak RSS: the build's whole process tree,",
    "sampled every 50 ms. The machine is shared with other builds and tests: load average (1/5/15 min) after each",
    `build: ${load.join("; ")}. Runs vary by ±20% or more.`,
    "",
    table,
    "",
    ...ratios,
    "",
  ].join("\n");
  mkdirSync(join(ROOT, "bench"), { recursive: true });
  writeFileSync(join(ROOT, "bench", "build.md"), md);
  console.log("\n" + md);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
