/**
 * Fetches and imports the newest Ofsted monthly management-information CSV from GOV.UK.
 *   npm run data:refresh [-- --force] [--strict] [--out-dir data]
 * GOVUK_BASE_URL overrides https://www.gov.uk (tests point it at a stand-in on localhost).
 * Exit codes as data:import (0 done or already up to date; 1 file unusable; 3 --strict; 4 refused,
 * see --force; 5 write failed), plus 6: GOV.UK unreachable, an HTTP error, a refused host or a short
 * download (nothing written).
 */
import { join } from "node:path";
import { MiFileError } from "../src/lib/mi/parse.ts";
import { ImportWriteError } from "../src/import/run.ts";
import { refresh, RefreshError } from "../src/import/refresh.ts";
import { longDate } from "../src/lib/format.ts";

const args = process.argv.slice(2);
const o = args.indexOf("--out-dir");
const outDir = o >= 0 ? args[o + 1]! : join(process.cwd(), "data");
const unknown = args.filter((a, i) => !["--force", "--strict", "--out-dir"].includes(a) && !(o >= 0 && i === o + 1));
if (unknown.length) {
  console.error("usage: npm run data:refresh [-- --force] [--strict] [--out-dir data]");
  process.exit(2);
}
try {
  const r = await refresh({ outDir, baseUrl: process.env.GOVUK_BASE_URL, force: args.includes("--force"), strict: args.includes("--strict") });
  if (r.kind === "up-to-date") {
    console.log(`data:refresh: already imported: ${r.chosen.filename} (as at ${longDate(r.chosen.date)}) is the newest file on GOV.UK; nothing changed.`);
    process.exit(0);
  }
  const { result } = r;
  console.log(result.report);
  if (result.refusal) {
    console.error(`data:refresh: ${r.chosen.filename}: ${result.refusal.message}`);
    process.exit(result.refusal.kind === "strict" ? 3 : 4);
  }
  console.log(`data:refresh: imported ${r.chosen.filename} (as at ${longDate(r.chosen.date)}): ${result.release.rows_imported} of ${result.release.rows_read} rows, ${result.release.rows_rejected} rejected, into ${outDir}`);
} catch (e) {
  if (e instanceof RefreshError) {
    console.error(`data:refresh: ${e.message}. The data folder was not changed.`);
    process.exit(6);
  }
  if (e instanceof MiFileError) {
    console.error(`data:refresh: ${e.message}`);
    process.exit(1);
  }
  if (e instanceof ImportWriteError) {
    console.error(`data:refresh: ${e.message}`);
    process.exit(5);
  }
  throw e;
}
