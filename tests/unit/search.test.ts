import { describe, expect, it } from "vitest";
import { repeats, resultKind } from "../../src/scripts/search.ts";

describe("search results", () => {
  const summary = "Single-word grades ran from 2005 until September 2024; after the death of head teacher Ruth Perry in January 2023, the government scrapped them.";
  it("drops an excerpt that only repeats the page's summary (entities and highlights aside)", () => {
    expect(repeats(summary, "ran from 2005 until September 2024; after the death of head teacher <mark>Ruth</mark> <mark>Perry</mark> in January 2023")).toBe(true);
    expect(repeats("Ofsted's five grades", "Ofsted&#39;s five <mark>grades</mark>")).toBe(true);
  });
  it("keeps an excerpt from elsewhere on the page, and any excerpt when there is no summary", () => {
    expect(repeats(summary, "The inquest into her death concludes. The senior coroner, Heidi Connor, found that <mark>Ruth</mark>")).toBe(false);
    expect(repeats(undefined, "anything")).toBe(false);
    expect(repeats(summary, "")).toBe(false);
  });
  it("labels results by section", () => {
    expect([resultKind("/explainers/a/"), resultKind("/charts/b/"), resultKind("/data/c/")]).toEqual(["Explainer", "Chart", "Dataset"]);
  });
});
