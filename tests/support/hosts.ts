/**
 * Host pages for embed tests: our built site served with its `_headers` applied (one origin), and
 * host pages (newsroom articles) served from a SECOND localhost port, so every frame is cross-origin
 * as on a real newspaper's site. The host pages run the hosts' own code: WordPress's wp-embed.js
 * (../shared/clients/wp-embed.js, a test fixture), pym.js 1.3.2 from npm, a Datawrapper listener.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseHTML } from "linkedom";
import type { Frame, Page } from "playwright-core";
import { DIST } from "./dist.ts";
import { serveStatic, type RunningServer } from "./static-server.ts";

/**
 * WordPress's own embed host script, as the shared clients folder beside the repository holds it
 * (CI lays shared/ beside its clone, so the path is relative to the checkout, not absolute).
 */
/**
 * WordPress's wp-embed.js from shared/clients beside the checkout (../shared), or beside any folder
 * above it (a git worktree in a subfolder); WP_EMBED_JS names another copy.
 */
export const WP_EMBED_JS = process.env.WP_EMBED_JS ?? findShared("clients/wp-embed.js");

function findShared(file: string): string {
  const first = fileURLToPath(new URL(`../../../shared/${file}`, import.meta.url));
  for (let dir = fileURLToPath(new URL("../../", import.meta.url)); ; ) {
    const candidate = join(dir, "..", "shared", file);
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) return first; // not found: copyFileSync names the expected path
    dir = up;
  }
}
/** The site origin the build wrote into absolute URLs (astro.config.mjs, SITE_URL). */
export const SITE = new URL(process.env.SITE_URL ?? "https://beyondoneword.org.uk").origin;

export interface Hosts {
  /** Our site, with _headers applied. */
  readonly site: string;
  /** The host pages' origin. */
  readonly host: string;
  /** Writes a host page and returns its URL. */
  page(name: string, body: string, head?: string): string;
  close(): Promise<void>;
}

/** A newsroom article page: a theme's content column of `column` px around `body`. */
function article(name: string, body: string, head: string): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>Host ${name}</title><style>body{margin:0;font:18px/1.6 Georgia,serif;background:#fff;color:#222}` +
    `.entry-content{max-width:640px;margin:0 auto;padding:0 16px}.tinted{background:#f3ead8}</style>${head}</head>` +
    `<body><article class="entry-content"><h1>A newsroom's story</h1><p>Article text above the chart.</p>${body}<p>Text below the chart.</p></article></body></html>`
  );
}

/** `dist`: another build to serve, e.g. the fixture site with an import (area charts). */
export async function startHosts(dist = DIST): Promise<Hosts> {
  const site = await serveStatic(dist, 0, { headers: true });
  const dir = mkdtempSync(join(tmpdir(), "bow-hosts-"));
  copyFileSync(WP_EMBED_JS, join(dir, "wp-embed.js"));
  copyFileSync("node_modules/pym.js/dist/pym.v1.js", join(dir, "pym.v1.js"));
  const host: RunningServer = await serveStatic(dir);
  if (new URL(host.url).origin === new URL(site.url).origin) throw new Error("host and site must be different origins");
  return {
    site: site.url,
    host: host.url,
    page(name, body, head = "") {
      writeFileSync(join(dir, name), article(name, body, head));
      return `${host.url}/${name}`;
    },
    async close() {
      await host.close();
      await site.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Attributes WordPress keeps on an iframe from an untrusted oEmbed provider (wp_filter_oembed_result). */
const WP_KEPT = ["src", "width", "height", "frameborder", "marginwidth", "marginheight", "scrolling", "title"];

/**
 * The iframe WordPress makes from an oEmbed `html` (../shared/clients/README.md): only the iframe,
 * only the kept attributes, then class, sandbox, security, and the secret in src and data-secret.
 */
export function wordpressIframe(oembedHtml: string, secret: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${oembedHtml}</body></html>`);
  const frame = document.querySelector("iframe");
  if (!frame) throw new Error("oEmbed html has no iframe");
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const attrs = WP_KEPT.filter((a) => frame.hasAttribute(a)).map((a) => {
    const v = a === "src" ? `${frame.getAttribute(a)}#?secret=${secret}` : frame.getAttribute(a)!;
    return `${a}="${esc(v)}"`;
  });
  return `<iframe ${attrs.join(" ")} class="wp-embedded-content" sandbox="allow-scripts" security="restricted" data-secret="${secret}"></iframe>`;
}

/** The frame inside an iframe element, once loaded. */
export async function frameOf(page: Page, selector: string): Promise<Frame> {
  const handle = await page.locator(selector).first().elementHandle();
  const frame = await handle!.contentFrame();
  if (!frame) throw new Error(`${selector}: no frame`);
  await frame.waitForLoadState("load");
  return frame;
}

/** The iframe's box and its document's sizes: what a reader sees against what the page needs. */
export async function boxAndContent(page: Page, selector: string) {
  const frame = await frameOf(page, selector);
  const box = await page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { width: r.width, height: r.height, clientHeight: (el as HTMLElement).clientHeight };
  });
  const doc = await frame.evaluate(() => ({
    content: Math.ceil(document.documentElement.getBoundingClientRect().height),
    scrollHeight: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    innerHeight: window.innerHeight,
  }));
  return { ...box, ...doc };
}
