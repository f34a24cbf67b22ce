/**
 * Text encodings of Ofsted's MI files. They are published in Windows-1252; a file re-saved by a
 * spreadsheet as "CSV UTF-8" starts with a byte-order mark, and is read as UTF-8 instead.
 */

import { Buffer } from "node:buffer";

export type MiEncoding = "windows-1252" | "utf-8";

const C1 = /[\x80-\x9f]/g;

/**
 * The file as text for the importer, fast. Windows-1252 is Latin-1 except bytes 0x80-0x9F, so the
 * bytes are read as Latin-1 (one byte per character: quick to decode and to parse) and `c1` lists the
 * offsets of the few characters still to be mapped with `fixC1` (curly quotes, dashes, the euro).
 * Character offsets equal byte offsets. For UTF-8 files `c1` is empty and the text is final.
 */
export function decodeMiLazy(bytes: Uint8Array): { text: string; encoding: MiEncoding; c1: number[] } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "utf-8", c1: [] };
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  const c1: number[] = [];
  C1.lastIndex = 0;
  for (let m = C1.exec(text); m; m = C1.exec(text)) c1.push(m.index);
  return { text, encoding: "windows-1252", c1 };
}

/** Latin-1-read text -> Windows-1252 text: maps 0x80-0x9F (bytes 0x81, 0x8D, 0x8F, 0x90, 0x9D stay, as in TextDecoder). */
export function fixC1(s: string): string {
  return s.replace(/[\x80-\x9f]/g, (ch) => String.fromCharCode(FROM_C1[ch.charCodeAt(0)] ?? ch.charCodeAt(0)));
}

/** Windows-1252 bytes 0x80-0x9F and the characters they stand for (the rest of 0xA0-0xFF is Latin-1). */
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88,
  0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93,
  0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};

/** Encodes text as Windows-1252 (for fixtures); throws on a character the encoding lacks. */
export function encodeWindows1252(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out[i] = c;
    else {
      const b = CP1252_HIGH[c];
      if (b === undefined) throw new Error(`character ${JSON.stringify(text[i])} (U+${c.toString(16).toUpperCase().padStart(4, "0")}) has no Windows-1252 byte`);
      out[i] = b;
    }
  }
  return out;
}

const FROM_C1: Record<number, number> = Object.fromEntries(Object.entries(CP1252_HIGH).map(([ch, b]) => [b, Number(ch)]));
