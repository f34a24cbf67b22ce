/** Pure parts of embeds: message formats, secret and childId, render flags, embed code (with a property test), SVG colours. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseHTML } from "linkedom";
import { heightMessages, legacyFlags, pymChildId, wordpressSecret } from "../../src/scripts/embed-child.ts";
import { embedCode, embedCodeForPage, embedSrc, escapeAttr, iframeHtml, stateQuery } from "../../src/lib/embed-code.ts";
import { embedCodeWithFlags } from "../../src/lib/embed-html.ts";
import { allFlagCombinations, flagsFragment, flagsFromQuery } from "../../src/lib/embed-flags.ts";
import { CHART_STATE_SPECS, isAllowed } from "../../src/lib/url-state.ts";
import { flagsCss } from "../../src/pages/embed/flags.css.ts";
import { SITE_COLOURS } from "../../src/lib/palette.ts";
import { CHARTS } from "../../src/render/charts.ts";
import { scrollToShow } from "../../src/scripts/embed-scroll.ts";
import { EMBED_CHART_BOX, embedChartScrolls } from "../../src/render/embed-height.ts";

const site = new URL("https://example.org");
const chart = { id: "some-chart", title: `Say "one" <word> & more` };

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

  it("reads WordPress's secret only when alphanumeric (wp-embed.js drops any other)", () => {
    expect(wordpressSecret("#?secret=abc123")).toBe("abc123");
    expect(wordpressSecret("#?secret=AbC9&foo=1")).toBe("AbC9");
    expect(wordpressSecret("#?secret=abc%22%3E")).toBeNull();
    expect(wordpressSecret("#?secret=")).toBeNull();
    expect(wordpressSecret("#?secret=" + "a".repeat(65))).toBeNull();
    expect(wordpressSecret("")).toBeNull();
  });

  it("reads Pym's childId as Pym's own child does: any id a CMS gives a container", () => {
    for (const id of ["chart-1", "chart.1", "graphic:bow", "a".repeat(70), `x"><img src=x onerror=alert(1)>`, "ünïcode id"]) {
      expect(pymChildId(`?initialWidth=600&childId=${encodeURIComponent(id)}&parentTitle=x`)).toBe(id);
    }
    // Pym writes the id into the query unencoded: what arrives is what Pym's regex matches.
    expect(pymChildId("?initialWidth=600&childId=chart.1&parentTitle=T")).toBe("chart.1");
    expect(pymChildId("?childId=")).toBeNull();
    expect(pymChildId("?other=1")).toBeNull();
    expect(heightMessages("c", 9, "graphic:bow", null)[2]).toBe("pymxPYMxgraphic:bowxPYMxheightxPYMx9");
  });

  it("older embed codes' query flags become attributes on <html>", () => {
    expect(legacyFlags("?dark=true&plain")).toEqual({ "data-theme": "dark", "data-plain": "" });
    expect(legacyFlags("?dark=false&full=1&transparent=0")).toEqual({ "data-theme": "light", "data-full": "" });
    expect(legacyFlags("?dark=%22%3E&plain=false")).toEqual({});
  });
});

describe("render flags", () => {
  it("have one canonical fragment per combination, and a target element for each", () => {
    expect(flagsFragment({})).toBe("");
    expect(flagsFragment({ full: true, theme: "dark", transparent: true })).toBe("dark-transparent-full");
    const combos = allFlagCombinations();
    expect(combos).toHaveLength(3 * 8 - 1);
    expect(new Set(combos.map((c) => c.join("-"))).size).toBe(combos.length);
  });

  it("are read from a page's query against their list only", () => {
    expect(flagsFromQuery("dark=true&plain&transparent=1&full=0&x=1")).toEqual({ theme: "dark", plain: true, transparent: true });
    expect(flagsFromQuery("dark=auto")).toEqual({});
    expect(flagsFromQuery("dark=%3Cscript%3E")).toEqual({});
  });

  it("flags.css takes the themes' colours from palette.ts (as /grades.css does), so the two cannot drift", () => {
    const css = flagsCss();
    for (const [name, c] of Object.entries(SITE_COLOURS)) {
      expect(css).toMatch(new RegExp(`:root:has\\(\\[data-flags~="dark"\\]:target\\) \\{[^}]*--${name}: ${c.dark};`));
      expect(css).toMatch(new RegExp(`:root:has\\(\\[data-flags~="light"\\]:target\\) \\{[^}]*--${name}: ${c.light};[^}]*color-scheme: light;`));
    }
  });
});

describe("embed code", () => {
  it("escapes the title, points at the embed page, is full-width by attribute, and ends with the script", () => {
    const code = embedCode({ chart, site, height: 640 });
    expect(code).toContain(`title="Say &quot;one&quot; &lt;word&gt; &amp; more"`);
    expect(code).toContain(`src="https://example.org/embed/some-chart/"`);
    expect(code).toContain(` width="100%" height="640"`);
    expect(code.split("\n")[1]).toBe(`<script async src="https://example.org/embed.js"></script>`);
    expect(iframeHtml({ chart, site, height: 640 })).toBe(code.split("\n")[0]);
  });

  it("puts the allow-listed state in the query and the flags in the fragment", () => {
    expect(embedSrc("ways-to-fail", site, "areas=8&correlation=50&rate=5", { theme: "dark", full: true })).toBe(
      "https://example.org/embed/ways-to-fail/?areas=8&correlation=50&rate=5#dark-full",
    );
    expect(stateQuery("ways-to-fail", "?rate=5&areas=6&correlation=50")).toBe(""); // the default
    expect(stateQuery("ways-to-fail", "?areas=8&evil=%3Cx%3E")).toBe("areas=8&correlation=50&rate=5");
    expect(stateQuery("key-judgements", "?areas=8")).toBe("");
  });

  it("the $& case: a query that String.replace would expand yields no extra attribute", () => {
    const code = embedCodeForPage({ id: "ways-to-fail", title: "T" }, site, 700, "?x=$&/onload=alert(document.domain)//");
    expect(code).not.toContain("onload");
    expect(code).toBe(embedCode({ chart: { id: "ways-to-fail", title: "T" }, site, height: 700 }));
  });

  it("refuses a chart id that is not one", () => {
    expect(() => embedSrc(`x" onload="a`, site)).toThrow(/not a chart id/);
  });
});

/** The attributes every iframe of ours has, in order: a fixed set. */
const IFRAME_ATTRS = ["title", "aria-label", "src", "width", "height", "frameborder", "scrolling", "loading", "data-bow-embed", "style"];
const FLAG_FRAGMENTS = new Set(["", ...allFlagCombinations().map((c) => c.join("-"))]);
const KEYS = ["areas", "rate", "correlation", "inclusion", "safeguarding", "dark", "plain", "transparent", "full", "x", "childId", "onload", "src"];
const NASTY = ["$&", "$`", "$'", "$$", '"', "'", "<", ">", "&", '"><script>alert(1)</script>', "' onload='alert(1)", "/onload=alert(document.domain)//", "javascript:alert(1)", "8", "true", "needs-attention", "%22", "#", "?"];
const queryArb = fc.oneof(
  fc.string(),
  fc.string({ unit: "grapheme" }),
  fc.webQueryParameters(),
  fc
    .array(fc.tuple(fc.constantFrom(...KEYS), fc.oneof(fc.constantFrom(...NASTY), fc.string()), fc.boolean()), { maxLength: 8 })
    .map((pairs) => pairs.map(([k, v, encode]) => `${k}=${encode ? encodeURIComponent(v) : v}`).join("&")),
);

