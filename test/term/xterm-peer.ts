import xtermHeadless from '@xterm/headless';
import { charWidth, DEFAULT_COLOR, TRUECOLOR } from '../../src/term/index.js';

const { Terminal: XTerminal } = xtermHeadless;
export type XTerm = InstanceType<typeof XTerminal>;

/** The comparable state of one cell: its text and its attributes. */
export interface PeerCell {
  text: string;
  attrs: string;
}

/**
 * xterm.js ships Unicode 6 widths (most emoji narrow); real xterm and we use current ones. So that
 * the comparison is about behaviour, the peer gets the same Unicode 15 width table (whose values are
 * checked against hand-picked code points in unicode.test.ts). The property word is xterm.js' own
 * encoding: width in bits 1..2, "joins the preceding character" in bit 0.
 */
const unicode15 = {
  version: 'cast2gif-15',
  wcwidth: (cp: number): 0 | 1 | 2 => charWidth(cp),
  charProperties(cp: number, preceding: number): number {
    let width: number = charWidth(cp);
    let join = width === 0 && preceding !== 0;
    if (join) {
      const before = (preceding >> 1) & 3;
      if (before === 0) join = false;
      else if (before > width) width = before;
    }
    return ((width & 3) << 1) | (join ? 1 : 0);
  },
};

export function createPeer(cols: number, rows: number): XTerm {
  const term = new XTerminal({ cols, rows, allowProposedApi: true, scrollback: 1000 });
  term.unicode.register(unicode15);
  term.unicode.activeVersion = unicode15.version;
  return term;
}

export const writePeer = (term: XTerm, data: string): Promise<void> => new Promise((resolve) => term.write(data, resolve));

export function peerRows(term: XTerm): string[] {
  const buffer = term.buffer.active;
  const rows: string[] = [];
  for (let y = 0; y < term.rows; y++) // Trailing spaces are trimmed as in our text(): xterm.js keeps explicitly written ones.
    rows.push((buffer.getLine(buffer.baseY + y)?.translateToString(true) ?? '').replace(/ +$/, ''));
  return rows;
}

/** Attributes of every cell, encoded as our Cell fields would be. */
export function peerAttrs(term: XTerm): string[][] {
  const buffer = term.buffer.active;
  const out: string[][] = [];
  const cell = buffer.getNullCell();
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.baseY + y);
    const row: string[] = [];
    for (let x = 0; x < term.cols; x++) {
      line?.getCell(x, cell);
      const fg = cell.isFgDefault() ? DEFAULT_COLOR : cell.isFgRGB() ? TRUECOLOR | cell.getFgColor() : cell.getFgColor();
      const bg = cell.isBgDefault() ? DEFAULT_COLOR : cell.isBgRGB() ? TRUECOLOR | cell.getBgColor() : cell.getBgColor();
      const flags = [cell.isBold(), cell.isDim(), cell.isItalic(), cell.isUnderline(), cell.isBlink(), cell.isInverse(), cell.isInvisible(), cell.isStrikethrough(), cell.isOverline()]
        .map((f) => (f ? 1 : 0))
        .join('');
      row.push(`${fg}/${bg}/${flags}`);
    }
    out.push(row);
  }
  return out;
}
