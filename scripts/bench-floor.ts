/**
 * The floor comparison in `npm run bench`: a chart page and its embed measured in Chromium beside a
 * "floor" page the bench writes from the same build-time SVG (title, the inline SVG, the source line;
 * no CSS file, no JS): the least a reader could be sent for that chart.
 *
 * For each page, over alternating rounds (floor first, then last, ...), each load in a fresh browser
 * context (cold cache) at 4x CPU throttling (CDP Emulation.setCPUThrottlingRate):
 *   - bytes: every response the page loads, each gzipped (level 9) as a server would send it;
 *   - requests: how many responses it loads;
 *   - chart in DOM: ms from navigation start until the chart's SVG is in the DOM (MutationObserver
 *     from an init script); first contentful paint is printed beside it;
 *   - ways-to-fail: ms from navigation start until a slider change is answered: as soon as the
 *     controls are live, the init script moves the rate slider and waits for the next frame after
 *     the chart's sentence changes;
 *   - ways-to-fail, one change: then real key presses (trusted input events from Playwright's
 *     keyboard) step the rate, correlation and areas sliders; for each, from the input event's
 *     timeStamp: the input handlers' time (a window capture listener to a window bubble listener,
 *     so every listener in between), the next animation frame (the sentence checked updated there),
 *     and "painted": a task posted from that frame's rAF, which runs after its style, layout and
 *     paint. Medians over all changes of all rounds, with the ratio to the floor's chart time.
 * Ratios are medians of the per-round ratios to the floor in the same round. Figures, no assertions.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { launchBrowser } from "../tests/support/browser.ts";
import { serveStatic } from "../tests/support/static-server.ts";

export const CHART = "good-or-outstanding-over-time";
const FLOOR_PATH = "/bench-floor/";
const CPU = 4;
export const TARGETS = { bytes: 3, chartInDom: 1.5, waysToFail: 3 } as const;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Writes the floor page from the built chart page: its title, its wide SVG, its source line. */
export function writeFloor(dist: string): string {
  const html = floorHtml(dist);
  mkdirSync(join(dist, FLOOR_PATH), { recursive: true });
  writeFileSync(join(dist, FLOOR_PATH, "index.html"), html);
  return html;
}

