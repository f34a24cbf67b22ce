/**
 * The parts of an area page (issue 18) that repeat per school or per grade, as HTML strings: an
 * area of 2,500 schools would otherwise cost thousands of component renders. Pure; every text from
 * the imported file is escaped.
 */
import { SCHOOL_AREAS } from "./areas.ts";
import { OLD_GRADES, REPORT_CARD_GRADES, SAFEGUARDING, oldGradeLabel } from "./grades.ts";
import type { MiSchoolRow } from "./datasets/mi-schools.ts";
import { hasReportCard, shareOf, singleWordOf, SINGLE_WORDS, SMALL_NUMBER, type Tally } from "./areas-report.ts";
import { esc, thousands } from "./area-chart-svg.ts";

const n = thousands;

/** "12 (8.1%)", or just "3" when the denominator is below SMALL_NUMBER. */
export function countAndShare(count: number, of: number): string {
  const s = shareOf(count, of);
  return s === null ? n(count) : `${n(count)} <span class="area-pct">(${s}%)</span>`;
}

/**
 * A grade's colour and symbol, never the colour alone. The colour is a class (area page styles:
 * .area-sw-<kind>-<key> { background: var(--grade-<kind>-<key>) }), not an inline SVG: a school list
 * repeats it thousands of times, and the CSP forbids style attributes.
 */
const swatch = (kind: "old" | "card" | "safeguarding", key: string, symbol: string) =>
  `<span class="area-sw area-sw-${kind}-${key}" aria-hidden="true"></span><span class="school-symbol" aria-hidden="true">${esc(symbol)}</span>`;

/**
 * A table of the area beside England, in a box that scrolls sideways (a long place name heading a
 * column can be wider than a 320-px phone), labelled with its caption.
 */
function areaBesideEngland(caption: string, firstColumn: string, areaName: string, rows: readonly string[]): string {
  return `<section class="table-scroll" tabindex="0" aria-label="${esc(caption)}"><table class="area-table"><caption>${esc(caption)}</caption><thead><tr><th scope="col">${esc(firstColumn)}</th><th scope="col">${esc(areaName)}</th><th scope="col">England</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}

/** Safeguarding met / not met for the area and England, as a table. */
export function safeguardingTable(area: Tally, england: Tally, areaName: string): string {
  const rows = SAFEGUARDING.map((g) => {
    const a = g.key === "met" ? area.safeguarding.met : area.safeguarding.notMet;
    const e = g.key === "met" ? england.safeguarding.met : england.safeguarding.notMet;
    return `<tr><th scope="row">${swatch("safeguarding", g.key, g.symbol)} ${esc(g.label)}</th><td class="num">${countAndShare(a, area.safeguarding.met + area.safeguarding.notMet)}</td><td class="num">${countAndShare(e, england.safeguarding.met + england.safeguarding.notMet)}</td></tr>`;
  });
  return areaBesideEngland("Safeguarding standards, schools with a report card", "Outcome", areaName, rows);
}

/** The same schools' last single words (2019 framework overall effectiveness), area beside England. */
export function singleWordsTable(area: Tally, england: Tally, areaName: string): string {
  const rows = SINGLE_WORDS.map((w) => {
    const g = OLD_GRADES.find((o) => o.key === w.key);
    const mark = g ? swatch("old", g.key, g.symbol) + " " : "";
    return `<tr><th scope="row">${mark}${esc(w.label)}</th><td class="num">${countAndShare(area.singleWords[w.key], area.withCard)}</td><td class="num">${countAndShare(england.singleWords[w.key], england.withCard)}</td></tr>`;
  });
  return areaBesideEngland("The last single word of the schools with a report card", "Last single word", areaName, rows);
}

/** A school's card in one cell: each grade it holds, with its symbol and how many areas. */
function cardSummary(s: MiSchoolRow): string {
  const parts = REPORT_CARD_GRADES.flatMap((g) => {
    const k = SCHOOL_AREAS.filter((a) => s[`card_${a.key}`] === g.key).length;
    return k ? [`${swatch("card", g.key, g.symbol)} ${esc(g.label)} ×${k}`] : [];
  });
  const sg = s.safeguarding ? SAFEGUARDING.find((g) => g.key === s.safeguarding)! : null;
  if (sg) parts.push(`${swatch("safeguarding", sg.key, sg.symbol)} Safeguarding ${esc(sg.label.toLowerCase())}`);
  return parts.join("<br>");
}

function singleWordCell(s: MiSchoolRow): string {
  const k = singleWordOf(s);
  const g = OLD_GRADES.find((o) => o.key === k);
  if (g) return `${swatch("old", g.key, g.symbol)} ${esc(oldGradeLabel(g.key, s.eif_inspection_start ?? undefined))}`;
  return k === "not-judged" ? "No single word" : "None";
}

/** Each school's row, made once: a school is listed on three area pages (local authority, constituency, region). */
const rowHtml = new WeakMap<MiSchoolRow, string>();
const cardRow = (s: MiSchoolRow): string => {
  let hit = rowHtml.get(s);
  if (hit === undefined) rowHtml.set(s, (hit = `<tr><th scope="row"><a href="/schools/${s.urn}/">${esc(s.name)}</a> <span class="school-muted">${esc(s.phase)}</span></th><td>${singleWordCell(s)}</td><td>${cardSummary(s)}</td></tr>`));
  return hit;
};
const otherItem = (s: MiSchoolRow): string => {
  let hit = rowHtml.get(s);
  if (hit === undefined) rowHtml.set(s, (hit = `<li><a href="/schools/${s.urn}/">${esc(s.name)}</a> <span class="school-muted">${esc(s.phase)}${s.postcode ? `, ${esc(s.postcode)}` : ""}</span></li>`));
  return hit;
};

/** Schools with a report card: name (linked), last single word, card. */
export function cardSchoolsTable(schools: readonly MiSchoolRow[]): string {
  const rows = schools.filter(hasReportCard).map(cardRow);
  if (rows.length === 0) return `<p class="school-note">No school here has a report card yet.</p>`;
  return `<section class="table-scroll" tabindex="0" aria-label="Schools with a report card"><table class="area-table area-schools"><thead><tr><th scope="col">School</th><th scope="col">Last single word</th><th scope="col">Report card: areas at each grade</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
}

/** Every other school, linked, with its phase and postcode. */
export function otherSchoolsList(schools: readonly MiSchoolRow[]): string {
  const items = schools.filter((s) => !hasReportCard(s)).map(otherItem);
  return items.length ? `<ul class="school-list">${items.join("")}</ul>` : `<p class="school-note">Every school here has a report card.</p>`;
}

export const SMALL_NUMBERS_WHY = `Fewer than ${SMALL_NUMBER} schools here have a report card, so this page gives counts, not percentages: with so few schools, one school more or less would move a percentage by 10 points or more, and the schools inspected first are not a random sample.`;
