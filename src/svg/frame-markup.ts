import { Attr, DEFAULT_COLOR, type Cell, type PaletteOverrides, type Row, type ScreenSnapshot } from '../term/cell.js';
import type { GlyphUse } from './embed-font.js';
import { num, shortName } from './numbers.js';
import type { SvgGeometry } from './options.js';
import { BLANK_ROW, backgroundBand, rowMarkup, rowParts, type RowContext } from './row-markup.js';
import { boxPath } from './glyph-shapes.js';
import { classAttr, type StyleSheet } from './style-sheet.js';
import { cleanText, escapeText } from './xml.js';

/** How many distinct rows are remembered for reuse; beyond it the oldest are forgotten (memory stays flat). */
const ROW_MEMORY = 4096;

/** Longest chain of rows built on the row before (see grownRow). */
const MAX_GROWTH = 12;

/** Unchanged cells between two changed stretches of a row below which they are patched as one. */
const SPAN_GAP = 6;

/** New rows in a frame from which they are defined where the frame shows them (see compose). */
const IN_PLACE_ROWS = 4;

/** Longest chain of frames built on the frame before (see reusedRows). */
const MAX_REUSE_CHAIN = 12;

const sameCell = (a: Cell, b: Cell): boolean =>
  a.text === b.text && a.width === b.width && a.fg === b.fg && a.bg === b.bg && a.attrs === b.attrs && a.ulColor === b.ulColor;

/** Draws nothing: a space (or nothing) on the default background, no attributes. */
const isBlank = (c: Cell): boolean => (c.text === ' ' || c.text === '') && c.bg === DEFAULT_COLOR && c.attrs === 0;

export interface FrameMarkup {
  /** Row definitions first seen in this frame (for `<defs>`). */
  readonly defs: string;
  /** Cursor shapes first used in this frame (for `<defs>`): later frames, and the resting layer, place them too. */
  readonly cursorDefs: string;
  /** Clip paths first used in this frame: outside `<defs>`, which viewers do not lay out. */
  readonly clips: string;
  /**
   * The frame's content, x from the grid's left edge and y = 0 on the first row's baseline: rows
   * as `<use>`, the cursor. Equal bodies look equal.
   */
  readonly body: string;
  /**
   * Equal for frames that look the same, however their rows were put together (a screen that
   * comes back may be drawn from other definitions than the first time).
   */
  readonly key: string;
  /** The rows part of `body` (what a later frame may reuse), and the rest. */
  readonly rows: string;
  readonly cursor: string;
  /**
   * Set when this frame reuses the previous one's rows: the previous frame's rows must be written
   * inside a group with this id.
   */
  readonly previousId?: string;
  /** Rows first defined in this frame: they exist in the document only if the frame is written. */
  readonly newRows: readonly string[];
}

interface ShownFrame {
  readonly ids: readonly string[];
  /** How many frames deep its rows build on earlier frames' (0: drawn from rows and chunks). */
  readonly depth: number;
  /** Whether its rows are written in a slot of their own, where a group id can be put on them. */
  referenceable: boolean;
  id?: string;
}

function samePalette(a: PaletteOverrides, b: PaletteOverrides): boolean {
  if (a === b) return true;
  if (a.foreground !== b.foreground || a.background !== b.background || a.cursor !== b.cursor) return false;
  if (a.indexed.size !== b.indexed.size) return false;
  for (const [index, rgb] of a.indexed) if (b.indexed.get(index) !== rgb) return false;
  return true;
}

/**
 * Turns screens into frame markup. Each distinct row is defined once and placed with `<use>`: rows
 * are recognised first by identity (the terminal keeps unchanged rows as the same object), then by
 * their markup, so a row that returns later, at any height, is reused too.
 */
