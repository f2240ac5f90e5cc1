export { Terminal, MAX_COLS, MAX_ROWS, type TerminalOptions } from './terminal.js';
export { charWidth } from './unicode.js';
export * from './cell.js';
