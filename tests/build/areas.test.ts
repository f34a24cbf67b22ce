/**
 * Area pages (issue 18) as built: the shared fixture site (tests/support/fixture-site.ts: 40 fictional
 * schools, seed 55, imported with the real importer and built with the whole site). Expected counts
 * come from the fixture generator's own records, not from the importer or the area code. The same
 * aggregation on 22,000 schools is checked without a build in tests/unit/areas-report.test.ts, and as
 * built pages in tests/build/areas-22k.test.ts (every area page, counts adding up, small numbers). Plus the normal build (dist/ or BOW_DIST) without
 * an import: no area page, and nothing mentions or links to them.
 */
import { describe, expect, inject, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { generateSchools, type FictionalSchool } from "../../src/lib/mi/fixture.ts";
import { areaSlug } from "../../src/lib/areas-report.ts";
import { DIST, htmlPages, page as distPage } from "../support/dist.ts";
import { validateHtml } from "../support/gates/html.ts";
import { checkLinks } from "../support/gates/links.ts";
import { checkInlineCode } from "../support/gates/security.ts";
import { formatFindings } from "../support/gates/pages.ts";
import { FIXTURE_SCHOOLS, FIXTURE_SEED } from "../support/fixture-site.ts";

const COUNT = FIXTURE_SCHOOLS;
const fixture = generateSchools(COUNT, FIXTURE_SEED);
const out = inject("schoolsDist");

const html = (path: string) => readFileSync(join(out, path, "index.html"), "utf8");
const doc = (path: string) => parseHTML(html(path)).document as unknown as Document;
const KINDS = [["la", "localAuthority"], ["constituency", "constituency"], ["region", "region"]] as const;
const groups = (field: (typeof KINDS)[number][1]) => {
  const m = new Map<string, FictionalSchool[]>();
  for (const s of fixture) (m.get(s[field]) ?? m.set(s[field], []).get(s[field])!).push(s);
  return m;
};

describe(`fixture site (${FIXTURE_SCHOOLS} fictional schools): area pages`, () => {
  it("every local authority, constituency and region has a page whose counts are the fixture's, adding up to England's", () => {
    const cards = fixture.filter((s) => s.card).length;
    for (const [kind, field] of KINDS) {
      const g = groups(field);
      const built = readdirSync(join(out, "areas", kind));
      expect(built.length, kind).toBe(g.size);
      let schools = 0, withCard = 0, notMet = 0;
      for (const [name, ss] of g) {
        const h = html(`areas/${kind}/${areaSlug(name)}`);
        const attr = (a: string) => Number(new RegExp(`${a}="(\\d+)"`).exec(h)![1]);
        expect(/<h1>([^<]*)<\/h1>/.exec(h)![1]!.replace(/&#39;/g, "'").replace(/&amp;/g, "&")).toBe(`Schools in ${name}`);
        const n = attr("data-area-schools"), c = attr("data-area-with-card"), nm = attr("data-area-not-met");
        expect([n, c, nm], name).toEqual([ss.length, ss.filter((s) => s.card).length, ss.filter((s) => s.card?.safeguarding === "not-met").length]);
        schools += n; withCard += c; notMet += nm;
      }
      expect([schools, withCard, notMet], kind).toEqual([COUNT, cards, fixture.filter((s) => s.card?.safeguarding === "not-met").length]);
    }
  });

  it("each area page lists and links every one of its schools", () => {
    for (const [kind, field] of KINDS.slice(0, 2)) {
      for (const [name, ss] of groups(field)) {
        const links = new Set([...html(`areas/${kind}/${areaSlug(name)}`).matchAll(/href="\/schools\/(\d+)\/"/g)].map((m) => Number(m[1])));
        expect(links.size, name).toBe(ss.length);
        for (const s of ss) expect(links.has(s.urn)).toBe(true);
      }
    }
  });

  it("small numbers: under 10 report cards the page says why and shows no percentage; from 10 it shows shares", () => {
    let small = 0, large = 0;
    for (const [kind, field] of KINDS) {
      for (const [name, ss] of groups(field)) {
        const d = doc(`areas/${kind}/${areaSlug(name)}`);
        const cards = ss.filter((s) => s.card).length;
        const tables = [...d.querySelectorAll(".area-table tbody td:nth-child(2), .area-figures dd")].map((e) => e.textContent!).join(" ");
        const areaCells = [...d.querySelectorAll(".figure-data tbody tr")].filter((tr) => tr.querySelector("td")!.textContent === name).map((tr) => tr.querySelector('[data-col="pct"]')!.textContent);
        if (cards < 10) {
          small++;
          expect(d.querySelector("[data-small-numbers]"), name).not.toBeNull();
          expect(tables, name).not.toMatch(/%/);
          for (const c of areaCells) expect(c).toBe("–");
          for (const t of [...d.querySelectorAll(".chart [data-tip]")].map((e) => e.getAttribute("data-tip")!).filter((t) => t.startsWith(name))) expect(t).not.toMatch(/%/);
        } else {
          large++;
          expect(d.querySelector("[data-small-numbers]"), name).toBeNull();
          expect(tables).toMatch(/%/);
        }
      }
    }
    expect(small).toBeGreaterThan(0);
    // Every area of 40 schools is small; England (12 report cards) is not: its column has shares.
    expect(large).toBe(0);
    const eng = [...doc(`areas/region/${areaSlug(fixture[0]!.region)}`).querySelectorAll(".area-table tbody td:nth-child(3)")].map((e) => e.textContent!).join(" ");
    expect(eng).toMatch(/\d%\)/);
  });

  it("each area chart has an embed, oEmbed, SVG and CSV; its page is the area's page (no chart page, no prebuilt PNG)", () => {
    for (const [kind, field] of KINDS) {
      for (const name of groups(field).keys()) {
        const id = `area-${kind}-${areaSlug(name)}`;
        for (const f of [`embed/${id}/index.html`, `oembed/${id}.json`, `charts/${id}/chart.svg`, `charts/${id}/data.csv`]) expect(existsSync(join(out, f)), f).toBe(true);
        for (const f of [`charts/${id}/index.html`, `charts/${id}/chart.png`, `oembed/${id}/600.json`]) expect(existsSync(join(out, f)), f).toBe(false);
        const page = `/areas/${kind}/${areaSlug(name)}/`;
        const embed = doc(`embed/${id}`);
        expect(embed.querySelector('link[rel="canonical"]')!.getAttribute("href")).toMatch(new RegExp(`${page}$`));
        expect(embed.querySelector(`.embed-footer a[href="${page}"]`), id).not.toBeNull();
        const o = JSON.parse(readFileSync(join(out, "oembed", `${id}.json`), "utf8"));
        expect(o.html).toContain(`/embed/${id}/`);
        expect(o.thumbnail_url).toMatch(/\/og\/site\.png$/);
        expect(existsSync(join(out, "og", "site.png"))).toBe(true);
        expect(o.widths).toBeUndefined();
        // The PNG is made in the browser from the SVG download (tests/e2e/areas-embed.test.ts clicks it).
        const png = doc(page.slice(1)).querySelector("button[data-png-from]");
        expect(png?.getAttribute("data-png-from")).toBe(`/charts/${id}/chart.svg`);
        expect(readFileSync(join(out, "charts", id, "chart.svg"), "utf8")).toContain(`${page}`);
      }
    }
  });

  it("every school page links to its local authority's and constituency's pages; the search index lists every area", () => {
    for (const s of fixture) {
      const h = readFileSync(join(out, "schools", String(s.urn), "index.html"), "utf8");
      expect(h, String(s.urn)).toContain(`href="/areas/la/${areaSlug(s.localAuthority)}/"`);
      expect(h, String(s.urn)).toContain(`href="/areas/constituency/${areaSlug(s.constituency)}/"`);
    }
    const index = JSON.parse(readFileSync(join(out, "schools", "search-index.json"), "utf8"));
    expect(index.areas.length).toBe(groups("localAuthority").size + groups("constituency").size + groups("region").size);
  });

  it("area pages and area embeds pass the HTML, links and inline-code gates (a sample of each kind, small and large)", async () => {
    const pick = (kind: string, field: (typeof KINDS)[number][1]) => {
      const sorted = [...groups(field)].sort((a, b) => a[1].filter((s) => s.card).length - b[1].filter((s) => s.card).length);
      return [sorted[0]!, sorted[sorted.length - 1]!].map(([name]) => areaSlug(name)).flatMap((slug) => [`/areas/${kind}/${slug}/`, `/embed/area-${kind}-${slug}/`]);
    };
    const pages = ["/areas/", "/schools/", `/schools/${fixture[0]!.urn}/`, ...KINDS.flatMap(([k, f]) => pick(k, f))];
    const html = await validateHtml(out, pages);
    expect(formatFindings(html.findings)).toBe("");
    expect(formatFindings(checkLinks(out, pages).findings)).toBe("");
    expect(formatFindings(checkInlineCode(out, null, pages).findings)).toBe("");
  });

  it("the home page and /charts/ point to the area pages", () => {
    for (const p of ["", "charts"]) expect(doc(p).querySelector('[data-local-pages] a[href="/areas/"]'), p || "home").not.toBeNull();
  });
});

describe("normal build without an import", () => {
  it(`${DIST} has no area pages or area charts, and nothing links to /areas/`, () => {
    expect(existsSync(join(DIST, "areas"))).toBe(false);
    const pages = htmlPages();
    expect(pages.filter((p) => /^\/(charts|embed)\/area-/.test(p))).toEqual([]);
    for (const p of pages) {
      const d = distPage(p);
      expect(d.querySelector("[data-local-pages]"), p).toBeNull();
      expect([...d.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")!).filter((h) => /^(https?:\/\/[^/]+)?\/areas(\/|$)/.test(h)), p).toEqual([]);
    }
  });
});
