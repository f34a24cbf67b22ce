/**
 * Imports Ofsted's monthly management-information CSV for state-funded schools.
 *   npm run data:import -- <file.csv> [--strict] [--force] [--out-dir data]
 * Exit codes: 0 done; 1 the file cannot be used (nothing written); 2 usage; 3 --strict with rejected
 * rows; 4 refused: no schools, or under half the current import (run again with --force);
 * 5 writing or checking the new files failed (data/ unchanged).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { MiFileError } from "../src/lib/mi/parse.ts";
import { ImportWriteError, runImport } from "../src/import/run.ts";

const args = process.argv.slice(2);
const strict = args.includes("--strict");
const force = args.includes("--force");
const o = args.indexOf("--out-dir");
const outDir = o >= 0 ? args[o + 1]! : join(process.cwd(), "data");
const files = args.filter((a, i) => !a.startsWith("--") && !(o >= 0 && i === o + 1));
if (files.length !== 1) {
  console.error("usage: npm run data:import -- <Ofsted monthly MI file.csv> [--strict] [--force] [--out-dir data]");
  process.exit(2);
}
const file = files[0]!;
let bytes: Uint8Array;
try {
  bytes = readFileSync(file);
} catch (e) {
  console.error(`data:import: ${file}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  process.exit(1);
}
try {
  const t0 = performance.now();
  const result = runImport(bytes, file, { outDir, strict, force });
  console.log(result.report);
  const s = ((performance.now() - t0) / 1000).toFixed(2);
  if (result.refusal) {
    console.error(`data:import: ${file}: ${result.refusal.message}`);
    process.exit(result.refusal.kind === "strict" ? 3 : 4);
  }
  console.log(`data:import: ${result.release.rows_imported} of ${result.release.rows_read} rows imported, ${result.release.rows_rejected} rejected, ${result.parse.rowWarnings.length} cell warning(s), in ${s} s (read and check ${(result.timings.parse / 1000).toFixed(2)} s, aggregate ${(result.timings.aggregate / 1000).toFixed(2)} s, write ${(result.timings.write / 1000).toFixed(2)} s); wrote ${result.release.datasets.length} datasets, imported/schools.csv, release.json and import-report.md to ${outDir}`);
} catch (e) {
  if (e instanceof MiFileError) {
    console.error(`data:import: ${e.message}`);
    process.exit(1);
  }
  if (e instanceof ImportWriteError) {
    console.error(`data:import: ${file}: ${e.message}`);
    process.exit(5);
  }
  throw e;
}
