/** Helpers for tests that read the built site in dist/. */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parseHTML } from "linkedom";

export const DIST = process.env.BOW_DIST ?? "dist";

/** Every .html file in dist/, as site paths ("/charts/x/"). */
export function htmlPages(dir = DIST): string[] {
  if (!existsSync(dir)) throw new Error(`${dir} not found: run \`npm run build\` first`);
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".html")) out.push("/" + relative(dir, p).replace(/index\.html$/, "").replace(/\\/g, "/"));
    }
  };
  walk(dir);
  return out.sort();
}

/** Parses a built page ("/charts/x/") into a DOM document. */
export function page(path: string): Document {
  const file = path.endsWith(".html") ? join(DIST, path) : join(DIST, path, "index.html");
  return parseHTML(readFileSync(file, "utf8")).document as unknown as Document;
}
