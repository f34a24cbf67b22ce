/**
 * QR codes as inline SVG, drawn at build time (the qrcode package's encoder; no network, no script).
 * Printed handouts carry one for the page's canonical URL.
 *
 * Kept small because every chart and explainer page carries one (print-only, issue 19):
 *   - the URL's scheme and host are encoded upper-case (both are case-insensitive), which lets the
 *     encoder put them in alphanumeric mode (5.5 bits a character, not 8): a smaller symbol, e.g.
 *     29 modules a side for a chart page instead of 33, at the same error-correction level (M, 15%);
 *     the path, which is case-sensitive, is encoded as it is;
 *   - one path of horizontal runs of dark modules, drawn with a 1-unit stroke, every move relative
 *     (it gzips best); the viewBox is shifted by the quiet zone and half a module, so the path
 *     starts at 0 0 and moves by whole modules;
 *   - no xmlns (inline SVG in HTML does not need one), three-digit colours.
 */
import QRCode from "qrcode";
import { escapeHtml } from "./escape.ts";

/** Quiet zone around the symbol, in modules (the standard asks for 4; 2 prints and scans well at 16 mm). */
const MARGIN = 2;

/**
 * The text to encode for `url`: an http(s) URL's scheme and host upper-cased (they are
 * case-insensitive, and upper case is what QR's alphanumeric mode holds), the rest unchanged.
 * Anything else is returned as it is.
 */
export function qrText(url: string): string {
  const m = /^(https?:\/\/[a-z0-9.-]+)(\/.*)?$/i.exec(url);
  return m ? m[1]!.toUpperCase() + (m[2] ?? "") : url;
}

/**
 * The dark modules as one SVG path of horizontal runs ("h n"), each reached by a relative move
 * ("m dx dy") from where the last run ended, starting at the top-left module (always dark: a finder
 * pattern). All-relative moves repeat more than absolute row starts, so the page gzips smaller
 * (about 150 B a page here, against absolute row starts).
 */
export function qrPath(size: number, dark: (x: number, y: number) => boolean): string {
  let d = "M0 0";
  let px = 0;
  let py = 0;
  for (let y = 0; y < size; y++) {
    let x = 0;
    while (x < size) {
      if (!dark(x, y)) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && dark(x, y)) x++;
      if (start !== px || y !== py) d += `m${start - px} ${y - py}`;
      d += `h${x - start}`;
      px = x;
      py = y;
    }
  }
  return d;
}

/** An SVG QR code for `text` (a URL is encoded as {@link qrText}), black on white, with a quiet zone and an accessible name. */
export async function qrSvg(text: string, label = `QR code: ${text}`): Promise<string> {
  const { modules } = QRCode.create(qrText(text), { errorCorrectionLevel: "M" });
  const size = modules.size;
  const side = size + 2 * MARGIN;
  const d = qrPath(size, (x, y) => Boolean(modules.get(y, x)));
  // Row y's run is a stroke centred on y: the viewBox starts half a module higher than the quiet zone.
  const box = `${-MARGIN} ${-MARGIN - 0.5} ${side} ${side}`;
  return (
    `<svg role="img" aria-label="${escapeHtml(label)}" class="qr-code" viewBox="${box}" shape-rendering="crispEdges">` +
    `<path fill="#fff" d="M${-MARGIN} ${-MARGIN - 0.5}h${side}v${side}h-${side}z"/><path stroke="#000" d="${d}"/></svg>`
  );
}
