/**
 * /embed/flags.css: the embed render flags as CSS, applied by :target before first paint (see
 * src/lib/embed-flags.ts). The light and dark colours are not written twice: they are read at
 * build time from the :root and :root[data-theme="dark"] blocks of src/styles/global.css and from
 * the grade colours in src/lib/grades.ts (as /grades.css is), so the flags follow the site's themes.
 * Each rule also answers the attribute that src/scripts/embed-child.ts sets for older embed codes
 * that carried flags in the query (?dark=true, ?plain, ?transparent, ?full).
 */
import type { APIRoute } from "astro";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OLD_GRADES, REPORT_CARD_GRADES, SAFEGUARDING, type Grade } from "../../lib/grades.ts";

const gradeVars = (theme: "light" | "dark") =>
  [
    ...OLD_GRADES.map((g: Grade) => `--grade-old-${g.key}: ${g.colour[theme]};`),
    ...REPORT_CARD_GRADES.map((g: Grade) => `--grade-card-${g.key}: ${g.colour[theme]};`),
    ...SAFEGUARDING.map((g: Grade) => `--grade-safeguarding-${g.key}: ${g.colour[theme]};`),
  ].join(" ");

/** The declarations of the first rule in `css` whose selector is exactly `selector`. */
export function block(css: string, selector: string): string {
  const at = css.indexOf(`\n${selector} {`);
  if (at < 0) throw new Error(`src/styles/global.css: no "${selector} {" rule for the embed flags`);
  const open = css.indexOf("{", at);
  const body = css.slice(open + 1, css.indexOf("}", open));
  return body.replace(/\s+/g, " ").trim();
}

/** `:root` when the fragment names this flag (or the legacy attribute is set). */
const when = (flag: string, legacyAttr: string) => `:root:is(${legacyAttr}, :has([data-flags~="${flag}"]:target))`;

export function flagsCss(globalCss: string): string {
  const css = `\n${globalCss}`;
  const light = block(css, ":root");
  const dark = block(css, ':root[data-theme="dark"]');
  const hide = "position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;";
  return [
    `/* Embed render flags (src/pages/embed/flags.css.ts, generated from src/styles/global.css and src/lib/grades.ts) */`,
    `:root:has([data-flags~="light"]:target) { ${light} ${gradeVars("light")} color-scheme: light; }`,
    `:root:has([data-flags~="dark"]:target) { ${dark} ${gradeVars("dark")} }`,
    `${when("plain", "[data-plain]")} .figure-takeaway { display: none; }`,
    `${when("plain", "[data-plain]")} .figure-title { ${hide} }`,
    `${when("transparent", "[data-transparent]")}, ${when("transparent", "[data-transparent]")} body { background: transparent; }`,
    `${when("full", "[data-full]")} .figure-more { display: none; }`,
    `${when("full", "[data-full]")} .figure-more ~ * { display: revert; }`,
    `${when("full", "[data-full]")} .figure-more ~ .embed-footer { display: flex; }`,
    "",
  ].join("\n");
}

export const GET: APIRoute = () =>
  new Response(flagsCss(readFileSync(join(process.cwd(), "src/styles/global.css"), "utf8")), {
    headers: { "Content-Type": "text/css; charset=utf-8" },
  });
