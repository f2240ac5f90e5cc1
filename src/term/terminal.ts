import { DEFAULT_COLOR, type Cursor, type CursorShape, type PaletteOverrides, type Row, type ScreenSnapshot } from './cell.js';
import { charsetFor, type Charset } from './charsets.js';
import { parseColorSpec } from './color-spec.js';
import { CP_MASK, EXT_SHIFT, Line, PROTECTED, SPACER, WIDTH_SHIFT, type PenExtra } from './line.js';
import type { Params } from './params.js';
import { Parser, type ParserHandler } from './parser.js';
import { Scrollback } from './scrollback.js';
import { applySgr, type Pen } from './sgr.js';
import { charWidth, isEmojiModifier, ZWJ } from './unicode.js';

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
/** Lines kept above the normal screen, so that growing the window brings them back as xterm does. */
const SCROLLBACK = 1000;
const MAX_TITLE_STACK = 10;
/** Distinct (underline colour, hyperlink) pairs kept, and their total link text, so that memory stays bounded. */
const MAX_EXTRAS = 1 << 16;
const MAX_EXTRA_CHARS = 1 << 23;

interface SavedCursor {
  x: number;
  y: number;
  pen: Pen;
  protect: boolean;
  link: string;
  origin: boolean;
  charsets: Charset[];
  gl: number;
}

const clampSize = (v: number, max: number): number => (Number.isFinite(v) ? Math.max(1, Math.min(max, Math.floor(v))) : 1);

/**
 * A virtual terminal that behaves as xterm does. `feed` bytes-as-text in, read `snapshot()` out:
 * rows that did not change since the previous snapshot are the same `Row` objects.
 */
export class Terminal implements ParserHandler {
  private _cols: number;
  private _rows: number;
  private normal: Line[];
  private alt: Line[];
  private lines: Line[];
  private readonly scrollback = new Scrollback(SCROLLBACK);
  private isAlt = false;
  private savedNormal: SavedCursor | null = null;
  private savedAlt: SavedCursor | null = null;

  private x = 0;
  private y = 0;
  private wrapPending = false;

  private readonly pen: Pen = { fg: DEFAULT_COLOR, bg: DEFAULT_COLOR, attrs: 0, ulColor: DEFAULT_COLOR };
  private protect = false;
  private link = '';
  /** Flag word for new cells, derived from pen, protection and extras. */
  private cellFlags = 0;
  private readonly extras: PenExtra[] = [{ ulColor: DEFAULT_COLOR, link: '' }];
  private readonly extraIds = new Map<string, number>();
  private extraChars = 0;

  private insertMode = false;
  private autowrap = true;
  private originMode = false;
  private newlineMode = false;
  private cursorVisible = true;
  private leftRightMode = false;
  private reverseWrap = false;
  /** DECSCNM: the whole screen shown in reverse video. */
  private reverseVideo = false;
  private top = 0;
  private bottom: number;
  private left = 0;
  private right: number;
  private tabs: Uint8Array;

  private charsets: Charset[] = [null, null, null, null];
  private gl = 0;
  private singleShift = -1;

  private _title = '';
  private titleStack: string[] = [];
  private shape: CursorShape = 'block';
  private blink = false;
  private cursorView: Cursor | null = null;

  private paletteIndexed = new Map<number, number>();
  private paletteFg: number | undefined;
  private paletteBg: number | undefined;
  private paletteCursor: number | undefined;
  private paletteView: PaletteOverrides | null = null;

  /** Where the last graphic character went, for joining combining marks to it and for REP. */
  private lastX = 0;
  private lastY = 0;
  private lastValid = false;
  private joinNext = false;

  private readonly parser: Parser;
  private readonly tracking: boolean;
  private readonly onPrint: ((y: number, from: number, to: number) => void) | undefined;
  /** With tracking: the stream offset of the character being printed, and joins of marks to the cell they joined. */
  private printOrigin = 0;
  private readonly joins: Map<number, number> | null;

  constructor(opts: TerminalOptions) {
    this.tracking = opts.trackOrigins === true;
    this.onPrint = opts.onPrint;
    this.joins = this.tracking ? new Map() : null;
    this._cols = clampSize(opts.cols, MAX_COLS);
    this._rows = clampSize(opts.rows, MAX_ROWS);
    this.bottom = this._rows - 1;
    this.right = this._cols - 1;
    this.normal = this.blankLines(this._rows);
    this.alt = this.blankLines(this._rows);
    this.lines = this.normal;
    this.tabs = defaultTabs(this._cols);
    this.parser = new Parser(this);
  }

  get cols(): number {
    return this._cols;
  }

  get rows(): number {
    return this._rows;
  }

  get title(): string {
    return this._title;
  }

  get cursor(): Cursor {
    const c = this.cursorView;
    const x = Math.min(this.x, this._cols - 1);
    if (c !== null && c.x === x && c.y === this.y && c.visible === this.cursorVisible && c.shape === this.shape && c.blink === this.blink) return c;
    this.cursorView = Object.freeze({ x, y: this.y, visible: this.cursorVisible, shape: this.shape, blink: this.blink });
    return this.cursorView;
  }

  get palette(): PaletteOverrides {
    if (this.paletteView === null) {
      const view: { indexed: ReadonlyMap<number, number>; foreground?: number; background?: number; cursor?: number } = {
        indexed: new Map(this.paletteIndexed),
      };
      if (this.paletteFg !== undefined) view.foreground = this.paletteFg;
      if (this.paletteBg !== undefined) view.background = this.paletteBg;
      if (this.paletteCursor !== undefined) view.cursor = this.paletteCursor;
      this.paletteView = Object.freeze(view);
    }
    return this.paletteView;
  }

