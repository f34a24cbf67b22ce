/** Web addresses in dataset cells become links; nothing else does, and no text is lost. */
import { describe, expect, it } from "vitest";
import { linkParts } from "../../src/lib/link-text.ts";

const joined = (s: string) => linkParts(s).map((p) => p.text).join("");

describe("linkParts", () => {
  it("links each https address in a cell, keeping the words around them", () => {
    const s = "https://www.littlecedars.co.uk/tag/early-years-education and https://noah.makes.news/gb/en/education/2025/09/11/x";
    expect(linkParts(s)).toEqual([
      { text: "https://www.littlecedars.co.uk/tag/early-years-education", href: "https://www.littlecedars.co.uk/tag/early-years-education" },
      { text: " and " },
      { text: "https://noah.makes.news/gb/en/education/2025/09/11/x", href: "https://noah.makes.news/gb/en/education/2025/09/11/x" },
    ]);
  });

  it("leaves a sentence's closing punctuation out of the address, but keeps a bracket the address opened", () => {
    expect(linkParts("See https://example.org/a.")).toEqual([{ text: "See " }, { text: "https://example.org/a", href: "https://example.org/a" }, { text: "." }]);
    expect(linkParts("(from https://example.org/a), then")).toEqual([{ text: "(from " }, { text: "https://example.org/a", href: "https://example.org/a" }, { text: "), then" }]);
    expect(linkParts("https://en.wikipedia.org/wiki/Ofsted_(body).")[0]).toEqual({ text: "https://en.wikipedia.org/wiki/Ofsted_(body)", href: "https://en.wikipedia.org/wiki/Ofsted_(body)" });
  });

  it("makes nothing else a link: other schemes, plain http (the site links nothing insecure), bare words, broken addresses", () => {
    for (const s of ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "no address here", "http://", "https://localhost/x", "ftp://example.org/f", "http://www.sec-ed.co.uk/news/x/"]) {
      expect(linkParts(s).some((p) => p.href), s).toBe(false);
      expect(joined(s), s).toBe(s);
    }
  });

  it("never loses or reorders text", () => {
    for (const s of ["", "a", "x https://a.example/1, https://b.example/2; y", "https://a.example/\"onmouseover=alert(1)"]) expect(joined(s)).toBe(s);
  });
});
