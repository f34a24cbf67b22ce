/**
 * Charts everyone can read (issue 20, issue 15 items 2, 3, 7), in Chromium: tooltips that Escape
 * hides and the pointer can reach, a tap that reads the tapped point, keyboard reading by series,
 * mark and highlight contrast from the rendered colours, the visible cue, text spacing, plain words,
 * and dataset tables with readers' labels.
 */
import { describe, expect, inject, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { useBrowser } from "../support/browser.ts";
import { CHARTS } from "../../src/render/charts.ts";
import { DATASETS } from "../../src/lib/datasets/index.ts";
import { availableDatasetIds } from "../../src/render/load.ts";
import { MAX_GRADE, readability } from "../support/readability.ts";

const base = inject("baseUrl");
const browser = useBrowser();
/** Charts whose build-time SVG stays on screen with JavaScript on (the builder swaps in a live card). */
const markCharts = CHARTS.filter((c) => c.id !== "report-card-builder").map((c) => c.id);
const LINE = "good-or-outstanding-over-time";
const STACKED = "grade-mix-over-time";

async function open(path: string, options: Parameters<typeof browser.newContext>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  await page.goto(base + path);
  await page.locator('[data-chart-plot][data-enhanced="true"]').first().waitFor({ timeout: 10_000 });
  return { context, page };
}

const tip = (page: Page) => page.locator(".chart-tip").first();
const marks = (page: Page) => page.locator("[data-chart-plot] svg.plot:visible g.marks > *");

describe("tooltips (WCAG 1.4.13)", () => {
  it("a hover tooltip can itself be hovered, and Escape hides it with focus anywhere", async () => {
    const { context, page } = await open(`/charts/${LINE}/`);
    await marks(page).nth(3).hover();
    await expect(tip(page).isVisible()).resolves.toBe(true);
    const text = await tip(page).textContent();
    const box = (await tip(page).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect(tip(page).isVisible()).resolves.toBe(true);
    await expect(tip(page).textContent()).resolves.toBe(text);
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.keyboard.press("Escape");
    await expect(tip(page).isVisible()).resolves.toBe(false);
    await context.close();
  });

  it.each(markCharts)("%s: the tooltip covers neither the mark it reads nor a legend (375 and 1280)", async (id) => {
    for (const width of [375, 1280]) {
      const { context, page } = await open(`/charts/${id}/`, { viewport: { width, height: 900 } });
      const n = await marks(page).count();
      for (const i of [...new Set([0, Math.floor(n / 3), Math.floor((2 * n) / 3), n - 1])]) {
        await page.mouse.move(0, 0); // off the chart: the last tooltip goes
        const r = await marks(page).nth(i).evaluate((el) => { el.scrollIntoView({ block: "center" }); const b = el.getBoundingClientRect(); return { x: b.x + b.width / 2, y: b.y + b.height / 2 }; });
        await page.mouse.move(r.x, r.y); // by position: a 0% bar has no width to hover
        if (!(await tip(page).isVisible())) continue;
        const clash = await page.evaluate(() => {
          const m = document.querySelector("[data-chart-plot] svg.plot g.marks > .is-active")!.getBoundingClientRect();
          const t = document.querySelector(".chart-tip")!.getBoundingClientRect();
          const hit = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
          const legends = Array.from(document.querySelectorAll(".chart-legend, [data-legend], .legend")).map((l) => l.getBoundingClientRect());
          return { mark: hit(t, m), legend: legends.some((l) => hit(t, l)) };
        });
        expect(clash, `${id} at ${width}px, mark ${i}`).toEqual({ mark: false, legend: false });
      }
      await context.close();
    }
  });
});

describe("touch (issue 15 item 2)", () => {
  it("a tap on the August 2022 point shows August 2022 and keeps it until a tap elsewhere", async () => {
    const { context, page } = await open(`/charts/${LINE}/`, { viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });
    const all = await marks(page).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.tip ?? ""));
    const index = all.findIndex((t) => t.startsWith("31 August 2022"));
    expect(index, `marks: ${all.join(" | ")}`).toBeGreaterThan(0);
    const box = (await marks(page).nth(index).boundingBox())!;
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    await expect(tip(page).isVisible()).resolves.toBe(true);
    await expect(tip(page).textContent()).resolves.toContain("31 August 2022");
    // still there after the finger lifts and the page settles
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await expect(tip(page).textContent()).resolves.toContain("31 August 2022");
    const heading = (await page.locator("h1").boundingBox())!;
    await page.touchscreen.tap(heading.x + 5, heading.y + heading.height / 2);
    await expect(tip(page).isVisible()).resolves.toBe(false);
    await context.close();
  });

  it("keyboard focus alone starts at the first point; a mouse click does not", async () => {
    const { context, page } = await open(`/charts/${LINE}/`);
    const plot = page.locator("[data-chart-plot]").first();
    const box = (await plot.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height - 2); // on the axis, far from every point
    expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-chart-plot"))).toBe(true);
    await expect(tip(page).isVisible()).resolves.toBe(false);
    await page.keyboard.press("Escape");
    await page.locator("h1").click();
    for (let i = 0; i < 60 && !(await page.evaluate(() => document.activeElement?.hasAttribute("data-chart-plot"))); i++) await page.keyboard.press("Tab");
    await expect(tip(page).textContent()).resolves.toContain("31 August 2010");
    await context.close();
  });
});

