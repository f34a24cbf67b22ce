/**
 * Area pages at the size of Ofsted's real file (issue 18): 22,000 fictional schools (seed 1, the same
 * fixture as `npm run bench:build`) imported with the real importer and built with the whole site,
 * once, here. Every local authority, constituency and region in the file has a page; each page's
 * counts are the fixture generator's own (not the importer's or the area code's), and they add up to
 * England's; the small-numbers rule holds on every page. The 40-school fixture site
 * (tests/build/areas.test.ts) checks the rest (links, embeds, search) in detail.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generateSchools, type FictionalSchool } from "../../src/lib/mi/fixture.ts";
import { areaSlug } from "../../src/lib/areas-report.ts";
import { buildFixtureSite } from "../../scripts/bench-build.ts";

const COUNT = 22_000;
const SEED = 1;
const fixture = generateSchools(COUNT, SEED);
const KINDS = [["la", "localAuthority"], ["constituency", "constituency"], ["region", "region"]] as const;

let site: ReturnType<typeof buildFixtureSite> | undefined;
beforeAll(() => {
  site = buildFixtureSite(COUNT, SEED);
}, 900_000);
afterAll(() => site?.cleanup());

const page = (kind: string, name: string) => readFileSync(join(site!.outDir, "areas", kind, areaSlug(name), "index.html"), "utf8");
/** The small-numbers note, as an element's attribute (not text or a script mentioning it). */
const smallNote = (h: string) => /<[a-z][^>]*\sdata-small-numbers[\s=>]/.test(h);
const count = (h: string, attr: string) => Number(new RegExp(`${attr}="(\\d+)"`).exec(h)?.[1] ?? NaN);

describe(`${COUNT.toLocaleString("en-GB")} fictional schools: every area page, counts adding up to England's`, () => {
  for (const [kind, field] of KINDS) {
    it(`${kind}: one page per ${field} in the file, with the fixture's counts, summing to England's; small numbers told as counts`, () => {
      const groups = new Map<string, FictionalSchool[]>();
      for (const s of fixture) (groups.get(s[field]) ?? groups.set(s[field], []).get(s[field])!).push(s);
      expect(existsSync(join(site!.outDir, "areas", kind))).toBe(true);
      expect(readdirSync(join(site!.outDir, "areas", kind)).length).toBe(groups.size);
      let schools = 0, withCard = 0, notMet = 0, small = 0, large = 0;
      for (const [name, ss] of groups) {
        const h = page(kind, name);
        const got = [count(h, "data-area-schools"), count(h, "data-area-with-card"), count(h, "data-area-not-met")];
        const cards = ss.filter((s) => s.card).length;
        expect(got, `${kind} ${name}`).toEqual([ss.length, cards, ss.filter((s) => s.card?.safeguarding === "not-met").length]);
        schools += got[0]!;
        withCard += got[1]!;
        notMet += got[2]!;
        // Fewer than 10 report cards: counts, never a percentage, and the page says why.
        if (cards < 10) {
          small++;
          expect(smallNote(h), `${kind} ${name}: ${cards} cards`).toBe(true);
        } else {
          large++;
          expect(smallNote(h), `${kind} ${name}: ${cards} cards`).toBe(false);
        }
      }
      expect([schools, withCard, notMet]).toEqual([COUNT, fixture.filter((s) => s.card).length, fixture.filter((s) => s.card?.safeguarding === "not-met").length]);
      console.log(`${kind}: ${groups.size} pages, ${small} under 10 report cards, ${large} with 10 or more`);
      if (kind === "region") expect(large).toBe(groups.size);
    });
  }
});