/** The floor page's HTML, from the built chart page. */
export function floorHtml(dist: string): string {
  const { document } = parseHTML(readFileSync(join(dist, "charts", CHART, "index.html"), "utf8"));
  const title = document.querySelector(".figure-title")?.textContent?.trim();
  const svg = document.querySelector(".chart-at-576 svg, svg.plot");
  const source = document.querySelector(".figure-source")?.textContent?.replace(/\s+/g, " ").trim();
  if (!title || !svg || !source) throw new Error(`bench: ${CHART}'s page has no title, SVG or source line to build the floor from`);
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><link rel="icon" href="data:,"></head><body><h1>${esc(title)}</h1>${svg.outerHTML}<p>${esc(source)}</p></body></html>`;
}

/** Runs in the page before any of its scripts: records when the chart is in the DOM and when a slider change is answered. */
const PROBE = `(() => {
  const b = (window.__bench = { chart: null, answered: null, moved: false, change: null, handler: null });
  const mo = new MutationObserver(() => {
    if (b.chart === null && document.querySelector("svg.plot")) b.chart = performance.now();
    const root = document.querySelector("[data-ways-to-fail]");
    const fs = root && root.querySelector("fieldset");
    if (b.answered === null && !b.moved && fs && !fs.disabled) {
      b.moved = true;
      const input = root.querySelector('input[name="rate"]');
      const sentence = root.querySelector("[data-wtf-sentence]");
      const before = sentence ? sentence.textContent : "";
      const t0 = performance.now();
      input.value = String(Number(input.value) + 5);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      b.handler = performance.now() - t0;
      const check = () => {
        if (sentence && sentence.textContent !== before) requestAnimationFrame(() => { b.answered = performance.now(); b.change = b.answered - t0; });
        else requestAnimationFrame(check);
      };
      check();
    }
  });
  mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["disabled"] });
  b.changes = [];
  let pending = null;
  addEventListener("input", (e) => { if (e.isTrusted) pending = { t0: e.timeStamp, h0: performance.now(), before: document.querySelector("[data-wtf-sentence]")?.textContent }; }, { capture: true });
  addEventListener("input", (e) => {
    const c = pending;
    pending = null;
    if (!e.isTrusted || !c) return;
    c.handler = performance.now() - c.h0;
    requestAnimationFrame(() => {
      c.frame = performance.now() - c.t0;
      c.updated = document.querySelector("[data-wtf-sentence]")?.textContent !== c.before;
      const mc = new MessageChannel();
      mc.port1.onmessage = () => { c.painted = performance.now() - c.t0; b.changes.push({ handler: c.handler, frame: c.frame, painted: c.painted, updated: c.updated }); };
      mc.port2.postMessage(0);
    });
  });
})();`;

/** The real key presses each ways-to-fail load makes after its first answer: [slider, key]. */
const STEPS: [string, string][] = [
  ["#wtf-rate", "ArrowRight"],
  ["#wtf-rate", "ArrowRight"],
  ["#wtf-correlation", "ArrowRight"],
  ["#wtf-correlation", "ArrowLeft"],
  ["#wtf-areas", "ArrowRight"],
  ["#wtf-rate", "ArrowLeft"],
];

interface Change {
  handler: number;
  frame: number;
  painted: number;
  updated: boolean;
}

interface Load {
  bytes: number;
  requests: number;
  chart: number;
  fcp: number;
  answered: number | null;
  change: number | null;
  handler: number | null;
  changes: Change[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export interface FloorReport {
  text: string;
  json: unknown;
}

export async function benchFloor(dist: string, rounds: number): Promise<FloorReport> {
  writeFloor(dist);
  const pages = { floor: FLOOR_PATH, chart: `/charts/${CHART}/`, embed: `/embed/${CHART}/`, waysToFail: "/charts/ways-to-fail/" } as const;
  type Key = keyof typeof pages;
  const keys = Object.keys(pages) as Key[];
  const server = await serveStatic(dist);
  const browser = await launchBrowser();
  const loads: Record<Key, Load[]> = { floor: [], chart: [], embed: [], waysToFail: [] };
  try {
    for (let r = 0; r < rounds; r++) {
      for (const key of r % 2 ? [...keys].reverse() : keys) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
        const page = await context.newPage();
        await page.addInitScript(PROBE);
        const cdp = await context.newCDPSession(page);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU });
        let bytes = 0;
        let requests = 0;
        const bodies: Promise<void>[] = [];
        page.on("response", (res) => {
          requests++;
          bodies.push(res.body().then((b) => void (bytes += gzipSync(b, { level: 9 }).length), () => undefined));
        });
        await page.goto(server.url + pages[key], { waitUntil: "load" });
        if (key === "waysToFail") {
          await page.waitForFunction(() => (window as unknown as { __bench: { answered: number | null } }).__bench.answered !== null, null, { timeout: 30_000 });
          for (const [i, [slider, press]] of STEPS.entries()) {
            await page.locator(slider).focus();
            await page.keyboard.press(press);
            await page.waitForFunction((n) => (window as unknown as { __bench: { changes: unknown[] } }).__bench.changes.length > n, i, { timeout: 10_000 });
            await page.waitForTimeout(100);
          }
        }
        await page.waitForTimeout(300); // late requests (modules loaded on idle or when near)
        await Promise.all(bodies);
        const m = await page.evaluate(() => {
          const b = (window as unknown as { __bench: { chart: number | null; answered: number | null; change: number | null; handler: number | null; changes: Change[] } }).__bench;
          const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
          return { chart: b.chart ?? NaN, answered: b.answered, change: b.change, handler: b.handler, changes: b.changes, fcp };
        });
        loads[key].push({ bytes, requests, ...m });
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(join(dist, FLOOR_PATH), { recursive: true, force: true });
  }

  const floor = loads.floor;
  const perRound = (key: Key, f: (l: Load) => number, base: (l: Load) => number = f) => loads[key].map((l, i) => f(l) / base(floor[i]!));
  const row = (key: Key) => {
    const ls = loads[key];
    const chartRatios = perRound(key, (l) => l.chart);
    return {
      page: pages[key],
      bytesGzip: median(ls.map((l) => l.bytes)),
      requests: median(ls.map((l) => l.requests)),
      chartMs: median(ls.map((l) => l.chart)),
      chartRatio: median(chartRatios),
      chartRatioRange: [Math.min(...chartRatios), Math.max(...chartRatios)],
      fcpMs: median(ls.map((l) => l.fcp)),
      fcpRatio: median(perRound(key, (l) => l.fcp)),
    };
  };
  const floorRow = row("floor");
  const rowsOut = (["chart", "embed", "floor"] as const).map(row);
  const answers = loads.waysToFail.map((l) => l.answered ?? NaN);
  const wtfRatios = perRound("waysToFail", (l) => l.answered ?? NaN, (l) => l.chart);
  const changes = loads.waysToFail.map((l) => l.change ?? NaN);
  const handlers = loads.waysToFail.map((l) => l.handler ?? NaN);
  const wtf = { page: pages.waysToFail, answeredMs: median(answers), changeMs: median(changes), changeMax: Math.max(...changes), handlerMs: median(handlers), ratio: median(wtfRatios), ratioRange: [Math.min(...wtfRatios), Math.max(...wtfRatios)] };
  // Real key presses: each change against the floor's chart time in the same round.
  const steps = loads.waysToFail.flatMap((l, i) => l.changes.map((c) => ({ ...c, floorChart: floor[i]!.chart })));
  const pick = (f: (c: (typeof steps)[number]) => number) => steps.map(f);
  const step = {
    changes: steps.length,
    notUpdated: steps.filter((c) => !c.updated).length,
    handlerMs: median(pick((c) => c.handler)),
    handlerMax: Math.max(...pick((c) => c.handler)),
    frameMs: median(pick((c) => c.frame)),
    paintedMs: median(pick((c) => c.painted)),
    paintedMax: Math.max(...pick((c) => c.painted)),
    handlerRatio: median(pick((c) => c.handler / c.floorChart)),
    paintedRatio: median(pick((c) => c.painted / c.floorChart)),
  };

  const x = (n: number) => `${n.toFixed(2)}x`;
  const ok = (v: number, t: number) => (v <= t ? "meets" : "misses");
  const lines = [
    `Floor comparison: ${CHART}, ${rounds} alternating rounds, cold cache, ${CPU}x CPU throttling, 1280x800, medians.`,
    "",
    "| page | bytes gz | x floor (target <= 3x) | requests | chart in DOM ms | x floor (target <= 1.5x; range) | FCP ms | FCP x floor |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
    ...rowsOut.map((r) => {
      const bx = r.bytesGzip / floorRow.bytesGzip;
      return `| ${r.page} | ${r.bytesGzip.toLocaleString("en-GB")} | ${x(bx)} ${r.page === FLOOR_PATH ? "" : ok(bx, TARGETS.bytes)} | ${r.requests} | ${r.chartMs.toFixed(0)} | ${x(r.chartRatio)} (${x(r.chartRatioRange[0]!)}–${x(r.chartRatioRange[1]!)}) ${r.page === FLOOR_PATH ? "" : ok(r.chartRatio, TARGETS.chartInDom)} | ${r.fcpMs.toFixed(0)} | ${x(r.fcpRatio)} |`;
    }),
    "",
    `ways-to-fail (${wtf.page}): a slider change answered at ${wtf.answeredMs.toFixed(0)} ms after navigation start, ${x(wtf.ratio)} the floor's chart-in-DOM time (range ${x(wtf.ratioRange[0]!)}–${x(wtf.ratioRange[1]!)}; target <= 3x: ${ok(wtf.ratio, TARGETS.waysToFail)}).`,
    `That first change (a script-dispatched input as soon as the controls are live): its input handler ran ${wtf.handlerMs.toFixed(1)} ms (median); the next frame after the answer came ${wtf.changeMs.toFixed(1)} ms after the change (median, max ${wtf.changeMax.toFixed(1)}).`,
    `A slider change by real key press (${step.changes} changes, ${STEPS.length} a load: rate, correlation, areas; ${CPU}x CPU): input handlers ${step.handlerMs.toFixed(1)} ms median (max ${step.handlerMax.toFixed(1)}; target one frame, 16 ms: ${ok(step.handlerMs, 16)}), ${x(step.handlerRatio)} the floor's chart time; event to next frame ${step.frameMs.toFixed(1)} ms; event to painted ${step.paintedMs.toFixed(1)} ms median (max ${step.paintedMax.toFixed(1)}), ${x(step.paintedRatio)} the floor's chart time.${step.notUpdated ? ` ${step.notUpdated} changes had not updated the sentence by the next frame.` : ""}`,
  ];
  return { text: lines.join("\n"), json: { chart: CHART, rounds, cpuThrottling: CPU, targets: TARGETS, pages: rowsOut, waysToFail: wtf, waysToFailChange: step, loads } };
}
