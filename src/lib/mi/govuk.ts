/**
 * GOV.UK's Content API item for Ofsted's monthly management information (schema
 * `statistical_data_set`; `details.attachments[]` carry title, filename, content_type, url and
 * file_size): which attachment is the newest state-funded schools "latest inspections" CSV, and
 * which hosts a file may come from. Pure; the network side is src/import/refresh.ts.
 */
import { fileDateFromName } from "./parse.ts";

export const GOVUK_DEFAULT_BASE = "https://www.gov.uk";
export const MI_CONTENT_PATH = "/api/content/government/statistical-data-sets/monthly-management-information-ofsteds-school-inspections-outcomes";
export const ASSETS_HOST = "assets.publishing.service.gov.uk";

export interface GovukAttachment {
  readonly title?: string;
  readonly filename?: string;
  readonly content_type?: string;
  readonly url?: string;
  readonly file_size?: number;
}

export interface ChosenAttachment {
  readonly title: string;
  readonly filename: string;
  readonly url: string;
  readonly fileSize: number | undefined;
  /** "As at" date from the title or file name (yyyy-mm-dd). */
  readonly date: string;
}

const isCsv = (a: GovukAttachment) => /^text\/csv\b/i.test(a.content_type ?? "") || /\.csv$/i.test(a.filename ?? "") || /\.csv(\?|$)/i.test(a.url ?? "");
const words = (a: GovukAttachment) => `${a.title ?? ""} ${a.filename ?? ""}`.replace(/[_-]+/g, " ");

/** Is this the state-funded schools "latest inspections" CSV (not year to date, not FE, not ODS)? */
export function isLatestInspectionsCsv(a: GovukAttachment): boolean {
  const w = words(a);
  return isCsv(a) && /state ?funded schools/i.test(w) && /latest inspections/i.test(w) && !/year to date|all inspections|in.year/i.test(w) && !/further education|skills/i.test(w);
}

/** The newest state-funded schools "latest inspections" CSV among the item's attachments, or a reason there is none. */
export function chooseAttachment(item: unknown): ChosenAttachment | { error: string } {
  const details = (item as { details?: { attachments?: unknown } } | null)?.details;
  const list = Array.isArray(details?.attachments) ? (details!.attachments as GovukAttachment[]) : undefined;
  if (!list) return { error: "the GOV.UK page has no attachments list (details.attachments); is this the right page?" };
  let best: ChosenAttachment | undefined;
  for (const a of list) {
    if (!a || typeof a !== "object" || !isLatestInspectionsCsv(a) || typeof a.url !== "string") continue;
    const date = fileDateFromName(a.title ?? "") ?? fileDateFromName(a.filename ?? "");
    if (!date) continue;
    if (!best || date > best.date) {
      // Only the last part of the name, in characters safe in a file name and a report.
      const raw = a.filename ?? a.url.split("?")[0]!.split("/").pop() ?? "";
      const filename = raw.split(/[\\/]/).pop()!.replace(/[^\w .()&'-]/g, "_").slice(0, 200) || "latest.csv";
      best = { title: a.title ?? filename, filename, url: a.url, fileSize: typeof a.file_size === "number" ? a.file_size : undefined, date };
    }
  }
  if (!best) return { error: `none of the page's ${list.length} attachments is a dated "state-funded schools - latest inspections" CSV` };
  return best;
}

/**
 * Where files may come from: the GOV.UK origin (or, when GOVUK_BASE_URL points elsewhere, that
 * stand-in's own origin) and https://assets.publishing.service.gov.uk. Returns a reason if refused.
 */
export function refuseUrl(url: URL, base: URL): string | undefined {
  if (url.origin === base.origin) return undefined;
  if (url.protocol === "https:" && url.hostname === ASSETS_HOST && (url.port === "" || url.port === "443")) return undefined;
  return `refused to fetch ${url.href}: files are fetched only from ${base.origin} or https://${ASSETS_HOST}`;
}

/** A one-line progress bar: [#######.............]  35%  5.7 of 16.2 MB */
export function progressBar(done: number, total: number | undefined, width = 24): string {
  const mb = (n: number) => (n / 1e6).toFixed(1);
  if (!total) return `${mb(done)} MB`;
  const f = Math.min(1, done / total);
  const filled = Math.round(f * width);
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${String(Math.floor(f * 100)).padStart(3)}%  ${mb(done)} of ${mb(total)} MB`;
}
