import { Attr, DEFAULT_COLOR, type Cell, type Row } from './cell.js';

/** Cell content word: code point in bits 0..20, width in bits 21..22. Code point 0 is an empty cell. */
export const WIDTH_SHIFT = 21;
export const CP_MASK = (1 << WIDTH_SHIFT) - 1;
export const BLANK = 1 << WIDTH_SHIFT;
/** The right half of a wide character: no code point, width 0. */
export const SPACER = 0;

/**
 * A line's cells are interleaved in one Int32Array, STRIDE words per cell: content, foreground,
 * background, flags. One allocation per line and neighbouring cells in neighbouring memory.
 */
export const STRIDE = 4;
export const FG = 1;
export const BG = 2;
export const FLAGS = 3;

/** Flag word: the public Attr bits (0..10), then the protection bit, then the extra-pen id. */
export const ATTR_MASK = 0x7ff;
export const PROTECTED = 1 << 11;
export const EXT_SHIFT = 12;

/** Underline colour and hyperlink, which most cells lack, live in a shared table indexed by id. */
export interface PenExtra {
  readonly ulColor: number;
  readonly link: string;
}

const BLANK_CELL: Cell = Object.freeze({ text: ' ', width: 1, fg: DEFAULT_COLOR, bg: DEFAULT_COLOR, attrs: 0, ulColor: DEFAULT_COLOR, link: '' });
const SPACER_CELL: Cell = Object.freeze({ text: '', width: 0, fg: DEFAULT_COLOR, bg: DEFAULT_COLOR, attrs: 0, ulColor: DEFAULT_COLOR, link: '' });

/**
 * Runs of empty cells to copy from, for the last few backgrounds used: erasing a long range is then
 * one memory copy.
 */
const blankTemplates: { bg: number; cells: Int32Array; n: number; view: Int32Array }[] = [];

function blankCells(n: number, bg: number): Int32Array {
  let template: { bg: number; cells: Int32Array; n: number; view: Int32Array } | undefined;
  for (const t of blankTemplates) if (t.bg === bg) template = t;
  if (template === undefined || template.cells.length < n * STRIDE) {
    const cells = new Int32Array(Math.max(n, 256) * STRIDE);
    for (let i = 0; i < cells.length; i += STRIDE) {
      cells[i] = BLANK;
      cells[i + FG] = DEFAULT_COLOR;
      cells[i + BG] = bg;
    }
    if (template !== undefined) {
      template.cells = cells;
      template.n = -1;
    } else {
      template = { bg, cells, n: -1, view: cells };
      blankTemplates.unshift(template);
      if (blankTemplates.length > 4) blankTemplates.pop();
    }
  }
  // Most erases are whole lines of one width: keep that view rather than make one per call.
  if (template.n !== n) {
    template.n = n;
    template.view = template.cells.subarray(0, n * STRIDE);
  }
  return template.view;
}

/** One screen line in packed form, plus its snapshot `Row` while it stays unchanged. */
export class Line {
  data: Int32Array;
  /**
   * Grapheme clusters of more than one code point, indexed by column (undefined elsewhere);
   * null until the line holds one.
   */
  clusters: (string | undefined)[] | null = null;
  /** The line continues on the next one because text wrapped. */
  wrapped = false;
  /** The snapshot view, rebuilt only after a change. */
  row: Row | null = null;
  /** False while the line surely holds no wide character, so printing need not look for one. */
  mayHaveWide = false;
  /**
   * Where in the output stream each cell was printed (a code unit offset, 0 for never printed);
   * null unless the terminal tracks origins (redaction), which it alone writes.
   */
  origins: Int32Array | null = null;

  constructor(
    public cols: number,
    bg: number,
  ) {
    this.data = new Int32Array(cols * STRIDE);
    this.erase(0, cols, bg);
  }

  content(x: number): number {
    return this.data[x * STRIDE];
  }

  /**
   * Printable ASCII `text[i..stop)` into narrow cells from column `x`, as far as it goes: it stops
   * before a control or non-ASCII code unit, and on a line that may hold wide characters before a
   * cell that is not narrow (overwriting half of one takes more care). Returns where it stopped.
   */
  writeAscii(text: Uint16Array, i: number, stop: number, x: number, fg: number, bg: number, flags: number): number {
    const data = this.data;
    const first = i;
    let at = x * STRIDE;
    if (this.mayHaveWide) {
      while (i < stop) {
        const c = text[i];
        if (c >= 0x7f || c < 0x20 || data[at] >>> WIDTH_SHIFT !== 1) break;
        data[at] = c | (1 << WIDTH_SHIFT);
        data[at + FG] = fg;
        data[at + BG] = bg;
        data[at + FLAGS] = flags;
        i++;
        at += STRIDE;
      }
    } else {
      while (i < stop) {
        const c = text[i];
        if (c >= 0x7f || c < 0x20) break;
        data[at] = c | (1 << WIDTH_SHIFT);
        data[at + FG] = fg;
        data[at + BG] = bg;
        data[at + FLAGS] = flags;
        i++;
        at += STRIDE;
      }
    }
    if (i > first) {
      if (this.clusters !== null) this.dropClusters(x, x + (i - first));
      this.row = null;
    }
    return i;
  }

