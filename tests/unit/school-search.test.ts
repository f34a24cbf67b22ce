/** School search (src/lib/school-search.ts) and the pure helpers of src/lib/schools.ts. */
import { describe, expect, it } from "vitest";
import { buildSearchIndex, normalise, SchoolSearch, type SchoolForIndex } from "../../src/lib/school-search.ts";
import { laSlug, ofstedReportUrl } from "../../src/lib/schools.ts";
import { generateSchools } from "../../src/lib/mi/fixture.ts";

const s = (urn: number, name: string, localAuthority = "Camden", postcode = "NW1 2AB", phase = "Primary", region = "London"): SchoolForIndex => ({ urn, name, localAuthority, region, phase, postcode });
const engine = (rows: SchoolForIndex[]) => new SchoolSearch(JSON.parse(JSON.stringify(buildSearchIndex(rows, "2026-03-31"))));
const names = (r: { schools: readonly { name: string }[] }) => r.schools.map((x) => x.name);

describe("normalise", () => {
  it("drops case, accents and apostrophes; other punctuation becomes a space", () => {
    expect(normalise("St Thérèse’s C of E, Whitby-on-Sea")).toBe("st thereses c of e whitby on sea");
    expect(normalise("  ST MARY'S  ")).toBe("st marys");
  });
});

describe("SchoolSearch", () => {
  const e = engine([
    s(100001, "St Mary's C of E Primary School"),
    s(100002, "Marsden Primary Academy", "Kent", "ME1 4QT", "Primary", "South East"),
    s(100003, "Ashby St Mary High School", "Leicestershire", "LE65 1AB", "Secondary", "East Midlands"),
    s(100004, "Sainte-Anne's Junior School", "Hackney", "E8 1AA"),
    s(200123, "Thornbury Nursery School", "Bristol, City of", "BS35 2AA", "Nursery", "South West"),
  ]);

  it("matches words by their start, in name, URN, local authority, region and postcode", () => {
    expect(names(e.search("st mary"))).toEqual(["St Mary's C of E Primary School", "Ashby St Mary High School"]);
    expect(names(e.search("marys"))).toEqual(["St Mary's C of E Primary School"]);
    expect(names(e.search("ary"))).toEqual([]); // not the middle of a word
    expect(names(e.search("200123"))).toEqual(["Thornbury Nursery School"]);
    expect(names(e.search("kent"))).toEqual(["Marsden Primary Academy"]);
    expect(names(e.search("bristol"))).toEqual(["Thornbury Nursery School"]);
    expect(names(e.search("south west"))).toEqual(["Thornbury Nursery School"]);
    expect(names(e.search("me1 4qt"))).toEqual(["Marsden Primary Academy"]);
    expect(names(e.search("me14qt"))).toEqual(["Marsden Primary Academy"]);
    expect(names(e.search("sainte anne"))).toEqual(["Sainte-Anne's Junior School"]);
    expect(names(e.search("THERESE"))).toEqual([]);
  });

  it("ranks an exact URN first, then names starting with the query, then names with a word starting with it", () => {
    expect(names(e.search("st"))).toEqual(["St Mary's C of E Primary School", "Ashby St Mary High School"]);
    const r = e.search("10000");
    expect(r.total).toBe(4);
    expect(e.search("100003").schools[0]!.name).toBe("Ashby St Mary High School");
  });

  it("narrowing and widening the query give the same answers as a fresh search", () => {
    const big = generateSchools(3000, 9);
    const rows = big.map((x) => s(x.urn, x.name, x.localAuthority, x.postcode, x.phase, x.region));
    const a = engine(rows), fresh = () => engine(rows);
    for (const q of ["s", "st", "st m", "st ma", "st", "ne1", "ne16", "1", "10", "100", "marsden", "marsden p", "x"]) {
      const got = a.search(q, 20), want = fresh().search(q, 20);
      expect(got.total, q).toBe(want.total);
      expect(got.schools.map((x) => x.urn), q).toEqual(want.schools.map((x) => x.urn));
    }
  });

  it("counts every match but returns at most `limit`, and nothing for an empty query", () => {
    const rows = Array.from({ length: 50 }, (_, i) => s(300000 + i, `Oakley School ${i}`));
    const a = engine(rows);
    const r = a.search("oakley", 20);
    expect(r.total).toBe(50);
    expect(r.schools).toHaveLength(20);
    expect(a.search("   ").total).toBe(0);
  });
});

describe("ofstedReportUrl", () => {
  it("links only http(s) URLs on ofsted.gov.uk, upgraded to https", () => {
    expect(ofstedReportUrl("http://www.ofsted.gov.uk/inspection-reports/find-inspection-report/provider/ELS/100001")).toBe("https://www.ofsted.gov.uk/inspection-reports/find-inspection-report/provider/ELS/100001");
    expect(ofstedReportUrl("https://reports.ofsted.gov.uk/provider/21/100001")).toBe("https://reports.ofsted.gov.uk/provider/21/100001");
    for (const bad of ["javascript:alert(1)", "https://ofsted.gov.uk.evil.example/x", "https://evilofsted.gov.uk/", "https://user@www.ofsted.gov.uk/", "https://www.ofsted.gov.uk:8443/", "ftp://www.ofsted.gov.uk/", "NULL", "", "//www.ofsted.gov.uk/x", "https://www.ofsted.gov.uk/a b"]) {
      expect(ofstedReportUrl(bad), bad).toBeNull();
    }
  });
});

describe("laSlug", () => {
  it("makes URL-safe slugs", () => {
    expect(laSlug("Bristol, City of")).toBe("bristol-city-of");
    expect(laSlug("St. Helens")).toBe("st-helens");
    expect(laSlug("")).toBe("not-recorded");
  });
});
