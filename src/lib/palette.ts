/**
 * The site's non-grade colours, light and dark: the one table /grades.css turns into CSS custom
 * properties and exports (downloads, preview cards, snapshots) resolve to concrete values.
 * Grade colours live in grades.ts.
 */
import type { Swatch } from "./grades.ts";

export const SITE_COLOURS = {
  surface: { light: "#ffffff", dark: "#15171b" },
  "surface-2": { light: "#f3f4f6", dark: "#202329" },
  ink: { light: "#1b1d21", dark: "#e9eaee" },
  muted: { light: "#545964", dark: "#a9afbb" },
  rule: { light: "#d6d9df", dark: "#3a3f48" },
  link: { light: "#1f4fb5", dark: "#9dbcff" },
  focus: { light: "#b3540a", dark: "#ffb067" },
  "series-1": { light: "#1f4fb5", dark: "#8fb3ff" },
  "series-2": { light: "#b3540a", dark: "#ffb067" },
} as const satisfies Record<string, Swatch>;
