/**
 * Embeds whose chart scrolls in its own box (src/layouts/Embed.astro, `embed-scroll-chart`: the
 * reform timeline). The chart's reading aids (src/scripts/chart-points.ts) place the tooltip and
 * the focus ring in the chart, outside that box, for the point as it was when shown; here they
 * follow the box when it scrolls, and the point the arrow keys move to is scrolled into view. The
 * box is made a named tab stop (axe: scrollable-region-focusable).
 * Served as the classic script /embed/scroll.js (src/pages/embed/scroll.js.ts), so it runs in
 * sandboxed frames too, and only on those embeds.
 */

const BOX = "main.embed-scroll-chart .chart-at";

/**
 * The scrollTop that brings [top, bottom] (offsets in the box's content) into view with `margin` px
 * to spare (by default a quarter of the box, room for the point's text), or the current one if it is.
 */
export function scrollToShow(scrollTop: number, boxHeight: number, top: number, bottom: number, margin = Math.round(boxHeight / 4)): number {
  if (top - margin < scrollTop) return Math.max(0, top - margin);
  if (bottom + margin > scrollTop + boxHeight) return bottom + margin - boxHeight;
  return scrollTop;
}

/**
 * Moves the chart's ring onto its active point as it now is, and the tooltip by as much (chart-points
 * places both together, so their offset holds). Stateless: right however many scrolls and steps
 * came between.
 */
function follow(box: HTMLElement): void {
  const root = box.parentElement;
  const mark = box.querySelector(".is-active");
  const ring = root?.querySelector<HTMLElement>(":scope > .chart-ring");
  const tip = root?.querySelector<HTMLElement>(":scope > .chart-tip");
  if (!root || !mark || !ring || !ring.style.top) return;
  const now = mark.getBoundingClientRect().top - root.getBoundingClientRect().top;
  const moved = now - parseFloat(ring.style.top);
  if (moved === 0) return;
  ring.style.top = `${now}px`;
  if (tip?.style.top) tip.style.top = `${parseFloat(tip.style.top) + moved}px`;
}

export function followScrollBoxes(doc: Document): void {
  for (const box of Array.from(doc.querySelectorAll<HTMLElement>(BOX))) {
    // A tab stop in every browser (Chromium and Firefox make a scroller one by themselves; Safari does not), named.
    box.tabIndex = 0;
    box.setAttribute("role", "region");
    box.setAttribute("aria-label", "The whole chart, in a box that scrolls");
    box.addEventListener("scroll", () => follow(box), { passive: true });
  }
  // After the chart's own keydown handler (this listener is on the document: bubbling reaches it last).
  doc.addEventListener("keydown", (e) => {
    const target = e.target instanceof Element ? e.target : null;
    const mark = target?.closest("main.embed-scroll-chart [data-chart-plot]")?.querySelector(".is-active");
    const box = mark?.closest<HTMLElement>(".chart-at");
    if (!mark || !box || box.scrollHeight <= box.clientHeight) return;
    const b = box.getBoundingClientRect();
    const m = mark.getBoundingClientRect();
    const top = m.top - b.top + box.scrollTop;
    box.scrollTop = scrollToShow(box.scrollTop, box.clientHeight, top, top + m.height);
    follow(box);
  });
}
