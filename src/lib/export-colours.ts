/**
 * Concrete colours for files that leave the page (SVG and PNG downloads, preview cards, snapshots):
 * the light theme's value of every CSS variable a chart may use, from the same tables the
 * stylesheets are generated from. The dark theme's values draw the chart thumbnails that the
 * visual indexes show a reader in dark mode.
 */

export type ExportTheme = "light" | "dark";
import { OLD_GRADES, REPORT_CARD_GRADES, SAFEGUARDING } from "./grades.ts";
import { SITE_COLOURS } from "./palette.ts";

/** Every colour variable an exported SVG may use: the site palette plus every grade's colour, in one theme. */
export function exportColours(theme: ExportTheme = "light"): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, c] of Object.entries(SITE_COLOURS)) out[`--${name}`] = c[theme];
  for (const g of OLD_GRADES) out[`--grade-old-${g.key}`] = g.colour[theme];
  for (const g of REPORT_CARD_GRADES) out[`--grade-card-${g.key}`] = g.colour[theme];
  for (const g of SAFEGUARDING) out[`--grade-safeguarding-${g.key}`] = g.colour[theme];
  return out;
}

/** Replaces var(--x) and var(--x, fallback) with concrete colours; currentColor with the ink colour. */
export function concreteColours(value: string, colours = exportColours()): string {
  let out = value;
  // Innermost first, so fallbacks that are themselves var() resolve.
  for (let i = 0; i < 10 && out.includes("var("); i++) {
    out = out.replace(/var\(\s*(--[\w-]+)\s*(?:,\s*([^()]*))?\)/g, (whole, name: string, fallback?: string) => {
      const hit = colours[name];
      if (hit) return hit;
      if (fallback !== undefined && fallback.trim() !== "") return fallback.trim();
      throw new Error(`export: no light-theme colour for ${whole}; add it to SITE_COLOURS in src/lib/palette.ts`);
    });
  }
  return out.replace(/currentColor/gi, colours["--ink"]!);
}
