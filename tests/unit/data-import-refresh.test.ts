/**
 * `npm run data:refresh` against a local stand-in of GOV.UK's Content API (a node:http server in
 * this process; the command runs as a child with GOVUK_BASE_URL pointing at it). The item has the
 * shape of the `statistical_data_set` schema: details.attachments[] with title, filename,
 * content_type, url and file_size.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createServer, type Server } from "node:http";
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { spawn } from "node:child_process";
import type { AddressInfo } from "node:net";
import { fixtureBytes, generateSchools } from "../../src/lib/mi/fixture.ts";
import { chooseAttachment, MI_CONTENT_PATH, progressBar, refuseUrl } from "../../src/lib/mi/govuk.ts";

// Each case runs the real command in child processes: allow for a loaded machine.
vi.setConfig({ testTimeout: 120_000 });

const APR = "Management_information_-_state-funded_schools_-_latest_inspections_as_at_30_Apr_2026.csv";
const MAR = "Management_information_-_state-funded_schools_-_latest_inspections_as_at_31_Mar_2026.csv";
const aprBytes = fixtureBytes(generateSchools(400, 41)).bytes;
const marBytes = fixtureBytes(generateSchools(380, 42)).bytes;

/** What the stand-in serves; tests change it. */
let routes: Map<string, { status?: number; body: Uint8Array | string; type?: string; cut?: number; length?: number; location?: string }>;
let hits: string[] = [];
let server: Server;
let base = "";

function item(attachments: object[]) {
  return JSON.stringify({
    base_path: "/government/statistical-data-sets/monthly-management-information-ofsteds-school-inspections-outcomes",
    document_type: "statistical_data_set",
    schema_name: "statistical_data_set",
    title: "Monthly management information: Ofsted's school inspections outcomes",
    details: { attachments },
  });
}
const att = (title: string, filename: string, url: string, size: number, content_type = "text/csv") => ({ attachment_type: "file", title, filename, content_type, url, file_size: size });

function standardItem() {
  return item([
    att("Management information - state-funded schools - latest inspections as at 31 March 2026", MAR, `${base}/media/m1/${MAR}`, marBytes.length),
    att("Management information - state-funded schools - all inspections - year to date as at 31 May 2026", "Management_information_-_state-funded_schools_-_all_inspections_-_year_to_date_as_at_31_May_2026.csv", `${base}/media/ytd/ytd.csv`, 10),
    att("Management information - state-funded schools - latest inspections as at 31 May 2026 (ODS)", "Management_information_-_state-funded_schools_-_latest_inspections_as_at_31_May_2026.ods", `${base}/media/ods/x.ods`, 10, "application/vnd.oasis.opendocument.spreadsheet"),
    att("Management information - further education and skills - as at 31 May 2026", "Management_information_-_further_education_and_skills_as_at_31_May_2026.csv", `${base}/media/fe/fe.csv`, 10),
    att("Management information - state-funded schools - latest inspections as at 30 April 2026", APR, `${base}/media/a1/${APR}`, aprBytes.length),
  ]);
}

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(req.url ?? "");
    const r = routes.get(req.url ?? "");
    if (!r) {
      res.writeHead(404).end("not found");
      return;
    }
    const body = typeof r.body === "string" ? Buffer.from(r.body) : Buffer.from(r.body);
    res.writeHead(r.status ?? 200, { "Content-Type": r.type ?? "text/csv", "Content-Length": String(r.length ?? body.length), ...(r.location ? { Location: r.location } : {}) });
    if (r.cut !== undefined) {
      // The connection drops mid-download, after the headers and the first bytes have gone out.
      res.write(body.subarray(0, r.cut), () => setTimeout(() => res.destroy(), 100));
      return;
    }
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

type Route = { status?: number; body: Uint8Array | string; type?: string; cut?: number; length?: number; location?: string };
function setRoutes(extra: [string, Route][] = [], content = standardItem()) {
  routes = new Map([
    [MI_CONTENT_PATH, { body: content, type: "application/json" }],
    [`/media/a1/${APR}`, { body: aprBytes }],
    [`/media/m1/${MAR}`, { body: marBytes }],
    ...extra,
  ]);
  hits = [];
}

function refreshCmd(out: string, args: string[] = []): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    const child = spawn(process.execPath, ["scripts/data-refresh.ts", "--out-dir", out, ...args], { env: { ...process.env, GOVUK_BASE_URL: base } });
    let stdout = "", stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => ok({ status, stdout, stderr }));
  });
}

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p).toString("base64"));
    }
  };
  walk(dir);
  return out;
}
const freshData = () => join(mkdtempSync(join(tmpdir(), "bow-refresh-")), "data");

