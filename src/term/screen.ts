import { DEFAULT_COLOR, type Row } from './cell.js';
import type { SavedCharsets } from './charsets.js';
import { Line, SPACER, type PenExtra } from './line.js';
import type { Modes } from './modes.js';
import type { Pen, SavedPen } from './pen.js';
import { Scrollback } from './scrollback.js';
import { TabStops } from './tab-stops.js';

/** Lines kept above the normal screen, so that growing the window brings them back as xterm does. */
const SCROLLBACK = 1000;

/** What DECSC saves; each screen (normal, alternate) has its own. */
export interface SavedCursor {
  x: number;
  y: number;
  readonly pen: SavedPen;
  readonly originMode: boolean;
  readonly charsets: SavedCharsets;
}

/**
 * The screen buffers and the cursor on them: the normal screen with its scrollback and the
 * alternate screen, the scrolling region and margins, tab stops, and every operation that moves,
 * scrolls or erases cells. Cells themselves change only through `Line` methods.
 *
 * `x`, `y` and `wrapPending` are the cursor: `x` may equal the right margin with a wrap pending,
 * and printing (Printer) moves it directly.
 */
export class Screen {
  cols: number;
  rows: number;
  /** The lines of the screen in use: `normal` or `alt`. */
  lines: Line[];
  private normal: Line[];
  private alt: Line[];
  private readonly scrollback = new Scrollback(SCROLLBACK);
  isAlt = false;
  private savedNormal: SavedCursor | null = null;
  private savedAlt: SavedCursor | null = null;

  x = 0;
  y = 0;
  wrapPending = false;
  /** Scrolling region, inclusive. */
  top = 0;
  bottom: number;
  /** Left and right margins, inclusive; the whole width unless DECLRMM is set. */
  left = 0;
  right: number;
  readonly tabs: TabStops;

  constructor(
    cols: number,
    rows: number,
    private readonly modes: Modes,
    /** Erasing and scrolling fill with the pen's background, as xterm does. */
    private readonly pen: Pen,
  ) {
    this.cols = cols;
    this.rows = rows;
    this.bottom = rows - 1;
    this.right = cols - 1;
    this.normal = this.blankLines(rows);
    this.alt = this.blankLines(rows);
    this.lines = this.normal;
    this.tabs = new TabStops(cols);
  }

  /** The cursor saved on the screen in use, if any. */
  get saved(): SavedCursor | null {
    return this.isAlt ? this.savedAlt : this.savedNormal;
  }

  set saved(cursor: SavedCursor | null) {
    if (this.isAlt) this.savedAlt = cursor;
    else this.savedNormal = cursor;
  }

  rowViews(extras: readonly PenExtra[]): Row[] {
    const rows: Row[] = new Array(this.rows);
    for (let y = 0; y < this.rows; y++) rows[y] = this.lines[y].view(extras, this.modes.reverseVideo);
    return rows;
  }

  text(): string {
    return this.lines.map((l) => l.text()).join('\n');
  }

  /** Every row looks different (DECSCNM changed), on both screens. */
  invalidateRows(): void {
    for (const line of this.normal) line.row = null;
    for (const line of this.alt) line.row = null;
  }

  // ---------------------------------------------------------------- cursor

  moveTo(x: number, y: number): void {
    this.wrapPending = false;
    if (this.modes.origin) {
      const leftRight = this.modes.leftRight;
      x += leftRight ? this.left : 0;
      y += this.top;
      this.x = Math.max(leftRight ? this.left : 0, Math.min(x, leftRight ? this.right : this.cols - 1));
      this.y = Math.max(this.top, Math.min(y, this.bottom));
    } else {
      this.x = Math.max(0, Math.min(x, this.cols - 1));
      this.y = Math.max(0, Math.min(y, this.rows - 1));
    }
  }

  /** CHA / HPA: the row stays. */
  moveToColumn(x: number): void {
    this.moveTo(x, this.modes.origin ? this.y - this.top : this.y);
  }

  /** VPA: the column stays. */
  moveToRow(y: number): void {
    this.moveTo(this.modes.origin && this.modes.leftRight ? this.x - this.left : this.x, y);
  }

