/**
 * The static gates can fail: each runs on tests/fixtures/broken-site/, a tiny built site whose pages
 * each break something on purpose, and must report exactly that breakage on that page, while the
 * fixture's clean home page passes. The same gate functions run over dist/ in gates-html,
 * gates-links and gates-security.
 */
import { describe, expect, it } from "vitest";
import { validateHtml } from "../support/gates/html.ts";
import { validateNu } from "../support/gates/nu.ts";
import { checkLinks } from "../support/gates/links.ts";
import { discoverPages, samplePages, type Finding } from "../support/gates/pages.ts";
import { checkInlineCode } from "../support/gates/security.ts";

const FIXTURE = "tests/fixtures/broken-site";
const FIXTURE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'";

const on = (findings: Finding[], page: string) => findings.filter((f) => f.page === page);
const rules = (findings: Finding[], page: string) => [...new Set(on(findings, page).map((f) => f.rule))].sort();

describe("page discovery", () => {
  it("finds every HTML file by walking the directory, as site paths", () => {
    expect(discoverPages(FIXTURE)).toEqual([
      "/",
      "/404.html",
      "/axe/",
      "/charts/vulnerable/",
      "/dead-link/",
      "/external/",
      "/heavy-js/",
      "/html-error/",
      "/inline-handler/",
    ]);
  });

  it("samples large page types evenly and deterministically, first and last included, small types whole", () => {
    const schools = Array.from({ length: 22_000 }, (_, i) => `/schools/${100000 + i}/`);
    const pages = ["/", "/charts/a/", "/charts/b/", ...schools];
    const a = samplePages(pages, 40);
    expect(a.pages.filter((p) => p.startsWith("/schools/"))).toHaveLength(40);
    expect(a.pages).toContain("/schools/100000/");
    expect(a.pages).toContain("/schools/121999/");
    expect(a.pages).toContain("/charts/b/");
    expect(a.sampled.get("schools/*")).toEqual({ total: 22_000, kept: 40 });
    expect(samplePages([...pages].reverse(), 40).pages).toEqual(a.pages);
  });
});

describe("each static gate reports the fixture's breakage", () => {
  it("html-validate: duplicate id and a list item outside a list on /html-error/; nothing on the clean page", async () => {
    const { findings } = await validateHtml(FIXTURE);
    expect(rules(findings, "/html-error/")).toEqual(expect.arrayContaining(["no-dup-id", "element-permitted-parent"]));
    expect(on(findings, "/")).toEqual([]);
  });

  it("Nu HTML Checker: an invalid SVG attribute value and a script after </html> on /html-error/ (html-validate misses both); nothing on the clean page", () => {
    const { findings } = validateNu(FIXTURE);
    const messages = on(findings, "/html-error/").map((f) => f.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/Bad value “tabular-nums” for attribute “font-variant” on element “g”/), expect.stringMatching(/Stray start tag “script”/)]));
    expect(on(findings, "/")).toEqual([]);
  });

  it("links: a dead page link, a dead #anchor, a missing image; http: and missing noopener; nothing on the clean page", () => {
    const { findings } = checkLinks(FIXTURE);
    const dead = on(findings, "/dead-link/").map((f) => `${f.rule} ${f.message}`);
    expect(dead).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^dead-link \/no-such-page\//),
        expect.stringMatching(/^dead-anchor \/#no-such-anchor: no element with id="no-such-anchor"/),
        expect.stringMatching(/^dead-link \/no-such-image\.png/),
      ]),
    );
    expect(rules(findings, "/external/")).toEqual(["external-not-https", "external-without-noopener"]);
    expect(on(findings, "/")).toEqual([]);
  });

  it("security: inline handler, style attribute, javascript: URL, inline script; a page without the CSP meta; nothing on the clean page", () => {
    const { findings } = checkInlineCode(FIXTURE, FIXTURE_CSP);
    expect(rules(findings, "/inline-handler/")).toEqual(["inline-handler", "inline-script", "inline-style-attribute", "javascript-url"]);
    expect(rules(findings, "/charts/vulnerable/")).toEqual(["csp-missing"]);
    expect(rules(findings, "/external/")).toEqual(["csp-missing"]);
    expect(on(findings, "/")).toEqual([]);
    const other = checkInlineCode(FIXTURE, "default-src 'none'").findings;
    expect(rules(other, "/")).toEqual(["csp-mismatch"]);
  });
});
