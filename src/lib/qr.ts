/**
 * QR codes as inline SVG, drawn at build time (the qrcode package; no network, no script).
 * Printed handouts carry one for the page's canonical URL.
 */
import QRCode from "qrcode";
import { escapeHtml } from "./escape.ts";

/** An SVG QR code for `text`, black on white, with a 2-module quiet zone and an accessible name. */
export async function qrSvg(text: string, label = `QR code: ${text}`): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2, color: { dark: "#000000", light: "#ffffff" } });
  return svg.trim().replace(/^<svg\b/, `<svg role="img" aria-label="${escapeHtml(label)}" class="qr-code"`);
}
