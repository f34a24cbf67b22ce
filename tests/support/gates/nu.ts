/**
 * HTML validity gate, second opinion: the W3C Nu HTML Checker (npm vnu-jar, run with the system
 * Java; .ci/run installs Debian's default-jre-headless when `java` is missing). It parses as a
 * browser does and checks the HTML and SVG content models, so it catches what html-validate misses
 * (a <script> after </html>, invalid SVG attribute values). Files are checked, not URLs, all in one
 * JVM call (starting Java costs more than checking a page). Errors fail; warnings are ignored.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { discoverPages, fileForPath, type Finding } from "./pages.ts";

const BATCH = 2000;
const NU_CSS_TOO_OLD = /^CSS: (“container-type”: Property “container-type” doesn't exist|Unrecognized at-rule “@container”)/;
export const VNU_JAR = resolve(import.meta.dirname, "../../../node_modules/vnu-jar/build/dist/vnu.jar");

export interface NuGateResult {
  readonly findings: Finding[];
  readonly pages: number;
  readonly ms: number;
}

interface NuMessage {
  type: string;
  subType?: string;
  url?: string;
  message: string;
  extract?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
}

/** Says why the checker cannot run (no Java, no jar), or null when it can. */
export function nuUnavailable(): string | null {
  if (!existsSync(VNU_JAR)) return `${VNU_JAR} not found: run npm install (devDependency vnu-jar)`;
  const java = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (java.error || java.status !== 0) return "java not found: install a Java runtime (Debian: apt-get install default-jre-headless)";
  return null;
}

/** The site path a checked file came from: dist/a/b/index.html -> /a/b/. */
function sitePath(dir: string, file: string): string {
  const rel = relative(resolve(dir), file).split(sep).join("/");
  return "/" + rel.replace(/(^|\/)index\.html$/, "$1");
}

export function validateNu(dir: string, pages: readonly string[] = discoverPages(dir)): NuGateResult {
  const why = nuUnavailable();
  if (why) throw new Error(`Nu HTML Checker cannot run: ${why}`);
  const files = pages.map((p) => {
    const f = fileForPath(dir, p);
    if (!f) throw new Error(`no file for ${p} in ${dir}`);
    return resolve(f);
  });
  const t0 = performance.now();
  const messages: NuMessage[] = [];
  // One JVM per batch (a batch keeps the command line short on a 22,000-school build).
  for (let at = 0; at < files.length; at += BATCH) {
    const run = spawnSync("java", ["-jar", VNU_JAR, "--errors-only", "--format", "json", "--exit-zero-always", ...files.slice(at, at + BATCH)], {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
    });
    if (run.error || run.status !== 0) throw new Error(`Nu HTML Checker failed (status ${run.status}): ${run.error?.message ?? run.stderr.slice(0, 500)}`);
    // vnu writes its JSON report to stderr.
    messages.push(...(JSON.parse(run.stderr) as { messages: NuMessage[] }).messages);
  }
  const findings: Finding[] = [];
  for (const m of messages) {
    if (m.type !== "error" && m.type !== "non-document-error") continue;
    // Nu's CSS checker predates container queries (CSS Containment 3, in every current browser): it
    // reports them in the landing pages' inline <style> (src/render/page-head.mjs), the same CSS it never
    // sees in the external files other pages link. Only those two messages are let through.
    if (NU_CSS_TOO_OLD.test(m.message)) continue;
    const page = m.url?.startsWith("file:") ? sitePath(dir, fileURLToPath(m.url)) : (m.url ?? "?");
    findings.push({
      gate: "nu",
      page,
      rule: m.subType === "fatal" ? "fatal" : m.type,
      message: m.message,
      where: `line ${m.lastLine ?? "?"}:${m.firstColumn ?? m.lastColumn ?? "?"}${m.extract ? ` near ${JSON.stringify(m.extract.trim().slice(0, 80))}` : ""}`,
    });
  }
  return { findings, pages: files.length, ms: performance.now() - t0 };
}
