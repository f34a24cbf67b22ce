/**
 * /embed/flags.css: the embed render flags as CSS, applied by :target before first paint (see
 * src/lib/embed-flags.ts). The light and dark colours are not written twice: they come from
 * src/lib/palette.ts and the grade colours in src/lib/grades.ts (as /grades.css does), so the flags
 * follow the site's themes.
 * Each rule also answers the attribute that src/scripts/embed-child.ts sets for older embed codes
 * that carried flags in the query (?dark=true, ?plain, ?transparent, ?full).
 */
import type { APIRoute } from "astro";
import { OLD_GRADES, REPORT_CARD_GRADES, SAFEGUARDING, type Grade } from "../../lib/grades.ts";
import { SITE_COLOURS } from "../../lib/palette.ts";

const siteVars = (theme: "light" | "dark") => Object.entries(SITE_COLOURS).map(([name, c]) => `--${name}: ${c[theme]};`).join(" ");
const gradeVars = (theme: "light" | "dark") =>
  [
    ...OLD_GRADES.map((g: Grade) => `--grade-old-${g.key}: ${g.colour[theme]};`),
    ...REPORT_CARD_GRADES.map((g: Grade) => `--grade-card-${g.key}: ${g.colour[theme]};`),
    ...SAFEGUARDING.map((g: Grade) => `--grade-safeguarding-${g.key}: ${g.colour[theme]};`),
  ].join(" ");

/** `:root` when the fragment names this flag (or the legacy attribute is set). */
const when = (flag: string, legacyAttr: string) => `:root:is(${legacyAttr}, :has([data-flags~="${flag}"]:target))`;

export function flagsCss(): string {
  const hide = "position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;";
  const unhide = "position: static; width: auto; height: auto; overflow: visible; clip: auto; white-space: normal;";
  const shadows = "radial-gradient(farthest-side at 50% 0, color-mix(in srgb, var(--ink) 28%, transparent), transparent) top / 100% 0.8rem no-repeat, radial-gradient(farthest-side at 50% 100%, color-mix(in srgb, var(--ink) 28%, transparent), transparent) bottom / 100% 0.8rem no-repeat";
  return [
    `/* Embed render flags (src/pages/embed/flags.css.ts, generated from src/lib/palette.ts and src/lib/grades.ts) */`,
    `:root:has([data-flags~="light"]:target) { ${siteVars("light")} ${gradeVars("light")} color-scheme: light; }`,
    `:root:has([data-flags~="dark"]:target) { ${siteVars("dark")} ${gradeVars("dark")} color-scheme: dark; }`,
    `${when("plain", "[data-plain]")} .figure-takeaway { display: none; }`,
    `${when("plain", "[data-plain]")} .figure-title { ${hide} }`,
    `${when("transparent", "[data-transparent]")}, ${when("transparent", "[data-transparent]")} body { background: transparent; }`,
    // A scrolling chart's box (Embed.astro): no opaque covers on a tinted page, only the end shadows.
    `${when("transparent", "[data-transparent]")} main.embed-scroll-chart .chart-at { background: ${shadows}; }`,
    // The live sentence's panel as a tint of the ink, not an opaque grey box on the host's colour.
    `${when("transparent", "[data-transparent]")} .interactive-sentence { background: color-mix(in srgb, var(--ink) 6%, transparent); }`,
    `${when("full", "[data-full]")} .figure-more { display: none; }`,
    `${when("full", "[data-full]")} .figure-more ~ * { display: revert; }`,
    `${when("full", "[data-full]")} .figure-more ~ .embed-footer { display: flex; }`,
    // Full: a tall chart shown whole, and an interactive chart's summary and caption shown again.
    `${when("full", "[data-full]")} main.embed-scroll-chart .chart-at { max-height: none; overflow: visible; border-block: 0; background: none; }`,
    `${when("full", "[data-full]")} .figure:has(.interactive) :is(.figure-takeaway, .chart-caption) { ${unhide} }`,
    "",
  ].join("\n");
}

export const GET: APIRoute = () =>
  new Response(flagsCss(), {
    headers: { "Content-Type": "text/css; charset=utf-8" },
  });
