/**
 * The fixture site: 40 fictional schools (seed 55) imported with the real importer and built with the
 * whole site (scripts/bench-build.ts buildFixtureSite). A vitest globalSetup for the build and e2e
 * projects: it is built once, kept under the system's temp folder keyed by a hash of everything the
 * build reads (src, data, scripts, config, lockfile), and reused by every file and by the next
 * project's run until one of those changes. Each checkout keeps its own (helpers and CI jobs that
 * share a machine and its temp folder do not delete each other's build). BOW_SCHOOLS_DIST (+ BOW_SCHOOLS_DATA) point at a build made
 * elsewhere. Tests read the folders with inject("schoolsDist") and inject("schoolsData").
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    schoolsDist: string;
    schoolsData: string;
  }
}

export const FIXTURE_SCHOOLS = 40;
export const FIXTURE_SEED = 55;

const INPUTS = ["src", "data", "scripts", "astro.config.mjs", "package-lock.json", "tsconfig.json"];

/** A hash of every file the fixture build reads (paths and contents). */
function inputsHash(): string {
  const h = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) if (!name.startsWith(".") && name !== "imported") walk(join(p, name));
    } else {
      h.update(p).update("\0").update(readFileSync(p)).update("\0");
    }
  };
  for (const p of INPUTS) walk(p);
  return h.update(`${FIXTURE_SCHOOLS}/${FIXTURE_SEED}`).digest("hex").slice(0, 16);
}

export async function setup(project: TestProject): Promise<void> {
  if (process.env.BOW_SCHOOLS_DIST) {
    project.provide("schoolsDist", process.env.BOW_SCHOOLS_DIST);
    project.provide("schoolsData", process.env.BOW_SCHOOLS_DATA ?? "");
    return;
  }
  // One folder per checkout, so a build for another checkout's sources never evicts this one.
  const checkout = createHash("sha256").update(process.cwd()).digest("hex").slice(0, 12);
  const root = join(tmpdir(), "bow-fixture-sites", checkout);
  const dir = join(root, inputsHash());
  if (!existsSync(join(dir, "complete"))) {
    const { buildFixtureSite } = await import("../../scripts/bench-build.ts");
    const site = buildFixtureSite(FIXTURE_SCHOOLS, FIXTURE_SEED);
    rmSync(root, { recursive: true, force: true }); // this checkout's older builds: their inputs have changed
    mkdirSync(dir, { recursive: true });
    // Same file system as the temp build folders: moves, not copies.
    renameSync(site.outDir, join(dir, "dist"));
    try {
      renameSync(site.dataDir, join(dir, "data"));
    } catch {
      cpSync(site.dataDir, join(dir, "data"), { recursive: true });
    }
    writeFileSync(join(dir, "complete"), new Date().toISOString() + "\n");
  }
  project.provide("schoolsDist", join(dir, "dist"));
  project.provide("schoolsData", join(dir, "data"));
}
