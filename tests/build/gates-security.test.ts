/**
 * Gate: no inline event handlers, javascript: URLs, inline scripts or style="" on any page in dist/,
 * and no inline <style> its page's policy does not allow by hash; every page carries the
 * Content-Security-Policy <meta>, identical to the "/*" policy in public/_headers apart from the
 * SHA-256 of its own <style> elements, which the build adds to style-src (astro.config.mjs); the
 * deployed dist/_headers lists exactly the union of those hashes (a browser enforces both policies);
 * embeds may be framed anywhere (frame-ancestors * for /embed/*).
 * Its power to fail: tests/build/gates-broken.test.ts.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { DIST } from "../support/dist.ts";
import { discoverPages, formatFindings } from "../support/gates/pages.ts";
import { parseHTML } from "linkedom";
import { fileForPath } from "../support/gates/pages.ts";
import { checkInlineCode, metaCsp, metaPolicyFromHeaders, parseCsp, parseHeadersFile, splitStyleHashes, styleHash } from "../support/gates/security.ts";

const headersText = readFileSync("public/_headers", "utf8");

describe("security headers and inline code", () => {
  it("dist/_headers is public/_headers with the site's inline-style hashes added to style-src, exactly those of its pages' <style> elements", () => {
    const deployed = readFileSync(`${DIST}/_headers`, "utf8");
    const policyOf = (text: string) => parseHeadersFile(text).find((r) => r.pattern === "/*")!.headers.get("content-security-policy")!;
    const site = splitStyleHashes(policyOf(deployed));
    expect(deployed.replace(policyOf(deployed), "")).toBe(headersText.replace(policyOf(headersText), ""));
    expect([...site.rest].sort()).toEqual([...parseCsp(policyOf(headersText))].sort());
    const onPages = new Set<string>();
    for (const page of discoverPages(DIST)) {
      const { document } = parseHTML(readFileSync(fileForPath(DIST, page)!, "utf8"));
      for (const s of Array.from(document.querySelectorAll("style"))) onPages.add(styleHash(s.textContent ?? ""));
      for (const h of splitStyleHashes(metaCsp(document as unknown as Document) ?? "").hashes) expect(site.hashes, `${page}'s meta hash ${h}`).toContain(h);
    }
    expect(onPages.size).toBeGreaterThan(0);
    expect([...site.hashes].sort()).toEqual([...onPages].sort());
  });

  it("public/_headers sets the policy and the usual hardening headers for every page", () => {
    const all = parseHeadersFile(headersText).find((r) => r.pattern === "/*")!;
    expect(all.headers.get("x-content-type-options")).toBe("nosniff");
    expect(all.headers.get("referrer-policy")).toBeTruthy();
    const csp = parseCsp(all.headers.get("content-security-policy")!);
    expect(csp.get("script-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("script-src")).not.toContain("'unsafe-eval'");
    expect(csp.get("style-src")).not.toContain("'unsafe-inline'");
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
  });

  it("/embed/* may be framed by any site; no other rule forbids framing it", () => {
    const rules = parseHeadersFile(headersText);
    const embed = rules.find((r) => r.pattern === "/embed/*")!;
    expect(parseCsp(embed.headers.get("content-security-policy")!).get("frame-ancestors")).toEqual(["*"]);
    for (const r of rules) expect(r.headers.has("x-frame-options"), `${r.pattern} sets X-Frame-Options`).toBe(false);
    expect(parseCsp(rules.find((r) => r.pattern === "/*")!.headers.get("content-security-policy")!).has("frame-ancestors")).toBe(false);
  });

  it("every page in dist/ has the CSP meta and no inline handlers, scripts, styles or javascript: URLs", () => {
    const pages = discoverPages(DIST);
    const expected = metaPolicyFromHeaders(headersText);
    expect(expected).toContain("script-src 'self'");
    const result = checkInlineCode(DIST, expected, pages);
    expect(result.pages).toBe(pages.length);
    expect(formatFindings(result.findings)).toBe("");
  });
});
