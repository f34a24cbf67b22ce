/**
 * The browser gates can fail: axe, network (external requests, CSP violations, JS budget) and the
 * hostile-input gate run on tests/fixtures/broken-site/ (served on its own localhost port) and must
 * report each deliberate breakage on its page, and nothing on the fixture's clean home page.
 * The same gate functions run over dist/ in gates-axe, gates-network and gates-hostile.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useBrowser } from "../support/browser.ts";
import { runAxe } from "../support/gates/axe.ts";
import { STATIC_BUDGET } from "../support/gates/budgets.ts";
import { runHostile } from "../support/gates/hostile.ts";
import { checkLoads, loadPages } from "../support/gates/network.ts";
import type { Finding } from "../support/gates/pages.ts";
import { serveStatic, type RunningServer } from "../support/static-server.ts";

const browser = useBrowser();
let server: RunningServer;
beforeAll(async () => {
  server = await serveStatic("tests/fixtures/broken-site");
});
afterAll(async () => {
  await server?.close();
});

const rules = (findings: Finding[], page: string) => [...new Set(findings.filter((f) => f.page === page).map((f) => f.rule))].sort();

describe("each browser gate reports the fixture's breakage", () => {
  it("axe: an image without alt text, in light and dark; the clean page passes", async () => {
    const { findings, timings } = await runAxe(browser, server.url, ["/", "/axe/"]);
    expect(timings).toHaveLength(4);
    const axe = findings.filter((f) => f.rule === "image-alt");
    expect(axe.map((f) => f.page)).toEqual(["/axe/ (light, 1280px)", "/axe/ (dark, 375px)"]);
    expect(findings.filter((f) => f.page.startsWith("/ "))).toEqual([]);
  });

  it("network: a third-party request, CSP violations from inline code, a script over budget; the clean page passes", async () => {
    const loads = await loadPages(browser, server.url, ["/", "/external/", "/inline-handler/", "/heavy-js/"]);
    const findings = checkLoads(loads, () => STATIC_BUDGET);
    expect(rules(findings, "/external/")).toEqual(["external-request"]);
    expect(findings.find((f) => f.page === "/external/")!.message).toContain("https://tracker.example.net/pixel.png");
    expect(rules(findings, "/inline-handler/")).toEqual(["csp-violation"]);
    expect(rules(findings, "/heavy-js/")).toEqual(["js-budget"]);
    expect(loads.find((l) => l.page === "/heavy-js/")!.jsGzip).toBeGreaterThan(STATIC_BUDGET.bytes);
    expect(loads.find((l) => l.page === "/")!.jsGzip).toBeGreaterThan(0);
    expect(rules(findings, "/")).toEqual([]);
  });

  it("hostile input: a page that writes a URL parameter as markup fires a dialog and grows elements; a safe page passes", async () => {
    const bad = await runHostile(browser, server.url, [{ page: "/charts/vulnerable/", params: ["dark", "plain"] }]);
    expect(rules(bad.findings, "/charts/vulnerable/")).toEqual(expect.arrayContaining(["dialog", "markup-from-input", "new-elements"]));
    const good = await runHostile(browser, server.url, [{ page: "/", params: ["dark", "plain"] }]);
    expect(good.findings).toEqual([]);
    expect(good.loads).toBeGreaterThan(9);
  });
});
