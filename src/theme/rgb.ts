import type { Rgb } from './types.js';

/**
 * Parses the colour notations found in theme files: `#rgb`, `#rrggbb`, `rrggbb`, `0xrrggbb`,
 * `#rrggbbaa` (alpha ignored: a terminal background is opaque) and X11's `rgb:r/g/b` with 1 to 4
 * hex digits per channel. Returns undefined for anything else.
 */
export function parseColor(text: string): Rgb | undefined {
  const s = text.trim();
  const x11 = /^rgb:([0-9a-f]{1,4})\/([0-9a-f]{1,4})\/([0-9a-f]{1,4})$/i.exec(s);
  if (x11) {
    const channel = (h: string): number => Math.round((parseInt(h, 16) / (16 ** h.length - 1)) * 255);
    return (channel(x11[1]!) << 16) | (channel(x11[2]!) << 8) | channel(x11[3]!);
  }
  const hex = /^(?:#|0x)?([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(s);
  if (!hex) return undefined;
  let digits = hex[1]!;
  // A bare three-digit word is too likely to be something else (a number); require '#' for it.
  if (digits.length === 3) {
    if (!s.startsWith('#')) return undefined;
    digits = digits.replace(/./g, (d) => d + d);
  }
  return parseInt(digits.slice(0, 6), 16);
}

export const formatColor = (rgb: Rgb): string => '#' + rgb.toString(16).padStart(6, '0');

export const red = (rgb: Rgb): number => (rgb >> 16) & 0xff;
export const green = (rgb: Rgb): number => (rgb >> 8) & 0xff;
export const blue = (rgb: Rgb): number => rgb & 0xff;

/** Moves `from` toward `to` by the fraction `t` (0 keeps `from`, 1 gives `to`), per channel, rounded. */
export function blend(from: Rgb, to: Rgb, t: number): Rgb {
  const mix = (a: number, b: number): number => Math.round(a + (b - a) * t);
  return (mix(red(from), red(to)) << 16) | (mix(green(from), green(to)) << 8) | mix(blue(from), blue(to));
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance(rgb: Rgb): number {
  const linear = (c: number): number => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(red(rgb)) + 0.7152 * linear(green(rgb)) + 0.0722 * linear(blue(rgb));
}

/** WCAG contrast ratio between two colours, 1 (identical) to 21 (black on white). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = luminance(a);
  const lb = luminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
