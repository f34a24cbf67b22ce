/**
 * Preview cards (1200x630) are shown about 600 px wide in feeds and chat apps: half size. Every text
 * on a card must then read at 12 px or more: 24 card px for the card's own words, and the chart's
 * drawing (rasterised at CHART_SCALE) must carry no text under 24 / CHART_SCALE px.
 */
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { CHARTS } from "../../src/render/charts.ts";
import { renderChart } from "../../src/render/chart.ts";
import { CARD_MIN_TEXT, CHART_SCALE, OG_WIDTH, cardTree, type Card, type Node } from "../../src/render/og-image.ts";

const SHOWN_AT = 600;
const MIN_READ_PX = 12;

/** Every text in the tree with the font size it is drawn at (inherited as satori does, 16 by default). */
function texts(node: Node, inherited = 16): { text: string; px: number }[] {
  const px = typeof node.props.style?.fontSize === "number" ? node.props.style.fontSize : inherited;
  const children = node.props.children;
  if (typeof children === "string") return children.trim() ? [{ text: children, px }] : [];
  if (Array.isArray(children)) return (children as Node[]).flatMap((c) => texts(c, px));
  if (children && typeof children === "object") return texts(children as Node, px);
  return [];
}

const cards: Card[] = [
  { kind: "explainer", title: "How to read a report card", description: "Five grades, a safeguarding check and no single word.", url: "beyondoneword.org.uk/explainers/how-to-read-a-report-card/" },
  { kind: "dataset", title: "Overall effectiveness", description: "Ofsted's figures.", url: "beyondoneword.org.uk/data/overall-effectiveness/" },
  { kind: "site", title: "Beyond One Word", description: "How England's schools are inspected.", url: "beyondoneword.org.uk" },
  { kind: "chart", title: CHARTS[0]!.title, description: CHARTS[0]!.takeaway, url: `beyondoneword.org.uk/charts/${CHARTS[0]!.id}/` },
];

describe("preview cards read at 12 px when shown 600 px wide", () => {
  it("the card's minimum is what 600 px wide needs", () => {
    expect(CARD_MIN_TEXT * (SHOWN_AT / OG_WIDTH)).toBeGreaterThanOrEqual(MIN_READ_PX);
  });

  it.each(cards.map((c) => [c.kind, c] as const))(`%s card: every text at ${CARD_MIN_TEXT} card px or more`, (_kind, card) => {
    const chart = card.kind === "chart" ? { uri: "data:image/png;base64,", w: 576, h: 400 } : undefined;
    const all = texts(cardTree(card, chart));
    expect(all.map((t) => t.text)).toContain(card.url);
    const small = all.filter((t) => t.px * (SHOWN_AT / OG_WIDTH) < MIN_READ_PX).map((t) => `${t.px} px: ${t.text.slice(0, 40)}`);
    expect(small).toEqual([]);
  });

  it.each(CHARTS.map((c) => c.id))("%s: the card's drawing has no text under 12 px once shown (drawn size x CHART_SCALE x 600/1200)", (id) => {
    const { svg } = renderChart(id).card;
    const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
    const sizeOf = (el: Element | null): number => {
      for (let e = el; e; e = e.parentElement) {
        const fromStyle = /font-size:\s*([\d.]+)px/.exec(e.getAttribute("style") ?? "")?.[1];
        const attr = fromStyle ?? e.getAttribute("font-size");
        if (attr && /^[\d.]+(px)?$/.test(attr)) return parseFloat(attr);
      }
      return 16;
    };
    const els = Array.from(document.querySelectorAll("text")).filter((t) => (t.textContent ?? "").trim());
    expect(els.length).toBeGreaterThan(0);
    const small = els
      .map((t) => ({ text: t.textContent!.trim(), px: sizeOf(t) * CHART_SCALE * (SHOWN_AT / OG_WIDTH) }))
      .filter((t) => t.px < MIN_READ_PX)
      .map((t) => `${t.px.toFixed(1)} px: ${t.text.slice(0, 40)}`);
    expect(small).toEqual([]);
  });
});
