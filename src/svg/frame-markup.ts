import { Attr, type PaletteOverrides, type Row, type ScreenSnapshot } from '../term/cell.js';
import { cellColors, cursorColor } from '../theme/index.js';
import type { GlyphUse } from './embed-font.js';
import { num, shortName } from './numbers.js';
import type { SvgGeometry } from './options.js';
import { rowMarkup, type RowContext } from './row-markup.js';
import { classAttr, type StyleSheet } from './style-sheet.js';
import { cleanText, escapeXml } from './xml.js';

/** How many distinct rows are remembered for reuse; beyond it the oldest are forgotten (memory stays flat). */
const ROW_MEMORY = 20_000;

export interface FrameMarkup {
  /** Row definitions first seen in this frame (for `<defs>`). */
  readonly defs: string;
  /**
   * The frame's content, x from the grid's left edge and y = 0 on the first row's baseline: rows
   * as `<use>`, the cursor. Equal bodies look equal.
   */
  readonly body: string;
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
  private readonly byBlock = new Map<string, string>();
  private readonly blockRows: number;
  private palette: PaletteOverrides | undefined;
  private byRowValid = new WeakMap<Row, string>();
  private nextId = 0;

  constructor(
    private readonly g: SvgGeometry,
    private readonly styles: StyleSheet,
    private readonly glyphs?: GlyphUse,
  ) {
    this.blockRows = Math.max(2, Math.round(Math.sqrt(g.rows)));
  }

  compose(screen: ScreenSnapshot): FrameMarkup {
    const g = this.g;
    if (this.palette === undefined || !samePalette(this.palette, screen.palette)) {
      // Rows render to other colours now: forget which row object gave which markup.
      this.byRowValid = new WeakMap();
      this.palette = screen.palette;
    }
    const ctx: RowContext = { geometry: g, overrides: screen.palette, styles: this.styles, ...(this.glyphs ? { glyphs: this.glyphs } : {}) };
    let defs = '';
    let body = '';
    const overrideBg = screen.palette.background;
    if (overrideBg !== undefined && overrideBg !== g.theme.background) {
      body += `<rect y="${num(-g.baseline)}" width="${num(g.cols * g.cellWidth)}" height="${num(g.rows * g.cellHeight)}"${classAttr(this.styles.fill(overrideBg))}/>`;
    }
    const rows = Math.min(g.rows, screen.lines.length);
    const ids: string[] = [];
    for (let y = 0; y < rows; y++) {
      const row = screen.lines[y]!;
      let id = this.byRowValid.get(row);
      if (id === undefined) {
        const markup = rowMarkup(row.cells, ctx);
        if (markup === '') id = '';
        else {
          id = this.byMarkup.get(markup);
          if (id === undefined) {
            id = this.newId();
            this.remember(this.byMarkup, markup, id);
            defs += defineRow(markup, id);
          }
        }
        this.byRowValid.set(row, id);
      }
      ids.push(id);
    }
    // Rows are grouped in blocks defined once, so a frame that changes one row costs one new
    // block and a handful of <use>s rather than one <use> per row.
    for (let top = 0; top < rows; top += this.blockRows) {
      let uses = '';
      let count = 0;
      let only = '';
      for (let y = top; y < Math.min(rows, top + this.blockRows); y++) {
        const id = ids[y]!;
        if (id === '') continue;
        count++;
        only = id;
        uses += `<use href="#${id}"${yAttr((y - top) * g.cellHeight)}/>`;
      }
      if (count === 0) continue;
      if (count === 1) {
        const y = ids.indexOf(only, top);
        body += `<use href="#${only}"${yAttr(y * g.cellHeight)}/>`;
        continue;
      }
      let block = this.byBlock.get(uses);
      if (block === undefined) {
        block = this.newId();
        this.remember(this.byBlock, uses, block);
        defs += `<g id="${block}">${uses}</g>`;
      }
      body += `<use href="#${block}"${yAttr(top * g.cellHeight)}/>`;
    }
    if (g.cursor) body += this.cursorMarkup(screen);
    return { defs, body };
  }

  private newId(): string {
    return shortName(this.nextId++);
  }

  private remember(map: Map<string, string>, key: string, id: string): void {
    if (map.size >= ROW_MEMORY) map.delete(map.keys().next().value!);
    map.set(key, id);
  }

  /**
   * The cursor as the GIF draws it: a block inverts its cell (the character is drawn again in the
   * cell's background colour over a cursor-coloured box); underline and bar are thin boxes.
   */
  private cursorMarkup(screen: ScreenSnapshot): string {
    const { cursor } = screen;
    const g = this.g;
    if (!cursor.visible || cursor.y < 0 || cursor.y >= Math.min(g.rows, screen.rows) || cursor.x < 0) return '';
    const x = Math.min(cursor.x, g.cols - 1, screen.cols - 1);
    const cells = screen.lines[cursor.y]?.cells ?? [];
    // On the right half of a wide character the cursor covers the whole character.
    const col = x > 0 && cells[x]?.width === 0 ? x - 1 : x;
    const cell = cells[col];
    const width = cell?.width === 2 ? 2 : 1;
    const left = col * g.cellWidth;
    // Frame coordinates have y = 0 on the first row's baseline.
    const top = cursor.y * g.cellHeight - g.baseline;
    const fill = classAttr(this.styles.fill(cursorColor(g.theme, screen.palette)));
    const thin = Math.max(1, Math.round(g.fontSize / 10));
    switch (cursor.shape) {
      case 'bar':
        return `<rect x="${num(left)}" y="${num(top)}" width="${num(thin)}" height="${num(g.cellHeight)}"${fill}/>`;
      case 'underline':
        return `<rect x="${num(left)}" y="${num(top + g.cellHeight - thin)}" width="${num(width * g.cellWidth)}" height="${num(thin)}"${fill}/>`;
      case 'block': {
        let markup = `<rect x="${num(left)}" y="${num(top)}" width="${num(width * g.cellWidth)}" height="${num(g.cellHeight)}"${fill}/>`;
        const text = cell ? cleanText(cell.text) : '';
        if (cell && text.trim() !== '' && (cell.attrs & Attr.INVISIBLE) === 0) {
          const colors = cellColors(cell, g.theme, screen.palette, { boldIsBright: g.boldIsBright });
          const bold = (cell.attrs & Attr.BOLD) !== 0;
          const italic = (cell.attrs & Attr.ITALIC) !== 0;
          this.glyphs?.add(text, bold, italic);
          const cls = classAttr(this.styles.fill(colors.bg, bold, italic));
          markup += `<text x="${num(left)}"${yAttr(top + g.baseline)}${cls}>${escapeXml(text)}</text>`;
        }
        return markup;
      }
    }
  }
}

const yAttr = (y: number): string => (y === 0 ? '' : ` y="${num(y)}"`);

function defineRow(markup: string, id: string): string {
  // A row of one element needs no group around it (escaped text holds no '<').
  const tags = markup.split('<').length - 1;
  if (tags === 1 || (tags === 2 && markup.startsWith('<text'))) {
    const nameEnd = markup.search(/[\s/>]/);
    return `${markup.slice(0, nameEnd)} id="${id}"${markup.slice(nameEnd)}`;
  }
  return `<g id="${id}">${markup}</g>`;
}
