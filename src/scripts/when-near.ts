/**
 * Runs `load` once, when `el` comes within 300 px of the viewport (or at once where the browser has
 * no IntersectionObserver). Interactive charts use it to fetch their code only when a reader gets near.
 * An element already that near when the page's scripts run (a chart on the first screen) starts at
 * once, without waiting a frame for the observer; chart and embed pages also preload that code
 * (src/render/page-head.mjs, after the build), so its controls are live before first paint settles.
 */
/**
 * True until DOMContentLoaded has fired. Not readyState alone: module scripts (deferred) run after
 * parsing, when readyState is already "interactive", and DOMContentLoaded fires only after the last
 * of them; the navigation entry's domContentLoadedEventStart stays 0 until then.
 */
function beforeContentLoaded(): boolean {
  if (document.readyState !== "interactive") return document.readyState === "loading";
  const nav = performance.getEntriesByType?.("navigation")[0] as PerformanceNavigationTiming | undefined;
  return nav !== undefined && nav.domContentLoadedEventStart === 0;
}

export function whenNear(el: Element, load: () => Promise<unknown>): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    load().catch((err: unknown) => console.error("Could not load the chart's controls", err));
  };
  if (!("IntersectionObserver" in window)) return start();
  const box = el.getBoundingClientRect();
  if (box.bottom > -300 && box.top < window.innerHeight + 300 && (box.width > 0 || box.height > 0)) {
    // After every module script has run (they all run before DOMContentLoaded), so the figure's own
    // script (chart-points) always enhances the chart before its controls do, as when loaded later.
    if (beforeContentLoaded()) document.addEventListener("DOMContentLoaded", start, { once: true });
    else start();
    return;
  }
  const io = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        io.disconnect();
        start();
      }
    },
    { rootMargin: "300px 0px" },
  );
  io.observe(el);
}
