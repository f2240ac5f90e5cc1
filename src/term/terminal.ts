import type { Cursor, PaletteOverrides, ScreenSnapshot } from './cell.js';
import { Dispatcher } from './dispatcher.js';
import { Parser } from './parser.js';
import { TerminalState } from './state.js';

export interface TerminalOptions {
  cols: number;
  rows: number;
  /**
   * Remember where in the output stream each cell was printed (see `originAt`): redaction maps
   * what the screen shows back to the characters that drew it. Off by default: it costs memory.
   */
  trackOrigins?: boolean;
  /** Told of every run of cells printed, [from, to) on row y, after they are written. */
  onPrint?: (y: number, from: number, to: number) => void;
}

/** Screen size limits: keep memory bounded whatever a recording claims. */
export const MAX_COLS = 2000;
export const MAX_ROWS = 1000;

const clampSize = (v: number, max: number): number => (Number.isFinite(v) ? Math.max(1, Math.min(max, Math.floor(v))) : 1);

/**
 * A virtual terminal that behaves as xterm does. `feed` bytes-as-text in, read `snapshot()` out:
 * rows that did not change since the previous snapshot are the same `Row` objects.
 *
 * Input flows one way: the parser (parser.ts) splits it into text and control functions, the
 * dispatcher (dispatcher.ts) decodes those into operations on the state (state.ts): the screen
 * and cursor, the pen, the palette, modes, charsets and titles.
 */
export class Terminal {
  private readonly state: TerminalState;
  private readonly parser: Parser;
  private cursorView: Cursor | null = null;

  constructor(opts: TerminalOptions) {
    this.state = new TerminalState(clampSize(opts.cols, MAX_COLS), clampSize(opts.rows, MAX_ROWS));
    this.parser = new Parser(new Dispatcher(this.state));
    this.state.printer.watch(opts.trackOrigins === true ? this.parser : null, opts.onPrint);
  }

  get cols(): number {
    return this.state.screen.cols;
  }

  get rows(): number {
    return this.state.screen.rows;
  }

  get title(): string {
    return this.state.titles.current;
  }

  get cursor(): Cursor {
    const { screen, modes } = this.state;
    const c = this.cursorView;
    const x = Math.min(screen.x, screen.cols - 1);
    const y = screen.y;
    if (c !== null && c.x === x && c.y === y && c.visible === modes.cursorVisible && c.shape === modes.cursorShape && c.blink === modes.cursorBlink) return c;
    this.cursorView = Object.freeze({ x, y, visible: modes.cursorVisible, shape: modes.cursorShape, blink: modes.cursorBlink });
    return this.cursorView;
  }

  get palette(): PaletteOverrides {
    return this.state.palette.view;
  }

  feed(data: string): void {
    this.parser.feed(data);
  }

  /** Whether the alternate screen (full-screen programs) is shown. */
  get altScreen(): boolean {
    return this.state.screen.isAlt;
  }

  /** Whether row y continues on the next row because text wrapped there. */
  wrapped(y: number): boolean {
    return this.state.screen.lines[y]?.wrapped === true;
  }

  /** The text of the cell at (x, y): '' for the right half of a wide character. */
  cellText(x: number, y: number): string {
    const line = this.state.screen.lines[y];
    return line === undefined || x < 0 || x >= this.cols ? ' ' : line.textAt(x);
  }

  /**
   * With `trackOrigins`: 1 + the offset, counted in UTF-16 code units over everything fed, of the
   * character that drew the cell at (x, y) (a wide character's both halves); 0 for a cell never
   * printed (blank, erased).
   */
  originAt(x: number, y: number): number {
    return this.state.screen.lines[y]?.origins?.[x] ?? 0;
  }

  /** With `trackOrigins`: combining marks and joined code points (origin) and the origin of the cell they joined. */
  get joinedOrigins(): ReadonlyMap<number, number> {
    return this.state.printer.joins ?? new Map();
  }

  snapshot(): ScreenSnapshot {
    const screen = this.state.screen;
    return Object.freeze({
      cols: screen.cols,
      rows: screen.rows,
      lines: Object.freeze(screen.rowViews(this.state.pen.extras)),
      cursor: this.cursor,
      title: this.title,
      palette: this.palette,
    });
  }

  text(): string {
    return this.state.screen.text();
  }

  /** Resize as xterm does, without reflow (see Screen.resize). */
  resize(cols: number, rows: number): void {
    cols = clampSize(cols, MAX_COLS);
    rows = clampSize(rows, MAX_ROWS);
    if (cols === this.cols && rows === this.rows) return;
    this.state.resize(cols, rows);
  }
}