describe("property: any page query gives exactly one iframe of ours and one script of ours", () => {
  const ids = ["ways-to-fail", "report-card-builder", CHARTS.find((c) => !c.interactive)!.id];
  it.each(ids)("%s", (id) => {
    const spec = CHART_STATE_SPECS[id];
    fc.assert(
      fc.property(queryArb, fc.boolean(), (query, withMark) => {
        const search = withMark ? `?${query}` : query;
        const code = embedCodeForPage({ id, title: `Title "${id}" <b>&` }, site, 700, search);
        const { document } = parseHTML(`<!doctype html><html><head></head><body>${code}</body></html>`);
        const body = document.body;
        const elements = Array.from(body.querySelectorAll("*"));
        expect(elements.map((e) => e.tagName.toLowerCase())).toEqual(["iframe", "script"]);
        expect((body.textContent ?? "").trim()).toBe("");
        const [iframe, script] = elements as [Element, Element];
        expect(iframe.getAttributeNames()).toEqual(IFRAME_ATTRS);
        expect(script.getAttributeNames()).toEqual(["async", "src"]);
        for (const e of elements) for (const a of e.getAttributeNames()) expect(a.startsWith("on")).toBe(false);
        const src = new URL(iframe.getAttribute("src")!);
        expect(src.origin).toBe(site.origin);
        expect(src.pathname).toBe(`/embed/${id}/`);
        expect(FLAG_FRAGMENTS.has(src.hash.replace(/^#/, ""))).toBe(true);
        for (const [k, v] of src.searchParams) {
          expect(spec && k in spec, `query key ${k}`).toBe(true);
          const field = spec![k]!;
          expect(isAllowed(field, field.kind === "int" ? Number(v) : v)).toBe(true);
        }
        expect(script.getAttribute("src")).toBe(`${site.origin}/embed.js`);
        expect(iframe.getAttribute("title")).toBe(`Title "${id}" <b>&`);
      }),
      { numRuns: 400, examples: [["x=$&/onload=alert(document.domain)//", true], ["$&", false], ['dark=true"><script>', true]] },
    );
  });
});

describe("the browser's embed code on static chart pages", () => {
  // src/scripts/embed-code.ts builds with embedCodeWithFlags and the state that
  // src/scripts/embed-state.ts writes (stateQuery) on the pages of charts with state only.
  it("gives the same code as the build's embedCodeForPage, for every chart and any query", () => {
    for (const c of CHARTS) {
      const stateful = CHART_STATE_SPECS[c.id] !== undefined;
      fc.assert(
        fc.property(queryArb, (query) => {
          const browser = embedCodeWithFlags({ id: c.id, title: c.title }, site.href, 640, query, stateful ? stateQuery(c.id, query) : "");
          expect(browser).toBe(embedCodeForPage({ id: c.id, title: c.title }, site, 640, query));
        }),
        { numRuns: 60, examples: [["dark=true&full"], ["x=$&/onload=alert(document.domain)//&dark=true%22%3E"], ["areas=8&inclusion=needs-attention"]] },
      );
    }
  });

  /** Every source file a module imports, statically or with import(), followed through src. */
  function sourceGraph(entry: string): string[] {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = readFileSync(file, "utf8");
      for (const m of src.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.[^"']+)["']/g)) {
        const target = resolve(dirname(file), m[1]!);
        if (existsSync(target)) visit(target);
      }
    };
    visit(resolve(entry));
    return [...seen].map((f) => f.slice(resolve(".").length + 1)).sort();
  }

  it("loads the rebuild only on demand: the script every chart page runs imports nothing, and embed-html comes with import() of an -on-demand module", () => {
    const src = readFileSync("src/scripts/embed-code.ts", "utf8");
    expect([...src.matchAll(/^import\s[^;]*from\s*["']([^"']+)["']/gm)].map((m) => m[1])).toEqual([]);
    expect([...src.matchAll(/(?<!typeof )\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])).toEqual(["./embed-code-on-demand.ts"]);
    expect(sourceGraph("src/scripts/embed-code-on-demand.ts")).toContain("src/lib/embed-html.ts");
  });

  it("loads no chart-state code (url-state, 1.6 KB gzip): a static chart has flags, not state", () => {
    const graph = sourceGraph("src/scripts/embed-code.ts");
    expect(graph).toContain("src/lib/embed-flags.ts");
    expect(graph.filter((f) => /url-state|grades|areas/.test(f))).toEqual([]);
    // The state script, rendered only for charts with state, is where url-state comes in.
    expect(sourceGraph("src/scripts/embed-state.ts")).toContain("src/lib/url-state.ts");
  });
});

describe("a chart too tall for the compact embed", () => {
  it("is the timeline alone: every other chart's drawings fit the box", () => {
    expect(CHARTS.filter((c) => embedChartScrolls(c.id)).map((c) => c.id)).toEqual(["reform-timeline"]);
    // The box's max-height in Embed.astro is the same height, in rem.
    const rem = /embed-scroll-chart \.chart-at \{\s*max-height: ([\d.]+)rem/.exec(readFileSync("src/layouts/Embed.astro", "utf8"));
    expect(Number(rem?.[1]) * 16).toBe(EMBED_CHART_BOX);
  });

  it("scrolls its box just enough to show the point the keys moved to, with room to spare", () => {
    // Box 400 px tall at scrollTop 0; margin a quarter of the box (100).
    expect(scrollToShow(0, 400, 120, 130)).toBe(0); // in view
    expect(scrollToShow(0, 400, 380, 390)).toBe(90); // below: its bottom 100 px above the box's
    expect(scrollToShow(500, 400, 520, 530)).toBe(420); // above: its top 100 px below the box's
    expect(scrollToShow(50, 400, 20, 30)).toBe(0); // never above the start
  });
});

describe("escaping", () => {
  it("escapes every character that could end or open an attribute", () => {
    expect(escapeAttr(`&"'<>`)).toBe("&amp;&quot;&#39;&lt;&gt;");
  });
});
