import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { parseHTML } from "linkedom";
import { escapeHtml } from "../../src/lib/escape.ts";

describe("escapeHtml", () => {
  it("escapes the five characters that can end text or an attribute", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
  });

  it("round-trips any string through an attribute (double- or single-quoted) and text, adding no markup", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const { document } = parseHTML(`<p data-a="${escapeHtml(s)}" data-b='${escapeHtml(s)}'>${escapeHtml(s)}</p>`);
        const p = document.querySelector("p")!;
        expect(p.children.length).toBe(0);
        expect(p.getAttribute("data-a")).toBe(s);
        expect(p.getAttribute("data-b")).toBe(s);
      }),
    );
  });
});
