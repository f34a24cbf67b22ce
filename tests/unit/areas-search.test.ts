/** Areas in the /schools/ search (issue 18): found by name or by a postcode district from the file. */
import { describe, expect, it } from "vitest";
import { areaIndexRows, buildSearchIndex, SchoolSearch, type SchoolForIndex } from "../../src/lib/school-search.ts";
import { buildAreaReport } from "../../src/lib/areas-report.ts";
import type { MiSchoolRow } from "../../src/lib/datasets/mi-schools.ts";

const school = (urn: number, name: string, local_authority: string, constituency: string, region: string, postcode: string) =>
  ({ urn, name, local_authority, constituency, region, postcode, phase: "Primary", card_date: null, safeguarding: null, safeguarding_date: null }) as unknown as MiSchoolRow;
const rows = [
  school(100001, "Oakley Primary School", "Bristol, City of", "Bristol Central", "South West", "BS1 4DJ"),
  school(100002, "Upton Junior School", "Bristol, City of", "Bristol East", "South West", "BS5 6XY"),
  school(100003, "Kelsall Academy", "Leeds", "Leeds Central and Headingley", "Yorkshire and the Humber", "LS6 2AB"),
  school(100004, "Brampton High School", "Camden", "Holborn and St Pancras", "London", "NW1 2AB"),
];
const report = buildAreaReport(rows);
const index = (withAreas: boolean) => {
  const base = buildSearchIndex(rows.map((s): SchoolForIndex => ({ urn: s.urn, name: s.name, localAuthority: s.local_authority, region: s.region, phase: s.phase, postcode: s.postcode })), "2026-03-31");
  return JSON.parse(JSON.stringify(withAreas ? { ...base, areas: areaIndexRows(report.areas.map((a) => ({ ...a, schools: a.tally.schools }))) } : base));
};
const e = new SchoolSearch(index(true));
const found = (q: string) => e.searchAreas(q).map((a) => `${a.kind}:${a.name}`);

describe("area search", () => {
  it("finds areas by the start of their words, local authorities first", () => {
    expect(found("bristol")).toEqual(["la:Bristol, City of", "constituency:Bristol Central", "constituency:Bristol East"]);
    expect(found("headingley")).toEqual(["constituency:Leeds Central and Headingley"]);
    expect(found("south west")).toEqual(["region:South West"]);
    expect(found("ristol")).toEqual([]);
  });

  it("finds the areas holding a postcode district, typed alone or as a full postcode", () => {
    expect(found("BS1")).toEqual(["la:Bristol, City of", "constituency:Bristol Central", "region:South West"]);
    expect(found("bs1 4dj")).toEqual(found("BS1"));
    expect(found("bs14dj")).toEqual(found("BS1"));
    expect(found("ls6")).toEqual(["la:Leeds", "constituency:Leeds Central and Headingley", "region:Yorkshire and the Humber"]);
    expect(found("bs9")).toEqual([]);
  });

  it("links each area to its page and counts its schools", () => {
    const [la] = e.searchAreas("camden");
    expect(la).toMatchObject({ kind: "la", name: "Camden", path: "/areas/la/camden/", schools: 1, kindLabel: "Local authority" });
  });

  it("an index without areas still searches schools, and finds no area", () => {
    const plain = new SchoolSearch(index(false));
    expect(plain.searchAreas("bristol")).toEqual([]);
    expect(plain.search("oakley").schools.map((s) => s.urn)).toEqual([100001]);
  });

  it("ignores a malformed area row rather than building a link from it", () => {
    const bad = index(true);
    bad.areas.push([0, "Evil", "../../x\"><script>", 1, ""], [9, "Unknown kind", "ok", 1, ""]);
    const s = new SchoolSearch(bad);
    expect(s.searchAreas("evil")).toEqual([]);
    expect(s.searchAreas("unknown")).toEqual([]);
  });
});
