import * as Plot from "@observablehq/plot";
import type { ReformTimelineRow } from "../lib/datasets/reform-timeline.ts";
import { MONTHS, longDate, SHORT_MONTHS } from "../lib/format.ts";
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

/** Greedy word wrap to at most `chars` characters a line (a long word gets a line of its own). */
export function wrapWords(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const LINE = 15;

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
  plot(rows, { width }) {
    const narrow = width < 480;
    const lineX = narrow ? 62 : 118;
    const textX = lineX + 14;
    // Characters a line holds at 12px (about 6.2px a character on average; 6.5 keeps a margin).
    const chars = Math.floor((width - textX - 8) / 6.5);
    let y = 12;
    const events = rows.map((r) => {
      const eventLines = wrapWords(r.event, chars);
      const whoLines = r.who ? wrapWords(r.who, Math.floor(chars * 1.08)) : [];
      const { dayMonth, year } = dateParts(r);
      const dateLines = narrow ? [dayMonth, year] : [`${dayMonth} ${year}`];
      const top = y;
      const height = Math.max(eventLines.length + whoLines.length, dateLines.length) * LINE;
      y += height + 14;
      return { ...r, top, eventLines, whoLines, dateLines };
    });
    const textLines = events.flatMap((e) => [
      ...e.eventLines.map((t, i) => ({ text: t, y: e.top + i * LINE, who: false })),
      ...e.whoLines.map((t, i) => ({ text: t, y: e.top + (e.eventLines.length + i) * LINE, who: true })),
    ]);
    const dateLines = events.flatMap((e) => e.dateLines.map((t, i) => ({ text: t, y: e.top + i * LINE, strong: i === e.dateLines.length - 1 && narrow })));
    const segments = events.slice(1).map((e, i) => {
      const prev = events[i]!;
      const days = (Date.parse(e.date) - Date.parse(prev.date)) / 86_400_000;
      return { y1: prev.top, y2: e.top, long: days > 366 };
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
        Plot.text(dateLines, { x: lineX - 12, y: "y", text: "text", textAnchor: "end", fill: "currentColor", fontWeight: 700, fontSize: 12 }),
        Plot.text(textLines.filter((l) => !l.who), { x: textX, y: "y", text: "text", textAnchor: "start", fill: "currentColor", fontSize: 12 }),
        Plot.text(textLines.filter((l) => l.who), { x: textX, y: "y", text: "text", textAnchor: "start", fill: "currentColor", fillOpacity: 0.75, fontSize: 11, fontStyle: "italic" }),
      ],
    };
  },
};