  /** CUU: stopped by the top margin when below it. */
  up(n: number): void {
    this.wrapPending = false;
    const edge = this.y >= this.top ? this.top : 0;
    this.y = Math.max(edge, this.y - n);
  }

  /** CUD: stopped by the bottom margin when above it. */
  down(n: number): void {
    this.wrapPending = false;
    const edge = this.y <= this.bottom ? this.bottom : this.rows - 1;
    this.y = Math.min(edge, this.y + n);
  }

  /** CUB. */
  back(n: number): void {
    this.wrapPending = false;
    const edge = this.x >= this.left ? this.left : 0;
    this.x = Math.max(edge, this.x - n);
  }

  /** CUF. */
  forward(n: number): void {
    this.wrapPending = false;
    const edge = this.x <= this.right ? this.right : this.cols - 1;
    this.x = Math.min(edge, this.x + n);
  }

  /** VPR: unlike CUD, not stopped by the bottom margin. */
  downToEdge(n: number): void {
    this.wrapPending = false;
    this.y = Math.min(this.modes.origin ? this.bottom : this.rows - 1, this.y + n);
  }

  /** HPR: unlike CUF, not stopped by the right margin. */
  forwardToEdge(n: number): void {
    this.wrapPending = false;
    this.x = Math.min(this.modes.origin && this.modes.leftRight ? this.right : this.cols - 1, this.x + n);
  }

  backspace(): void {
    // xterm keeps the cursor on the last column while a wrap is pending, so BS steps back from it.
    this.wrapPending = false;
    const leftEdge = this.modes.leftRight && this.x >= this.left ? this.left : 0;
    if (this.x > leftEdge) {
      this.x--;
      return;
    }
    if (this.modes.reverseWrap && this.modes.autowrap) {
      // Reverse-wraparound: step back to the end of the previous line, the top wrapping to the bottom.
      const inRegion = this.y >= this.top && this.y <= this.bottom;
      const topEdge = inRegion ? this.top : 0;
      const bottomEdge = inRegion ? this.bottom : this.rows - 1;
      this.y = this.y > topEdge ? this.y - 1 : bottomEdge;
      this.x = this.modes.leftRight && this.right >= this.x ? this.right : this.cols - 1;
    }
  }

  carriageReturn(): void {
    this.wrapPending = false;
    this.x = this.modes.leftRight && this.x >= this.left ? this.left : 0;
  }

  /** LF, VT, FF: IND, and a carriage return too in LNM. */
  lineFeed(): void {
    this.index();
    if (this.modes.newline) this.carriageReturn();
  }

  /** NEL. */
  nextLine(): void {
    this.index();
    this.carriageReturn();
  }

  /** IND: down one line, scrolling the region at its bottom. */
  index(): void {
    this.wrapPending = false;
    if (this.y === this.bottom) {
      if (this.insideLeftRight()) this.scrollUp(1);
    } else if (this.y < this.rows - 1) this.y++;
  }

  /** RI: up one line, scrolling the region at its top. */
  reverseIndex(): void {
    this.wrapPending = false;
    if (this.y === this.top) {
      if (this.insideLeftRight()) this.scrollDown(1);
    } else if (this.y > 0) this.y--;
  }

  /** DECBI: left one column, scrolling the region's columns right at the left margin. */
  backIndex(): void {
    if (this.x > this.left || (this.x > 0 && this.x < this.left)) this.back(1);
    else if (this.x === this.left) this.scrollColumns(1, false);
  }

  /** DECFI: right one column, scrolling the region's columns left at the right margin. */
  forwardIndex(): void {
    if (this.x !== this.right) this.forward(1);
    else this.scrollColumns(1, true);
  }

  /** The start of the next line for text that wrapped off this one. */
  wrap(): void {
    this.wrapPending = false;
    this.lines[this.y].wrapped = true;
    this.x = this.modes.leftRight && this.x >= this.left && this.x <= this.right ? this.left : 0;
    this.index();
  }

  /** HT / CHT. A pending wrap stays pending: text after a tab at the last column wraps. */
  tab(n: number): void {
    this.x = this.tabs.next(this.x, n, this.x <= this.right ? this.right : this.cols - 1);
  }

