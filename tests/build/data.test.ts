/** The /data/ pages on the built site: provenance rows, flags, validation report, downloads, release, imports. */
import { describe, expect, inject, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { DIST, page } from "../support/dist.ts";
import { DATASETS, type DatasetId } from "../../src/lib/datasets/index.ts";
import { datasetExists, datasetRowKey, loadDataset } from "../../src/render/load.ts";
import { readRelease } from "../../src/render/release.ts";
import { CHARTS } from "../../src/render/charts.ts";
import { loadChartRows } from "../../src/render/chart.ts";
import { FORMULA_START, neutraliseCell, readCsv } from "../../src/lib/csv.ts";

const ids = Object.keys(DATASETS) as DatasetId[];
const present = ids.filter((id) => datasetExists(id));

describe("/data/ lists the registry and says which release the site shows", () => {
  const doc = page("/data/");
  it("links every present dataset, and shows readers no line for a dataset that is not imported", () => {
    for (const id of ids) {
      const item = doc.getElementById(`dataset-${id}`);
      if (datasetExists(id)) expect(item?.querySelector(`a[href="/data/${id}/"]`), id).not.toBeNull();
      else expect(item, id).toBeNull();
    }
    expect(doc.querySelector("main")!.textContent).not.toMatch(/npm run|Not imported yet/);
  });
  it("states the data release", () => {
    const p = doc.querySelector("[data-release]")!;
    expect(p.getAttribute("data-release")).toBe(readRelease().kind);
    expect(p.textContent).toMatch(/Data release: Figures: /);
  });
});

describe.each(present)("/data/%s/", (id) => {
  const doc = page(`/data/${id}/`);
  const meta = DATASETS[id];
  const rows = loadDataset(id) as unknown as Record<string, unknown>[];
  const key = (meta.schema.key ?? []) as string[];
  it("has one provenance row per data row, each with a unique row-<key> anchor and a source link", () => {
    const trs = Array.from(doc.querySelectorAll("#rows ~ .table-scroll tbody tr"));
    expect(trs.length).toBe(rows.length);
    for (const r of rows) {
      const tr = doc.getElementById(`row-${datasetRowKey(key, r)}`);
      expect(tr, datasetRowKey(key, r)).not.toBeNull();
      expect(tr!.querySelector(`a[href="${String(r.source_url)}"]`)).not.toBeNull();
    }
    expect(new Set(trs.map((t) => t.id)).size).toBe(trs.length);
  });
  it("flags secondary-source rows visibly and explains the flag", () => {
    const flagged = rows.filter((r) => r.secondary_source === true);
    const shown = doc.querySelectorAll("tr[data-secondary='yes']");
    expect(shown.length).toBe(flagged.length);
    for (const tr of Array.from(shown)) expect(tr.querySelector(".flag")?.textContent).toBe("secondary source");
    if (flagged.length) expect(doc.getElementById("secondary-note")!.textContent).toContain(`marks ${flagged.length} of ${rows.length} rows`);
  });
  it("has a validation report: rows read, used, rejected = 0, and the checks applied", () => {
    expect(doc.querySelector("[data-rows-read]")!.textContent).toBe(String(rows.length));
    expect(doc.querySelector("[data-rows-used]")!.textContent).toBe(String(rows.length));
    expect(doc.querySelector("[data-rows-rejected]")!.textContent).toBe("0");
    const checks = doc.querySelector("ul.checks")!.textContent!;
    for (const c of Object.keys(meta.schema.columns)) expect(checks).toContain(c);
    if (key.length) expect(checks).toContain("No two rows share a key");
    expect(checks).toContain("Every row names its source");
  });
  it("documents every column, the licence, and the charts that use it", () => {
    // each column: its label in words, then its name in the CSV
    const dts = Array.from(doc.querySelectorAll("#columns ~ dl dt code")).map((d) => d.textContent);
    expect(dts).toEqual(Object.keys(meta.schema.columns));
    for (const dt of Array.from(doc.querySelectorAll("#columns ~ dl dt"))) expect(dt.textContent).toMatch(/^\S.* \S+$/);
    expect(doc.body.textContent).toContain(meta.licence);
    for (const c of CHARTS.filter((c) => (c.datasets as readonly string[]).includes(id))) {
      expect(doc.querySelector(`a[href="/charts/${c.id}/"]`), c.id).not.toBeNull();
    }
  });
  it("offers the CSV as UTF-8 with a byte-order mark, the data file's cells with formula-starting ones neutralised", () => {
    expect(doc.querySelector(`a[href="/data/${id}.csv"][download]`)).not.toBeNull();
    const built = readFileSync(join(DIST, "data", `${id}.csv`));
    expect([...built.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const cells = (t: string) => readCsv(t, `${id}.csv`).records;
    const source = readFileSync(join("data", meta.file), "utf8").replace(/^\uFEFF/, "");
    expect(cells(built.subarray(3).toString("utf8"))).toEqual(cells(source).map((r) => r.map(neutraliseCell)));
    if (!cells(source).some((r) => r.some((c) => FORMULA_START.test(c)))) expect(built.subarray(3).toString("utf8")).toBe(source);
  });
});

describe("charts link each row to its dataset row", () => {
  it("every chart row's source anchor exists on the dataset page", () => {
    const missing: string[] = [];
    for (const chart of CHARTS) {
      for (const row of loadChartRows(chart)) {
        const s = chart.source(row);
        if (!page(`/data/${s.dataset}/`).getElementById(`row-${s.key}`)) missing.push(`${chart.id} -> /data/${s.dataset}/#row-${s.key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("absent imported datasets", () => {
  it("have no page and no download, and the build does not break", () => {
    for (const id of ids.filter((x) => !datasetExists(x))) {
      expect(existsSync(join(DIST, "data", id, "index.html")), id).toBe(false);
      expect(existsSync(join(DIST, "data", `${id}.csv`)), id).toBe(false);
    }
  });
});

describe("a build after an import", () => {
  // The fixture site (tests/support/fixture-site.ts): 40 fictional schools imported with the real importer.
  it("publishes the imported datasets and names the file's date as the release", () => {
    const out = inject("schoolsDist");
    const release = readRelease(inject("schoolsData"));
    if (release.kind !== "import") throw new Error("the fixture site has no import release");
    const read = (p: string) => parseHTML(readFileSync(join(out, p), "utf8")).document;
    const index = read("data/index.html");
    expect(index.querySelector("[data-release]")!.getAttribute("data-release")).toBe("import");
    expect(index.querySelector("[data-release]")!.textContent).toContain(`as at 31 March 2026 (${release.rows_imported} schools)`);
    const grades = read("data/mi-report-card-grades/index.html");
    expect(grades.getElementById("row-all--All-schools--inclusion")).not.toBeNull();
    expect(grades.body.textContent).toContain(release.file);
    expect(grades.body.textContent).toContain(`${release.rows_read} rows read from`);
    expect(existsSync(join(out, "data", "mi-old-vs-new.csv"))).toBe(true);
  });
});

describe("addresses quoted in a dataset's cells are links", () => {
  it.each(present)("%s: every https address in its rows table is a link to itself (a reader opens it, not copies it); no http link", (id) => {
    const doc = page(`/data/${id}/`);
    const cells = Array.from(doc.querySelectorAll("table.provenance td"));
    expect(cells.length).toBeGreaterThan(0);
    const unlinked: string[] = [];
    for (const td of cells) {
      const linked = new Set(Array.from(td.querySelectorAll("a[href]")).map((a) => a.getAttribute("href")));
      for (const m of (td.textContent ?? "").matchAll(/https:\/\/[^\s<>"']+/g)) {
        const address = m[0].replace(/[.,;:!?)\]]+$/, "");
        if (!linked.has(address) && !linked.has(new URL(address).href)) unlinked.push(address);
      }
      for (const a of td.querySelectorAll("a[href^='http']")) {
        expect(a.getAttribute("href")).toMatch(/^https:/);
        expect(a.getAttribute("rel")).toBe("noopener");
      }
    }
    expect(unlinked).toEqual([]);
  });
});
