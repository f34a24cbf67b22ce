/**
 * Gate: every chart page and embed page, fed hostile strings (script tags, attribute breaks, quotes,
 * javascript: URLs, 10,000 characters, RTL/emoji/zero-width, %00 and broken percent-encoding) in
 * every URL parameter it knows (render flags dark, plain, childId; each chart's state keys from the
 * allow-lists in src/lib/url-state.ts), in an unknown parameter and in the WordPress #?secret=
 * fragment, fires no dialog, throws no error and grows no markup from the input.
 * Its power to fail: tests/e2e/gates-broken.test.ts.
 */
import { expect, inject, it } from "vitest";
import { CHART_STATE_SPECS } from "../../src/lib/url-state.ts";
import { useBrowser } from "../support/browser.ts";
import { DIST } from "../support/dist.ts";
import { HOSTILE, runHostile, type HostileTarget } from "../support/gates/hostile.ts";
import { discoverPages, formatFindings, pageType } from "../support/gates/pages.ts";

/** Render flags every chart and embed page may read (PRODUCT.md, Embeds). */
const RENDER_FLAGS = ["dark", "plain", "childId"];

const base = inject("baseUrl");
const browser = useBrowser();

it("hostile URL parameters on every chart and embed page: no dialog, no error, no markup from the input", { timeout: 600_000 }, async () => {
  const targets: HostileTarget[] = discoverPages(DIST)
    .filter((p) => pageType(p) === "charts/*" || pageType(p) === "embed/*")
    .map((p) => {
      const id = p.split("/")[2]!;
      return { page: p, params: [...RENDER_FLAGS, ...Object.keys(CHART_STATE_SPECS[id] ?? {})] };
    });
  expect(targets.length).toBeGreaterThanOrEqual(2);
  const result = await runHostile(browser, base, targets);
  console.log(`hostile: ${targets.length} pages, ${HOSTILE.length} strings, ${result.loads} page loads in ${(result.ms / 1000).toFixed(1)} s`);
  expect(formatFindings(result.findings)).toBe("");
});
