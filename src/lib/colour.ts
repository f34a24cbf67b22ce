/**
 * Colour science used to check the grade palette: CIELAB, the CIEDE2000 difference and WCAG
 * contrast come from culori; the colour-vision-deficiency simulation is ours (below).
 * Pure functions, no DOM.
 */
import { differenceCiede2000, wcagContrast } from "culori";

export type Rgb = readonly [number, number, number];
export type Deficiency = "deuteranopia" | "protanopia" | "tritanopia";

/** Parses `#rrggbb` into 0-255 channels; throws on anything else. */
export function hexToRgb(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`Not a #rrggbb colour: ${JSON.stringify(hex)}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

const toLinear = (c: number): number => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const fromLinear = (c: number): number => {
  const v = Math.min(1, Math.max(0, c));
  return 255 * (v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055);
};

/**
 * Machado, Oliveira & Fernandes (2009), "A physiologically-based model for simulation of
 * color vision deficiency", matrices for severity 1.0 (full dichromacy), in linear RGB.
 * Ours rather than culori's filterDeficiency*: culori applies the same matrices to gamma-encoded
 * sRGB, which Machado's model does not intend, and lowers the palette's minimum difference to 10.8.
 */
const MACHADO: Record<Deficiency, readonly number[]> = {
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.01182, 0.04294, 0.968881],
  tritanopia: [1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.3039],
};

/** How a colour looks to a reader with the given full dichromacy (Machado 2009). */
export function simulate(rgb: Rgb, deficiency: Deficiency): Rgb {
  const m = MACHADO[deficiency];
  const [r, g, b] = rgb.map(toLinear) as [number, number, number];
  return [
    fromLinear(m[0]! * r + m[1]! * g + m[2]! * b),
    fromLinear(m[3]! * r + m[4]! * g + m[5]! * b),
    fromLinear(m[6]! * r + m[7]! * g + m[8]! * b),
  ];
}

const ciede2000 = differenceCiede2000();
const asCulori = ([r, g, b]: Rgb) => ({ mode: "rgb" as const, r: r / 255, g: g / 255, b: b / 255 });

/** CIEDE2000 difference between two hex colours as seen with normal vision or a deficiency (about 1 is just noticeable; 10+ clearly distinct). */
export function difference(hexA: string, hexB: string, deficiency?: Deficiency): number {
  const see = (hex: string) => asCulori(deficiency ? simulate(hexToRgb(hex), deficiency) : hexToRgb(hex));
  return ciede2000(see(hexA), see(hexB));
}

/** WCAG 2 contrast ratio between two hex colours. */
export function contrastRatio(hexA: string, hexB: string): number {
  return wcagContrast(asCulori(hexToRgb(hexA)), asCulori(hexToRgb(hexB)));
}