describe("keyboard reading of stacked bars (issue 20 item 6)", () => {
  it("Up/Down move between series at the same date, Left/Right along a series; the live region says both", async () => {
    const { context, page } = await open(`/charts/${STACKED}/`);
    await page.locator("[data-chart-plot]").first().focus();
    const live = page.locator("[data-chart-plot] [aria-live]").first();
    await expect(tip(page).textContent()).resolves.toMatch(/^31 August 2011, Outstanding: 20%/);
    await page.keyboard.press("ArrowDown");
    await expect(tip(page).textContent()).resolves.toMatch(/^31 August 2011, Good: 50%/);
    await expect(live.textContent()).resolves.toContain("series 2 of 4; 1 of 5");
    await page.keyboard.press("ArrowRight");
    await expect(tip(page).textContent()).resolves.toMatch(/^30 June 2014, Good/);
    await expect(live.textContent()).resolves.toContain("series 2 of 4; 2 of 5");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await expect(tip(page).textContent()).resolves.toMatch(/^30 June 2014, Inadequate/);
    await page.keyboard.press("ArrowUp");
    await expect(tip(page).textContent()).resolves.toMatch(/^30 June 2014, Requires improvement/);
    await page.keyboard.press("End");
    await expect(tip(page).textContent()).resolves.toMatch(/^31 August 2024, Requires improvement: 8%/);
    await context.close();
  });
});

/** Contrast ratio of two CSS colours as the browser resolved them (rgb()/rgba() over an opaque background). */
const contrastInPage = `
  const parse = (c) => { const m = c.match(/[\\d.]+/g); return m ? m.map(Number) : null; };
  const over = (c, bg) => { const a = c.length > 3 ? c[3] : 1; return [0, 1, 2].map((i) => c[i] * a + bg[i] * (1 - a)); };
  const lum = (c) => { const [r, g, b] = c.map((v) => { const s = v / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const backgroundOf = (el) => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c && (c.length < 4 || c[3] > 0)) return c.slice(0, 3); } return [255, 255, 255]; };
`;