  /** Code point `cp` of width `w` (1 or 2) at column `x`; a wide one covers `x + 1` with its spacer. */
  put(x: number, cp: number, w: number, fg: number, bg: number, flags: number): void {
    const data = this.data;
    let at = x * STRIDE;
    if (w === 2) this.mayHaveWide = true;
    data[at] = cp | (w << WIDTH_SHIFT);
    data[at + FG] = fg;
    data[at + BG] = bg;
    data[at + FLAGS] = flags;
    if (w === 2) {
      at += STRIDE;
      data[at] = SPACER;
      data[at + FG] = fg;
      data[at + BG] = bg;
      data[at + FLAGS] = flags;
    }
    if (this.clusters !== null) this.dropClusters(x, x + w);
    this.row = null;
  }

  /** An empty cell at `x` that keeps a pen's colours and flags: what is left of a wide character overwritten in half. */
  blank(x: number, fg: number, bg: number, flags: number): void {
    this.erase(x, x + 1, bg);
    this.data[x * STRIDE + FG] = fg;
    this.data[x * STRIDE + FLAGS] = flags;
  }

  /** Every cell the narrow character `cp` in the default rendition (DECALN). */
  fill(cp: number): void {
    this.erase(0, this.cols, DEFAULT_COLOR);
    for (let x = 0; x < this.cols; x++) this.data[x * STRIDE] = cp | (1 << WIDTH_SHIFT);
    this.wrapped = false;
  }

  /** With origins tracked: a run printed one code unit per cell, `first` for column `from` and counting up. */
  setOriginRun(from: number, to: number, first: number): void {
    const origins = (this.origins ??= new Int32Array(this.cols));
    for (let x = from, o = first; x < to; x++, o++) origins[x] = o;
  }

  /** With origins tracked: one character's origin over the cells [from, to) it covers. */
  setOrigin(from: number, to: number, origin: number): void {
    (this.origins ??= new Int32Array(this.cols)).fill(origin, from, Math.min(to, this.cols));
  }

  /** Erase columns [from, to) to empty cells with background `bg`. */
  erase(from: number, to: number, bg: number): void {
    const data = this.data;
    if (to - from >= 8) data.set(blankCells(to - from, bg), from * STRIDE);
    else {
      for (let i = from * STRIDE, end = to * STRIDE; i < end; i += STRIDE) {
        data[i] = BLANK;
        data[i + FG] = DEFAULT_COLOR;
        data[i + BG] = bg;
        data[i + FLAGS] = 0;
      }
    }
    if (this.clusters !== null) this.dropClusters(from, to);
    if (this.origins !== null) this.origins.fill(0, from, to);
    if (from === 0 && to === this.cols) {
      this.mayHaveWide = false;
      this.clusters = null;
    }
    this.row = null;
  }

  /** Erase every cell in [from, to) that is not protected (DECSCA); DECSED and DECSEL. */
  eraseUnprotected(from: number, to: number, bg: number): void {
    for (let x = from; x < to; x++) if ((this.data[x * STRIDE + FLAGS] & PROTECTED) === 0) this.erase(x, x + 1, bg);
  }

  reset(bg: number): void {
    this.erase(0, this.cols, bg);
    this.wrapped = false;
  }

  dropClusters(from: number, to: number): void {
    const clusters = this.clusters!;
    for (let x = from; x < to && x < clusters.length; x++) clusters[x] = undefined;
  }

  setCluster(x: number, text: string): void {
    (this.clusters ??= new Array<string | undefined>(this.cols).fill(undefined))[x] = text;
    this.row = null;
  }

  cluster(x: number): string | undefined {
    return this.clusters === null ? undefined : this.clusters[x];
  }

  /** Move cells [from, end) to start at `to` (within this line), as copyWithin does. */
  move(to: number, from: number, end: number, bg: number): void {
    this.data.copyWithin(to * STRIDE, from * STRIDE, end * STRIDE);
    if (this.clusters !== null) this.clusters.copyWithin(to, from, end);
    if (this.origins !== null) this.origins.copyWithin(to, from, end);
    this.repairWide(bg);
    this.row = null;
  }

  /**
   * After cells moved, a wide character may have lost one of its halves at an edge of the moved
   * range: what remains becomes an empty cell with background `bg`.
   */
  repairWide(bg: number): void {
    const data = this.data;
    for (let x = 0; x < this.cols; x++) {
      const c = data[x * STRIDE];
      if (c === SPACER) {
        if (x === 0 || data[(x - 1) * STRIDE] >>> WIDTH_SHIFT !== 2) this.erase(x, x + 1, bg);
      } else if (c >>> WIDTH_SHIFT === 2 && (x + 1 >= this.cols || data[(x + 1) * STRIDE] !== SPACER)) {
        this.erase(x, x + 1, bg);
      }
    }
  }