export class FrameComposer {
  private readonly byMarkup = new Map<string, string>();
  private readonly byChunk = new Map<string, string>();
  private readonly seenChunks = new Map<string, boolean>();
  private readonly cursorShapes = new Set<string>();
  /** How many rows deep a row definition builds on earlier ones (0: drawn whole). */
  private readonly depths = new Map<string, number>();
  private previous: { lines: readonly Row[]; ids: readonly string[] } | undefined;
  private shown: ShownFrame | undefined;
  /** Clip bands defined so far (_bK_M: M rows from row K). */
  private readonly bands = new Set<string>();
  /** Average rows in a chunk. */
  private readonly chunkRows: number;
  private palette: PaletteOverrides | undefined;
  private byRowValid = new WeakMap<Row, string>();
  /**
   * Rows defined in place, in the first frame that shows them, at their height there (px): a
   * <use> of one elsewhere is moved by the difference. (A viewer builds a copy of what every
   * <use> shows, even in <defs>: a row shown once costs no <use> this way.) Kept for every such
   * row, since a row the terminal keeps unchanged may be placed again however old it is: a
   * number per distinct row.
   */
  private readonly offsets = new Map<string, number>();
  private nextId = 0;

  constructor(
    private readonly g: SvgGeometry,
    private readonly styles: StyleSheet,
    private readonly glyphs: GlyphUse,
  ) {
    this.chunkRows = Math.max(2, Math.round(Math.sqrt(g.rows)));
  }

  compose(screen: ScreenSnapshot): FrameMarkup {
    const g = this.g;
    if (this.palette === undefined || !samePalette(this.palette, screen.palette)) {
      // Rows render to other colours now: forget which row object gave which markup.
      this.byRowValid = new WeakMap();
      this.palette = screen.palette;
      this.previous = undefined;
      this.shown = undefined;
    }
    const ctx: RowContext = { geometry: g, overrides: screen.palette, styles: this.styles, glyphs: this.glyphs };
    let defs = '';
    let body = '';
    const overrideBg = screen.palette.background;
    if (overrideBg !== undefined && overrideBg !== g.theme.background) {
      body += `<rect y="${num(-g.baseline)}" width="${num(g.cols * g.cellWidth)}" height="${num(g.rows * g.cellHeight)}"${classAttr(this.styles.fill(overrideBg))}/>`;
    }
    const rows = Math.min(g.rows, screen.lines.length);
    const ids: string[] = [];
    const newRows: { id: string; markup: string; y: number }[] = [];
    for (let y = 0; y < rows; y++) {
      const row = screen.lines[y]!;
      let id = this.byRowValid.get(row);
      if (id === undefined) {
        let markup = rowMarkup(row.cells, ctx);
        if (markup === '') id = '';
        else {
          id = this.byMarkup.get(markup);
          if (id === undefined) {
            let depth = 0;
            const grown = this.grownRow(y, row, ctx);
            if (grown && grown.markup.length < markup.length) ({ markup, depth } = grown);
            id = this.byMarkup.get(markup);
            if (id === undefined) {
              id = this.newId();
              this.remember(this.byMarkup, markup, id);
              this.remember(this.depths, id, depth);
              newRows.push({ id, markup, y });
            }
          }
        }
        this.byRowValid.set(row, id);
      }
      ids.push(id);
    }
    // Rows are grouped in chunks defined once, so a frame that changes one row costs one new chunk
    // and a handful of <use>s rather than one <use> per row. Chunks end where the rows' own ids
    // say (content-defined, as rsync cuts files), not at fixed heights: when the screen scrolls,
    // the same runs of rows form the same chunks at new heights and are reused.
    const newChunks: [string, string][] = [];
    let chunked = '';
    let start = 0;
    for (let y = 0; y < rows; y++) {
      const length = y - start + 1;
      if (y === rows - 1 || length >= 2 * this.chunkRows || (length > 1 && idHash(ids[y]!) % this.chunkRows === 0)) {
        chunked += this.chunkMarkup(ids, start, y + 1, newChunks);
        start = y + 1;
      }
    }
    const chunkDefs = newChunks.map(([uses, id]) => `<g id="${id}">${uses}</g>`).join('');
    // The previous frame's rows reused, when that is shorter (its group id costs some 16 bytes) and
    // the chunks alone would need new definitions: a screen made of known chunks may well be one
    // shown before, whose slot is then reused whole.
    const scrolled = body === '' && chunkDefs !== '' ? this.reusedRows(ids) : undefined;
    let previousId: string | undefined;
    let clips = '';
    let sameRowsAs: string | undefined;
    const useScrolled = scrolled !== undefined && scrolled.markup.length + scrolled.clip.length + 16 < chunked.length + chunkDefs.length;
    if (useScrolled) {
      body = scrolled.markup;
      clips = scrolled.clip;
      if (scrolled.clip !== '') this.bands.add(/id="(\w+)"/.exec(scrolled.clip)![1]!);
      previousId = scrolled.assignId();
      // Rows the same as the previous frame's: later frames may place that frame's group directly.
      const shownId = this.shown?.id;
      if (shownId !== undefined && scrolled.markup === `<use href="#${shownId}"/>`) sameRowsAs = shownId;
    } else {
      body += chunked;
      defs += chunkDefs;
      for (const [uses, id] of newChunks) this.remember(this.byChunk, uses, id);
    }
    // New rows of a frame that redraws much of the screen are defined in place, where it shows
    // them, else in <defs>: one placed lower than 0 costs its moved <use>s a y each time it is
    // shown again, which a frame typing one character would pay on every next one.
    const inPlace = newRows.length >= IN_PLACE_ROWS;
    for (const row of newRows) {
      const use = `<use href="#${row.id}"${yAttr(row.y * g.cellHeight)}/>`;
      const at = body.indexOf(use);
      if (at < 0 || (row.y > 0 && !(inPlace && onlyTexts(row.markup)))) {
        defs += defineRow(row.markup, row.id);
        continue;
      }
      const offset = row.y * g.cellHeight;
      this.offsets.set(row.id, offset);
      body = body.slice(0, at) + placedDefinition(row.markup, row.id, offset) + body.slice(at + use.length);
      // Other <use>s of it in this frame (a row shown twice) were written for a row at 0.
      body = body.replace(new RegExp(`<use href="#${row.id}"(?: y="(-?[\\d.]+)")?/>`, 'g'), (_m, y?: string) => this.rowUse(row.id, Number(y ?? 0)));
    }
    this.previous = { lines: screen.lines, ids };
    this.shown = { ids, depth: useScrolled ? scrolled.depth : 0, referenceable: true, ...(sameRowsAs ? { id: sameRowsAs } : {}) };
    const rowsPart = body;
    let cursorPart = '';
    let cursorDefs = '';
    if (g.cursor) {
      const cursor = this.cursorMarkup(screen);
      cursorDefs = cursor.defs;
      cursorPart = cursor.body;
    }
    const key = `${overrideBg ?? ''}|${ids.join(',')}|${cursorPart}`;
    return {
      defs,
      cursorDefs,
      clips,
      body: rowsPart + cursorPart,
      key,
      rows: rowsPart,
      cursor: cursorPart,
      newRows: newRows.map((row) => row.id),
      ...(previousId ? { previousId } : {}),
    };
  }