describe("contrast (issue 20 item 3)", () => {
  for (const scheme of ["light", "dark"] as const) {
    it.each(markCharts)(`%s (${scheme}): every value-carrying mark reaches 3:1 against its background by fill or outline`, async (id) => {
      const { context, page } = await open(`/charts/${id}/`, { colorScheme: scheme });
      const failures = await page.evaluate(`(() => { ${contrastInPage}
        const svg = Array.from(document.querySelectorAll("[data-chart-plot] svg.plot")).find((s) => s.getClientRects().length > 0);
        const bg = backgroundOf(svg.closest("[data-chart-plot]"));
        const out = [];
        for (const el of svg.querySelectorAll("g.marks > *")) {
          const cs = getComputedStyle(el);
          const fillOpacity = Number(cs.fillOpacity) * Number(cs.opacity);
          const fill = cs.fill !== "none" && parse(cs.fill) ? over([...parse(cs.fill).slice(0, 3), fillOpacity], bg) : null;
          const strokeRgb = cs.stroke !== "none" && parse(cs.stroke) ? parse(cs.stroke) : null;
          const stroke = strokeRgb && parseFloat(cs.strokeWidth) >= 1 ? over([...strokeRgb.slice(0, 3), Number(cs.strokeOpacity) * Number(cs.opacity) * (strokeRgb[3] ?? 1)], bg) : null;
          const best = Math.max(fill ? ratio(fill, bg) : 0, stroke ? ratio(stroke, bg) : 0);
          if (best < 3) out.push((el.dataset.tip || el.tagName) + ": " + best.toFixed(2) + ":1 (fill " + cs.fill + ", stroke " + cs.stroke + ")");
        }
        return out;
      })()`);
      expect(failures).toEqual([]);
      await context.close();
    });
  }

  it.each(["light", "dark"] as const)("the current-mark highlight reaches 3:1 against every mark it rings (%s)", async (scheme) => {
    for (const id of markCharts) {
      const { context, page } = await open(`/charts/${id}/`, { colorScheme: scheme });
      await page.locator("[data-chart-plot]").first().focus();
      const n = await marks(page).count();
      const worst: string[] = [];
      for (let i = 0; i < n; i++) {
        const r = await page.evaluate(`(() => { ${contrastInPage}
          const mark = document.querySelector("[data-chart-plot] svg.plot g.marks > .is-active");
          const ring = document.querySelector(".chart-ring");
          if (!mark || !ring || ring.hidden) return "no ring";
          const cs = getComputedStyle(mark);
          const bg = backgroundOf(ring.parentElement);
          const fill = cs.fill !== "none" && parse(cs.fill) ? over(parse(cs.fill), bg) : over(parse(cs.stroke), bg);
          const inner = parse(getComputedStyle(ring).borderTopColor);
          const outer = parse(getComputedStyle(ring).boxShadow);
          const best = Math.max(ratio(inner.slice(0, 3), fill), ratio(outer.slice(0, 3), fill));
          return best >= 3 ? "" : (mark.dataset.tip + ": " + best.toFixed(2));
        })()`);
        if (r) worst.push(`${id}: ${r}`);
        await page.keyboard.press("ArrowRight");
      }
      expect(worst).toEqual([]);
      await context.close();
    }
  });
});

describe("the visible cue and a way in (issue 20 item 4)", () => {
  it.each(markCharts)("%s shows a one-line cue tied to the chart, for mouse (1280) and touch (375)", async (id) => {
    for (const [width, touch] of [[1280, false], [375, true]] as const) {
      const { context, page } = await open(`/charts/${id}/`, { viewport: { width, height: 900 }, hasTouch: touch, isMobile: touch });
      const cue = page.locator(".chart-cue").first();
      await expect(cue.isVisible()).resolves.toBe(true);
      const text = (await cue.innerText()).trim();
      expect(text).toMatch(touch ? /Tap a point/ : /Hover over a point.*arrow keys/);
      const lines = await cue.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
      expect(lines, `${id} at ${width}: "${text}"`).toBe(1);
      const plot = page.locator("[data-chart-plot]").first();
      await expect(plot.getAttribute("aria-describedby")).resolves.toBe(await cue.getAttribute("id"));
      await expect(plot.getAttribute("role")).resolves.toBe("application");
      // the title is spoken once: by the heading, not again by the chart's own label
      const title = (await page.locator(".figure-title").first().textContent())!.trim();
      expect(await plot.getAttribute("aria-label")).not.toContain(title);
      await context.close();
    }
  });
});

describe("the title spoken once (issue 20 item 9)", () => {
  /** Roles of the nodes in Chromium's accessibility tree whose name holds the chart's title (text runs aside). */
  async function titled(path: string, title: string): Promise<string[]> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(base + path);
    await page.waitForLoadState("load");
    const cdp = await context.newCDPSession(page);
    const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[] };
    await context.close();
    return nodes
      .filter((n) => !n.ignored && !["StaticText", "InlineTextBox", "RootWebArea"].includes(n.role?.value ?? "") && (n.name?.value ?? "").includes(title))
      .map((n) => n.role!.value);
  }
  it.each(CHARTS.map((c) => [c.id, c.title] as const))("%s: only the heading carries the title on its page (not the figure, not the chart)", async (id, title) => {
    expect(await titled(`/charts/${id}/`, title)).toEqual(["heading"]);
  });
  it("in an embed too", async () => {
    expect(await titled(`/embed/${LINE}/`, CHARTS.find((c) => c.id === LINE)!.title)).toEqual(["heading"]);
  });
});

