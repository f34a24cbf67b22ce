/**
 * Text encodings of Ofsted's MI files, found from the bytes and decoded once. Ofsted publishes
 * Windows-1252; a spreadsheet's "CSV UTF-8" adds a byte-order mark; other tools write UTF-8 without
 * one. UTF-16 and binary files are refused, saying which they are. Pure: bytes in, text out.
 */

export type MiEncoding = "windows-1252" | "utf-8";

/** Why the bytes are not a text CSV we can read, or undefined if they may be. */
export function notTextReason(bytes: Uint8Array): string | undefined {
  const b0 = bytes[0], b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    return `not a file we can read: it is UTF-16 text (byte-order mark ${b0 === 0xff ? "FF FE, little-endian" : "FE FF, big-endian"}). Save it again as "CSV UTF-8" or plain CSV`;
  }
  if (b0 === 0x50 && b1 === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return "not a CSV file: it is a ZIP archive, probably an .xlsx or .ods spreadsheet. Download the CSV instead (or save sheet D2_Most_recent_inspections as CSV)";
  }
  const head = bytes.subarray(0, 4096);
  let nul = 0, nulEven = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) { nul++; if (i % 2 === 0) nulEven++; }
  if (nul > 0) {
    // UTF-16 without a byte-order mark: ASCII text with every other byte NUL.
    const half = head.length / 2;
    if (nul > half * 0.8 && (nulEven > nul * 0.9 || nulEven < nul * 0.1)) return "not a file we can read: it looks like UTF-16 text without a byte-order mark. Save it again as \"CSV UTF-8\" or plain CSV";
    return "not a CSV file: it contains binary data (NUL bytes)";
  }
  return undefined;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
const cp1252 = new TextDecoder("windows-1252");

/**
 * The file as text, decoded once. A UTF-8 byte-order mark means UTF-8; otherwise bytes that are
 * valid UTF-8 and hold at least one multi-byte character are UTF-8 (Windows-1252 text with accents
 * is practically never valid UTF-8); anything else is Windows-1252. The text never starts with a BOM.
 */
export function decodeMi(bytes: Uint8Array): { text: string; encoding: MiEncoding; bom: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8", bom: true };
  }
  let ascii = true;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) { ascii = false; break; }
  if (!ascii) {
    try {
      return { text: utf8.decode(bytes), encoding: "utf-8", bom: false };
    } catch {
      // not UTF-8: Windows-1252 below
    }
  }
  return { text: cp1252.decode(bytes), encoding: "windows-1252", bom: false };
}

/** Windows-1252 bytes 0x80-0x9F and the characters they stand for (the rest of 0xA0-0xFF is Latin-1). */
const CP1252_HIGH = new Map<number, number>([
  [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86], [0x2021, 0x87], [0x02c6, 0x88],
  [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c], [0x017d, 0x8e], [0x2018, 0x91], [0x2019, 0x92], [0x201c, 0x93],
  [0x201d, 0x94], [0x2022, 0x95], [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98], [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b],
  [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
]);

/** Encodes text as Windows-1252 (for fixtures); throws on a character the encoding lacks. */
export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out[i] = c;
    else {
      const b = CP1252_HIGH.get(c);
      if (b === undefined) throw new Error(`character ${JSON.stringify(text[i])} (U+${c.toString(16).toUpperCase().padStart(4, "0")}) has no Windows-1252 byte`);
      out[i] = b;
    }
  }
  return out;
}
