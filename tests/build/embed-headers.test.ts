/**
 * public/_headers as Netlify and Cloudflare Pages apply it (every matching rule, same-name headers
 * joined: tests/support/headers.ts): frame-ancestors 'self' reaches every page of the built site
 * except /embed/*, which any site may frame; interactive charts' module scripts allow any origin
 * (WordPress's sandboxed frames have an opaque origin).
 */
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DIST, htmlPages } from "../support/dist.ts";
import { headersFor, parseHeaders } from "../support/headers.ts";

const rules = parseHeaders(readFileSync(join(DIST, "_headers"), "utf8"));

/** frame-ancestors of each policy in a (possibly comma-joined) CSP header. */
function frameAncestors(csp: string | undefined): string[][] {
  if (!csp) return [];
  return csp
    .split(",")
    .map((policy) => policy.split(";").map((d) => d.trim().split(/\s+/)).find(([name]) => name === "frame-ancestors"))
    .filter((d): d is string[] => d !== undefined)
    .map((d) => d.slice(1));
}

describe("frame-ancestors from public/_headers", () => {
  const pages = htmlPages();
  const embeds = pages.filter((p) => p.startsWith("/embed/"));
  const others = pages.filter((p) => !p.startsWith("/embed/"));

  it("every page outside /embed/ may be framed only by our own site", () => {
    expect(others.length).toBeGreaterThan(20);
    const missing = others.filter((p) => !frameAncestors(headersFor(rules, p)["Content-Security-Policy"]).some((v) => v.join(" ") === "'self'"));
    expect(missing, "add a rule for these paths to public/_headers").toEqual([]);
    // The 404 page is what a host serves for any unknown path, and the home page at "/" and "/index.html".
    for (const p of ["/", "/index.html", "/404.html", "/charts/ways-to-fail/"]) {
      expect(frameAncestors(headersFor(rules, p)["Content-Security-Policy"])).toContainEqual(["'self'"]);
    }
  });

  it("no rule that reaches /embed/* restricts framing: every policy there says frame-ancestors *", () => {
    expect(embeds.length).toBeGreaterThan(5);
    for (const p of [...embeds, "/embed/child.js", "/embed/scroll.js", "/embed/flags.css"]) {
      const fa = frameAncestors(headersFor(rules, p)["Content-Security-Policy"]);
      expect(fa, p).toEqual([["*"]]);
      expect(headersFor(rules, p)["X-Frame-Options"], p).toBeUndefined();
    }
  });

  it("the interactive charts' module scripts in /_astro/ allow any origin (for sandboxed frames)", () => {
    const scripts = readdirSync(join(DIST, "_astro")).filter((f) => f.endsWith(".js"));
    expect(scripts.length).toBeGreaterThan(0);
    for (const f of scripts) expect(headersFor(rules, `/_astro/${f}`)["Access-Control-Allow-Origin"]).toBe("*");
  });
});