  feed(data: string): void {
    this.parser.feed(data);
  }

  /** Whether the alternate screen (full-screen programs) is shown. */
  get altScreen(): boolean {
    return this.isAlt;
  }

  /** Whether row y continues on the next row because text wrapped there. */
  wrapped(y: number): boolean {
    return this.lines[y]?.wrapped === true;
  }

  /** The text of the cell at (x, y): '' for the right half of a wide character. */
  cellText(x: number, y: number): string {
    const line = this.lines[y];
    return line === undefined || x < 0 || x >= this._cols ? ' ' : line.textAt(x);
  }

  /**
   * With `trackOrigins`: 1 + the offset, counted in UTF-16 code units over everything fed, of the
   * character that drew the cell at (x, y) (a wide character's both halves); 0 for a cell never
   * printed (blank, erased).
   */
  originAt(x: number, y: number): number {
    return this.lines[y]?.origins?.[x] ?? 0;
  }

  /** With `trackOrigins`: combining marks and joined code points (origin) and the origin of the cell they joined. */
  get joinedOrigins(): ReadonlyMap<number, number> {
    return this.joins ?? new Map();
  }

  snapshot(): ScreenSnapshot {
    const lines: Row[] = new Array(this._rows);
    for (let y = 0; y < this._rows; y++) lines[y] = this.lines[y].view(this.extras, this.reverseVideo);
    return Object.freeze({
      cols: this._cols,
      rows: this._rows,
      lines: Object.freeze(lines),
      cursor: this.cursor,
      title: this._title,
      palette: this.palette,
    });
  }

  text(): string {
    return this.lines.map((l) => l.text()).join('\n');
  }

  // ---------------------------------------------------------------- resize

