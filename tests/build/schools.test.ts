/**
 * School pages (issue 9). Two builds are checked:
 *  - the fixture site: 40 fictional schools (seed 55: it has a report card with safeguarding
 *    not met, a school whose last EIF safeguarding was not effective, and schools without a card),
 *    imported with the real importer and built once for every test that needs it
 *    (tests/support/fixture-site.ts);
 *  - the normal build (dist/ or BOW_DIST) without imported rows: no /schools/ pages, no links to them.
 * Expected grades come from the fixture generator's own records, not from the importer's output.
 */
import { describe, expect, inject, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { generateSchools, type FictionalSchool } from "../../src/lib/mi/fixture.ts";
import { SCHOOL_AREAS } from "../../src/lib/areas.ts";
import { EIF_JUDGEMENTS } from "../../src/lib/mi/columns.ts";
import { oldGradeLabel, reportCardGrade, safeguarding } from "../../src/lib/grades.ts";
import { DIST, htmlPages, page as distPage } from "../support/dist.ts";

import { FIXTURE_SCHOOLS, FIXTURE_SEED } from "../support/fixture-site.ts";

const fixture = generateSchools(FIXTURE_SCHOOLS, FIXTURE_SEED);
const out = inject("schoolsDist");

const doc = (path: string): Document => parseHTML(readFileSync(join(out, path, "index.html"), "utf8")).document as unknown as Document;
const text = (el: Element | null | undefined) => (el?.textContent ?? "").replace(/\s+/g, " ").trim();
const pick = (pred: (s: FictionalSchool) => boolean) => {
  const s = fixture.find(pred);
  if (!s) throw new Error("fixture lacks the school this test needs");
  return s;
};

describe("fixture build: school pages", () => {
  it("builds one page per fixture school, /schools/ and the search index", () => {
    for (const s of fixture) expect(existsSync(join(out, "schools", String(s.urn), "index.html")), `page for ${s.urn}`).toBe(true);
    expect(existsSync(join(out, "schools", "index.html"))).toBe(true);
    const index = JSON.parse(readFileSync(join(out, "schools", "search-index.json"), "utf8"));
    expect(index.rows).toHaveLength(FIXTURE_SCHOOLS);
    expect(index.asAt).toBe("2026-03-31");
  });

  it("every school page shows exactly the grades in its fixture row, the data date and its facts", () => {
    for (const s of fixture) {
      const d = doc(`schools/${s.urn}/`);
      const main = d.querySelector("main")!;
      expect(text(main.querySelector("h1"))).toBe(s.name);
      expect(text(main.querySelector(".school-asat"))).toContain("Ofsted management information as at 31 March 2026");
      const facts = text(main.querySelector(".school-facts"));
      for (const f of [String(s.urn), s.phase, s.localAuthority, s.region, s.postcode]) expect(facts).toContain(f);

      // The report card: safeguarding + exactly the fixture's areas, with their labels.
      const rows = [...main.querySelectorAll(".report-card-row")].map((r) => [r.getAttribute("data-area"), text(r.querySelector("dd"))]);
      if (s.card) {
        const expected = [["safeguarding", safeguarding(s.card.safeguarding).label], ...SCHOOL_AREAS.filter((a) => s.card!.areas[a.key]).map((a) => [a.key, reportCardGrade(s.card!.areas[a.key]!).label])];
        expect(rows.map(([a, w]) => [a, w!.replace(/^[^A-Za-z]+/, "")]), `card of ${s.urn}`).toEqual(expected);
        expect(text(main.querySelector(".report-card-date"))).toContain(new Date(s.card.date + "T12:00:00Z").toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" }));
        expect(main.querySelector("[data-no-card]")).toBeNull();
      } else {
        expect(rows).toEqual([]);
      }

      // The old judgements: each fixture value, worded by grades.ts.
      const eifRows = [...main.querySelectorAll(".school-eif > div")].map((r) => [r.getAttribute("data-judgement"), text(r.querySelector("dd")).replace(/^[^A-Za-z]+/, "")]);
      if (s.eif) {
        const expected = EIF_JUDGEMENTS.flatMap((j) => {
          const v = s.eif!.grades[j.key];
          if (!v) return [];
          return [[j.key, v === "not-judged" ? "Not judged" : v === "not-applicable" ? "Not applicable" : oldGradeLabel(v, s.eif!.start)]];
        });
        expected.push(["safeguarding", s.eif.safeguarding === "met" ? "Yes" : "No"]);
        expect(eifRows, `EIF of ${s.urn}`).toEqual(expected);
      } else {
        expect(eifRows).toEqual([]);
      }

      // Ofsted's own page: https on ofsted.gov.uk (the file's http:// link upgraded).
      const link = main.querySelector<HTMLAnchorElement>('#ofsted ~ p a[href^="https://"]');
      expect(link?.getAttribute("href")).toBe(`https://www.ofsted.gov.uk/inspection-reports/find-inspection-report/provider/ELS/${s.urn}`);
    }
  });

  it("a school without a report card says so plainly", () => {
    const s = pick((x) => x.card === null);
    const main = doc(`schools/${s.urn}/`).querySelector("main")!;
    expect(text(main.querySelector("[data-no-card]"))).toMatch(/^This school has no report card yet/);
    expect(main.querySelector(".report-card")).toBeNull();
  });

  it("a school whose report card has safeguarding not met shows it first, in words", () => {
    const s = pick((x) => x.card?.safeguarding === "not-met");
    const main = doc(`schools/${s.urn}/`).querySelector("main")!;
    const h1 = main.querySelector("h1")!;
    const first = h1.nextElementSibling!;
    expect(first.getAttribute("data-safeguarding-alert")).toBe("report-card");
    expect(text(first)).toMatch(/^Safeguarding: not met\. At its inspection on \d+ \w+ 202\d, Ofsted judged that this school did not meet the safeguarding standards\.$/);
    // and the card lists safeguarding first
    expect(main.querySelector(".report-card-row")!.getAttribute("data-area")).toBe("safeguarding");
    expect(text(main.querySelector(".report-card-row dd"))).toContain("Not met");
  });

  it("a school whose last EIF inspection found safeguarding not effective (and has no card) says so first", () => {
    const s = pick((x) => x.card === null && x.eif?.safeguarding === "not-met");
    const first = doc(`schools/${s.urn}/`).querySelector("main h1")!.nextElementSibling!;
    expect(first.getAttribute("data-safeguarding-alert")).toBe("eif");
    expect(text(first)).toMatch(/^Safeguarding: not effective\./);
  });

  it("schools whose safeguarding was met show no warning", () => {
    for (const s of fixture.filter((x) => (x.card ? x.card.safeguarding === "met" : x.eif?.safeguarding !== "not-met"))) {
      expect(doc(`schools/${s.urn}/`).querySelector("[data-safeguarding-alert]"), String(s.urn)).toBeNull();
    }
  });

  it("compares the school with its phase and region from the aggregates", () => {
    const s = pick((x) => !!x.card && x.eif?.grades["overall-effectiveness"] !== "not-judged" && !!x.eif);
    const table = doc(`schools/${s.urn}/`).querySelector("table.school-compare")!;
    const heads = [...table.querySelectorAll("thead th")].map(text);
    expect(heads).toEqual(["Judgement", "This school", `${s.phase} schools`, s.region]);
    // Every share is a percentage computed from the fixture itself.
    const inPhase = fixture.filter((x) => x.phase === s.phase && x.card);
    const g = s.card!.areas.inclusion!;
    const expected = Math.round((inPhase.filter((x) => x.card!.areas.inclusion === g).length / inPhase.filter((x) => x.card!.areas.inclusion).length) * 1000) / 10;
    const row = [...table.querySelectorAll("tbody tr")].find((r) => text(r.querySelector("th")) === "Inclusion")!;
    expect(text(row.querySelectorAll("td")[1])).toBe(`${expected}%`);
  });

  it("/schools/ works without JavaScript: a note and every school reachable through local-authority (area) pages", () => {
    const d = doc("schools/");
    expect(d.querySelector("[data-school-search]")!.hasAttribute("hidden")).toBe(true);
    expect(text(d.querySelector("[data-school-search-nojs]"))).toContain("needs JavaScript");
    expect(text(d.querySelector(".school-asat"))).toContain("Ofsted management information as at 31 March 2026");
    const linked = new Set<string>();
    // The local-authority list links to the area pages (issue 18), which list every school.
    for (const a of d.querySelectorAll<HTMLAnchorElement>('a[href^="/areas/la/"]')) {
      for (const b of doc(a.getAttribute("href")!.slice(1)).querySelectorAll<HTMLAnchorElement>('main a[href^="/schools/"]')) linked.add(b.getAttribute("href")!);
    }
    for (const s of fixture) expect(linked.has(`/schools/${s.urn}/`), String(s.urn)).toBe(true);
  });

  it("the header links to /schools/ when school pages exist; school pages load no script", () => {
    expect(doc("about/").querySelector('header a[href="/schools/"]')).not.toBeNull();
    const d = doc(`schools/${fixture[0]!.urn}/`);
    expect(d.querySelectorAll("script[src]").length).toBe(0);
  });
});

describe("normal build without imported rows", () => {
  it(`${DIST} has no /schools/ pages and no page links to /schools/`, () => {
    const pages = htmlPages();
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.filter((p) => p.startsWith("/schools/"))).toEqual([]);
    expect(existsSync(join(DIST, "schools"))).toBe(false);
    for (const p of pages) {
      const links = [...distPage(p).querySelectorAll("a[href]")].map((a) => a.getAttribute("href")!);
      expect(links.filter((h) => /^(https?:\/\/[^/]+)?\/schools(\/|$)/.test(h)), p).toEqual([]);
    }
  });
});
