/**
 * /embed/child.js: src/scripts/embed-child.ts (height messages) and src/scripts/embed-scroll.ts (a
 * chart that scrolls in its own box) bundled at build time as a classic script (an IIFE).
 * Not a module script on purpose: hosts such as WordPress frame embeds with sandbox="allow-scripts",
 * an opaque origin, and module scripts from there are CORS requests our static host may refuse;
 * a classic script loads anyway, so the height messages still go out.
 */
import type { APIRoute } from "astro";
import { join } from "node:path";
import { build } from "esbuild";

export const GET: APIRoute = async () => {
  const result = await build({
    stdin: {
      contents: `import { startHeightMessages } from "./embed-child.ts"; import { followScrollBoxes } from "./embed-scroll.ts"; startHeightMessages(); followScrollBoxes(document);`,
      resolveDir: join(process.cwd(), "src/scripts"),
      sourcefile: "embed-child-entry.ts",
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    minify: true,
    target: "es2020",
    write: false,
    legalComments: "none",
  });
  return new Response(result.outputFiles[0]!.text, { headers: { "Content-Type": "text/javascript; charset=utf-8" } });
};
