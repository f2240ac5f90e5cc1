import type { CursorShape } from './cell.js';

/** DECSCUSR's styles by number; odd ones and 0 blink. */
const SHAPES: readonly CursorShape[] = ['block', 'block', 'block', 'underline', 'underline', 'bar', 'bar'];

/** The switches that change how the terminal acts on what follows, and how the cursor looks. */
export class Modes {
  /** IRM: printing shifts the rest of the line right. */
  insert = false;
  /** DECAWM. */
  autowrap = true;
  /** DECOM: cursor addressing relative to the scrolling region. */
  origin = false;
  /** LNM: line feed also returns the carriage. */
  newline = false;
  /** DECTCEM. */
  cursorVisible = true;
  /** DECLRMM: left and right margins (DECSLRM) apply. */
  leftRight = false;
  /** Backspace at the left edge goes to the end of the line above. */
  reverseWrap = false;
  /** DECSCNM: the whole screen shown in reverse video. */
  reverseVideo = false;
  /** DECSCUSR, with DECSET 12 for the blink. */
  cursorShape: CursorShape = 'block';
  cursorBlink = false;

  /** DECSCUSR: 0..6 as xterm numbers them. */
  setCursorStyle(style: number): void {
    if (style > 6) return;
    this.cursorShape = SHAPES[style];
    this.cursorBlink = style === 0 || style % 2 === 1;
  }

  /** What DECSTR resets (the screen's margins and the pen are reset by their owners). */
  softReset(): void {
    this.cursorVisible = true;
    this.insert = false;
    this.origin = false;
    this.autowrap = true;
    this.reverseWrap = false;
    this.leftRight = false;
  }

  /** What RIS resets beyond DECSTR. */
  fullReset(): void {
    this.softReset();
    this.reverseVideo = false;
    this.newline = false;
    this.cursorShape = 'block';
    this.cursorBlink = false;
  }
}
