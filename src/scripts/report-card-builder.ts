/**
 * Browser side of the report-card builder: reads the card from the URL (allow-listed), enables the
 * controls, swaps the figure's build-time SVG for the live HTML card and keeps card, sentence and
 * URL in step with the controls. Values reaching the DOM are grade keys from the allow-list and
 * labels from grades.ts, set with textContent / setAttribute only.
 */
import { SCHOOL_AREAS } from "../lib/areas.ts";
import { REPORT_CARD_GRADES, oldGrade, reportCardGrade, safeguarding } from "../lib/grades.ts";
import { cardFromQuery, cardLineGrades, cardToQuery, describeOldWord, likelyOldGrade, type ReportCard } from "../lib/report-card.ts";
import { NOT_APPLICABLE, REPORT_CARD_BUILDER_STATE, withState } from "../lib/url-state.ts";

function setText(el: Element | null | undefined, text: string): void {
  if (el && el.textContent !== text) el.textContent = text;
}

/** Shows one line of the live card. */
function showLine(card: HTMLElement, area: string, grade: string, word: string, symbol: string, fill: string): void {
  const row = card.querySelector<HTMLElement>(`.report-card-row[data-area="${area}"]`);
  if (!row) return;
  row.dataset.grade = grade;
  const rect = row.querySelector("rect");
  rect?.setAttribute("fill", fill);
  rect?.classList.toggle("is-empty", fill === "none");
  setText(row.querySelector(".report-card-symbol"), symbol);
  setText(row.querySelector(".report-card-word"), word);
}

function showCard(el: HTMLElement, card: ReportCard): void {
  const sg = safeguarding(card.safeguarding);
  showLine(el, "safeguarding", sg.key, sg.label, sg.symbol, `var(--grade-safeguarding-${sg.key})`);
  for (const a of SCHOOL_AREAS) {
    const key = card.grades[a.key];
    if (key === NOT_APPLICABLE) showLine(el, a.key, key, "Not applicable", "–", "none");
    else {
      const g = reportCardGrade(key);
      showLine(el, a.key, g.key, g.label, g.symbol, `var(--grade-card-${g.key})`);
    }
  }
}

/**
 * Keeps the figure's data table in step with the card: each line's grade, and its source link to
 * the grade's row in report-card-scale (with the secondary-source flag where that row has one).
 * Rows are in the card's order, as cardLineGrades gives them (the chart's table is built from the same).
 */
function updateTable(figure: HTMLElement, card: ReportCard, secondary: ReadonlySet<string>): void {
  const rows = Array.from(figure.querySelectorAll<HTMLTableRowElement>("table tbody tr"));
  const lines = cardLineGrades(card);
  rows.forEach((tr, i) => {
    const line = lines[i];
    if (!line) return;
    setText(tr.querySelector('[data-col="grade"]'), `${line.symbol} ${line.gradeLabel}`);
    const source = tr.querySelector('[data-col="source_title"]');
    const a = source?.querySelector("a");
    if (!source || !a) return;
    a.setAttribute("href", `/data/report-card-scale/#row-${line.scaleGrade}`);
    let flag = source.querySelector<HTMLElement>(".flag");
    if (!flag) {
      flag = document.createElement("span");
      flag.className = "flag";
      flag.textContent = "secondary source";
      source.append(flag);
    }
    flag.hidden = !secondary.has(line.scaleGrade);
  });
}

/** Enables the builder in `root` (a [data-report-card-builder] inside the chart's figure). */
export function enhanceReportCardBuilder(root: HTMLElement): void {
  if (root.dataset.enhanced) return;
  root.dataset.enhanced = "true";
  const figure = root.closest("figure");
  const form = root.querySelector<HTMLElement>("[data-rcb-form]");
  const fieldset = root.querySelector("fieldset");
  const cardWrap = root.querySelector<HTMLElement>("[data-rcb-card]");
  const liveCard = cardWrap?.querySelector<HTMLElement>("[data-report-card]");
  const sentence = root.querySelector("[data-rcb-sentence]");
  const link = root.querySelector<HTMLAnchorElement>("[data-rcb-link]");
  const linkWrap = root.querySelector<HTMLElement>("[data-rcb-link-wrap]");
  if (!figure || !form || !fieldset || !cardWrap || !liveCard) return;
  const selects = Array.from(form.querySelectorAll<HTMLSelectElement>("select"));

  let card = cardFromQuery(window.location.search);
  // Grade keys only (allow-listed: anything else in the attribute matches no grade).
  const secondary = new Set((root.dataset.secondaryGrades ?? "").split(" ").filter((k) => REPORT_CARD_GRADES.some((g) => g.key === k)));

  const render = (writeUrl: boolean) => {
    for (const select of selects) {
      const value = select.name === "safeguarding" ? card.safeguarding : card.grades[select.name as keyof ReportCard["grades"]];
      if (value !== undefined && select.value !== value) select.value = value;
    }
    showCard(liveCard, card);
    setText(sentence, describeOldWord(card));
    setText(root.querySelector("[data-rcb-word]"), oldGrade(likelyOldGrade(card).grade).label);
    updateTable(figure, card, secondary);
    const query = cardToQuery(card);
    link?.setAttribute("href", `?${query}`);
    if (writeUrl) {
      const full = withState(REPORT_CARD_BUILDER_STATE, { ...card.grades, safeguarding: card.safeguarding }, window.location.search);
      window.history.replaceState(window.history.state, "", `${window.location.pathname}?${full}${window.location.hash}`);
    }
  };

  form.addEventListener("change", () => {
    const params = new URLSearchParams(selects.map((s) => [s.name, s.value]));
    card = cardFromQuery(params);
    render(true);
  });

  // The live card takes the place of the build-time SVG (which stays for JS-off, print and downloads).
  const plot = figure.querySelector<HTMLElement>("[data-chart-plot]");
  if (plot) plot.hidden = true;
  cardWrap.hidden = false;
  if (linkWrap) linkWrap.hidden = false;
  fieldset.disabled = false;
  render(false);
}
