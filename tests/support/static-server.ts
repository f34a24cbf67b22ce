/**
 * A small static file server for the built site (dist/), used by browser tests and audits so they
 * control their own server: directory index, the site's 404 page, correct content types. With
 * `{ headers: true }` it also applies the site's `_headers` file as Netlify and Cloudflare Pages do
 * (tests/support/headers.ts) and, like them, does not serve that file. With `{ compress: true }` it
 * gzips text responses for clients that accept it, as those hosts (and GitHub Pages) do; Lighthouse
 * uses that, so its simulated slow network sees the bytes a reader's phone would download.
 */
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { headersFor, parseHeaders, type HeaderRule } from "./headers.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".csv": "text/csv; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ico": "image/x-icon",
  ".pf_meta": "application/octet-stream",
  ".pagefind": "application/octet-stream",
  ".webmanifest": "application/manifest+json",
};

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 (port 0 = any free port). */
export async function serveStatic(root: string, port = 0, options: { headers?: boolean; compress?: boolean } = {}): Promise<RunningServer> {
  const base = resolve(root);
  const rules: HeaderRule[] = options.headers ? parseHeaders(readFileSync(join(base, "_headers"), "utf8")) : [];
  const server: Server = createServer(async (req, res) => {
    try {
      const raw = new URL(req.url ?? "/", "http://x").pathname;
      // A malformed escape ("/a%zz/") names no file: the site's 404 page, as static hosts serve it.
      let path: string | null = null;
      try {
        path = decodeURIComponent(raw);
      } catch {
        // leave null
      }
      let file = path === null ? "" : normalize(join(base, path));
      const extra = headersFor(rules, path ?? raw);
      if ((path !== null && !file.startsWith(base)) || (options.headers && path === "/_headers")) {
        res.writeHead(403).end();
        return;
      }
      const s = path === null ? null : await stat(file).catch(() => null);
      if (s?.isDirectory()) file = join(file, "index.html");
      const body = path === null ? null : await readFile(file).catch(() => null);
      if (!body) {
        const notFound = await readFile(join(base, "404.html")).catch(() => Buffer.from("Not found"));
        res.writeHead(404, { ...extra, "Content-Type": TYPES[".html"]! }).end(notFound);
        return;
      }
      const type = TYPES[extname(file)] ?? "application/octet-stream";
      if (options.compress && /^(text\/|application\/(json|xml)|image\/svg)/.test(type) && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
        res.writeHead(200, { ...extra, "Content-Type": type, "Content-Encoding": "gzip", Vary: "Accept-Encoding" }).end(gzipSync(body));
        return;
      }
      res.writeHead(200, { ...extra, "Content-Type": type }).end(body);
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise<void>((ok) => server.listen(port, "127.0.0.1", ok));
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
