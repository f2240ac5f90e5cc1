import type { Row, ScreenSnapshot } from '../../term/cell.js';
import type { Terminal } from '../../term/index.js';
import type { SecretPattern } from './patterns.js';

/** A cell of the screen, by column and row. */
export interface CellAt {
  readonly x: number;
  readonly y: number;
}

/** Text as a person reads it, and the cell each of its UTF-16 code units stands in (made only once a pattern matches). */
interface ScreenText {
  readonly text: string;
  readonly rows: readonly { readonly row: Row; readonly y: number }[];
  /** Whether a newline stands after each of `rows` (false where the row wrapped). */
  readonly breaks: readonly boolean[];
  cells?: { xs: number[]; ys: number[] };
}

function rowText(row: Row): string {
  let text = '';
  // The right half of a wide character is read with its left half.
  for (const cell of row.cells) if (cell.width !== 0) text += cell.text;
  return text;
}

function screenText(rows: { row: Row; y: number }[], breaks: boolean[]): ScreenText {
  let text = '';
  rows.forEach(({ row }, i) => {
    text += rowText(row);
    if (breaks[i]) text += '\n';
  });
  return { text, rows, breaks };
}

/** Where each code unit of the text came from: its cell, or -1 for a newline. */
function cellsOf(line: ScreenText): { xs: number[]; ys: number[] } {
  if (line.cells) return line.cells;
  const xs: number[] = [];
  const ys: number[] = [];
  line.rows.forEach(({ row, y }, i) => {
    row.cells.forEach((cell, x) => {
      if (cell.width === 0) return;
      for (let k = 0; k < cell.text.length; k++) {
        xs.push(x);
        ys.push(y);
      }
    });
    if (line.breaks[i]) {
      xs.push(-1);
      ys.push(-1);
    }
  });
  line.cells = { xs, ys };
  return line.cells;
}

/**
 * Finds pattern matches on the screen after each change, reading it as a person would: across
 * colour and style changes (cells, not bytes) and across soft line wraps (a wrapped row continues
 * its line). Only lines with a changed row are read again, so a long recording costs what changes.
 */
export class ScreenScanner {
  /**
   * The rows of the screen read last. Rows are compared by identity, where they were and where a
   * scroll moved them: a row that only moved is the same object, unchanged, and is not read again.
   */
  private read: readonly Row[] = [];
  /** Multi-row patterns whose last match lacked its closer (still growing): read again on every change. */
  private readonly open = new Set<SecretPattern>();

  private readonly lineWise: readonly SecretPattern[];
  private readonly multiRow: readonly SecretPattern[];
  /** Any hint of the line-wise patterns that have one, in one search: most lines hold none. */
  private readonly anyHint: RegExp | undefined;
  /** The line-wise patterns without a hint, tried on every line. */
  private readonly unhinted: readonly SecretPattern[];

  constructor(patterns: readonly SecretPattern[]) {
    this.lineWise = patterns.filter((p) => !p.multiline);
    this.multiRow = patterns.filter((p) => p.multiline);
    const hints = this.lineWise.flatMap((p) => (p.hint ? [`(?:${p.hint.source})`] : []));
    this.anyHint = hints.length > 0 ? new RegExp(hints.join('|'), 'i') : undefined;
    this.unhinted = this.lineWise.filter((p) => !p.hint);
  }

  scan(term: Terminal, screen: ScreenSnapshot, onMatch: (pattern: SecretPattern, cells: CellAt[]) => void): void {
    const before = this.read;
    const lines = screen.lines;
    // How far the screen scrolled since: where its top row was.
    const shift = lines.length > 0 ? Math.max(0, before.indexOf(lines[0]!)) : 0;
    const changed: number[] = [];
    for (let y = 0; y < lines.length; y++) if (lines[y] !== before[y] && lines[y] !== before[y + shift]) changed.push(y);
    if (changed.length === 0) return;
    this.read = lines;
    if (changed.length === 0) return;
    const lineTexts: string[] = [];
    if (this.lineWise.length > 0) {
      let readTo = -1;
      for (const y of changed) {
        if (y <= readTo) continue;
        let start = y;
        while (start > 0 && term.wrapped(start - 1)) start--;
        let end = y;
        while (end < screen.lines.length - 1 && term.wrapped(end)) end++;
        readTo = end;
        const rows = [];
        for (let row = start; row <= end; row++) rows.push({ row: screen.lines[row]!, y: row });
        const line = screenText(rows, rows.map(() => false));
        lineTexts.push(line.text);
        const hinted = this.anyHint !== undefined && this.anyHint.test(line.text);
        for (const pattern of hinted ? this.lineWise : this.unhinted) find(pattern, line, onMatch);
      }
    }
    if (this.multiRow.length === 0) return;
    let whole: ScreenText | undefined;
    const changedText = this.lineWise.length > 0 ? lineTexts : changed.map((y) => rowText(screen.lines[y]!));
    for (const pattern of this.multiRow) {
      const { trigger, closer } = pattern.multiline!;
      const triggered = this.open.has(pattern) || changedText.some((text) => text.includes(trigger));
      if (!triggered) continue;
      whole ??= screenText(
        screen.lines.map((row, y) => ({ row, y })),
        screen.lines.map((_, y) => y < screen.lines.length - 1 && !term.wrapped(y)),
      );
      this.open.delete(pattern);
      find(pattern, whole, (p, cells, text) => {
        if (closer !== undefined && !text.includes(closer)) this.open.add(pattern);
        onMatch(p, cells);
      });
    }
  }
}

/** Reports each match's cells and text. */
function find(pattern: SecretPattern, line: ScreenText, onMatch: (pattern: SecretPattern, cells: CellAt[], text: string) => void): void {
  const { regex, hint } = pattern;
  if (hint !== undefined && !hint.test(line.text)) return;
  regex.lastIndex = 0;
  for (let match = regex.exec(line.text); match !== null; match = regex.exec(line.text)) {
    if (match[0] === '') {
      regex.lastIndex++;
      if (regex.lastIndex > line.text.length) break;
      continue;
    }
    const { xs, ys } = cellsOf(line);
    const cells: CellAt[] = [];
    let last = -1;
    for (let i = match.index; i < match.index + match[0].length; i++) {
      const x = xs[i]!;
      const y = ys[i]!;
      if (x < 0) continue;
      const key = y * 65536 + x;
      if (key === last) continue;
      last = key;
      cells.push({ x, y });
    }
    onMatch(pattern, cells, match[0]);
  }
}
