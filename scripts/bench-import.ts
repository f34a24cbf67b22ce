/**
 * Benchmark: the import pipeline against a bare decode + Papa.parse of the same fictional MI file.
 *   npm run bench:import [-- --rows 22000 --runs 5 --big 220000]
 * Every measurement runs in a fresh child process, so its time and peak memory (maxRSS) belong to
 * that job alone. Targets (issue 13): the pipeline within 2x of the bare parse on 22,000 schools;
 * peak memory of a 220,000-row import under 1.5 GB. Prints figures; asserts nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import Papa from "papaparse";
import { fixtureBytes, generateSchools } from "../src/lib/mi/fixture.ts";
import { decodeMi } from "../src/lib/mi/encoding.ts";
import { runImport } from "../src/import/run.ts";

const args = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};

if (args[0] === "--child") {
  const [, mode, file, outDir] = args;
  const t0 = performance.now();
  let rows = 0;
  let steps: unknown;
  if (mode === "bare") {
    const text = decodeMi(readFileSync(file!)).text;
    rows = Papa.parse<string[]>(text, { delimiter: "," }).data.length - 1;
  } else {
    const r = runImport(readFileSync(file!), file!, { outDir: outDir!, force: true });
    rows = r.release.rows_read;
    steps = r.timings;
  }
  const ms = performance.now() - t0;
  process.stdout.write(JSON.stringify({ ms, rows, steps, maxRssKb: process.resourceUsage().maxRSS }));
  process.exit(0);
}

type Run = { ms: number; rows: number; maxRssKb: number; steps?: { parse: number; aggregate: number; write: number } };
function once(mode: "bare" | "import", file: string, out: string): Run {
  const r = spawnSync(process.execPath, [process.argv[1]!, "--child", mode, file, out], { encoding: "utf8", maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Run;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const count = opt("--rows", 22000);
const runs = opt("--runs", 5);
const big = opt("--big", 220000);
const dir = mkdtempSync(join(tmpdir(), "bow-bench-"));
const file = join(dir, "Management_information_fictional_as_at_30_Apr_2026.csv");
writeFileSync(file, fixtureBytes(generateSchools(count, 2026)).bytes);
const size = readFileSync(file).length;

// Alternate the two jobs so that load from other processes on a shared machine hits both alike.
const bare: Run[] = [], imp: Run[] = [];
for (let i = 0; i < runs; i++) {
  bare.push(once("bare", file, join(dir, `out-${i}`)));
  imp.push(once("import", file, join(dir, `out-${i}`)));
}
console.log(`fixture: ${count.toLocaleString("en-GB")} fictional schools, ${(size / 1e6).toFixed(1)} MB, Windows-1252; ${runs} runs each, each in its own process; median (best)`);
const line = (name: string, rs: Run[]) => `${name.padEnd(52)} ${s(median(rs.map((r) => r.ms)))} (${s(Math.min(...rs.map((r) => r.ms)))})  peak RSS ${(Math.max(...rs.map((r) => r.maxRssKb)) / 1024).toFixed(0)} MB`;
console.log(line("bare: read + decode + Papa.parse", bare));
console.log(line("pipeline: data:import (parse, check, aggregate, write)", imp));
const ratio = median(imp.map((r) => r.ms)) / median(bare.map((r) => r.ms));
const paired = median(imp.map((r, i) => r.ms / bare[i]!.ms));
console.log(`pipeline / bare: ${ratio.toFixed(2)}x by medians, ${paired.toFixed(2)}x median of paired runs (target: within 2x)`);
const step = (k: "parse" | "aggregate" | "write") => s(median(imp.map((r) => r.steps![k])));
console.log(`pipeline steps (medians): decode + parse + row rules ${step("parse")}; aggregate + compare ${step("aggregate")}; stage + write + validate + swap ${step("write")}`);

if (big > 0) {
  const bigFile = join(dir, "Management_information_fictional_big_as_at_30_Apr_2026.csv");
  writeFileSync(bigFile, fixtureBytes(generateSchools(big, 2027)).bytes);
  const bigSize = readFileSync(bigFile).length;
  const r = once("import", bigFile, join(dir, "out-big"));
  const b = once("bare", bigFile, join(dir, "out-big-bare"));
  console.log(
    `${big.toLocaleString("en-GB")}-row file (${(bigSize / 1e6).toFixed(0)} MB): pipeline ${s(r.ms)}, peak RSS ${(r.maxRssKb / 1024).toFixed(0)} MB (target: under 1,536 MB); bare parse ${s(b.ms)}, peak RSS ${(b.maxRssKb / 1024).toFixed(0)} MB`,
  );
}
rmSync(dir, { recursive: true, force: true });
