import type { Charsets } from './charsets.js';
import { CP_MASK, SPACER, WIDTH_SHIFT } from './line.js';
import type { Modes } from './modes.js';
import type { Pen } from './pen.js';
import type { Screen } from './screen.js';
import { charWidth, isEmojiModifier, ZWJ } from './unicode.js';

/** Told of every run of cells printed, [from, to) on row y, after they are written. */
export type PrintHook = (y: number, from: number, to: number) => void;

/**
 * Graphic characters onto the screen at the cursor: charsets, widths, grapheme clusters (combining
 * marks, ZWJ sequences, skin tones join the character before them), autowrap, insert mode, REP.
 */
export class Printer {
  /** Where the last graphic character went, for joining combining marks to it and for REP. */
  private lastX = 0;
  private lastY = 0;
  private lastValid = false;
  /** The previous code point was a ZWJ: the next one joins the same cluster. */
  private joinNext = false;

  /** With origins tracked: the parser, whose `origin` places the chunk being printed in the stream. */
  private stream: { readonly origin: number } | null = null;
  /** With origins tracked: the stream offset (plus 1) of the character being printed. */
  private printOrigin = 0;
  /** With origins tracked: the origin of each code point joined to a cell, and the origin of that cell. */
  joins: Map<number, number> | null = null;
  private onPrint: PrintHook | undefined;

  constructor(
    private readonly screen: Screen,
    private readonly pen: Pen,
    private readonly modes: Modes,
    private readonly charsets: Charsets,
  ) {}

  /** Track origins (TerminalOptions.trackOrigins) from `stream`, and tell `onPrint` of every run printed. */
  watch(stream: { readonly origin: number } | null, onPrint: PrintHook | undefined): void {
    this.stream = stream;
    this.joins = stream === null ? null : new Map();
    this.onPrint = onPrint;
  }

  /**
   * Anything but a graphic character came in between: marks no longer join, and REP has nothing
   * to repeat. Returns whether there was a last character.
   */
  interrupt(): boolean {
    const was = this.lastValid;
    this.lastValid = false;
    return was;
  }

  /** The parser's print callback (see ParserHandler.print). */
  print(data: Uint16Array, start: number, end: number): number {
    let i = start;
    const charsets = this.charsets;
    const fast = charsets.slots[charsets.gl] === null && !this.modes.insert;
    while (i < end) {
      let cp = data[i];
      if (cp < 0x7f) {
        if (cp < 0x20) return i;
        if (fast && charsets.singleShift < 0) {
          const j = this.printAscii(data, i, end);
          if (j > i) {
            i = j;
            continue;
          }
        }
      } else if (cp < 0xa0) return i;
      if (this.stream !== null) this.printOrigin = this.stream.origin + i + 1;
      i++;
      if (cp >= 0xd800 && cp <= 0xdfff) {
        if (cp <= 0xdbff && i === end) return i - 1;
        const lo = i < end ? data[i] : 0;
        if (cp <= 0xdbff && lo >= 0xdc00 && lo <= 0xdfff) {
          cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
          i++;
        } else cp = 0xfffd;
      }
      if (cp < 0x7f) {
        cp = charsets.map(cp);
        this.joinNext = false;
        this.putChar(cp, 1);
        continue;
      }
      const w = cp < 0x300 ? 1 : charWidth(cp);
      if (w === 0 || this.joinNext || (isEmojiModifier(cp) && this.lastValid && this.lastWide())) {
        if (this.join(cp) || w === 0) continue;
      }
      this.putChar(cp, w);
    }
    return i;
  }

  /**
   * The common case, plain ASCII over narrow cells, run by run up to each right edge. Returns
   * where it stopped; anything unusual (a wide cell underneath, no autowrap at the margin) is left
   * to putChar.
   */
  private printAscii(text: Uint16Array, i: number, end: number): number {
    const screen = this.screen;
    this.joinNext = false;
    while (i < end) {
      // A combining mark after a character in the last column joins it: never wrap before looking.
      const next = text[i];
      if (next >= 0x7f || next < 0x20) return i;
      if (screen.wrapPending) screen.wrap();
      const y = screen.y;
      const x0 = screen.x;
      const right = x0 <= screen.right ? screen.right : screen.cols - 1;
      const first = i;
      i = screen.lines[y].writeAscii(text, i, Math.min(end, i + right + 1 - x0), x0, this.pen.fg, this.pen.bg, this.pen.flags);
      const x = x0 + (i - first);
      if (x === x0) return i;
      if (this.stream !== null) screen.lines[y].setOriginRun(x0, x, this.stream.origin + first + 1);
      this.onPrint?.(y, x0, x);
      this.lastX = x - 1;
      this.lastY = y;
      this.lastValid = true;
      if (x <= right) {
        screen.x = x;
        return i;
      }
      screen.x = right;
      if (!this.modes.autowrap) return i;
      screen.wrapPending = true;
    }
    return i;
  }

