/**
 * The reform timeline's text form for paper (printList, printed in place of its drawing): one line
 * per event of the data, in the drawing's order, with the date as a reader says it, and a dashed
 * stretch after the same events as the drawing (a gap of more than a year).
 */
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { renderChart } from "../../src/render/chart.ts";
import { spokenDate } from "../../src/charts/reform-timeline.ts";
import type { ReformTimelineRow } from "../../src/lib/datasets/reform-timeline.ts";

describe("reform-timeline printList", () => {
  const render = renderChart("reform-timeline");
  const rows = render.rows as readonly ReformTimelineRow[];
  const list = render.printList;

  it("has one line per event, in date order, with its date, event and who", () => {
    expect(rows.length).toBeGreaterThanOrEqual(24);
    expect(list.map((i) => i.lead)).toEqual(rows.map((r) => spokenDate(r)));
    expect(list.map((i) => i.text)).toEqual(rows.map((r) => r.event));
    expect(list.map((i) => i.note ?? "")).toEqual(rows.map((r) => r.who));
    for (const [i, item] of list.entries()) expect(item.datetime, item.lead).toBe(rows[i]!.date_precision === "day" ? rows[i]!.date : rows[i]!.date.slice(0, 7));
  });

  it("marks a long gap after the same events as the drawing's dashed stretches", () => {
    const { document } = parseHTML(`<div>${render.svg(576)}</div>`);
    const dashed = [...document.querySelectorAll("g[stroke-dasharray] line")].map((l) => Number(l.getAttribute("y1")));
    const dots = [...document.querySelectorAll("circle")].map((c) => Number(c.getAttribute("cy")));
    expect(dots.length).toBe(rows.length);
    // Each dashed stretch starts at an event's dot: that event is followed by a gap.
    const fromEvent = dashed.map((y) => dots.indexOf(y)).sort((a, b) => a - b);
    expect(fromEvent.length).toBeGreaterThan(0);
    expect(list.flatMap((item, i) => (item.gapAfter ? [i] : []))).toEqual(fromEvent);
  });
});