  /** CBT. xterm leaves a pending wrap pending even though the cursor moves back. */
  backTab(n: number): void {
    this.x = this.tabs.previous(this.x, n, this.x >= this.left ? this.left : 0);
  }

  /** HTS. */
  setTabStop(): void {
    this.tabs.set(Math.min(this.x, this.cols - 1));
  }

  /** TBC 0. */
  clearTabStop(): void {
    this.tabs.clear(Math.min(this.x, this.cols - 1));
  }

  // ---------------------------------------------------------------- margins

  /** DECSTBM, 0-based and inclusive; ignored unless top is above bottom. */
  setScrollRegion(top: number, bottom: number): void {
    if (top < bottom) {
      this.top = top;
      this.bottom = bottom;
      this.moveTo(0, 0);
    }
  }

  /** DECSLRM, 0-based and inclusive; ignored unless left is left of right. */
  setLeftRightMargins(left: number, right: number): void {
    if (left < right) {
      this.left = left;
      this.right = right;
      this.moveTo(0, 0);
    }
  }

  resetLeftRightMargins(): void {
    this.left = 0;
    this.right = this.cols - 1;
  }

  resetMargins(): void {
    this.top = 0;
    this.bottom = this.rows - 1;
    this.resetLeftRightMargins();
  }

  private insideLeftRight(): boolean {
    return !this.modes.leftRight || (this.x >= this.left && this.x <= this.right);
  }

  private insideRegion(): boolean {
    return this.y >= this.top && this.y <= this.bottom && this.x >= this.left && this.x <= this.right;
  }

  // ---------------------------------------------------------------- scrolling

  private fullWidth(): boolean {
    return this.left === 0 && this.right === this.cols - 1;
  }

  /** SU, and scrolling at the bottom: lines [top, bottom] (within the left/right margins) up by n. */
  scrollUp(n: number, top = this.top, bottom = this.bottom): void {
    n = Math.min(n, bottom - top + 1);
    if (n <= 0) return;
    const bg = this.pen.bg;
    if (this.fullWidth()) {
      const lines = this.lines;
      const keepInScrollback = !this.isAlt && top === 0;
      for (let i = 0; i < n; i++) {
        let line = lines[top];
        for (let y = top; y < bottom; y++) lines[y] = lines[y + 1];
        if (keepInScrollback) {
          // Once the scrollback is full its oldest line is recycled rather than a new one allocated.
          line = this.scrollback.push(line) ?? new Line(this.cols, bg);
          if (line.cols !== this.cols) line.resize(this.cols, bg);
        }
        line.reset(bg);
        lines[bottom] = line;
      }
    } else {
      for (let y = top; y <= bottom - n; y++) this.lines[y].copyFrom(this.lines[y + n], this.left, this.right + 1, bg);
      for (let y = Math.max(top, bottom - n + 1); y <= bottom; y++) this.eraseMargins(this.lines[y], bg);
    }
  }

  /** SD, and scrolling at the top: lines [top, bottom] (within the left/right margins) down by n. */
  scrollDown(n: number, top = this.top, bottom = this.bottom): void {
    n = Math.min(n, bottom - top + 1);
    if (n <= 0) return;
    const bg = this.pen.bg;
    if (this.fullWidth()) {
      const gone = this.lines.splice(bottom - n + 1, n);
      for (const line of gone) line.reset(bg);
      this.lines.splice(top, 0, ...gone);
    } else {
      for (let y = bottom; y >= top + n; y--) this.lines[y].copyFrom(this.lines[y - n], this.left, this.right + 1, bg);
      for (let y = top; y < top + n && y <= bottom; y++) this.eraseMargins(this.lines[y], bg);
    }
  }

  private eraseMargins(line: Line, bg: number): void {
    line.erase(this.left, this.right + 1, bg);
    line.repairWide(bg);
  }

  /** SL / SR: scroll the region's columns left or right. */
  scrollColumns(n: number, leftwards: boolean): void {
    // xterm acts only while the cursor is inside the scrolling region, wherever it is across.
    if (this.y < this.top || this.y > this.bottom) return;
    const x = this.x;
    this.x = this.left;
    this.shiftColumns(n, !leftwards);
    this.x = x;
  }

  // ---------------------------------------------------------------- erasing and editing

