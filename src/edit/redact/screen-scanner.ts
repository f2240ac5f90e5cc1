import type { Row, ScreenSnapshot } from '../../term/cell.js';
import type { Terminal } from '../../term/index.js';
import type { SecretPattern } from './patterns.js';

/** A cell of the screen, by column and row. */
export interface CellAt {
  readonly x: number;
  readonly y: number;
}

/** Text as a person reads it, and the cell each of its UTF-16 code units stands in. */
interface ScreenText {
  text: string;
  xs: number[];
  ys: number[];
}

function appendRow(out: ScreenText, row: Row, y: number): void {
  row.cells.forEach((cell, x) => {
    // The right half of a wide character is read with its left half.
    if (cell.width === 0) return;
    out.text += cell.text;
    for (let i = 0; i < cell.text.length; i++) {
      out.xs.push(x);
      out.ys.push(y);
    }
  });
}

/**
 * Finds pattern matches on the screen after each change, reading it as a person would: across
 * colour and style changes (cells, not bytes) and across soft line wraps (a wrapped row continues
 * its line). Only lines with a changed row are read again, so a long recording costs what changes.
 */
export class ScreenScanner {
  private rows: readonly Row[] | undefined;
  /** Multi-row patterns whose last match ran to the screen's end: read again on every change. */
  private readonly open = new Set<SecretPattern>();

  constructor(private readonly patterns: readonly SecretPattern[]) {}

  scan(term: Terminal, screen: ScreenSnapshot, onMatch: (pattern: SecretPattern, cells: CellAt[]) => void): void {
    const before = this.rows;
    this.rows = screen.lines;
    const changed: number[] = [];
    for (let y = 0; y < screen.lines.length; y++) {
      if (before === undefined || before.length !== screen.lines.length || before[y] !== screen.lines[y]) changed.push(y);
    }
    if (changed.length === 0) return;
    const lineWise = this.patterns.filter((p) => !p.multiline);
    if (lineWise.length > 0) {
      let readTo = -1;
      for (const y of changed) {
        if (y <= readTo) continue;
        let start = y;
        while (start > 0 && term.wrapped(start - 1)) start--;
        let end = y;
        while (end < screen.lines.length - 1 && term.wrapped(end)) end++;
        readTo = end;
        const line: ScreenText = { text: '', xs: [], ys: [] };
        for (let row = start; row <= end; row++) appendRow(line, screen.lines[row]!, row);
        for (const pattern of lineWise) find(pattern, line, onMatch);
      }
    }
    const multi = this.patterns.filter((p) => p.multiline);
    if (multi.length === 0) return;
    let whole: ScreenText | undefined;
    for (const pattern of multi) {
      const { trigger, closer } = pattern.multiline!;
      const triggered = this.open.has(pattern) || changed.some((y) => rowText(screen.lines[y]!).includes(trigger));
      if (!triggered) continue;
      whole ??= screenText(term, screen);
      this.open.delete(pattern);
      find(pattern, whole, (p, cells, text) => {
        if (closer !== undefined && !text.includes(closer)) this.open.add(pattern);
        onMatch(p, cells);
      });
    }
  }
}

const rowText = (row: Row): string => row.cells.map((c) => c.text).join('');

/** The whole screen: rows joined by newlines, a soft-wrapped row by nothing. */
function screenText(term: Terminal, screen: ScreenSnapshot): ScreenText {
  const out: ScreenText = { text: '', xs: [], ys: [] };
  screen.lines.forEach((row, y) => {
    appendRow(out, row, y);
    if (y < screen.lines.length - 1 && !term.wrapped(y)) {
      out.text += '\n';
      out.xs.push(-1);
      out.ys.push(-1);
    }
  });
  return out;
}

/** Reports each match's cells and text. */
function find(pattern: SecretPattern, line: ScreenText, onMatch: (pattern: SecretPattern, cells: CellAt[], text: string) => void): void {
  const { regex } = pattern;
  regex.lastIndex = 0;
  for (let match = regex.exec(line.text); match !== null; match = regex.exec(line.text)) {
    if (match[0] === '') {
      regex.lastIndex++;
      if (regex.lastIndex > line.text.length) break;
      continue;
    }
    const cells: CellAt[] = [];
    let last = -1;
    for (let i = match.index; i < match.index + match[0].length; i++) {
      const x = line.xs[i]!;
      const y = line.ys[i]!;
      if (x < 0) continue;
      const key = y * 65536 + x;
      if (key === last) continue;
      last = key;
      cells.push({ x, y });
    }
    onMatch(pattern, cells, match[0]);
  }
}
