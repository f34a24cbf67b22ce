// @ts-check
import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";

/** The one place the site's public base URL is set; every absolute URL derives from it. */
const site = process.env.SITE_URL ?? "https://beyondoneword.org.uk";

export default defineConfig({
  site,
  trailingSlash: "always",
  integrations: [mdx()],
  build: { format: "directory", inlineStylesheets: "never" },
  devToolbar: { enabled: false },
  compressHTML: true,
  // Never inline scripts into the HTML: the Content-Security-Policy allows script files from 'self' only.
  vite: { build: { assetsInlineLimit: 0 } },
});