  /**
   * Erase [from, to) of a line, or only its unprotected cells (DECSED, DECSEL); a wide character
   * cut by either end is erased whole, so that no half of one is left.
   */
  private eraseCells(line: Line, from: number, to: number, unprotectedOnly = false): void {
    if (from >= to) return;
    if (from > 0 && line.content(from) === SPACER) from--;
    if (to < this.cols && line.content(to) === SPACER) to++;
    if (unprotectedOnly) line.eraseUnprotected(from, to, this.pen.bg);
    else line.erase(from, to, this.pen.bg);
  }

  /** ED, or DECSED when `selective` (which leaves a pending wrap pending): 0 below, 1 above, 2 all, 3 the scrollback. */
  eraseInDisplay(mode: number, selective: boolean): void {
    if (!selective && mode <= 3) this.wrapPending = false;
    const x = Math.min(this.x, this.cols - 1);
    switch (mode) {
      case 0:
        this.eraseCells(this.lines[this.y], x, this.cols, selective);
        for (let y = this.y + 1; y < this.rows; y++) this.eraseCells(this.lines[y], 0, this.cols, selective);
        break;
      case 1:
        for (let y = 0; y < this.y; y++) this.eraseCells(this.lines[y], 0, this.cols, selective);
        this.eraseCells(this.lines[this.y], 0, x + 1, selective);
        break;
      case 2:
        for (let y = 0; y < this.rows; y++) this.eraseCells(this.lines[y], 0, this.cols, selective);
        break;
      case 3:
        this.scrollback.clear();
        break;
      default:
        break;
    }
    if (mode <= 2) this.lines[this.y].wrapped = false;
  }

  /** EL, or DECSEL when `selective` (which leaves a pending wrap pending): 0 right of the cursor, 1 left of it, 2 the whole line. */
  eraseInLine(mode: number, selective: boolean): void {
    if (!selective && mode <= 2) this.wrapPending = false;
    if (mode > 2) return;
    const x = Math.min(this.x, this.cols - 1);
    const from = mode === 0 ? x : 0;
    const to = mode === 1 ? x + 1 : this.cols;
    this.eraseCells(this.lines[this.y], from, to, selective);
  }

  /** ECH. */
  eraseChars(n: number): void {
    this.wrapPending = false;
    const x = Math.min(this.x, this.cols - 1);
    this.eraseCells(this.lines[this.y], x, Math.min(this.cols, x + n));
  }

  /** ICH: blanks at the cursor, pushing the rest of the line (up to the right margin) right. */
  insertChars(n: number): void {
    this.wrapPending = false;
    if (this.x < this.left || this.x > this.right) return;
    this.insertCells(this.lines[this.y], n);
  }

  /** DCH. */
  deleteChars(n: number): void {
    this.wrapPending = false;
    if (this.x < this.left || this.x > this.right) return;
    this.deleteCells(this.lines[this.y], n);
  }

  private insertCells(line: Line, n: number): void {
    const end = this.right + 1;
    n = Math.min(n, end - this.x);
    line.move(this.x + n, this.x, end - n, this.pen.bg);
    this.eraseCells(line, this.x, this.x + n);
  }

  private deleteCells(line: Line, n: number): void {
    const end = this.right + 1;
    n = Math.min(n, end - this.x);
    line.move(this.x, this.x + n, end, this.pen.bg);
    this.eraseCells(line, end - n, end);
  }

  /** IL. */
  insertLines(n: number): void {
    this.wrapPending = false;
    if (!this.insideRegion()) return;
    this.scrollDown(n, this.y, this.bottom);
    this.x = this.left;
  }

  /** DL. */
  deleteLines(n: number): void {
    this.wrapPending = false;
    if (!this.insideRegion()) return;
    this.scrollUp(n, this.y, this.bottom);
    this.x = this.left;
  }

  /** DECIC / DECDC: insert or delete columns at the cursor within the scrolling region. */
  shiftColumns(n: number, insert: boolean): void {
    if (!this.insideRegion()) return;
    for (let y = this.top; y <= this.bottom; y++) {
      if (insert) this.insertCells(this.lines[y], n);
      else this.deleteCells(this.lines[y], n);
    }
  }

