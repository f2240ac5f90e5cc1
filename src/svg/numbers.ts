/**
 * Numbers as short as they can be written: at most two decimals (a hundredth of a pixel is far below
 * what anyone can see), no trailing zeros, no leading zero before the point.
 */
export function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  if (Number.isInteger(rounded)) return String(rounded === 0 ? 0 : rounded);
  let text = String(rounded);
  if (text.startsWith('0.')) text = text.slice(1);
  else if (text.startsWith('-0.')) text = '-' + text.slice(2);
  return text;
}

/** `#rgb` when the colour allows it, else `#rrggbb`. */
export function hexColor(rgb: number): string {
  const hex = (rgb & 0xffffff).toString(16).padStart(6, '0');
  if (hex[0] === hex[1] && hex[2] === hex[3] && hex[4] === hex[5]) return `#${hex[0]}${hex[2]}${hex[4]}`;
  return `#${hex}`;
}

/** Short identifiers for classes and element ids: a..z, A..Z, then two and more characters. */
const FIRST = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const REST = FIRST + '0123456789';

export function shortName(n: number): string {
  let name = FIRST[n % FIRST.length]!;
  let rest = Math.floor(n / FIRST.length);
  while (rest > 0) {
    rest -= 1;
    name += REST[rest % REST.length]!;
    rest = Math.floor(rest / REST.length);
  }
  return name;
}