  /**
   * A screen drawn for reading as well as looking: every row in place as its own copyable
   * `<text>` (no <use>, whose copies viewers leave out of a selection), in order, the cursor
   * left out of selections. `defs` holds the cursor's shape when it is new.
   *
   * A row that a frame already drew as shapes alone (block art, a QR code, coloured bars) is that
   * frame's row definition placed again, under the characters kept for copying: the same pixels,
   * without its path data twice. `unwritten`: rows defined by a frame that was never written.
   */
  composePlain(screen: ScreenSnapshot, unwritten: ReadonlySet<string> = new Set()): { defs: string; body: string } {
    const g = this.g;
    const ctx: RowContext = { geometry: g, overrides: screen.palette, styles: this.styles, glyphs: this.glyphs, copyable: true };
    let body = '';
    const overrideBg = screen.palette.background;
    if (overrideBg !== undefined && overrideBg !== g.theme.background) {
      body += `<rect y="${num(-g.baseline)}" width="${num(g.cols * g.cellWidth)}" height="${num(g.rows * g.cellHeight)}"${classAttr(this.styles.fill(overrideBg))}/>`;
    }
    // Blank rows at the bottom are left out: a copy ends at the last row with something in it.
    let rows = Math.min(g.rows, screen.lines.length);
    while (rows > 0 && screen.lines[rows - 1]!.cells.every(isBlank)) rows--;
    const known = this.palette !== undefined && samePalette(this.palette, screen.palette);
    for (let y = 0; y < rows; y++) {
      const line = screen.lines[y]!;
      const parts = rowParts(line.cells, ctx);
      const row = parts.backgrounds + parts.texts + parts.shapes;
      const id = known ? this.byRowValid.get(line) : undefined;
      const drawn = id !== undefined && id !== '' && !unwritten.has(id) ? this.shapesOnlyUse(line, id, y, parts.backgrounds.length + parts.shapes.length) : undefined;
      // A blank row only has to be a line of the copy, which follows document order: it needs no y.
      if (drawn !== undefined) body += drawn + placeRow(parts.texts, y * g.cellHeight);
      else body += row === BLANK_ROW ? row : placeRow(row, y * g.cellHeight);
    }
    let defs = '';
    if (g.cursor) {
      const cursor = this.cursorMarkup(screen);
      defs = cursor.defs;
      // The character a block cursor draws again must not be copied twice.
      body += cursor.body.includes('<text') ? `<g class="${this.styles.unselectable()}">${cursor.body}</g>` : cursor.body;
    }
    return { defs, body };
  }

