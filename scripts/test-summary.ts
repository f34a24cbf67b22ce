/**
 * Prints one closing line for the whole `npm test` run from the JSON reports each vitest project
 * wrote to reports/: "Tests: N passed, N failed" (plus a line per project).
 */
import { existsSync, readFileSync } from "node:fs";

const projects = ["unit", "build", "e2e"];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const p of projects) {
  const file = `reports/vitest-${p}.json`;
  if (!existsSync(file)) {
    console.log(`${p}: no report (${file} missing)`);
    failed++;
    continue;
  }
  const r = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  console.log(`${p}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + r.numTodoTests;
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);
