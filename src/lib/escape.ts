/**
 * The one HTML/XML escape: safe in text and in double- or single-quoted attributes (SVG text,
 * iframe code, QR labels). Astro escapes its own expressions; this is for strings we assemble.
 */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