  /**
   * Resize as xterm does: no reflow; shrinking drops lines below the cursor first, then scrolls
   * lines off the top; growing brings scrolled-off lines back before adding blank ones.
   */
  resize(cols: number, rows: number): void {
    cols = clampSize(cols, MAX_COLS);
    rows = clampSize(rows, MAX_ROWS);
    if (cols === this._cols && rows === this._rows) return;
    const bg = DEFAULT_COLOR;
    for (const buffer of [this.normal, this.alt]) for (const line of buffer) line.resize(cols, bg);
    const oldRows = this._rows;
    this._cols = cols;
    this._rows = rows;
    if (rows < oldRows) {
      for (const isNormal of [true, false]) {
        const buffer = isNormal ? this.normal : this.alt;
        const active = buffer === this.lines;
        const cursorY = active ? this.y : isNormal ? (this.savedNormal?.y ?? 0) : 0;
        let excess = oldRows - rows;
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
    } else if (rows > oldRows) {
      for (const isNormal of [true, false]) {
        const buffer = isNormal ? this.normal : this.alt;
        let missing = rows - oldRows;
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
    this.top = 0;
    this.bottom = rows - 1;
    this.left = 0;
    this.right = cols - 1;
    this.x = Math.min(this.x, cols - 1);
    this.y = Math.max(0, Math.min(this.y, rows - 1));
    this.wrapPending = false;
    for (const saved of [this.savedNormal, this.savedAlt]) {
      if (saved !== null) {
        saved.x = Math.min(saved.x, cols - 1);
        saved.y = Math.max(0, Math.min(saved.y, rows - 1));
      }
    }
    const tabs = defaultTabs(cols);
    tabs.set(this.tabs.subarray(0, Math.min(cols, this.tabs.length)));
    this.tabs = tabs;
    this.lastValid = false;
  }

  // ---------------------------------------------------------------- printing
  // print, execute, esc, csi and osc are the parser's callbacks (ParserHandler), public only for it.

  print(data: Uint16Array, start: number, end: number): number {
    let i = start;
    const fast = this.charsets[this.gl] === null && !this.insertMode;
    while (i < end) {
      let cp = data[i];
      if (cp < 0x7f) {
        if (cp < 0x20) return i;
        if (fast && this.singleShift < 0) {
          const j = this.printAscii(data, i, end);
          if (j > i) {
            i = j;
            continue;
          }
        }
      } else if (cp < 0xa0) return i;
      if (this.tracking) this.printOrigin = this.parser.origin + i + 1;
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
        let table = this.charsets[this.gl];
        if (this.singleShift >= 0) {
          table = this.charsets[this.singleShift];
          this.singleShift = -1;
        }
        if (table !== null) cp = table[cp].charCodeAt(0);
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
   * The common case, plain ASCII over narrow cells, run by run up to each right edge.
   * Returns where it stopped; anything unusual (a wide cell underneath, no autowrap at the margin)
   * is left to putChar.
   */
  private printAscii(data: Uint16Array, i: number, end: number): number {
    this.joinNext = false;
    while (i < end) {
      // A combining mark after a character in the last column joins it: never wrap before looking.
      const next = data[i];
      if (next >= 0x7f || next < 0x20) return i;
      if (this.wrapPending) this.wrap();
      const y = this.y;
      const right = this.x <= this.right ? this.right : this._cols - 1;
      const x0 = this.x;
      const first = i;
      i = this.lines[y].writeAscii(data, i, Math.min(end, i + right + 1 - x0), x0, this.pen.fg, this.pen.bg, this.cellFlags);
      const x = x0 + (i - first);
      if (x === x0) return i;
      if (this.tracking) this.lines[y].setOriginRun(x0, x, this.parser.origin + first + 1);
      this.onPrint?.(y, x0, x);
      this.lastX = x - 1;
      this.lastY = y;
      this.lastValid = true;
      if (x <= right) {
        this.x = x;
        return i;
      }
      this.x = right;
      if (!this.autowrap) return i;
      this.wrapPending = true;
    }
    return i;
  }

  private lastWide(): boolean {
    return this.lines[this.lastY].content(this.lastX) >>> WIDTH_SHIFT === 2;
  }

  /** Append a code point to the last printed cluster; false when there is none. */
  private join(cp: number): boolean {
    this.joinNext = false;
    if (!this.lastValid) return false;
    const line = this.lines[this.lastY];
    const text = line.textAt(this.lastX) + String.fromCodePoint(cp);
    if (this.joins !== null) this.joins.set(this.printOrigin, line.origins?.[this.lastX] ?? 0);
    if (text.length > 64) return true; // a runaway cluster (Zalgo text) keeps its first marks only
    line.setCluster(this.lastX, text);
    this.joinNext = cp === ZWJ;
    return true;
  }

  private putChar(cp: number, w: number): void {
    if (this.wrapPending) this.wrap();
    let right = this.x <= this.right ? this.right : this._cols - 1;
    if (w === 2 && this.x >= right) {
      if (!this.wrapWide(right)) return;
      right = this.x <= this.right ? this.right : this._cols - 1;
    }
    const x = this.x;
    const line = this.lines[this.y];
    if (this.insertMode && x + w <= right) line.move(x + w, x, right + 1 - w, this.pen.bg);
    if (line.content(x) === SPACER && x > 0) this.blankCell(line, x - 1);
    const after = x + w;
    if (after < this._cols && line.content(after) === SPACER) this.blankCell(line, after);
    line.put(x, cp, w, this.pen.fg, this.pen.bg, this.cellFlags);
    if (this.tracking) line.setOrigin(x, x + w, this.printOrigin);
    this.lastX = x;
    this.lastY = this.y;
    this.lastValid = true;
    this.onPrint?.(this.y, x, Math.min(x + w, this._cols));
    if (after > right) {
      this.x = right;
      this.wrapPending = this.autowrap;
    } else this.x = after;
  }

  /**
   * A wide character that does not fit before the right edge: it moves whole to the next line,
   * leaving the last column blank in the current pen. False when it is dropped instead (no
   * autowrap, or no room at all).
   */
  private wrapWide(right: number): boolean {
    if (right === 0 || (this.leftRightMode && right === this.left) || !this.autowrap) return false;
    const line = this.lines[this.y];
    if (line.content(this.x) === SPACER) this.blankCell(line, this.x - 1);
    this.blankCell(line, this.x);
    this.wrap();
    return true;
  }

  /** The other half of a wide character being overwritten: a blank in the current pen, as xterm.js does. */
  private blankCell(line: Line, x: number): void {
    line.blank(x, this.pen.fg, this.pen.bg, this.cellFlags);
  }

  private wrap(): void {
    this.wrapPending = false;
    this.lines[this.y].wrapped = true;
    this.x = this.leftRightMode && this.x >= this.left && this.x <= this.right ? this.left : 0;
    this.index();
  }

  // ---------------------------------------------------------------- C0 / C1 controls

  execute(code: number): void {
    this.lastValid = false;
    switch (code) {
      case 0x08:
        this.backspace();
        break;
      case 0x09:
        this.tab(1);
        break;
      case 0x0a:
      case 0x0b:
      case 0x0c:
        this.index();
        if (this.newlineMode) this.carriageReturn();
        break;
      case 0x0d:
        this.carriageReturn();
        break;
      case 0x0e:
        this.gl = 1;
        break;
      case 0x0f:
        this.gl = 0;
        break;
      case 0x84:
        this.index();
        break;
      case 0x85:
        this.index();
        this.carriageReturn();
        break;
      case 0x88:
        this.tabs[Math.min(this.x, this._cols - 1)] = 1;
        break;
      case 0x8d:
        this.reverseIndex();
        break;
      case 0x8e:
        this.singleShift = 2;
        break;
      case 0x8f:
        this.singleShift = 3;
        break;
      default:
        break;
    }
  }

  private backspace(): void {
    if (this.wrapPending) {
      this.wrapPending = false;
      // xterm keeps the cursor on the last column while a wrap is pending, so BS steps back from it.
    }
    const leftEdge = this.leftRightMode && this.x >= this.left ? this.left : 0;
    if (this.x > leftEdge) {
      this.x--;
      return;
    }
    if (this.reverseWrap && this.autowrap) {
      // Reverse-wraparound: step back to the end of the previous line, the top wrapping to the bottom.
      const topEdge = this.y >= this.top && this.y <= this.bottom ? this.top : 0;
      const bottomEdge = this.y >= this.top && this.y <= this.bottom ? this.bottom : this._rows - 1;
      this.y = this.y > topEdge ? this.y - 1 : bottomEdge;
      this.x = this.leftRightMode && this.right >= this.x ? this.right : this._cols - 1;
    }
  }

  private carriageReturn(): void {
    this.wrapPending = false;
    this.x = this.leftRightMode && this.x >= this.left ? this.left : 0;
  }

  /** HT / CHT. A pending wrap stays pending: text after a tab at the last column wraps. */
  private tab(n: number): void {
    const edge = this.x <= this.right ? this.right : this._cols - 1;
    let x = this.x;
    for (let i = 0; i < n && x < edge; i++) {
      x++;
      while (x < edge && this.tabs[x] === 0) x++;
    }
    this.x = x;
  }

  /** CBT. xterm leaves a pending wrap pending even though the cursor moves back. */
  private backTab(n: number): void {
    const edge = this.x >= this.left ? this.left : 0;
    let x = this.x;
    for (let i = 0; i < n && x > edge; i++) {
      x--;
      while (x > edge && this.tabs[x] === 0) x--;
    }
    this.x = x;
  }

  /** LF / IND: down one line, scrolling the region at its bottom. */
  private index(): void {
    this.wrapPending = false;
    if (this.y === this.bottom) {
      if (!this.leftRightMode || (this.x >= this.left && this.x <= this.right)) this.scrollUp(1);
    } else if (this.y < this._rows - 1) this.y++;
  }

  private reverseIndex(): void {
    this.wrapPending = false;
    if (this.y === this.top) {
      if (!this.leftRightMode || (this.x >= this.left && this.x <= this.right)) this.scrollDown(1);
    } else if (this.y > 0) this.y--;
  }

  // ---------------------------------------------------------------- scrolling and editing

  private fullWidth(): boolean {
    return this.left === 0 && this.right === this._cols - 1;
  }

  /** Scroll lines [top, bottom] (within the left/right margins) up by n. */
  private scrollUp(n: number, top = this.top, bottom = this.bottom): void {
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
          line = this.scrollback.push(line) ?? new Line(this._cols, bg);
          if (line.cols !== this._cols) line.resize(this._cols, bg);
        }
        line.reset(bg);
        lines[bottom] = line;
      }
    } else {
      for (let y = top; y <= bottom - n; y++) this.lines[y].copyFrom(this.lines[y + n], this.left, this.right + 1, bg);
      for (let y = Math.max(top, bottom - n + 1); y <= bottom; y++) {
        this.lines[y].erase(this.left, this.right + 1, bg);
        this.lines[y].repairWide(bg);
      }
    }
  }

  private scrollDown(n: number, top = this.top, bottom = this.bottom): void {
    n = Math.min(n, bottom - top + 1);
    if (n <= 0) return;
    const bg = this.pen.bg;
    if (this.fullWidth()) {
      const gone = this.lines.splice(bottom - n + 1, n);
      for (const line of gone) line.reset(bg);
      this.lines.splice(top, 0, ...gone);
    } else {
      for (let y = bottom; y >= top + n; y--) this.lines[y].copyFrom(this.lines[y - n], this.left, this.right + 1, bg);
      for (let y = top; y < top + n && y <= bottom; y++) {
        this.lines[y].erase(this.left, this.right + 1, bg);
        this.lines[y].repairWide(bg);
      }
    }
  }

  /**
   * Erase [from, to) of a line, or only its unprotected cells (DECSED, DECSEL); a wide character
   * cut by either end is erased whole, so that no half of one is left.
   */
  private eraseCells(line: Line, from: number, to: number, unprotectedOnly = false): void {
    if (from >= to) return;
    if (from > 0 && line.content(from) === SPACER) from--;
    if (to < this._cols && line.content(to) === SPACER) to++;
    if (unprotectedOnly) line.eraseUnprotected(from, to, this.pen.bg);
    else line.erase(from, to, this.pen.bg);
  }

  private eraseInDisplay(mode: number, selective: boolean): void {
    const erase = (line: Line, from: number, to: number): void => this.eraseCells(line, from, to, selective);
    const x = Math.min(this.x, this._cols - 1);
    switch (mode) {
      case 0:
        erase(this.lines[this.y], x, this._cols);
        for (let y = this.y + 1; y < this._rows; y++) erase(this.lines[y], 0, this._cols);
        break;
      case 1:
        for (let y = 0; y < this.y; y++) erase(this.lines[y], 0, this._cols);
        erase(this.lines[this.y], 0, x + 1);
        break;
      case 2:
        for (let y = 0; y < this._rows; y++) erase(this.lines[y], 0, this._cols);
        break;
      case 3:
        this.scrollback.clear();
        break;
      default:
        break;
    }
    if (mode <= 2) this.lines[this.y].wrapped = false;
  }

  private eraseInLine(mode: number, selective: boolean): void {
    const line = this.lines[this.y];
    const x = Math.min(this.x, this._cols - 1);
    if (mode > 2) return;
    const from = mode === 0 ? x : 0;
    const to = mode === 1 ? x + 1 : this._cols;
    this.eraseCells(line, from, to, selective);
  }

  private insertChars(n: number): void {
    if (this.x < this.left || this.x > this.right) return;
    const line = this.lines[this.y];
    const end = this.right + 1;
    n = Math.min(n, end - this.x);
    line.move(this.x + n, this.x, end - n, this.pen.bg);
    this.eraseCells(line, this.x, this.x + n);
  }

  private deleteChars(n: number): void {
    if (this.x < this.left || this.x > this.right) return;
    const line = this.lines[this.y];
    const end = this.right + 1;
    n = Math.min(n, end - this.x);
    line.move(this.x, this.x + n, end, this.pen.bg);
    this.eraseCells(line, end - n, end);
  }

  private insertLines(n: number): void {
    if (this.y < this.top || this.y > this.bottom || this.x < this.left || this.x > this.right) return;
    this.scrollDown(n, this.y, this.bottom);
    this.x = this.left;
  }

  private deleteLines(n: number): void {
    if (this.y < this.top || this.y > this.bottom || this.x < this.left || this.x > this.right) return;
    this.scrollUp(n, this.y, this.bottom);
    this.x = this.left;
  }

  /** DECIC / DECDC: insert or delete columns at the cursor within the scrolling region. */
  private shiftColumns(n: number, insert: boolean): void {
    if (this.y < this.top || this.y > this.bottom || this.x < this.left || this.x > this.right) return;
    const end = this.right + 1;
    n = Math.min(n, end - this.x);
    for (let y = this.top; y <= this.bottom; y++) {
      const line = this.lines[y];
      if (insert) {
        line.move(this.x + n, this.x, end - n, this.pen.bg);
        this.eraseCells(line, this.x, this.x + n);
      } else {
        line.move(this.x, this.x + n, end, this.pen.bg);
        this.eraseCells(line, end - n, end);
      }
    }
  }

  /** REP: the last character printed (with its combining marks) n more times. */
  private repeat(n: number): void {
    const line = this.lines[this.lastY];
    const cp = line.content(this.lastX) & CP_MASK;
    const cluster = line.cluster(this.lastX);
    if (cp === 0) return;
    // Beyond one screenful plus a line the result repeats with the line length: skip whole lines.
    const limit = this._cols * (this._rows + 1);
    if (n > limit) n = limit + ((n - limit) % this._cols);
    const w = charWidth(cp) === 2 ? 2 : 1;
    // Repeated cells come from the character repeated: masking it masks them.
    if (this.tracking) this.printOrigin = line.origins?.[this.lastX] ?? 0;
    for (let i = 0; i < n; i++) {
      this.putChar(cp, w);
      if (cluster !== undefined) this.lines[this.lastY].setCluster(this.lastX, cluster);
    }
  }

  // ---------------------------------------------------------------- cursor

  private moveTo(x: number, y: number): void {
    this.wrapPending = false;
    if (this.originMode) {
      x += this.leftRightMode ? this.left : 0;
      y += this.top;
      this.x = Math.max(this.leftRightMode ? this.left : 0, Math.min(x, this.leftRightMode ? this.right : this._cols - 1));
      this.y = Math.max(this.top, Math.min(y, this.bottom));
    } else {
      this.x = Math.max(0, Math.min(x, this._cols - 1));
      this.y = Math.max(0, Math.min(y, this._rows - 1));
    }
  }

  private moveUp(n: number): void {
    this.wrapPending = false;
    const edge = this.y >= this.top ? this.top : 0;
    this.y = Math.max(edge, this.y - n);
  }

  private moveDown(n: number): void {
    this.wrapPending = false;
    const edge = this.y <= this.bottom ? this.bottom : this._rows - 1;
    this.y = Math.min(edge, this.y + n);
  }

  private moveLeft(n: number): void {
    this.wrapPending = false;
    const edge = this.x >= this.left ? this.left : 0;
    this.x = Math.max(edge, this.x - n);
  }

  private moveRight(n: number): void {
    this.wrapPending = false;
    const edge = this.x <= this.right ? this.right : this._cols - 1;
    this.x = Math.min(edge, this.x + n);
  }

  private saveCursor(): void {
    const saved: SavedCursor = {
      x: this.x,
      y: this.y,
      pen: { ...this.pen },
      protect: this.protect,
      link: this.link,
      origin: this.originMode,
      charsets: this.charsets.slice(),
      gl: this.gl,
    };
    if (this.isAlt) this.savedAlt = saved;
    else this.savedNormal = saved;
  }

  private restoreCursor(): void {
    const saved = this.isAlt ? this.savedAlt : this.savedNormal;
    if (saved === null) {
      // Restoring with nothing saved restores the power-on state: home, default pen, ASCII.
      this.x = 0;
      this.y = 0;
      this.wrapPending = false;
      Object.assign(this.pen, { fg: DEFAULT_COLOR, bg: DEFAULT_COLOR, attrs: 0, ulColor: DEFAULT_COLOR });
      this.protect = false;
      this.originMode = false;
      this.charsets = [null, null, null, null];
      this.gl = 0;
      this.updateFlags();
      return;
    }
    this.x = Math.min(saved.x, this._cols - 1);
    this.y = Math.min(saved.y, this._rows - 1);
    // xterm saves the pending-wrap flag but does not bring it back: the cursor sits on the last column.
    this.wrapPending = false;
    Object.assign(this.pen, saved.pen);
    this.protect = saved.protect;
    this.link = saved.link;
    this.originMode = saved.origin;
    this.charsets = saved.charsets.slice();
    this.gl = saved.gl;
    this.updateFlags();
  }

  // ---------------------------------------------------------------- pen

  private updateFlags(): void {
    let ext = 0;
    if (this.pen.ulColor !== DEFAULT_COLOR || this.link !== '') {
      const key = `${this.pen.ulColor}\u0000${this.link}`;
      const known = this.extraIds.get(key);
      if (known !== undefined) ext = known;
      else if (this.extras.length < MAX_EXTRAS && this.extraChars + this.link.length <= MAX_EXTRA_CHARS) {
        this.extraChars += this.link.length;
        ext = this.extras.length;
        this.extras.push({ ulColor: this.pen.ulColor, link: this.link });
        this.extraIds.set(key, ext);
      }
    }
    this.cellFlags = (this.pen.attrs & 0x7ff) | (this.protect ? PROTECTED : 0) | (ext << EXT_SHIFT);
  }

  // ---------------------------------------------------------------- escape sequences

  esc(final: number, collected: number): void {
    this.lastValid = false;
    if (collected === 0) {
      switch (final) {
        case 0x37: // 7 DECSC
          this.saveCursor();
          break;
        case 0x38: // 8 DECRC
          this.restoreCursor();
          break;
        case 0x44: // D IND
          this.index();
          break;
        case 0x45: // E NEL
          this.index();
          this.carriageReturn();
          break;
        case 0x48: // H HTS
          this.tabs[Math.min(this.x, this._cols - 1)] = 1;
          break;
        case 0x4d: // M RI
          this.reverseIndex();
          break;
        case 0x4e: // N SS2
          this.singleShift = 2;
          break;
        case 0x4f: // O SS3
          this.singleShift = 3;
          break;
        case 0x63: // c RIS
          this.fullReset();
          break;
        case 0x6e: // n LS2
          this.gl = 2;
          break;
        case 0x6f: // o LS3
          this.gl = 3;
          break;
        case 0x36: // 6 DECBI
          if (this.x > this.left || (this.x > 0 && this.x < this.left)) this.moveLeft(1);
          else if (this.x === this.left) this.shiftColumns(1, true);
          break;
        case 0x39: // 9 DECFI
          if (this.x < this.right || this.x > this.right) this.moveRight(1);
          else {
            const x = this.x;
            this.x = this.left;
            this.shiftColumns(1, false);
            this.x = x;
          }
          break;
        default:
          break;
      }
      return;
    }
    const intermediate = collected & 0xff;
    if (collected > 0xff) return;
    switch (intermediate) {
      case 0x28: // ( G0
      case 0x29: // ) G1
      case 0x2a: // * G2
      case 0x2b: // + G3
        this.charsets[intermediate - 0x28] = charsetFor(final);
        break;
      case 0x2d: // - G1, 96-character sets
      case 0x2e: // . G2
      case 0x2f: // / G3
        this.charsets[intermediate - 0x2c] = null;
        break;
      case 0x23: // #
        if (final === 0x38) this.screenAlignment();
        break;
      default:
        break;
    }
  }

  /** DECALN: fill the screen with E, reset margins, home the cursor. */
  private screenAlignment(): void {
    this.top = 0;
    this.bottom = this._rows - 1;
    this.left = 0;
    this.right = this._cols - 1;
    for (const line of this.lines) line.fill(0x45);
    this.originMode = false;
    this.moveTo(0, 0);
  }

  csi(final: number, collected: number, params: Params): void {
    // REP repeats only a character printed immediately before it.
    const repeatable = this.lastValid;
    this.lastValid = false;
    if (collected === 0) {
      if (final === 0x62) {
        if (repeatable) this.repeat(params.count(0));
        this.lastValid = false;
        return;
      }
      this.csiPlain(final, params);
      return;
    }
    switch (collected) {
      case 0x3f: // ?
        if (final === 0x68) this.setPrivateModes(params, true);
        else if (final === 0x6c) this.setPrivateModes(params, false);
        else if (final === 0x4a) this.eraseInDisplay(params.get(0, 0), true);
        else if (final === 0x4b) this.eraseInLine(params.get(0, 0), true);
        break;
      case 0x20: // SP
        if (final === 0x71) this.setCursorStyle(params.get(0, 0));
        else if (final === 0x40) this.scrollColumns(params.count(0), true);
        else if (final === 0x41) this.scrollColumns(params.count(0), false);
        break;
      case 0x21: // !
        if (final === 0x70) this.softReset();
        break;
      case 0x22: // "
        if (final === 0x71) {
          this.protect = params.get(0, 0) === 1;
          this.updateFlags();
        }
        break;
      case 0x27: // '
        if (final === 0x7d) this.shiftColumns(params.count(0), true);
        else if (final === 0x7e) this.shiftColumns(params.count(0), false);
        break;
      default:
        break;
    }
  }

  /** SL / SR (CSI Ps SP @ / A): scroll the region's columns left or right. */
  private scrollColumns(n: number, leftwards: boolean): void {
    // xterm acts only while the cursor is inside the scrolling region.
    if (this.y < this.top || this.y > this.bottom) return;
    const x = this.x;
    const y = this.y;
    const saved = [this.top, this.bottom];
    this.x = this.left;
    for (this.y = this.top; this.y <= this.bottom; this.y++) {
      if (leftwards) this.deleteChars(n);
      else this.insertChars(n);
    }
    [this.top, this.bottom] = saved;
    this.x = x;
    this.y = y;
  }

  private csiPlain(final: number, p: Params): void {
    switch (final) {
      case 0x40: // @ ICH
        this.wrapPending = false;
        this.insertChars(p.count(0));
        break;
      case 0x41: // A CUU
        this.moveUp(p.count(0));
        break;
      case 0x42: // B CUD
        this.moveDown(p.count(0));
        break;
      case 0x65: // e VPR: unlike CUD, not stopped by the bottom margin
        this.wrapPending = false;
        this.y = Math.min(this.originMode ? this.bottom : this._rows - 1, this.y + p.count(0));
        break;
      case 0x43: // C CUF
        this.moveRight(p.count(0));
        break;
      case 0x61: // a HPR: unlike CUF, not stopped by the right margin
        this.wrapPending = false;
        this.x = Math.min(this.originMode && this.leftRightMode ? this.right : this._cols - 1, this.x + p.count(0));
        break;
      case 0x44: // D CUB
        this.moveLeft(p.count(0));
        break;
      case 0x45: // E CNL
        this.moveDown(p.count(0));
        this.carriageReturn();
        break;
      case 0x46: // F CPL
        this.moveUp(p.count(0));
        this.carriageReturn();
        break;
      case 0x47: // G CHA
      case 0x60: // ` HPA
        this.moveTo(p.count(0) - 1, this.originMode ? this.y - this.top : this.y);
        break;
      case 0x48: // H CUP
      case 0x66: // f HVP
        this.moveTo(p.count(1) - 1, p.count(0) - 1);
        break;
      case 0x64: // d VPA
        this.moveTo(this.originMode && this.leftRightMode ? this.x - this.left : this.x, p.count(0) - 1);
        break;
      case 0x49: // I CHT
        this.tab(Math.min(p.count(0), this._cols));
        break;
      case 0x5a: // Z CBT
        this.backTab(Math.min(p.count(0), this._cols));
        break;
      case 0x4a: // J ED
        if (p.get(0, 0) <= 3) this.wrapPending = false;
        this.eraseInDisplay(p.get(0, 0), false);
        break;
      case 0x4b: // K EL
        if (p.get(0, 0) <= 2) this.wrapPending = false;
        this.eraseInLine(p.get(0, 0), false);
        break;
      case 0x4c: // L IL
        this.wrapPending = false;
        this.insertLines(p.count(0));
        break;
      case 0x4d: // M DL
        this.wrapPending = false;
        this.deleteLines(p.count(0));
        break;
      case 0x50: // P DCH
        this.wrapPending = false;
        this.deleteChars(p.count(0));
        break;
      case 0x53: // S SU
        this.scrollUp(p.count(0));
        break;
      case 0x54: // T SD (with five parameters it is a mouse-tracking request)
        if (p.length < 5) this.scrollDown(p.count(0));
        break;
      case 0x58: {
        // X ECH
        this.wrapPending = false;
        const x = Math.min(this.x, this._cols - 1);
        this.eraseCells(this.lines[this.y], x, Math.min(this._cols, x + p.count(0)));
        break;
      }
      case 0x67: // g TBC
        if (p.get(0, 0) === 0) this.tabs[Math.min(this.x, this._cols - 1)] = 0;
        else if (p.get(0, 0) === 3) this.tabs.fill(0);
        break;
      case 0x68: // h SM
      case 0x6c: // l RM
        for (let i = 0; i < p.length; i++) {
          const mode = p.get(i, 0);
          if (mode === 4) this.insertMode = final === 0x68;
          else if (mode === 20) this.newlineMode = final === 0x68;
        }
        break;
      case 0x6d: // m SGR
        applySgr(this.pen, p);
        this.updateFlags();
        break;
      case 0x72: {
        // r DECSTBM
        const top = p.count(0) - 1;
        const bottom = Math.min(p.count(1, this._rows), this._rows) - 1;
        if (top < bottom) {
          this.top = top;
          this.bottom = bottom;
          this.moveTo(0, 0);
        }
        break;
      }
      case 0x73: // s DECSLRM or SCOSC
        if (this.leftRightMode) {
          const left = p.count(0) - 1;
          const right = Math.min(p.count(1, this._cols), this._cols) - 1;
          if (left < right) {
            this.left = left;
            this.right = right;
            this.moveTo(0, 0);
          }
        } else this.saveCursor();
        break;
      case 0x75: // u SCORC
        this.restoreCursor();
        break;
      case 0x74: // t window operations: only the title stack matters here
        this.windowOp(p);
        break;
      default:
        break;
    }
  }

  private windowOp(p: Params): void {
    const op = p.get(0, 0);
    const which = p.get(1, 0);
    if (op === 22 && (which === 0 || which === 2)) {
      this.titleStack.push(this._title);
      if (this.titleStack.length > MAX_TITLE_STACK) this.titleStack.shift();
    } else if (op === 23 && (which === 0 || which === 2)) {
      const title = this.titleStack.pop();
      if (title !== undefined) this._title = title;
    }
  }

  private setCursorStyle(style: number): void {
    const shapes: CursorShape[] = ['block', 'block', 'block', 'underline', 'underline', 'bar', 'bar'];
    if (style > 6) return;
    this.shape = shapes[style];
    this.blink = style === 0 || style % 2 === 1;
  }

  private setPrivateModes(p: Params, on: boolean): void {
    for (let i = 0; i < p.length; i++) {
      switch (p.get(i, 0)) {
        case 6:
          this.originMode = on;
          this.moveTo(0, 0);
          break;
        case 7:
          this.autowrap = on;
          if (!on) this.wrapPending = false;
          break;
        case 5:
          if (this.reverseVideo !== on) {
            this.reverseVideo = on;
            // Every row looks different now, on both screens.
            for (const line of this.normal) line.row = null;
            for (const line of this.alt) line.row = null;
          }
          break;
        case 12:
          this.blink = on;
          break;
        case 25:
          this.cursorVisible = on;
          break;
        case 45:
          this.reverseWrap = on;
          break;
        case 69:
          this.leftRightMode = on;
          if (!on) {
            this.left = 0;
            this.right = this._cols - 1;
          }
          break;
        case 47:
        case 1047:
          if (on) this.enterAlt(false);
          else this.leaveAlt(p.get(i, 0) === 1047);
          break;
        case 1048:
          if (on) this.saveCursor();
          else this.restoreCursor();
          break;
        case 1049:
          if (on) {
            if (!this.isAlt) this.saveCursor();
            this.enterAlt(true);
          } else {
            this.leaveAlt(false);
            this.restoreCursor();
          }
          break;
        default:
          break;
      }
    }
  }

  private enterAlt(clear: boolean): void {
    if (this.isAlt) return;
    this.isAlt = true;
    this.lines = this.alt;
    if (clear) for (const line of this.alt) line.reset(this.pen.bg);
  }

  private leaveAlt(clear: boolean): void {
    if (!this.isAlt) return;
    if (clear) for (const line of this.alt) line.reset(this.pen.bg);
    this.isAlt = false;
    this.lines = this.normal;
  }

  /** DECSTR. */
  private softReset(): void {
    this.cursorVisible = true;
    this.insertMode = false;
    this.originMode = false;
    this.autowrap = true;
    this.reverseWrap = false;
    this.top = 0;
    this.bottom = this._rows - 1;
    this.leftRightMode = false;
    this.left = 0;
    this.right = this._cols - 1;
    this.charsets = [null, null, null, null];
    this.gl = 0;
    this.singleShift = -1;
    Object.assign(this.pen, { fg: DEFAULT_COLOR, bg: DEFAULT_COLOR, attrs: 0, ulColor: DEFAULT_COLOR });
    this.protect = false;
    this.updateFlags();
    this.wrapPending = false;
    const saved = this.isAlt ? 'savedAlt' : 'savedNormal';
    this[saved] = null;
  }

  /** RIS. */
  private fullReset(): void {
    this.softReset();
    this.savedNormal = null;
    this.savedAlt = null;
    this.normal = this.blankLines(this._rows);
    this.alt = this.blankLines(this._rows);
    this.lines = this.normal;
    this.scrollback.clear();
    this.isAlt = false;
    this.reverseVideo = false;
    this.x = 0;
    this.y = 0;
    this.newlineMode = false;
    this.link = '';
    this.updateFlags();
    this.tabs = defaultTabs(this._cols);
    this.shape = 'block';
    this.blink = false;
    // The window title is the window's, not the screen's: xterm keeps it across RIS.
    this.paletteIndexed.clear();
    this.paletteFg = undefined;
    this.paletteBg = undefined;
    this.paletteCursor = undefined;
    this.paletteView = null;
    this.lastValid = false;
  }

  // ---------------------------------------------------------------- OSC

  osc(data: string): void {
    this.lastValid = false;
    const semi = data.indexOf(';');
    const command = semi < 0 ? data : data.slice(0, semi);
    const arg = semi < 0 ? '' : data.slice(semi + 1);
    if (!/^\d{1,4}$/.test(command)) return;
    switch (Number(command)) {
      case 0:
      case 2:
        this._title = arg;
        break;
      case 4: {
        const parts = arg.split(';');
        for (let i = 0; i + 1 < parts.length; i += 2) {
          const index = /^\d{1,3}$/.test(parts[i]) ? Number(parts[i]) : -1;
          const color = parseColorSpec(parts[i + 1]);
          if (index >= 0 && index <= 255 && color >= 0) {
            this.paletteIndexed.set(index, color);
            this.paletteView = null;
          }
        }
        break;
      }
      case 8: {
        // OSC 8 ; params ; URI — the URI may itself contain ';'.
        const uriStart = arg.indexOf(';');
        this.link = uriStart < 0 ? '' : arg.slice(uriStart + 1);
        this.updateFlags();
        break;
      }
      case 10:
      case 11:
      case 12: {
        // Each following argument sets the next dynamic colour: OSC 10;fg;bg sets both.
        let which = Number(command);
        for (const spec of arg.split(';')) {
          const color = parseColorSpec(spec);
          if (color >= 0) this.setDynamicColor(which, color);
          which++;
          if (which > 12) break;
        }
        break;
      }
      case 104:
        if (arg === '') this.paletteIndexed.clear();
        else for (const part of arg.split(';')) if (/^\d{1,3}$/.test(part)) this.paletteIndexed.delete(Number(part));
        this.paletteView = null;
        break;
      case 110:
        this.paletteFg = undefined;
        this.paletteView = null;
        break;
      case 111:
        this.paletteBg = undefined;
        this.paletteView = null;
        break;
      case 112:
        this.paletteCursor = undefined;
        this.paletteView = null;
        break;
      default:
        break;
    }
  }

  private setDynamicColor(which: number, color: number): void {
    if (which === 10) this.paletteFg = color;
    else if (which === 11) this.paletteBg = color;
    else this.paletteCursor = color;
    this.paletteView = null;
  }

  private blankLines(n: number): Line[] {
    const lines: Line[] = [];
    for (let i = 0; i < n; i++) lines.push(new Line(this._cols, DEFAULT_COLOR));
    return lines;
  }
}

function defaultTabs(cols: number): Uint8Array {
  const tabs = new Uint8Array(cols);
  for (let x = 8; x < cols; x += 8) tabs[x] = 1;
  return tabs;
}

