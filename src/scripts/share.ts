/**
 * Share bar behaviour (no third-party code): copy link, Web Share API, email with the current
 * URL (a chart page's state lives in its query), print, copy the chart image. Each button is
 * revealed only if this browser supports what it does. Also stamps today's date on the printed copy
 * and the citation (without Intl: see todayIso).
 */

import { longDate, todayIso } from "../lib/format.ts";

/** The URL to share: the canonical address plus the current query and hash (chart state). */
export function shareUrl(canonical: string, loc: { search: string; hash: string }): string {
  const u = new URL(canonical);
  u.search = loc.search;
  u.hash = loc.hash;
  return u.href;
}

/** A mailto: link with an encoded subject and body. */
export function mailtoHref(subject: string, body: string): string {
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}

function say(bar: HTMLElement, message: string): void {
  const status = bar.querySelector<HTMLElement>(".share-status");
  if (!status) return;
  status.textContent = "";
  // A fresh text node each time so screen readers announce repeats.
  window.setTimeout(() => (status.textContent = message), 30);
}

/** Today's date (the reader's calendar day) on the printed copy's "Printed on" and the citation's "accessed". */
function stampPrintDate(doc: Document): void {
  const iso = todayIso();
  const text = longDate(iso);
  for (const el of Array.from(doc.querySelectorAll<HTMLTimeElement>("[data-print-date], time[data-citation-date]"))) {
    el.dateTime = iso;
    el.textContent = text;
  }
}

export function enhanceShareBars(doc: Document): void {
  const bars = Array.from(doc.querySelectorAll<HTMLElement>("[data-share]:not([data-share-ready])"));
  if (bars.length === 0) return;
  stampPrintDate(doc);
  window.addEventListener("beforeprint", () => stampPrintDate(doc));
  const nav = window.navigator;
  for (const bar of bars) {
    bar.dataset.shareReady = "";
    const canonical = bar.dataset.url ?? window.location.href;
    const title = bar.dataset.title ?? doc.title;
    const text = bar.dataset.text ?? "";
    const current = () => shareUrl(canonical, window.location);
    const button = (action: string) => bar.querySelector<HTMLElement>(`[data-share-action="${action}"]`);

    const copy = button("copy");
    if (copy && nav.clipboard && typeof nav.clipboard.writeText === "function") {
      copy.hidden = false;
      copy.addEventListener("click", async () => {
        try {
          await nav.clipboard.writeText(current());
          say(bar, "Link copied.");
        } catch {
          say(bar, `Could not copy. The link is ${current()}`);
        }
      });
    }

    const native = button("native");
    if (native && typeof nav.share === "function") {
      native.hidden = false;
      native.addEventListener("click", async () => {
        try {
          await nav.share({ title, text, url: current() });
        } catch {
          /* the reader closed the share sheet */
        }
      });
    }

    const email = button("email") as HTMLAnchorElement | null;
    if (email) {
      const subject = new URL(email.href).searchParams.get("subject") ?? title;
      const update = () => (email.href = mailtoHref(subject, `${text}\n\n${current()}`));
      email.addEventListener("focus", update);
      email.addEventListener("pointerenter", update);
      email.addEventListener("click", update);
    }

    const print = button("print");
    if (print && typeof window.print === "function") {
      print.hidden = false;
      print.addEventListener("click", () => {
        stampPrintDate(doc);
        window.print();
      });
    }

    const image = button("image");
    const canWriteImages = typeof ClipboardItem !== "undefined" && nav.clipboard && typeof nav.clipboard.write === "function";
    if (image && canWriteImages && (typeof ClipboardItem.supports !== "function" || ClipboardItem.supports("image/png"))) {
      image.hidden = false;
      image.addEventListener("click", async () => {
        const src = image.dataset.image!;
        try {
          // Passing a promise keeps the user gesture alive in Safari while the PNG loads.
          const blob = fetch(src).then((r) => {
            if (!r.ok) throw new Error(String(r.status));
            return r.blob();
          });
          await nav.clipboard.write([new ClipboardItem({ "image/png": blob })]);
          say(bar, "Chart image copied.");
        } catch {
          say(bar, "Could not copy the image; use the PNG download instead.");
        }
      });
    }
  }
}
