import { DEFAULT_COLOR, type Cell, type Cursor, type PaletteOverrides, type Row, type ScreenSnapshot } from '../../src/term/cell.js';

/** Screens written by hand, so renderer tests do not depend on the terminal emulator. */
export interface Pen {
  readonly fg?: number;
  readonly bg?: number;
  readonly attrs?: number;
  readonly ulColor?: number;
}

export const cell = (text: string, pen: Pen = {}, width: 0 | 1 | 2 = 1): Cell => ({
  text,
  width,
  fg: pen.fg ?? DEFAULT_COLOR,
  bg: pen.bg ?? DEFAULT_COLOR,
  attrs: pen.attrs ?? 0,
  ulColor: pen.ulColor ?? DEFAULT_COLOR,
  link: '',
});

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u;

/** One row from text; wide characters take two cells. Padded with blanks to `cols`. */
export function row(text: string, cols: number, pen: Pen = {}): Row {
  const cells: Cell[] = [];
  for (const ch of text) {
    if (WIDE.test(ch)) {
      cells.push(cell(ch, pen, 2), cell('', pen, 0));
    } else cells.push(cell(ch, pen));
  }
  if (cols === 0) return { cells };
  while (cells.length < cols) cells.push(cell(' '));
  return { cells: cells.slice(0, cols) };
}

export interface ScreenSpec {
  readonly cols: number;
  readonly rows: number;
  readonly lines?: readonly (Row | string)[];
  readonly cursor?: Partial<Cursor>;
  readonly palette?: PaletteOverrides;
  readonly title?: string;
}

export function screen(spec: ScreenSpec): ScreenSnapshot {
  const lines: Row[] = [];
  for (let y = 0; y < spec.rows; y++) {
    const given = spec.lines?.[y];
    lines.push(given === undefined ? row('', spec.cols) : typeof given === 'string' ? row(given, spec.cols) : given);
  }
  return {
    cols: spec.cols,
    rows: spec.rows,
    lines,
    cursor: { x: 0, y: 0, visible: true, shape: 'block', blink: false, ...spec.cursor },
    title: spec.title ?? '',
    palette: spec.palette ?? { indexed: new Map() },
  };
}

/** A row of runs, each with its own pen. */
export function styledRow(cols: number, runs: readonly (readonly [string, Pen])[]): Row {
  const cells: Cell[] = [];
  for (const [text, pen] of runs) cells.push(...row(text, 0, pen).cells);
  const out = cells.slice(0, cols);
  while (out.length < cols) out.push(cell(' '));
  return { cells: out };
}
