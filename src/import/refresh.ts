/**
 * `npm run data:refresh`: reads GOV.UK's Content API item for Ofsted's monthly management
 * information, picks the newest state-funded schools "latest inspections" CSV, downloads it (with a
 * progress bar and a length check) and imports it like `data:import`. Does nothing when that
 * release is already imported. Network and HTTP errors and short downloads fail with a
 * RefreshError before anything is written.
 */
import { chooseAttachment, GOVUK_DEFAULT_BASE, MI_CONTENT_PATH, progressBar, refuseUrl, type ChosenAttachment } from "../lib/mi/govuk.ts";
import { readPrevious, runImport, type ImportResult } from "./run.ts";

export class RefreshError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RefreshError";
  }
}

export interface RefreshOptions {
  readonly outDir: string;
  readonly baseUrl?: string;
  readonly force?: boolean;
  readonly strict?: boolean;
  /** Where progress goes (stderr by default). */
  readonly log?: (line: string, final?: boolean) => void;
  readonly timeoutMs?: number;
}

export type RefreshResult = { readonly kind: "up-to-date"; readonly chosen: ChosenAttachment } | { readonly kind: "imported"; readonly chosen: ChosenAttachment; readonly result: ImportResult };

/** GET with redirects followed by hand, each hop checked against the allow-list. */
async function get(url: URL, base: URL, timeoutMs: number): Promise<Response> {
  for (let hop = 0; hop < 5; hop++) {
    const refused = refuseUrl(url, base);
    if (refused) throw new RefreshError(refused);
    let res: Response;
    try {
      res = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(timeoutMs), headers: { "User-Agent": "beyond-one-word data:refresh" } });
    } catch (e) {
      const cause = (e as { cause?: { code?: string; message?: string } }).cause;
      throw new RefreshError(`could not reach ${url.href}: ${cause?.code ?? cause?.message ?? (e as Error).message}`);
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get("location")) {
      await res.body?.cancel();
      url = new URL(res.headers.get("location")!, url);
      continue;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new RefreshError(`${url.href} answered HTTP ${res.status} ${res.statusText}`.trim());
    }
    return res;
  }
  throw new RefreshError(`too many redirects fetching ${url.href}`);
}

/** Reads the whole body, reporting progress, and checks its length against Content-Length and the page's file_size. */
async function download(res: Response, url: URL, fileSize: number | undefined, log: NonNullable<RefreshOptions["log"]>): Promise<Uint8Array> {
  const header = res.headers.get("content-length");
  const declared = header !== null && /^\d+$/.test(header) ? Number(header) : undefined;
  const total = declared ?? fileSize;
  const chunks: Uint8Array[] = [];
  let got = 0;
  let last = 0;
  try {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      chunks.push(chunk);
      got += chunk.length;
      const now = Date.now();
      if (now - last > 200) {
        log(progressBar(got, total));
        last = now;
      }
    }
  } catch (e) {
    throw new RefreshError(`the download of ${url.href} broke off after ${got} bytes${total ? ` of ${total}` : ""} (${(e as Error).message}); nothing was imported`);
  }
  log(progressBar(got, total), true);
  if (declared !== undefined && got !== declared) throw new RefreshError(`short download: ${got} of ${declared} bytes (Content-Length) from ${url.href}; nothing was imported`);
  if (fileSize !== undefined && got !== fileSize) throw new RefreshError(`download of ${got} bytes, but GOV.UK lists the file as ${fileSize} bytes (${url.href}); nothing was imported`);
  if (got === 0) throw new RefreshError(`empty download from ${url.href}; nothing was imported`);
  const bytes = new Uint8Array(got);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

export async function refresh(opts: RefreshOptions): Promise<RefreshResult> {
  const log = opts.log ?? ((line: string, final?: boolean) => process.stderr.write(process.stderr.isTTY ? `\r${line}${final ? "\n" : ""}` : final ? `${line}\n` : ""));
  const timeoutMs = opts.timeoutMs ?? 120_000;
  let base: URL;
  try {
    base = new URL(opts.baseUrl ?? GOVUK_DEFAULT_BASE);
  } catch {
    throw new RefreshError(`GOVUK_BASE_URL is not a URL: ${JSON.stringify(opts.baseUrl)}`);
  }
  const api = new URL(MI_CONTENT_PATH, base);
  const res = await get(api, base, timeoutMs);
  let item: unknown;
  try {
    item = await res.json();
  } catch (e) {
    throw new RefreshError(`${api.href} did not return JSON (${(e as Error).message})`);
  }
  const chosen = chooseAttachment(item);
  if ("error" in chosen) throw new RefreshError(`${api.href}: ${chosen.error}`);
  const previous = readPrevious(opts.outDir).release;
  if (!opts.force && previous && previous.file === chosen.filename && previous.file_date === chosen.date) return { kind: "up-to-date", chosen };
  const fileUrl = new URL(chosen.url, base);
  const refused = refuseUrl(fileUrl, base);
  if (refused) throw new RefreshError(refused);
  const bytes = await download(await get(fileUrl, base, timeoutMs), fileUrl, chosen.fileSize, log);
  const result = runImport(bytes, chosen.filename, { outDir: opts.outDir, force: opts.force, strict: opts.strict });
  return { kind: "imported", chosen, result };
}