  /**
   * A <use> of row `id` at row `y`, when its definition draws no text (so drawing the copyable
   * characters after it paints the same) and is shorter than the `inline` bytes it replaces.
   */
  private shapesOnlyUse(line: Row, id: string, y: number, inline: number): string | undefined {
    const use = this.rowUse(id, y * this.g.cellHeight);
    if (use.length >= inline) return undefined;
    const frame = rowParts(line.cells, { geometry: this.g, overrides: this.palette!, styles: this.styles, glyphs: this.glyphs });
    return frame.texts === '' ? use : undefined;
  }

  /** A fresh id, for frames as well as rows. */
  id(): string {
    return this.newId();
  }

  /** The frame just composed was shown from an earlier slot: its rows cannot be given an id. */
  markReused(): void {
    if (this.shown) this.shown.referenceable = false;
  }

  /**
   * Output scrolling by, or a few rows changing under rows that stay: the previous frame's rows
   * moved up k rows (k may be 0) and clipped to the band of rows [0, m) where they still hold, plus
   * the rows that are new. Chains are capped so that viewers do not follow long <use> chains.
   */
  private reusedRows(ids: readonly string[]): { markup: string; clip: string; assignId: () => string | undefined; depth: number } | undefined {
    const prev = this.shown;
    const rows = ids.length;
    if (!prev || !prev.referenceable || prev.depth >= MAX_REUSE_CHAIN || prev.ids.length !== rows) return undefined;
    let best: { k: number; m: number; reused: number } | undefined;
    for (let k = 0; k < rows; k++) {
      // Rows [0, m): each the previous frame's row k below, or over a row that was blank there.
      let m = 0;
      let reused = 0;
      while (m + k < rows && (prev.ids[m + k] === '' || prev.ids[m + k] === ids[m])) {
        if (prev.ids[m + k] !== '') reused++;
        m++;
      }
      if (reused >= 2 && (!best || reused > best.reused)) best = { k, m, reused };
    }
    if (!best) return undefined;
    const { k, m } = best;
    const g = this.g;
    const ch = g.cellHeight;
    // The previous frame's group id: already given, or the next id, given if this is chosen.
    const fresh = prev.id === undefined;
    const id = prev.id ?? shortName(this.nextId);
    const assignId = (): string | undefined => {
      if (!fresh) return undefined;
      prev.id = this.newId();
      return prev.id;
    };
    let defs = '';
    let clip = '';
    if (k > 0 || m < rows) {
      // A clip on a <use> applies after its y shift: the band is rows [k, k + m) of the previous frame.
      const band = `_b${k}_${m}`;
      clip = ` clip-path="url(#${band})"`;
      if (!this.bands.has(band)) {
        defs = `<clipPath id="${band}"><rect y="${num(k * ch - g.baseline)}" width="${num(g.cols * g.cellWidth)}" height="${num(m * ch)}"/></clipPath>`;
      }
    }
    let markup = `<use href="#${id}"${yAttr(-k * ch)}${clip}/>`;
    for (let y = 0; y < rows; y++) {
      if (ids[y] !== '' && (y >= m || prev.ids[y + k] === '')) markup += this.rowUse(ids[y]!, y * ch);
    }
    return { markup, clip: defs, assignId, depth: prev.depth + 1 };
  }