  /** DECALN: fill the screen with E, reset margins, home the cursor. */
  alignmentTest(): void {
    this.resetMargins();
    for (const line of this.lines) line.fill(0x45);
    this.modes.origin = false;
    this.moveTo(0, 0);
  }

  // ---------------------------------------------------------------- alternate screen

  enterAlt(clear: boolean): void {
    if (this.isAlt) return;
    this.isAlt = true;
    this.lines = this.alt;
    if (clear) for (const line of this.alt) line.reset(this.pen.bg);
  }

  leaveAlt(clear: boolean): void {
    if (!this.isAlt) return;
    if (clear) for (const line of this.alt) line.reset(this.pen.bg);
    this.isAlt = false;
    this.lines = this.normal;
  }

  /** RIS: blank screens, no scrollback, cursor home, nothing saved, default tab stops. */
  reset(): void {
    this.savedNormal = null;
    this.savedAlt = null;
    this.normal = this.blankLines(this.rows);
    this.alt = this.blankLines(this.rows);
    this.lines = this.normal;
    this.scrollback.clear();
    this.isAlt = false;
    this.x = 0;
    this.y = 0;
    this.tabs.reset(this.cols);
  }

  // ---------------------------------------------------------------- resize

  /**
   * Resize as xterm does: no reflow; shrinking drops lines below the cursor first, then scrolls
   * lines off the top; growing brings scrolled-off lines back before adding blank ones.
   */
  resize(cols: number, rows: number): void {
    const bg = DEFAULT_COLOR;
    for (const buffer of [this.normal, this.alt]) for (const line of buffer) line.resize(cols, bg);
    const oldRows = this.rows;
    this.cols = cols;
    this.rows = rows;
    if (rows < oldRows) this.dropRows(oldRows - rows);
    else if (rows > oldRows) this.addRows(rows - oldRows, cols);
    this.resetMargins();
    this.x = Math.min(this.x, cols - 1);
    this.y = Math.max(0, Math.min(this.y, rows - 1));
    this.wrapPending = false;
    for (const saved of [this.savedNormal, this.savedAlt]) {
      if (saved !== null) {
        saved.x = Math.min(saved.x, cols - 1);
        saved.y = Math.max(0, Math.min(saved.y, rows - 1));
      }
    }
    this.tabs.resize(cols);
  }

  private dropRows(count: number): void {
    for (const isNormal of [true, false]) {
      const buffer = isNormal ? this.normal : this.alt;
      const active = buffer === this.lines;
      const cursorY = active ? this.y : isNormal ? (this.savedNormal?.y ?? 0) : 0;
      let excess = count;
      const belowCursor = Math.min(excess, Math.max(0, buffer.length - 1 - cursorY));
      buffer.splice(buffer.length - belowCursor, belowCursor);
      excess -= belowCursor;
      if (excess > 0) {
        const gone = buffer.splice(0, excess);
        if (isNormal) for (const line of gone) this.scrollback.push(line);
        if (active) this.y -= excess;
        else if (isNormal && this.savedNormal !== null) this.savedNormal.y = Math.max(0, this.savedNormal.y - excess);
      }
    }
  }

  private addRows(count: number, cols: number): void {
    const bg = DEFAULT_COLOR;
    for (const isNormal of [true, false]) {
      const buffer = isNormal ? this.normal : this.alt;
      let missing = count;
      if (isNormal) {
        const back = Math.min(missing, this.scrollback.length);
        const restored: Line[] = [];
        for (let i = 0; i < back; i++) restored.unshift(this.scrollback.pop()!);
        for (const line of restored) {
          line.resize(cols, bg);
          line.row = null; // its view may predate a change of DECSCNM
        }
        buffer.unshift(...restored);
        if (buffer === this.lines) this.y += back;
        else if (this.savedNormal !== null) this.savedNormal.y += back;
        missing -= back;
      }
      for (let i = 0; i < missing; i++) buffer.push(new Line(cols, bg));
    }
  }

  private blankLines(n: number): Line[] {
    const lines: Line[] = [];
    for (let i = 0; i < n; i++) lines.push(new Line(this.cols, DEFAULT_COLOR));
    return lines;
  }
}
