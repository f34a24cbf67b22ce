import * as Plot from "@observablehq/plot";
import type { ReformTimelineRow } from "../lib/datasets/reform-timeline.ts";
import { MONTHS, longDate, SHORT_MONTHS } from "../lib/format.ts";
import { wrapRoomy } from "../lib/text-measure.ts";
import type { ChartDefinition } from "./types.ts";


/** "2024-09-02" -> "2 Sep" + "2024"; month precision -> "Sep" + "2024". */
export function dateParts(r: Pick<ReformTimelineRow, "date" | "date_precision">): { dayMonth: string; year: string } {
  const [y, m, d] = r.date.split("-").map(Number) as [number, number, number];
  return { dayMonth: r.date_precision === "day" ? `${d} ${SHORT_MONTHS[m - 1]}` : SHORT_MONTHS[m - 1]!, year: String(y) };
}

/** The date as a reader says it: "2 September 2024" or "September 2012". */
export function spokenDate(r: Pick<ReformTimelineRow, "date" | "date_precision">): string {
  if (r.date_precision === "day") return longDate(r.date);
  const [y, m] = r.date.split("-").map(Number) as [number, number];
  return `${MONTHS[m - 1]} ${y}`;
}

/** An event as short spoken sentences: "A: b" and "A; b" become "A. B." (quotes dropped), for the text alternative. */
const asSentences = (event: string) =>
  `${event.replace(/"/g, "").replace(/\.$/, "").replace(/[:;] (\w)/g, (_, c: string) => `. ${c.toUpperCase()}`)}.`;

const LINE = 15;

/** More than a year between two events: the line between them is dashed (drawing and printed list). */
const longGap = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000 > 366;

/** Dated events from the first four-word grades (2005) to the first report cards (2026), evenly spaced. */
export const reformTimeline: ChartDefinition<ReformTimelineRow> = {
  id: "reform-timeline",
  title: "Two decades of one-word grades, then report cards within fifteen months",
  takeaway:
    "Single-word grades ran from 2005 until September 2024. Head teacher Ruth Perry died in January 2023. After her death, the government scrapped the single words. Report-card inspections began on 10 November 2025.",
  notes: [
    "Events are evenly spaced, not drawn to scale; a dashed stretch of the line marks a gap of more than a year.",
    "Events resting on press coverage rather than an official publication are flagged in the data.",
  ],
  sourceSummary: "Ofsted publications, court and press reports, 2005 to 2026 (each event's source in the data)",
  sourceShort: "Ofsted, courts and press, 2005–2026",
  datasets: ["reform-timeline"],
  interactive: false,
  select: (data) => [...(data["reform-timeline"] ?? [])].sort((a, b) => a.date.localeCompare(b.date)),
  describe(rows) {
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (!first || !last) return "No data.";
    return `Timeline of ${rows.length} events, from ${spokenDate(first)} to ${spokenDate(last)}. The first is from ${spokenDate(first)}. ${asSentences(first.event)} The last is from ${spokenDate(last)}. ${asSentences(last.event)} All ${rows.length} events are in the data table, each with its date.`;
  },
  columns: [
    { key: "date", label: "Date", value: (r) => spokenDate(r) },
    { key: "event", label: "Event", value: (r) => r.event },
    { key: "who", label: "Who", value: (r) => r.who || null },
    { key: "source_title", label: "Source", value: (r) => r.source_title },
    { key: "source_url", label: "Source URL", value: (r) => r.source_url },
  ],
  source: (r) => ({ dataset: "reform-timeline", key: r.date, title: r.source_title, url: r.source_url, secondary: r.secondary_source }),
  // On paper, a list in the page's own type: the drawing, shrunk into a printed column, set its text at
  // 4.4 pt. Its line is dashed down to the next event after a gap of more than a year, as drawn.
  printList: (rows) =>
    rows.map((r, i) => ({
      lead: spokenDate(r),
      datetime: r.date_precision === "day" ? r.date : r.date.slice(0, 7),
      text: r.event,
      ...(r.who ? { note: r.who } : {}),
      gapAfter: i + 1 < rows.length && longGap(r.date, rows[i + 1]!.date),
    })),
  // Mostly text, so a drawing per display width: with only 288 and 576, a 420-575 px figure (a tablet,
  // an embed in a 600-px column) showed the 288 one at 1.45x beside a blank band, twice the lines.
  widths: [288, 416, 576],
  plot(rows, { width }) {
    const narrow = width < 480;
    // Dates and events keep room for 0.12 em letter spacing in a wide fallback font (WCAG 1.4.12).
    const lineX = narrow ? 72 : 118;
    const textX = lineX + 14;
    const room = width - textX - 8;
    let y = 12;
    const events = rows.map((r) => {
      const eventLines = wrapRoomy(r.event, room, 12);
      const whoLines = r.who ? wrapRoomy(r.who, room, 12) : [];
      const { dayMonth, year } = dateParts(r);
      const dateLines = narrow ? [dayMonth, year] : [`${dayMonth} ${year}`];
      const top = y;
      const height = Math.max(eventLines.length + whoLines.length, dateLines.length) * LINE;
      y += height + 14;
      return { ...r, top, eventLines, whoLines, dateLines };
    });
    // One text element per block of lines (tspans), its middle placed so the first line is level with the dot.
    const block = (lines: readonly string[], firstLineY: number) => ({ text: lines.join("\n"), y: firstLineY + ((lines.length - 1) * LINE) / 2 });
    const eventBlocks = events.map((e) => block(e.eventLines, e.top));
    const whoBlocks = events.filter((e) => e.whoLines.length > 0).map((e) => block(e.whoLines, e.top + e.eventLines.length * LINE));
    const dateBlocks = events.map((e) => block(e.dateLines, e.top));
    const segments = events.slice(1).map((e, i) => {
      const prev = events[i]!;
      return { y1: prev.top, y2: e.top, long: longGap(prev.date, e.date) };
    });
    return {
      width,
      height: y,
      margin: 0,
      x: { type: "identity", axis: null },
      y: { type: "identity", axis: null },
      marks: [
        Plot.ruleX(segments.filter((s) => !s.long), { x: lineX, y1: "y1", y2: "y2", stroke: "currentColor", strokeOpacity: 0.5, strokeWidth: 2 }),
        Plot.ruleX(segments.filter((s) => s.long), { x: lineX, y1: "y1", y2: "y2", stroke: "currentColor", strokeOpacity: 0.5, strokeWidth: 2, strokeDasharray: "2,4" }),
        Plot.dot(events, {
          x: lineX,
          y: "top",
          r: 5,
          fill: "var(--series-1)",
          stroke: "var(--surface)",
          strokeWidth: 2,
          title: (e: ReformTimelineRow) => `${spokenDate(e)}: ${e.event}${e.who ? ` (${e.who})` : ""}`,
          className: "marks",
        }),
        Plot.text(dateBlocks, { x: lineX - 12, y: "y", text: "text", lineHeight: LINE / 12, textAnchor: "end", fill: "currentColor", fontWeight: 700, fontSize: 12 }),
        Plot.text(eventBlocks, { x: textX, y: "y", text: "text", lineHeight: LINE / 12, textAnchor: "start", fill: "currentColor", fontSize: 12 }),
        Plot.text(whoBlocks, { x: textX, y: "y", text: "text", lineHeight: LINE / 12, textAnchor: "start", fill: "currentColor", fillOpacity: 0.75, fontSize: 12, fontStyle: "italic" }),
      ],
    };
  },
};
