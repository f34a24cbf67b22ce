/**
 * Writes a file of fictional schools in the exact layout of Ofsted's monthly MI CSV (Windows-1252).
 *   npm run data:fixture -- <count> <out.csv> [--seed N] [--bad N] [--title "text"]
 */
import { writeFileSync } from "node:fs";
import { fixtureBytes, generateSchools } from "../src/lib/mi/fixture.ts";

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const seed = Number(flag("--seed") ?? 1);
const bad = Number(flag("--bad") ?? 0);
const title = flag("--title");
const [countArg, out] = args;
const count = Number(countArg);
if (!out || !Number.isInteger(count) || count < 0 || !Number.isInteger(seed) || !Number.isInteger(bad)) {
  console.error("usage: npm run data:fixture -- <count> <out.csv> [--seed N] [--bad N] [--title \"text\"]");
  process.exit(2);
}
const { bytes } = fixtureBytes(generateSchools(count, seed), { badRows: bad, titleRow: title });
writeFileSync(out, bytes);
console.log(`wrote ${out}: ${count} fictional schools${bad ? ` + ${bad} bad rows` : ""}, seed ${seed}, ${(bytes.length / 1e6).toFixed(1)} MB, Windows-1252`);