describe("data:refresh against a stand-in of GOV.UK's Content API", () => {
  it("chooses the newest state-funded latest-inspections CSV (not year to date, ODS or FE), downloads and imports it", async () => {
    setRoutes();
    const out = freshData();
    const r = await refreshCmd(out);
    expect(r.status, r.stderr).toBe(0);
    expect(hits).toEqual([MI_CONTENT_PATH, `/media/a1/${APR}`]);
    const release = JSON.parse(readFileSync(join(out, "release.json"), "utf8"));
    expect(release).toMatchObject({ file: APR, file_date: "2026-04-30", rows_imported: 400 });
    expect(r.stdout).toContain(`data:refresh: imported ${APR} (as at 30 April 2026): 400 of 400 rows`);
    expect(r.stderr).toMatch(/\[#+\] 100%/); // the progress bar's last state
  });

  it("a second run changes nothing and says so (no download)", async () => {
    setRoutes();
    const out = freshData();
    expect((await refreshCmd(out)).status).toBe(0);
    const before = snapshot(out);
    hits = [];
    const r = await refreshCmd(out);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`already imported: ${APR} (as at 30 April 2026)`);
    expect(r.stdout).toContain("nothing changed");
    expect(hits).toEqual([MI_CONTENT_PATH]);
    expect(snapshot(out)).toEqual(before);
  });

  it("refuses an attachment on a foreign host (and a redirect to one), fetching nothing from it", async () => {
    const out = freshData();
    setRoutes([], item([att("Management information - state-funded schools - latest inspections as at 31 May 2026", "Management_information_-_state-funded_schools_-_latest_inspections_as_at_31_May_2026.csv", "https://evil.example/media/x.csv", 100)]));
    const r = await refreshCmd(out);
    expect(r.status).toBe(6);
    expect(r.stderr).toContain("refused to fetch https://evil.example/media/x.csv");
    expect(hits).toEqual([MI_CONTENT_PATH]);
    setRoutes([[`/media/a1/${APR}`, { status: 302, body: "", type: "text/plain", location: "https://evil.example/media/a.csv" }]]);
    const redirected = await refreshCmd(out);
    expect(redirected.status).toBe(6);
    expect(redirected.stderr).toContain("refused to fetch https://evil.example/media/a.csv");
    expect(hits).toEqual([MI_CONTENT_PATH, `/media/a1/${APR}`]);
    expect(() => readdirSync(out)).toThrow(); // data/ was never created
    expect(refuseUrl(new URL("http://evil.example/x.csv"), new URL(base))).toMatch(/refused/);
    expect(refuseUrl(new URL("https://assets.publishing.service.gov.uk/media/x.csv"), new URL(base))).toBeUndefined();
    expect(refuseUrl(new URL("http://assets.publishing.service.gov.uk/media/x.csv"), new URL("https://www.gov.uk"))).toMatch(/refused/);
    expect(refuseUrl(new URL("https://www.gov.uk.evil.example/x.csv"), new URL("https://www.gov.uk"))).toMatch(/refused/);
  });

  it("a 503 from the Content API or the file fails cleanly and leaves data/ as it was", async () => {
    setRoutes();
    const out = freshData();
    expect((await refreshCmd(out)).status).toBe(0);
    const before = snapshot(out);
    setRoutes([[MI_CONTENT_PATH, { status: 503, body: "Service Unavailable", type: "text/plain" }]]);
    const a = await refreshCmd(out, ["--force"]);
    expect(a.status).toBe(6);
    expect(a.stderr).toContain("answered HTTP 503");
    expect(a.stderr).toContain("The data folder was not changed");
    setRoutes([[`/media/a1/${APR}`, { status: 503, body: "Service Unavailable", type: "text/plain" }]]);
    const b = await refreshCmd(out, ["--force"]);
    expect(b.status).toBe(6);
    expect(b.stderr).toContain(`/media/a1/${APR} answered HTTP 503`);
    expect(snapshot(out)).toEqual(before);
  });

  it("a short download (connection dropped, or fewer bytes than GOV.UK lists) fails cleanly, nothing written", async () => {
    const out = freshData();
    setRoutes([[`/media/a1/${APR}`, { body: aprBytes, cut: 5000 }]]);
    const a = await refreshCmd(out);
    expect(a.status).toBe(6);
    expect(a.stderr).toMatch(/broke off after \d+ bytes of \d+|short download/);
    // Served in full by its own Content-Length, but shorter than the file_size on the page.
    setRoutes([[`/media/a1/${APR}`, { body: aprBytes.subarray(0, aprBytes.length - 10) }]]);
    const b = await refreshCmd(out);
    expect(b.status).toBe(6);
    expect(b.stderr).toContain(`download of ${aprBytes.length - 10} bytes, but GOV.UK lists the file as ${aprBytes.length} bytes`);
    expect(() => readdirSync(out)).toThrow(); // data/ was never created
  });
});

describe("choosing and showing", () => {
  it("picks by the date in the title or file name, ignoring undated and non-CSV attachments; a hostile file name is reduced to a safe one", () => {
    const c = chooseAttachment(JSON.parse(item([
      att("Management information - state-funded schools - latest inspections", "undated.csv", "/media/u.csv", 1),
      att("Management information - state-funded schools - latest inspections as at 30 June 2026", "../../etc/Management information state-funded schools latest inspections 30 June 2026\n.csv", "/media/j.csv", 5),
    ])));
    expect(c).toMatchObject({ date: "2026-06-30", url: "/media/j.csv", fileSize: 5 });
    expect((c as { filename: string }).filename).not.toMatch(/[\\/\n]/);
    expect(chooseAttachment({})).toMatchObject({ error: expect.stringContaining("no attachments") });
    expect(progressBar(5e6, 1e7, 10)).toBe("[#####.....]  50%  5.0 of 10.0 MB");
  });
});
