/**
 * Gate: no inline event handlers, javascript: URLs, inline scripts or inline styles on any page in
 * dist/; every page carries the Content-Security-Policy <meta>, identical to the "/*" policy in
 * public/_headers; embeds may be framed anywhere (frame-ancestors * for /embed/*).
 * Its power to fail: tests/build/gates-broken.test.ts.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { DIST } from "../support/dist.ts";
import { discoverPages, formatFindings } from "../support/gates/pages.ts";
import { checkInlineCode, metaPolicyFromHeaders, parseCsp, parseHeadersFile } from "../support/gates/security.ts";

const headersText = readFileSync("public/_headers", "utf8");

describe("security headers and inline code", () => {
  it("public/_headers is copied to dist/ and sets the policy and the usual hardening headers for every page", () => {
    expect(readFileSync(`${DIST}/_headers`, "utf8")).toBe(headersText);
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
