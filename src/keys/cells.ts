import { charWidth } from '../term/unicode.js';
import type { KeyItem } from './item.js';

/** One cell of the overlay's text row (a wide character takes two). */
export interface KeyCell {
  readonly col: number;
  readonly text: string;
  readonly span: 1 | 2;
  readonly key: boolean;
}

/** How many cells `text` takes, as the terminal counts them. */
export function textCells(text: string): number {
  let cells = 0;
  for (const ch of text) cells += charWidth(ch.codePointAt(0)!);
  return cells;
}

/** The items laid out on the overlay's row: one cell between items; combining marks join the cell before. */
export function keyCells(items: readonly KeyItem[]): KeyCell[] {
  const cells: { col: number; text: string; span: 1 | 2; key: boolean }[] = [];
  let col = 0;
  items.forEach((item, i) => {
    if (i > 0) col++;
    for (const ch of item.text) {
      const width = charWidth(ch.codePointAt(0)!);
      const last = cells[cells.length - 1];
      if (width === 0) {
        if (last && last.col + last.span === col) last.text += ch;
        continue;
      }
      cells.push({ col, text: ch, span: width, key: item.key });
      col += width;
    }
  });
  return cells;
}