describe("text spacing (WCAG 1.4.12)", () => {
  // The standard overrides (line height 1.5, paragraph spacing 2 em, letter spacing 0.12 em, word
  // spacing 0.16 em), added as a user stylesheet would: the test browser bypasses the CSP to inject them.
  const SPACING = "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";
  it.each(CHARTS.map((c) => c.id))("%s: with the spacing overrides no chart text overlaps other chart text or leaves its SVG, and the key and notes stay in the figure (320, 480 and 1280)", async (id) => {
    const problems: string[] = [];
    for (const width of [320, 480, 1280]) { // the 288, 416 and 576 drawings
      // The builder swaps its drawing for a live card once its script runs: check the drawing every reader first gets.
      const context = await browser.newContext({ viewport: { width, height: 900 }, bypassCSP: true, javaScriptEnabled: id !== "report-card-builder" });
      const page = await context.newPage();
      await page.goto(`${base}/charts/${id}/`);
      // (a style element added from the test: addStyleTag waits on a load event that never comes with JavaScript off)
      await page.evaluate((css) => document.head.append(Object.assign(document.createElement("style"), { textContent: css })), SPACING);
      const found = await page.evaluate(() => {
        const out: string[] = [];
        const svgs = Array.from(document.querySelectorAll<SVGSVGElement>("[data-chart-plot] svg.plot")).filter((s) => s.getClientRects().length > 0);
        if (svgs.length !== 1) out.push(`${svgs.length} drawings shown`);
        for (const svg of svgs) {
          const frame = svg.getBoundingClientRect();
          const texts = Array.from(svg.querySelectorAll("text")).filter((t) => (t.textContent ?? "").trim() !== "");
          if (texts.length === 0) out.push("no chart text");
          // Each line (tspan) of a multi-line label is its own box: the label's box spans the gaps between lines.
          const boxes = texts.flatMap((t) => {
            const spans = Array.from(t.querySelectorAll("tspan")).filter((s) => (s.textContent ?? "").trim() !== "");
            return (spans.length > 0 ? spans : [t]).map((e) => ({ t: (e.textContent ?? "").trim().slice(0, 30), r: e.getBoundingClientRect(), owner: t }));
          });
          for (const b of boxes) {
            if (b.r.left < frame.left - 1 || b.r.right > frame.right + 1 || b.r.top < frame.top - 1 || b.r.bottom > frame.bottom + 1) out.push(`"${b.t}" leaves the SVG`);
          }
          for (let i = 0; i < boxes.length; i++) {
            for (let j = i + 1; j < boxes.length; j++) {
              if (boxes[i]!.owner === boxes[j]!.owner) continue; // lines of one label sit where the chart put them
              const a = boxes[i]!.r, c = boxes[j]!.r;
              const w = Math.min(a.right, c.right) - Math.max(a.left, c.left);
              const h = Math.min(a.bottom, c.bottom) - Math.max(a.top, c.top);
              if (w > 2 && h > 2) out.push(`"${boxes[i]!.t}" overlaps "${boxes[j]!.t}"`);
            }
          }
        }
        // The HTML key and notes wrap inside the figure instead of running off the page.
        const figure = document.querySelector<HTMLElement>("figure.figure")!.getBoundingClientRect();
        for (const el of Array.from(document.querySelectorAll<HTMLElement>("figure.figure .chart-legend, figure.figure .chart-caption, figure.figure .chart-notes, figure.figure .figure-notes"))) {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && (r.left < figure.left - 1 || r.right > figure.right + 1 || el.scrollWidth > el.clientWidth + 1)) out.push(`${el.className} runs out of the figure`);
        }
        return out;
      });
      problems.push(...found.map((p) => `${width}px: ${p}`));
      await context.close();
    }
    expect(problems, id).toEqual([]);
  });
});

describe("plain words (issue 20 item 5)", () => {
  it.each(markCharts)(`%s: the takeaway and the text alternative as rendered read at grade ${MAX_GRADE} or below`, async (id) => {
    const { context, page } = await open(`/charts/${id}/`);
    const takeaway = (await page.locator(".figure-takeaway").first().textContent())!.trim();
    const alt = (await page.locator("figure svg.plot").first().getAttribute("aria-label"))!;
    for (const text of [takeaway, alt]) {
      const r = readability(text);
      expect(r.grade, `grade ${r.grade.toFixed(1)}: ${text}`).toBeLessThanOrEqual(MAX_GRADE);
    }
    await context.close();
  });
});

