/** Pure parts of embeds: message formats, secret and childId validation, embed code, SVG colours. */
import { describe, expect, it } from "vitest";
import { heightMessages, pymChildId, wordpressSecret } from "../../src/scripts/embed-child.ts";
import { codeWithQuery } from "../../src/scripts/embed-code.ts";
import { embedCode, embedSrc, iframeHtml } from "../../src/lib/embed-code.ts";
import { CHARTS } from "../../src/charts/index.ts";

const site = new URL("https://example.org");
const chart = { ...CHARTS[0]!, id: "some-chart", title: `Say "one" <word> & more` };

describe("height messages", () => {
  it("sends ours and Datawrapper's always, Pym's with a childId, WordPress's with a secret", () => {
    expect(heightMessages("c", 512, null, null)).toEqual([
      { type: "beyond-one-word:height", id: "c", height: 512 },
      { "datawrapper-height": { c: 512 } },
    ]);
    expect(heightMessages("c", 512, "kid-1", "abc123")).toEqual([
      { type: "beyond-one-word:height", id: "c", height: 512 },
      { "datawrapper-height": { c: 512 } },
      "pymxPYMxkid-1xPYMxheightxPYMx512",
      { message: "height", value: 512, secret: "abc123" },
    ]);
  });

  it("reads WordPress's secret only when short and alphanumeric", () => {
    expect(wordpressSecret("#?secret=abc123")).toBe("abc123");
    expect(wordpressSecret("#?secret=AbC9&foo=1")).toBe("AbC9");
    expect(wordpressSecret("#?secret=abc%22%3E")).toBeNull();
    expect(wordpressSecret("#?secret=")).toBeNull();
    expect(wordpressSecret("#?secret=" + "a".repeat(33))).toBeNull();
    expect(wordpressSecret("")).toBeNull();
  });

  it("reads Pym's childId only when made of letters, digits, - and _", () => {
    expect(pymChildId("?childId=chart-1&initialWidth=600")).toBe("chart-1");
    expect(pymChildId("?childId=x%22%3Cb")).toBeNull();
    expect(pymChildId("?childId=" + "a".repeat(65))).toBeNull();
    expect(pymChildId("?other=1")).toBeNull();
  });
});

describe("embed code", () => {
  it("escapes the title, points at the embed page and ends with the script", () => {
    const code = embedCode({ chart, site, height: 640 });
    expect(code).toContain(`title="Say &quot;one&quot; &lt;word&gt; &amp; more"`);
    expect(code).toContain(`src="https://example.org/embed/some-chart/"`);
    expect(code).toContain(`height="640"`);
    expect(code.split("\n")[1]).toBe(`<script async src="https://example.org/embed.js"></script>`);
    expect(iframeHtml({ chart, site, height: 640 })).toBe(code.split("\n")[0]);
  });

  it("passes the page's query through to the iframe's src, escaped for the attribute", () => {
    const base = embedSrc("some-chart", site);
    const code = embedCode({ chart, site, height: 640 });
    expect(codeWithQuery(code, base, "")).toBe(code);
    const withState = codeWithQuery(code, base, "?areas=8&rate=0.2");
    expect(withState).toContain(`src="https://example.org/embed/some-chart/?areas=8&amp;rate=0.2"`);
    expect(withState.replace("?areas=8&amp;rate=0.2", "")).toBe(code);
  });
});
