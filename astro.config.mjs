// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";

/** The one place the site's public base URL is set; every absolute URL derives from it. */
const site = process.env.SITE_URL ?? "https://beyondoneword.org.uk";

/**
 * Prints how many chart SVGs the build drew (src/render/svg.ts counts; src/render/chart.ts memoises).
 * @type {import("astro").AstroIntegration}
 */
const renderCount = {
  name: "beyond-one-word:render-count",
  hooks: {
    "astro:build:done": ({ logger }) => {
      const n = /** @type {{ __bowChartRenders?: number }} */ (globalThis).__bowChartRenders ?? 0;
      logger.info(`chart renders this build: ${n}`);
    },
  },
};

export default defineConfig({
  site,
  trailingSlash: "always",
  integrations: [
    mdx(),
    // sitemap-index.xml: every page but embeds (noindex; their canonical is the chart page) and 404.
    sitemap({ filter: (page) => !new URL(page).pathname.startsWith("/embed/") && !/\/404\/?$/.test(new URL(page).pathname) }),
    renderCount,
  ],
  build: { format: "directory", inlineStylesheets: "never" },
  devToolbar: { enabled: false },
  compressHTML: true,
  // Never inline scripts into the HTML: the Content-Security-Policy allows script files from 'self' only.
  vite: { build: { assetsInlineLimit: 0 } },
});
