/**
 * Runs `load` once, when `el` comes within 300 px of the viewport (or at once where the browser has
 * no IntersectionObserver). Interactive charts use it to fetch their code only when a reader gets near.
 */
export function whenNear(el: Element, load: () => Promise<unknown>): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    load().catch((err: unknown) => console.error("Could not load the chart's controls", err));
  };
  if (!("IntersectionObserver" in window)) return start();
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
