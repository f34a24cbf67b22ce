/** Reads data/release.json (written by `npm run data:import`); checking it is src/lib/release.ts. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { dataDir } from "./load.ts";
import { parseRelease, releaseLabel, type Release } from "../lib/release.ts";

/** The release the site shows: bundled figures when there is no data/release.json. */
export function readRelease(dir = dataDir()): Release {
  const path = join(dir, "release.json");
  if (!existsSync(path)) return { kind: "bundled" };
  return parseRelease(readFileSync(path, "utf8"), path);
}

/** The footer's and /data/'s line for the release in the data folder. */
export function currentReleaseLabel(): string {
  return releaseLabel(readRelease());
}