  /**
   * Rows [from, to) as one <use>: of the row itself when it is the only one drawn, else of a chunk
   * (new chunks are added to `created`, to be defined if this markup is chosen).
   */
  private chunkMarkup(ids: readonly string[], from: number, to: number, created: [string, string][]): string {
    const ch = this.g.cellHeight;
    let uses = '';
    let count = 0;
    let only = 0;
    for (let y = from; y < to; y++) {
      if (ids[y] === '') continue;
      count++;
      only = y;
      uses += this.rowUse(ids[y]!, (y - from) * ch);
    }
    if (count === 0) return '';
    if (count === 1) return this.rowUse(ids[only]!, only * ch);
    let chunk = this.byChunk.get(uses) ?? created.find(([u]) => u === uses)?.[1];
    if (chunk === undefined) {
      // Seen for the first time: placed row by row; defined when it comes back.
      if (!this.seenChunks.has(uses)) {
        this.remember(this.seenChunks, uses, true);
        let placed = '';
        for (let y = from; y < to; y++) if (ids[y] !== '') placed += this.rowUse(ids[y]!, y * ch);
        return placed;
      }
      chunk = this.newId();
      created.push([uses, chunk]);
    }
    return `<use href="#${chunk}"${yAttr(from * ch)}/>`;
  }

  /**
   * A row that changed only in some cells from the row before it at the same height (typing at a
   * prompt, a counter ticking, a cursor line moving): the earlier row's definition, a box in the
   * default background over the cells that changed (left out when they were blank there), and the
   * new cells, when that is shorter than the whole row. Chains are kept short so that viewers do not
   * follow long <use> chains.
   */
  private grownRow(y: number, row: Row, ctx: RowContext): { markup: string; depth: number } | undefined {
    const before = this.previous;
    const prevId = before?.ids[y];
    const prevRow = before?.lines[y];
    if (!prevId || !prevRow) return undefined;
    const depth = (this.depths.get(prevId) ?? MAX_GROWTH) + 1;
    if (depth > MAX_GROWTH) return undefined;
    const cells = row.cells;
    const old = prevRow.cells;
    const count = Math.min(cells.length, old.length, this.g.cols);
    // The changed stretches, apart when enough unchanged cells lie between them to pay for a
    // second one; whole characters only (a wide character's right half goes with its left).
    const half = (x: number): boolean => cells[x]?.width === 0 || old[x]?.width === 0;
    const spans: [number, number][] = [];
    for (let x = 0; x < count; x++) {
      if (sameCell(cells[x]!, old[x]!)) continue;
      let k = x;
      while (k > 0 && half(k)) k--;
      let end = x + 1;
      while (end < count && (half(end) || !sameCell(cells[end]!, old[end]!))) end++;
      const last = spans[spans.length - 1];
      if (last && k - last[1] < SPAN_GAP) last[1] = end;
      else spans.push([k, end]);
      x = end - 1;
    }
    if (spans.length === 0) return undefined;
    const g = this.g;
    let bands = '';
    let added = '';
    for (const [k, end] of spans) {
      if (old.slice(k, end).some((c) => !isBlank(c))) bands += backgroundBand(k, end, g);
      added += rowMarkup(cells, ctx, k, end);
    }
    let cover = '';
    if (bands !== '') {
      // A transparent window body cannot be painted over.
      if (g.transparentBackground) return undefined;
      cover = `<path${classAttr(this.styles.band(g.painter.background(ctx.overrides)))} d="${bands}"/>`;
    }
    if (added === '' && cover === '') return undefined;
    return { markup: `${this.rowUse(prevId, 0)}${cover}${added}`, depth };
  }

  /** A <use> showing row `id` with its baseline `y` px down. */
  private rowUse(id: string, y: number): string {
    return `<use href="#${id}"${yAttr(y - (this.offsets.get(id) ?? 0))}/>`;
  }

  private newId(): string {
    return shortName(this.nextId++);
  }

  private remember<T>(map: Map<string, T>, key: string, id: T): void {
    if (map.size >= ROW_MEMORY) map.delete(map.keys().next().value!);
    map.set(key, id);
  }

