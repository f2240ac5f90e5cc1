import { WIDE_RANGES, ZERO_WIDTH_RANGES } from './unicode-tables.js';

/** Widths of the Basic Multilingual Plane, looked up directly; astral planes use a binary search. */
const BMP = new Uint8Array(0x10000).fill(1);

function inRanges(table: Uint32Array, cp: number): boolean {
  let lo = 0;
  let hi = (table.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < table[mid * 2]) hi = mid - 1;
    else if (cp > table[mid * 2 + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

function paint(table: Uint32Array, width: number): void {
  for (let i = 0; i < table.length; i += 2) {
    const end = Math.min(table[i + 1], 0xffff);
    for (let cp = table[i]; cp <= end; cp++) BMP[cp] = width;
  }
}
paint(WIDE_RANGES, 2);
paint(ZERO_WIDTH_RANGES, 0);

/** Cells a code point takes: 0 (joins the previous character), 1 or 2 (Unicode 15.0). */
export function charWidth(cp: number): 0 | 1 | 2 {
  if (cp < 0x10000) return BMP[cp] as 0 | 1 | 2;
  if (inRanges(ZERO_WIDTH_RANGES, cp)) return 0;
  return inRanges(WIDE_RANGES, cp) ? 2 : 1;
}

export const ZWJ = 0x200d;

/** Emoji skin-tone modifiers: wide on their own, part of the emoji they follow. */
export const isEmojiModifier = (cp: number): boolean => cp >= 0x1f3fb && cp <= 0x1f3ff;
