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
  /** The frame's content in grid coordinates: rows as `<use>`, the cursor. Equal bodies look equal. */
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
  private palette: PaletteOverrides | undefined;
  private byRowValid = new WeakMap<Row, string>();
  private nextId = 0;

  constructor(
    private readonly g: SvgGeometry,
    private readonly styles: StyleSheet,
    private readonly glyphs?: GlyphUse,
  ) {}

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
      body += `<rect width="${num(g.cols * g.cellWidth)}" height="${num(g.rows * g.cellHeight)}"${classAttr(this.styles.fill(overrideBg))}/>`;
    }
    const rows = Math.min(g.rows, screen.lines.length);
    for (let y = 0; y < rows; y++) {
      const row = screen.lines[y]!;
      let id = this.byRowValid.get(row);
      if (id === undefined) {
        const markup = rowMarkup(row.cells, ctx);
        if (markup === '') id = '';
        else {
          id = this.byMarkup.get(markup);
          if (id === undefined) {
            id = shortName(this.nextId++);
            this.remember(markup, id);
            defs += defineRow(markup, id);
          }
        }
        this.byRowValid.set(row, id);
      }
      if (id !== '') body += `<use href="#${id}" y="${num(y * g.cellHeight + g.baseline)}"/>`;
    }
    if (g.cursor) body += this.cursorMarkup(screen);
    return { defs, body };
  }

  private remember(markup: string, id: string): void {
    if (this.byMarkup.size >= ROW_MEMORY) this.byMarkup.delete(this.byMarkup.keys().next().value!);
    this.byMarkup.set(markup, id);
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
    const top = cursor.y * g.cellHeight;
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
          markup += `<text x="${num(left)}" y="${num(top + g.baseline)}"${cls}>${escapeXml(text)}</text>`;
        }
        return markup;
      }
    }
  }
}

function defineRow(markup: string, id: string): string {
  // A row of one element needs no group around it (escaped text holds no '<').
  const tags = markup.split('<').length - 1;
  if (tags === 1 || (tags === 2 && markup.startsWith('<text'))) {
    const nameEnd = markup.search(/[\s/>]/);
    return `${markup.slice(0, nameEnd)} id="${id}"${markup.slice(nameEnd)}`;
  }
  return `<g id="${id}">${markup}</g>`;
}