describe("tables for readers (issue 20 item 7, issue 15 item 7)", () => {
  const machineNames = new Set(Object.values(DATASETS).flatMap((d) => Object.keys(d.schema.columns)));
  const gradeSlug = /^(outstanding|good|requires-improvement|inadequate|exceptional|strong-standard|expected-standard|needs-attention|urgent-improvement|not-met)$/;
  const paths = [...availableDatasetIds().map((d) => `/data/${d}/`), ...CHARTS.map((c) => `/charts/${c.id}/`)];

  it.each(paths)("%s: every table has a caption, headers in words (no machine names), dates as readers write them, grades as labels", async (path) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(base + path);
    const tables = await page.locator("main table").evaluateAll((els) =>
      els.map((t) => ({
        caption: t.querySelector("caption")?.textContent?.trim() ?? "",
        headers: Array.from(t.querySelectorAll("th")).map((th) => th.textContent?.trim() ?? ""),
        cells: Array.from(t.querySelectorAll("td")).map((td) => td.textContent?.trim() ?? ""),
      })),
    );
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables) {
      expect(t.caption, "caption").not.toBe("");
      for (const h of t.headers) {
        expect(h, "header").not.toMatch(/_/);
        expect(machineNames.has(h), `header "${h}" is a column's machine name`).toBe(false);
      }
      for (const c of t.cells) {
        expect(c, "an ISO date in a cell").not.toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(c, "a grade slug in a cell").not.toMatch(gradeSlug);
      }
    }
    await context.close();
  });

  it("/data/ and a dataset page fit 375 px: no squeezed description column, no import instructions for readers", async () => {
    for (const path of ["/data/", "/data/first-report-cards/", "/data/key-judgements/"]) {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
      const page = await context.newPage();
      await page.goto(base + path);
      const text = await page.locator("main").innerText();
      expect(text).not.toContain("npm run");
      expect(text).not.toContain("Not imported yet");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      // no cell of readable text squeezed narrower than 120 px
      const narrow = await page.locator("main td").evaluateAll((tds) =>
        tds.filter((td) => (td.textContent ?? "").trim().length > 40 && td.getBoundingClientRect().width < 120).map((td) => (td.textContent ?? "").slice(0, 40)),
      );
      expect(narrow, path).toEqual([]);
      // a table wider than its box says that it scrolls
      const scrollers = await page.locator(".table-scroll").evaluateAll((els) =>
        els.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => ({ cue: e.previousElementSibling?.classList.contains("scroll-cue") ?? false, label: e.getAttribute("aria-label") })),
      );
      for (const s of scrollers) expect(s.cue, `${path}: ${s.label}`).toBe(true);
      await context.close();
    }
  });
});

describe("announcements (issue 20 item 8)", () => {
  it("ways-to-fail: each slider step speaks a short line, the full sentence follows when the reader pauses; hints are tied to their sliders", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/charts/ways-to-fail/`);
    await page.locator('[data-ways-to-fail][data-enhanced="true"] fieldset:not([disabled])').waitFor({ timeout: 10_000 });
    for (const name of ["areas", "rate", "correlation"]) {
      const hintId = await page.locator(`#wtf-${name}`).getAttribute("aria-describedby");
      expect(hintId, name).toBe(`wtf-${name}-hint`);
      await expect(page.locator(`#${hintId}`).isVisible()).resolves.toBe(true);
    }
    // the visible sentence is no longer a live region: only the short line and the pause sentence are spoken
    await expect(page.locator("[data-wtf-sentence]").getAttribute("aria-live")).resolves.toBeNull();
    await page.evaluate(() => {
      const live = document.querySelector("[data-wtf-announce]")!;
      (window as unknown as { spoken: string[] }).spoken = [];
      new MutationObserver(() => (window as unknown as { spoken: string[] }).spoken.push(live.textContent ?? "")).observe(live, { childList: true, characterData: true, subtree: true });
    });
    await page.locator("#wtf-areas").focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
    const sentence = (await page.locator("[data-wtf-sentence]").textContent())!;
    await page.waitForFunction((s) => document.querySelector("[data-wtf-announce]")?.textContent === s, sentence, { timeout: 10_000 });
    const spoken = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
    expect(spoken[0]).toMatch(/^[789] areas\. \d+(\.\d)?%, chance that at least one area is below expected\.$/);
    for (const s of spoken) expect(s === sentence || s.length <= 80, s).toBe(true);
    expect(spoken.filter((s) => s !== sentence).length).toBeGreaterThanOrEqual(1);
    expect(spoken.at(-1)).toBe(sentence);
    expect(sentence).toContain("With 9 areas");
    await context.close();
  });
});

