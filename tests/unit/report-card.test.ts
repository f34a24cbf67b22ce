/** The report card model: URL round trip and our rough reading of the old single word. */
import { describe, expect, it } from "vitest";
import { DEFAULT_CARD, cardFromQuery, cardToQuery, describeCard, describeOldWord, gradedAreas, likelyOldGrade, type ReportCard } from "../../src/lib/report-card.ts";
import { SCHOOL_AREAS } from "../../src/lib/areas.ts";

const all = (grade: ReportCard["grades"][keyof ReportCard["grades"]]): ReportCard => ({
  grades: Object.fromEntries(SCHOOL_AREAS.map((a) => [a.key, grade])) as ReportCard["grades"],
  safeguarding: "met",
});

describe("likely old single word (our rough reading)", () => {
  it("safeguarding not met reads as inadequate, whatever the grades", () => {
    expect(likelyOldGrade({ ...all("exceptional"), safeguarding: "not-met" }).grade).toBe("inadequate");
  });

  it("any urgent improvement reads as inadequate", () => {
    const card = { ...all("strong-standard"), grades: { ...all("strong-standard").grades, achievement: "urgent-improvement" as const } };
    const r = likelyOldGrade(card);
    expect(r.grade).toBe("inadequate");
    expect(r.because).toMatch(/^achievement is at urgent improvement/);
    expect(describeOldWord(card)).toContain("would most likely have been “Inadequate”, because achievement is at urgent improvement");
  });

  it("any needs attention (and nothing worse) reads as requires improvement, naming the areas", () => {
    const r = likelyOldGrade(DEFAULT_CARD);
    expect(r.grade).toBe("requires-improvement");
    expect(r.because).toContain("attendance and behaviour needs attention");
    const two = { ...DEFAULT_CARD, grades: { ...DEFAULT_CARD.grades, inclusion: "needs-attention" as const } };
    expect(likelyOldGrade(two).because).toContain("inclusion and attendance and behaviour need attention");
  });

  it("all exceptional reads as outstanding; a mix at or above expected reads as good", () => {
    expect(likelyOldGrade(all("exceptional")).grade).toBe("outstanding");
    expect(likelyOldGrade(all("expected-standard")).grade).toBe("good");
    const mostly = { ...all("exceptional"), grades: { ...all("exceptional").grades, inclusion: "strong-standard" as const } };
    expect(likelyOldGrade(mostly).grade).toBe("good");
  });

  it("not-applicable areas are left out of the reading and the card", () => {
    const card = { ...all("exceptional"), grades: { ...all("exceptional").grades, "early-years": "not-applicable" as const, "post-16": "not-applicable" as const } };
    expect(likelyOldGrade(card).grade).toBe("outstanding");
    expect(gradedAreas(card).map((g) => g.area.key)).not.toContain("post-16");
    expect(describeCard(card)).toContain("Not applicable: early years and post-16 provision.");
  });

  it("says why the comparison is rough", () => {
    const s = describeOldWord(DEFAULT_CARD);
    expect(s).toMatch(/^Under the old system this card would most likely have been “Requires improvement”, because/);
    expect(s).toContain("our rough reading");
    expect(s).toContain("Ofsted says the new grades cannot be compared with the old ones");
  });
});

describe("card in the URL", () => {
  it("a card survives its own link", () => {
    const card: ReportCard = { grades: { ...DEFAULT_CARD.grades, inclusion: "exceptional", "post-16": "strong-standard" }, safeguarding: "not-met" };
    const q = cardToQuery(card);
    expect(q).toContain("inclusion=exceptional");
    expect(q).toContain("safeguarding=not-met");
    expect(cardFromQuery(q)).toEqual(card);
  });

  it("a hostile query gives the default card", () => {
    expect(cardFromQuery("?inclusion=<script>alert(1)</script>&safeguarding=%22onmouseover%3D")).toEqual(DEFAULT_CARD);
  });

  it("describes the card with safeguarding first and every graded area", () => {
    const text = describeCard(DEFAULT_CARD);
    expect(text.startsWith("Report card. Safeguarding is met.")).toBe(true);
    expect(text).toContain("The grade for attendance and behaviour is needs attention.");
    expect(text).toContain("Not applicable: post-16 provision.");
  });
});
