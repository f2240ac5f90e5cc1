/**
 * The built-in virtual terminal (xterm behaviour, Unicode 15 widths).
 *
 *   const term = new Terminal({ cols: 80, rows: 24 });
 *   term.feed(output);             // any JS string, split anywhere
 *   const screen = term.snapshot(); // immutable; unchanged rows are the same Row objects as before
 *   term.text();                    // rows as text, trailing spaces trimmed, wide characters once
 *
 * The screen contract (Cell, Row, Cursor, ScreenSnapshot, colours, Attr) is in cell.ts.
 */
export { Terminal, MAX_COLS, MAX_ROWS, type TerminalOptions } from './terminal.js';
export { charWidth } from './unicode.js';
export * from './cell.js';
