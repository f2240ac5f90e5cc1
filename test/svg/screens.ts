import { DEFAULT_COLOR, type Cell, type Cursor, type PaletteOverrides, type Row, type ScreenSnapshot } from '../../src/term/cell.js';
import type { AnimationInfo, Frame } from '../../src/frames/frame.js';

/** Hand-made screens for tests that must not depend on the terminal emulator. */
export const NO_PALETTE: PaletteOverrides = { indexed: new Map() };

export function cell(text: string, pen: Partial<Omit<Cell, 'text'>> = {}): Cell {
  return { text, width: 1, fg: DEFAULT_COLOR, bg: DEFAULT_COLOR, attrs: 0, ulColor: DEFAULT_COLOR, link: '', ...pen };
}

export const blankCell = cell(' ');

/** A row of `cols` cells: `text` from column 0 (one cell per code point), then blanks. */
export function textRow(text: string, cols: number, pen: Partial<Omit<Cell, 'text'>> = {}): Row {
  const cells: Cell[] = [...text].map((ch) => cell(ch, pen));
  while (cells.length < cols) cells.push(blankCell);
  return { cells: cells.slice(0, cols) };
}

export function rowOf(cells: Cell[], cols: number): Row {
  const all = [...cells];
  while (all.length < cols) all.push(blankCell);
  return { cells: all };
}

export function screen(
  lines: (string | Row)[],
  cols: number,
  rows: number,
  extra: { cursor?: Partial<Cursor>; palette?: PaletteOverrides; title?: string } = {},
): ScreenSnapshot {
  const rowList: Row[] = [];
  for (let y = 0; y < rows; y++) {
    const line = lines[y] ?? '';
    rowList.push(typeof line === 'string' ? textRow(line, cols) : line);
  }
  return {
    cols,
    rows,
    lines: rowList,
    cursor: { x: 0, y: 0, visible: false, shape: 'block', blink: false, ...extra.cursor },
    title: extra.title ?? '',
    palette: extra.palette ?? NO_PALETTE,
  };
}

export function info(cols: number, rows: number, loop = 0, title = ''): AnimationInfo {
  return { cols, rows, title, loop };
}

/** Frames from screens and durations, with times accumulated from 0. */
export async function* framesOf(items: { screen: ScreenSnapshot; duration: number }[]): AsyncGenerator<Frame> {
  let time = 0;
  for (let i = 0; i < items.length; i++) {
    const { screen: s, duration } = items[i]!;
    const all = new Set(s.lines.map((_, y) => y));
    yield { index: i, screen: s, changedRows: all, cursorChanged: true, paletteChanged: i === 0, time, duration };
    time += duration;
  }
}
