/**
 * Embed scripts as classic scripts (an IIFE), bundled at build time from src/scripts/. Not module
 * scripts on purpose: hosts such as WordPress frame embeds with sandbox="allow-scripts", an opaque
 * origin, and module scripts from there are CORS requests our static host may refuse; a classic
 * script loads anyway.
 */
import { join } from "node:path";
import { build } from "esbuild";

/** Bundles `entry` (TypeScript importing from src/scripts/) into one minified classic script. */
export async function classicScript(entry: string): Promise<string> {
  const result = await build({
    stdin: { contents: entry, resolveDir: join(process.cwd(), "src/scripts"), sourcefile: "embed-entry.ts", loader: "ts" },
    bundle: true,
    format: "iife",
    minify: true,
    target: "es2020",
    write: false,
    legalComments: "none",
  });
  return result.outputFiles[0]!.text;
}