  private lastWide(): boolean {
    return this.screen.lines[this.lastY].content(this.lastX) >>> WIDTH_SHIFT === 2;
  }

  /** Append a code point to the last printed cluster; false when there is none. */
  private join(cp: number): boolean {
    this.joinNext = false;
    if (!this.lastValid) return false;
    const line = this.screen.lines[this.lastY];
    const text = line.textAt(this.lastX) + String.fromCodePoint(cp);
    if (this.joins !== null) this.joins.set(this.printOrigin, line.origins?.[this.lastX] ?? 0);
    if (text.length > 64) return true; // a runaway cluster (Zalgo text) keeps its first marks only
    line.setCluster(this.lastX, text);
    this.joinNext = cp === ZWJ;
    return true;
  }

  private putChar(cp: number, w: number): void {
    const screen = this.screen;
    if (screen.wrapPending) screen.wrap();
    let right = screen.x <= screen.right ? screen.right : screen.cols - 1;
    if (w === 2 && screen.x >= right) {
      if (!this.wrapWide(right)) return;
      right = screen.x <= screen.right ? screen.right : screen.cols - 1;
    }
    const x = screen.x;
    const line = screen.lines[screen.y];
    const pen = this.pen;
    if (this.modes.insert && x + w <= right) line.move(x + w, x, right + 1 - w, pen.bg);
    if (line.content(x) === SPACER && x > 0) line.blank(x - 1, pen.fg, pen.bg, pen.flags);
    const after = x + w;
    if (after < screen.cols && line.content(after) === SPACER) line.blank(after, pen.fg, pen.bg, pen.flags);
    line.put(x, cp, w, pen.fg, pen.bg, pen.flags);
    if (this.stream !== null) line.setOrigin(x, x + w, this.printOrigin);
    this.lastX = x;
    this.lastY = screen.y;
    this.lastValid = true;
    this.onPrint?.(screen.y, x, Math.min(x + w, screen.cols));
    if (after > right) {
      screen.x = right;
      screen.wrapPending = this.modes.autowrap;
    } else screen.x = after;
  }

  /**
   * A wide character that does not fit before the right edge: it moves whole to the next line,
   * leaving the last column blank in the current pen. False when it is dropped instead (no
   * autowrap, or no room at all).
   */
  private wrapWide(right: number): boolean {
    const screen = this.screen;
    if (right === 0 || (this.modes.leftRight && right === screen.left) || !this.modes.autowrap) return false;
    const line = screen.lines[screen.y];
    const pen = this.pen;
    if (line.content(screen.x) === SPACER) line.blank(screen.x - 1, pen.fg, pen.bg, pen.flags);
    line.blank(screen.x, pen.fg, pen.bg, pen.flags);
    screen.wrap();
    return true;
  }

  /** REP: the last character printed (with its combining marks) n more times. */
  repeat(n: number): void {
    const screen = this.screen;
    const line = screen.lines[this.lastY];
    const cp = line.content(this.lastX) & CP_MASK;
    const cluster = line.cluster(this.lastX);
    if (cp === 0) return;
    // Beyond one screenful plus a line the result repeats with the line length: skip whole lines.
    const limit = screen.cols * (screen.rows + 1);
    if (n > limit) n = limit + ((n - limit) % screen.cols);
    const w = charWidth(cp) === 2 ? 2 : 1;
    // Repeated cells come from the character repeated: masking it masks them.
    if (this.stream !== null) this.printOrigin = line.origins?.[this.lastX] ?? 0;
    for (let i = 0; i < n; i++) {
      this.putChar(cp, w);
      if (cluster !== undefined) screen.lines[this.lastY].setCluster(this.lastX, cluster);
    }
  }
}
