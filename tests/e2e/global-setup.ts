/**
 * Serves the built site (dist/, or BOW_DIST) on a free localhost port for the browser tests,
 * and stops it afterwards. Tests read the URL with inject("baseUrl").
 */
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { serveStatic, type RunningServer } from "../support/static-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: RunningServer | undefined;

export async function setup(project: TestProject) {
  const dist = process.env.BOW_DIST ?? "dist";
  if (!existsSync(`${dist}/index.html`)) throw new Error(`${dist}/index.html not found: run \`npm run build\` first`);
  server = await serveStatic(dist);
  project.provide("baseUrl", server.url);
}

export async function teardown() {
  await server?.close();
}
