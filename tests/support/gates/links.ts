/**
 * Links gate: every internal link and asset (href, src, srcset, poster, SVG href, CSS url()) resolves
 * to a file in the built site, including #fragments (the target page must have that id); every
 * external link is an absolute https: URL (mailto: and tel: allowed, nothing else), and external <a>/<area>
 * links carry rel="noopener".
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { allFiles, discoverPages, fileForPath, siteOrigin, type Finding } from "./pages.ts";

const URL_ATTRS: readonly [string, string][] = [
  ["a", "href"],
  ["area", "href"],
  ["link", "href"],
  ["img", "src"],
  ["script", "src"],
  ["iframe", "src"],
  ["source", "src"],
  ["video", "src"],
  ["video", "poster"],
  ["audio", "src"],
  ["track", "src"],
  ["embed", "src"],
  ["object", "data"],
  ["form", "action"],
  ["use", "href"],
  ["image", "href"],
  ["use", "xlink:href"],
  ["image", "xlink:href"],
  ["blockquote", "cite"],
  ["q", "cite"],
];
/** <meta> whose content is a URL (preview cards). */
const META_URL = /^(og:image|og:image:url|og:image:secure_url|og:url|og:audio|og:video|twitter:image)$/;

interface Ref {
  readonly url: string;
  readonly where: string;
  /** A navigable link (a/area): external ones need rel="noopener". */
  readonly anchor?: Element;
}

function srcsetUrls(value: string): string[] {
  return value
    .split(",")
    .map((part) => part.trim().split(/\s+/)[0] ?? "")
    .filter(Boolean);
}

function describe(el: Element, attr: string): string {
  const id = el.getAttribute("id");
  const cls = el.getAttribute("class");
  return `<${el.tagName.toLowerCase()}${id ? `#${id}` : ""}${cls ? `.${cls.split(/\s+/)[0]}` : ""} ${attr}>`;
}

function refsOf(doc: Document): Ref[] {
  const refs: Ref[] = [];
  for (const [tag, attr] of URL_ATTRS) {
    for (const el of Array.from(doc.querySelectorAll(tag))) {
      const v = el.getAttribute(attr);
      if (v === null) continue;
      refs.push({ url: v.trim(), where: describe(el, attr), anchor: tag === "a" || tag === "area" ? el : undefined });
    }
  }
  for (const el of Array.from(doc.querySelectorAll("img[srcset], source[srcset], link[imagesrcset]"))) {
    const attr = el.hasAttribute("srcset") ? "srcset" : "imagesrcset";
    for (const u of srcsetUrls(el.getAttribute(attr)!)) refs.push({ url: u, where: describe(el, attr) });
  }
  for (const el of Array.from(doc.querySelectorAll("meta[property], meta[name]"))) {
    const key = el.getAttribute("property") ?? el.getAttribute("name") ?? "";
    const v = el.getAttribute("content");
    if (META_URL.test(key) && v) refs.push({ url: v.trim(), where: `<meta ${key}>` });
  }
  return refs;
}

/** ids (and legacy a[name]) on a page, cached per file. */
function idsOf(cache: Map<string, Set<string>>, file: string): Set<string> {
  let ids = cache.get(file);
  if (!ids) {
    const { document } = parseHTML(readFileSync(file, "utf8"));
    ids = new Set([...Array.from(document.querySelectorAll("[id]")).map((e) => e.getAttribute("id")!), ...Array.from(document.querySelectorAll("a[name]")).map((e) => e.getAttribute("name")!)]);
    cache.set(file, ids);
  }
  return ids;
}

export interface LinksGateResult {
  readonly findings: Finding[];
  readonly pages: number;
  readonly internal: number;
  readonly external: number;
}

export function checkLinks(dir: string, pages: readonly string[] = discoverPages(dir)): LinksGateResult {
  const origin = siteOrigin(dir);
  const findings: Finding[] = [];
  const idCache = new Map<string, Set<string>>();
  let internal = 0;
  let external = 0;
  const add = (page: string, rule: string, message: string, where: string): void => {
    findings.push({ gate: "links", page, rule, message, where });
  };

  const checkInternal = (page: string, base: URL, ref: Ref): void => {
    internal++;
    const target = new URL(ref.url, base);
    const file = fileForPath(dir, target.pathname);
    if (!file) return add(page, "dead-link", `${ref.url} -> ${target.pathname} has no file in the build`, ref.where);
    const fragment = target.hash.slice(1);
    if (!fragment || fragment === "top" || !file.endsWith(".html")) return;
    let id: string;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      return add(page, "dead-anchor", `${ref.url}: fragment is not valid percent-encoding`, ref.where);
    }
    if (id.startsWith("?")) return; // "#?secret=..." is WordPress's embed protocol, not an element id
    if (!idsOf(idCache, file).has(id)) add(page, "dead-anchor", `${ref.url}: no element with id="${id}" on ${target.pathname}`, ref.where);
  };

  for (const page of pages) {
    const file = fileForPath(dir, page)!;
    const { document } = parseHTML(readFileSync(file, "utf8"));
    const base = new URL(page, "http://site.invalid");
    for (const ref of refsOf(document as unknown as Document)) {
      const u = ref.url;
      if (u === "") {
        add(page, "empty-url", "empty URL", ref.where);
        continue;
      }
      if (u === "#") {
        add(page, "dead-anchor", 'href="#" goes nowhere', ref.where);
        continue;
      }
      if (/^(data|blob):/i.test(u)) continue;
      if (/^(mailto|tel):/i.test(u) && ref.anchor) continue; // an address or phone number (e.g. a helpline), not a web page
      if (u.startsWith("//")) {
        add(page, "external-not-https", `${u}: protocol-relative URL (use https://)`, ref.where);
        continue;
      }
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(u)?.[1]?.toLowerCase();
      if (!scheme) {
        checkInternal(page, base, ref);
        continue;
      }
      let parsed: URL;
      try {
        parsed = new URL(u);
      } catch {
        add(page, "bad-url", `${u} is not a valid URL`, ref.where);
        continue;
      }
      if (origin && parsed.origin === origin) {
        checkInternal(page, base, { ...ref, url: parsed.pathname + parsed.search + parsed.hash });
        continue;
      }
      external++;
      if (scheme !== "https") {
        add(page, "external-not-https", `${u}: external links must be absolute https: URLs`, ref.where);
        continue;
      }
      if (ref.anchor) {
        const rel = (ref.anchor.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
        if (!rel.includes("noopener")) add(page, "external-without-noopener", `${u} lacks rel="noopener"`, ref.where);
      }
    }
  }

  // Assets referenced from stylesheets (fonts, images).
  for (const css of allFiles(dir).filter((f) => f.endsWith(".css"))) {
    const text = readFileSync(join(dir, css), "utf8");
    for (const m of text.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) {
      const u = m[2]!.trim();
      if (/^(data:|#)/i.test(u)) continue;
      const where = `url(${u})`;
      if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(u)) {
        external++;
        add(`/${css}`, "external-asset", `${u}: stylesheets must not load from another site`, where);
        continue;
      }
      internal++;
      const target = new URL(u, new URL(`/${css}`, "http://site.invalid"));
      if (!fileForPath(dir, target.pathname)) add(`/${css}`, "dead-link", `${u} -> ${target.pathname} has no file in the build`, where);
    }
  }
  return { findings, pages: pages.length, internal, external };
}
