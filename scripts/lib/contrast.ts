// WCAG 2 contrast, for the tests that read a screenshot's pixels
// (tests/e2e/what-a-person-sees.spec.ts): relative luminance, the contrast
// ratio, CSS colours as Chromium computes them, and the minimum a text needs.
// https://www.w3.org/TR/WCAG22/#dfn-relative-luminance

/** Red, green, blue, 0 to 255. */
export type Rgb = readonly [number, number, number];
/** Red, green, blue, 0 to 255, and alpha, 0 to 1. */
export type Rgba = readonly [number, number, number, number];

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance of an sRGB colour: 0 for black, 1 for white. */
export function relativeLuminance([r, g, b]: Rgb): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio of two colours, 1 (none) to 21 (black on white), in either order. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const RGB = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/;

/**
 * A computed CSS colour as getComputedStyle gives it: `rgb(r, g, b)`,
 * `rgba(r, g, b, a)` or `rgb(r g b / a)`. Anything else (a colour function the
 * test cannot convert) throws, naming it: a contrast the test cannot compute
 * must not pass.
 */
export function parseCssColor(text: string): Rgba {
  const m = RGB.exec(text.trim());
  if (!m) throw new Error(`cannot read the colour "${text}": expected rgb() or rgba(), as Chromium computes colours`);
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** A colour with transparency (its own alpha times `opacity`), as painted over an opaque background. */
export function composite([r, g, b, a]: Rgba, background: Rgb, opacity = 1): Rgb {
  const k = a * opacity;
  return [r * k + background[0] * (1 - k), g * k + background[1] * (1 - k), b * k + background[2] * (1 - k)];
}

/** WCAG's large text: at least 24 px, or at least 18.66 px (14 pt) and bold. */
export function isLargeText(fontSizePx: number, fontWeight: number): boolean {
  return fontSizePx >= 24 || (fontSizePx >= 18.66 && fontWeight >= 700);
}

/** The least contrast WCAG 2 AA allows a text: 4.5:1, or 3:1 for large text. */
export function minimumRatio(fontSizePx: number, fontWeight: number): number {
  return isLargeText(fontSizePx, fontWeight) ? 3 : 4.5;
}