  /** Copy cells [from, to) from another line into the same columns of this one. */
  copyFrom(other: Line, from: number, to: number, bg: number): void {
    this.data.set(other.data.subarray(from * STRIDE, to * STRIDE), from * STRIDE);
    if (other.mayHaveWide) this.mayHaveWide = true;
    if (this.clusters !== null) this.dropClusters(from, to);
    if (other.origins !== null) (this.origins ??= new Int32Array(this.cols)).set(other.origins.subarray(from, to), from);
    else if (this.origins !== null) this.origins.fill(0, from, to);
    if (other.clusters !== null) {
      for (let x = from; x < to; x++) {
        const text = other.clusters[x];
        if (text !== undefined) this.setCluster(x, text);
      }
    }
    this.repairWide(bg);
    this.row = null;
  }

  resize(cols: number, bg: number): void {
    if (cols === this.cols) return;
    const keep = Math.min(cols, this.cols);
    const old = this.data;
    this.data = new Int32Array(cols * STRIDE);
    this.data.set(old.subarray(0, keep * STRIDE));
    const oldCols = this.cols;
    this.cols = cols;
    if (this.origins !== null) {
      const origins = new Int32Array(cols);
      origins.set(this.origins.subarray(0, keep));
      this.origins = origins;
    }
    if (cols > oldCols) this.erase(oldCols, cols, bg);
    if (this.clusters !== null) {
      this.clusters.length = cols;
      if (cols > oldCols) this.clusters.fill(undefined, oldCols);
    }
    // A wide character cut in half by the new edge becomes an empty cell.
    if (keep > 0 && this.data[(keep - 1) * STRIDE] >>> WIDTH_SHIFT === 2) this.erase(keep - 1, keep, bg);
    this.row = null;
  }

  textAt(x: number): string {
    const c = this.data[x * STRIDE];
    const cp = c & CP_MASK;
    if (cp === 0) return c === SPACER ? '' : ' ';
    if (this.clusters !== null) {
      const cluster = this.clusters[x];
      if (cluster !== undefined) return cluster;
    }
    return String.fromCodePoint(cp);
  }

  /**
   * The snapshot view of this line; built once per change. `reverse` is DECSCNM (reverse video):
   * every cell shows inverted, blank ones included.
   */
  view(extras: readonly PenExtra[], reverse: boolean): Row {
    if (this.row !== null) return this.row;
    const data = this.data;
    const cells: Cell[] = new Array(this.cols);
    let prev: Cell | null = null;
    let prevContent = -1;
    let prevFg = 0;
    let prevBg = 0;
    let prevFlags = 0;
    for (let x = 0, i = 0; x < this.cols; x++, i += STRIDE) {
      const content = data[i];
      const fg = data[i + FG];
      const bg = data[i + BG];
      const flags = data[i + FLAGS];
      // Runs of identical cells (blank areas, rules) share one immutable Cell object.
      const clustered = this.clusters !== null && this.clusters[x] !== undefined;
      if (prev !== null && !clustered && content === prevContent && fg === prevFg && bg === prevBg && flags === prevFlags) {
        cells[x] = prev;
        continue;
      }
      let cell: Cell;
      const ext = flags >>> EXT_SHIFT;
      const attrs = reverse ? (flags & ATTR_MASK) ^ Attr.INVERSE : flags & ATTR_MASK;
      if (fg === DEFAULT_COLOR && bg === DEFAULT_COLOR && attrs === 0 && ext === 0 && (content === BLANK || content === SPACER)) {
        cell = content === BLANK ? BLANK_CELL : SPACER_CELL;
      } else {
        const extra = ext === 0 ? null : extras[ext];
        cell = {
          text: this.textAt(x),
          width: (content >>> WIDTH_SHIFT) as 0 | 1 | 2,
          fg,
          bg,
          attrs,
          ulColor: extra === null ? DEFAULT_COLOR : extra.ulColor,
          link: extra === null ? '' : extra.link,
        };
      }
      cells[x] = cell;
      prev = clustered ? null : cell;
      prevContent = content;
      prevFg = fg;
      prevBg = bg;
      prevFlags = flags;
    }
    this.row = Object.freeze({ cells: Object.freeze(cells) });
    return this.row;
  }

  /** The line as text: wide characters once, trailing spaces trimmed. */
  text(): string {
    let s = '';
    for (let x = 0; x < this.cols; x++) {
      if (this.data[x * STRIDE] !== SPACER) s += this.textAt(x);
    }
    return s.replace(/ +$/, '');
  }
}
