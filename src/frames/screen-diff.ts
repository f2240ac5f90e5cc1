import type { Cell, Cursor, PaletteOverrides, Row, ScreenSnapshot } from '../term/cell.js';

const sameCell = (a: Cell, b: Cell): boolean =>
  a.text === b.text &&
  a.width === b.width &&
  a.fg === b.fg &&
  a.bg === b.bg &&
  a.attrs === b.attrs &&
  a.ulColor === b.ulColor &&
  a.link === b.link;

/** Rows are usually compared by identity; a rebuilt row with the same cells (a redraw) is not a change. */
export function sameRow(a: Row, b: Row): boolean {
  if (a === b) return true;
  if (a.cells.length !== b.cells.length) return false;
  for (let i = 0; i < a.cells.length; i++) if (!sameCell(a.cells[i]!, b.cells[i]!)) return false;
  return true;
}

export function sameCursor(a: Cursor, b: Cursor): boolean {
  return a.x === b.x && a.y === b.y && a.visible === b.visible && a.shape === b.shape && a.blink === b.blink;
}

export function samePalette(a: PaletteOverrides, b: PaletteOverrides): boolean {
  if (a === b) return true;
  if (a.foreground !== b.foreground || a.background !== b.background || a.cursor !== b.cursor) return false;
  if (a.indexed.size !== b.indexed.size) return false;
  for (const [index, rgb] of a.indexed) if (b.indexed.get(index) !== rgb) return false;
  return true;
}

export interface ScreenChange {
  readonly changedRows: Set<number>;
  readonly cursorChanged: boolean;
  readonly paletteChanged: boolean;
}

/** What differs between two screens; every row when there is no previous screen or its size differs. */
export function diffScreens(prev: ScreenSnapshot | undefined, next: ScreenSnapshot): ScreenChange {
  const changedRows = new Set<number>();
  if (!prev || prev.cols !== next.cols || prev.rows !== next.rows) {
    for (let y = 0; y < next.lines.length; y++) changedRows.add(y);
    return { changedRows, cursorChanged: true, paletteChanged: !prev || !samePalette(prev.palette, next.palette) };
  }
  for (let y = 0; y < next.lines.length; y++) if (!sameRow(prev.lines[y]!, next.lines[y]!)) changedRows.add(y);
  return {
    changedRows,
    cursorChanged: !sameCursor(prev.cursor, next.cursor),
    paletteChanged: !samePalette(prev.palette, next.palette),
  };
}

export const isUnchanged = (c: ScreenChange): boolean =>
  c.changedRows.size === 0 && !c.cursorChanged && !c.paletteChanged;
