/** Site-wide names and URLs. The base URL comes from astro.config.mjs (SITE_URL). */
export const SITE_NAME = "Beyond One Word";
export const SITE_TAGLINE = "How England's schools are inspected now: from single-word Ofsted grades to report cards";

/** Absolute URL for a site path, from Astro's configured `site`. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  if (!site) throw new Error("astro.config.mjs must set `site` (SITE_URL)");
  return new URL(path, site).href;
}