describe("announcements in the report-card builder (issue 20 item 8)", () => {
  it("each choice speaks the area, its new grade and the old word; the full sentence follows a pause; the hint is tied to every control", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/charts/report-card-builder/`);
    await page.locator('[data-report-card-builder][data-enhanced="true"] fieldset:not([disabled])').waitFor({ timeout: 10_000 });
    const selects = page.locator("[data-report-card-builder] select");
    const n = await selects.count();
    expect(n).toBeGreaterThan(5);
    for (let i = 0; i < n; i++) {
      const hintId = await selects.nth(i).getAttribute("aria-describedby");
      expect(hintId).toBe("rcb-hint");
      await expect(page.locator(`#${hintId}`).isVisible()).resolves.toBe(true);
    }
    // the visible sentence is not itself a live region: only the short line and the pause sentence are spoken
    await expect(page.locator("[data-rcb-sentence]").getAttribute("aria-live")).resolves.toBeNull();
    await expect(page.locator("[data-rcb-announce]").getAttribute("aria-live")).resolves.toBe("polite");
    await page.evaluate(() => {
      const live = document.querySelector("[data-rcb-announce]")!;
      (window as unknown as { spoken: string[] }).spoken = [];
      new MutationObserver(() => (window as unknown as { spoken: string[] }).spoken.push(live.textContent ?? "")).observe(live, { childList: true, characterData: true, subtree: true });
    });
    // Two quick choices: the second leaves the old word as it was, and is still spoken.
    await page.selectOption("#rcb-leadership-and-governance", "urgent-improvement");
    await page.selectOption("#rcb-leadership-and-governance", "needs-attention");
    const sentence = (await page.locator("[data-rcb-sentence]").textContent())!;
    await page.waitForFunction((s) => document.querySelector("[data-rcb-announce]")?.textContent === s, sentence, { timeout: 10_000 });
    const spoken = await page.evaluate(() => (window as unknown as { spoken: string[] }).spoken);
    const word = (await page.locator("[data-rcb-word]").textContent())!.trim();
    expect(spoken.slice(0, 2)).toEqual([expect.stringMatching(/^Leadership and governance: Urgent improvement\. Old word: [A-Za-z ]+\.$/), `Leadership and governance: Needs attention. Old word: ${word}.`]);
    for (const s of spoken.slice(0, 2)) expect(s.length).toBeLessThanOrEqual(100);
    expect(spoken.at(-1)).toBe(sentence);
    expect(spoken).toHaveLength(3);
    await context.close();
  });
});

describe("the accessibility statement", () => {
  it("lists no critical Chartability failure and is linked from the footer of pages of every kind", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${base}/accessibility/`);
    await expect(page.locator("main").innerText()).resolves.toContain("None of the critical ones fails.");
    expect(await page.locator('.audit li[data-status="Fail"]').count()).toBe(0);
    for (const path of ["/", `/charts/${LINE}/`, "/data/", "/explainers/what-is-changing/"]) {
      await page.goto(base + path);
      await expect(page.locator('footer a[href="/accessibility/"]').count(), path).resolves.toBeGreaterThan(0);
    }
    await context.close();
  });
});

describe("grade marks and user colour settings (issue 15 item 3, issue 20 item 9)", () => {
  it("the builder's verdict marks the old word with an old-scale symbol, never a report-card grade's", async () => {
    const { REPORT_CARD_GRADES, OLD_GRADES } = await import("../../src/lib/grades.ts");
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/charts/report-card-builder/`);
    const verdict = (await page.locator("figure svg.plot:visible text").allTextContents()).find((t) => t.startsWith("Old single word"));
    expect(verdict).toBeDefined();
    const old = OLD_GRADES.find((g) => verdict!.endsWith(g.label))!;
    expect(verdict).toContain(`${old.symbol} ${old.label}`);
    for (const g of REPORT_CARD_GRADES) expect(verdict).not.toContain(g.symbol);
    await context.close();
  });

  it.each(([
    ["forced colours (Windows high contrast)", { forcedColors: "active" }],
    ["prefers-contrast: more", { contrast: "more" }],
  ] as const).flatMap(([name, options]) => markCharts.map((id) => [name, id, options] as const)))("with %s, %s: every chart mark keeps an outline that differs from the background", async (_, id, options) => {
    const { context, page } = await open(`/charts/${id}/`, options);
    const strokes = await marks(page).evaluateAll((els) => els.map((e) => ({ stroke: getComputedStyle(e).stroke, width: parseFloat(getComputedStyle(e).strokeWidth) })));
    expect(strokes.length).toBeGreaterThan(0);
    for (const s of strokes) {
      expect(s.stroke).not.toBe("none");
      expect(s.width).toBeGreaterThanOrEqual(1);
    }
    const surface = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(new Set(strokes.map((s) => s.stroke)).has(surface), "outlines differ from the page background").toBe(false);
    await context.close();
  });
});