  /**
   * The cursor as the GIF draws it: a block inverts its cell (the character is drawn again in the
   * cell's background colour over a cursor-coloured box); underline and bar are thin boxes. Each
   * shape is defined once and placed with a <use> coloured by its class.
   */
  private cursorMarkup(screen: ScreenSnapshot): { defs: string; body: string } {
    const { cursor } = screen;
    const g = this.g;
    const none = { defs: '', body: '' };
    if (!cursor.visible || cursor.y < 0 || cursor.y >= Math.min(g.rows, screen.rows) || cursor.x < 0) return none;
    const x = Math.min(cursor.x, g.cols - 1, screen.cols - 1);
    const cells = screen.lines[cursor.y]?.cells ?? [];
    // On the right half of a wide character the cursor covers the whole character.
    const col = x > 0 && cells[x]?.width === 0 ? x - 1 : x;
    const cell = cells[col];
    const width = cell?.width === 2 ? 2 : 1;
    // As thick as the GIF's bar and underline cursors.
    const thin = Math.max(1, Math.round(g.fontPx / 8));
    const top = -g.baseline;
    const [key, box] =
      cursor.shape === 'bar'
        ? ['r', { x: 0, y: top, w: thin, h: g.cellHeight }]
        : cursor.shape === 'underline'
          ? [`u${width}`, { x: 0, y: top + g.cellHeight - thin, w: width * g.cellWidth, h: thin }]
          : [`b${width}`, { x: 0, y: top, w: width * g.cellWidth, h: g.cellHeight }];
    // The common block cursor gets the shortest id: it is placed in nearly every frame.
    const id = key === 'b1' ? '_k' : `_k${key}`;
    let defs = '';
    if (!this.cursorShapes.has(id)) {
      this.cursorShapes.add(id);
      defs = `<path id="${id}" d="${boxPath(box)}"/>`;
    }
    const left = num(col * g.cellWidth);
    const pos = `${left === '0' ? '' : ` x="${left}"`}${yAttr(cursor.y * g.cellHeight)}`;
    const fill = classAttr(this.styles.fill(g.painter.cursor(screen.palette)));
    let body = `<use href="#${id}"${pos}${fill}/>`;
    const text = cell ? cleanText(cell.text) : '';
    if (cursor.shape === 'block' && cell && text.trim() !== '' && (cell.attrs & Attr.INVISIBLE) === 0) {
      const colors = g.painter.cell(cell, screen.palette);
      const bold = (cell.attrs & Attr.BOLD) !== 0;
      const italic = (cell.attrs & Attr.ITALIC) !== 0;
      this.glyphs.add(text, bold, italic, cell.width === 2 ? 2 : 1);
      const cls = classAttr(this.styles.fill(colors.bg, bold, italic));
      body += `<text x="${left}"${yAttr(cursor.y * g.cellHeight)}${cls}>${escapeText(text)}</text>`;
    }
    return { defs, body };
  }
}

/** A small deterministic hash of a row id (FNV-1a), to cut chunks where the content says. */
function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const yAttr = (y: number): string => (y === 0 ? '' : ` y="${num(y)}"`);

/** A row's markup (row coordinates) placed `y` down: a lone <text> takes the y itself. */
function placeRow(markup: string, y: number): string {
  if (y === 0) return markup;
  if (isLoneText(markup)) return `<text${yAttr(y)}${markup.slice(5)}`;
  return `<svg${yAttr(y)}>${markup}</svg>`;
}

/**
 * A row's definition placed `y` px down (a row of <text>s only, or at 0): each <text> takes the
 * y itself, and several are grouped under the id.
 */
function placedDefinition(markup: string, id: string, y: number): string {
  if (y === 0) return defineRow(markup, id);
  const placed = markup.replaceAll('<text', `<text${yAttr(y)}`);
  return isLoneText(markup) ? `<text id="${id}"${placed.slice(5)}` : `<g id="${id}">${placed}</g>`;
}

/** Whether a row's markup is <text> elements and nothing else (no shapes, no <use>). */
const onlyTexts = (markup: string): boolean => markup.replace(/<text\b[^>]*>.*?<\/text>/g, '') === '';

const isLoneText = (markup: string): boolean => markup.startsWith('<text') && markup.indexOf('</text>') === markup.length - 7;

function defineRow(markup: string, id: string): string {
  // A row of one element needs no group around it (escaped text holds no '<').
  const single = markup.startsWith('<text') ? markup.indexOf('</text>') === markup.length - 7 : markup.indexOf('<', 1) === -1;
  if (single) {
    const nameEnd = markup.search(/[\s/>]/);
    return `${markup.slice(0, nameEnd)} id="${id}"${markup.slice(nameEnd)}`;
  }
  return `<g id="${id}">${markup}</g>`;
}
