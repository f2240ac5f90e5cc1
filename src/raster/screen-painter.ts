import { Attr, DEFAULT_COLOR, underlineStyle, UnderlineStyle, type Cell, type PaletteOverrides, type ScreenSnapshot } from '../term/cell.js';
import { keyCells, sameItems, type KeyItem } from '../keys/index.js';
import { flagAt } from '../term/flags.js';
import { cellColors, cursorColor, resolveColor } from '../theme/index.js';
import { missingGlyphsWarning, styleOf, type FontStyle } from '../fonts/font-files.js';
import { GlyphCache, type Glyph } from './glyph-cache.js';
import type { RasterSetup } from './options.js';
import { COVERAGE_LEVELS, coverageLevel, over, overClear, ramp, TRANSPARENT } from './pixels.js';
import { paintWindow } from './window-painter.js';

const EMPTY_PALETTE: PaletteOverrides = { indexed: new Map() };

const DECORATION_BITS = Attr.UNDERLINE_MASK | Attr.STRIKE | Attr.OVERLINE;

/** The grid the painter draws cells on: its origin and a cell's size, in pixels. */
export interface CellGrid {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Pixel rows [top, bottom) that were repainted. */
export interface DirtyBand {
  readonly top: number;
  readonly bottom: number;
}

/**
 * The screen as pixels: window decoration once (again when the program changes the default
 * background), then cells repainted row by row, only for rows that changed.
 */
export class ScreenPainter {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint32Array;
  private readonly glyphs: GlyphCache;
  private readonly decorations = new Map<number, { under: Uint8Array; lines: Uint8Array }>();
  private palette: PaletteOverrides = EMPTY_PALETTE;
  private paintedCursorRow = -1;
  private windowBackground = -1;
  /** Colours that colour glyphs (emoji) produced, and colours that text, lines and fills did. */
  private readonly pictureColors = new Set<number>();
  private readonly drawnColors = new Set<number>();
  private readonly rampsSeen = new Set<Uint32Array>();
  private lastFill = -1;
  /** The keys the overlay shows now (layouts with a keys bar only). */
  private paintedKeys: readonly KeyItem[] = [];

  constructor(private readonly setup: RasterSetup) {
    this.width = setup.layout.width;
    this.height = setup.layout.height;
    this.pixels = new Uint32Array(this.width * this.height);
    this.glyphs = new GlyphCache(setup.fonts, setup);
  }

  /** Where the screen's cells lie in the picture. */
  get cells(): CellGrid {
    const { content } = this.setup.layout;
    return { x: content.x, y: content.y, w: this.setup.cellWidth, h: this.setup.cellHeight };
  }

  /** Paints every row (and the window when its background changed), and the keys overlay when the layout has one. */
  paintScreen(screen: ScreenSnapshot, keys: readonly KeyItem[] = []): DirtyBand[] {
    this.palette = screen.palette;
    const bg = resolveColor(DEFAULT_COLOR, this.setup.theme, this.palette, 'bg');
    if (bg !== this.windowBackground) {
      paintWindow(this.pixels, this.setup.layout, bg, this.setup.fonts.primary, this.setup.transparentBackground, this.setup.alpha);
      this.windowBackground = bg;
      // The window's own shades (corners, outline, title) are never approximated either.
      for (const c of new Set(this.pixels)) this.drawnColors.add(c);
    }
    for (let r = 0; r < this.setup.rows; r++) this.paintRow(screen, r);
    this.paintedCursorRow = this.cursorRow(screen);
    this.paintKeys(keys, true);
    return [{ top: 0, bottom: this.height }];
  }

  /**
   * Repaints what a frame says changed: its changed rows and the rows the cursor left and entered,
   * or everything when the palette changed. Returns the bands of pixel rows repainted, top to bottom.
   */
  paintChanges(
    screen: ScreenSnapshot,
    changedRows: ReadonlySet<number>,
    cursorChanged: boolean,
    paletteChanged: boolean,
    keys: readonly KeyItem[] = [],
  ): DirtyBand[] | undefined {
    if (paletteChanged) return this.paintScreen(screen, keys);
    const keysBand = this.paintKeys(keys);
    const rows = new Set<number>();
    for (const r of changedRows) if (r < this.setup.rows) rows.add(r);
    const cursorRow = this.cursorRow(screen);
    if (cursorChanged || rows.has(this.paintedCursorRow)) {
      if (this.paintedCursorRow >= 0) rows.add(this.paintedCursorRow);
      if (cursorRow >= 0) rows.add(cursorRow);
    }
    if (rows.size === 0) return keysBand && [keysBand];
    this.palette = screen.palette;
    for (const r of rows) this.paintRow(screen, r);
    this.paintedCursorRow = cursorRow;
    const { content } = this.setup.layout;
    const h = this.setup.cellHeight;
    const bands = [...rows].sort((a, b) => a - b).map((r) => ({ top: content.y + r * h, bottom: content.y + (r + 1) * h }));
    // The bar lies below the grid, so its band comes last.
    return keysBand ? [...bands, keysBand] : bands;
  }

  /**
   * Paints the keys overlay's text row when it shows other keys than it does (always after the
   * window was painted, which covers it). Returns the band repainted.
   */
  private paintKeys(keys: readonly KeyItem[], force = false): DirtyBand | undefined {
    const bar = this.setup.layout.keys;
    if (!bar || (!force && sameItems(keys, this.paintedKeys))) return undefined;
    this.paintedKeys = keys;
    const { cellWidth, cellHeight } = this.setup;
    const px = this.pixels;
    const width = this.width;
    const rowWidth = bar.cells * cellWidth;
    for (let y = bar.y; y < bar.y + cellHeight; y++) px.fill(bar.fill, y * width + bar.x, y * width + bar.x + rowWidth);
    this.drawnColors.add(bar.fill);
    for (const cell of keyCells(keys)) {
      if (cell.col + cell.span > bar.cells) break;
      const style: FontStyle = cell.key ? 'bold' : 'regular';
      this.blit(this.glyphs.glyph(cell.text, style, cell.span), bar.x + cell.col * cellWidth, bar.y, cell.key ? bar.accent : bar.text, bar.fill, false);
    }
    return { top: bar.y, bottom: bar.y + cellHeight };
  }

  /**
   * Colours frames will probably use, most likely first: the default background, the default
   * foreground's anti-aliasing ramp, the cursor, then every theme colour's ramp.
   */
  likelyColors(): { first: number[]; rest: number[] } {
    const { theme } = this.setup;
    const bg = resolveColor(DEFAULT_COLOR, theme, this.palette, 'bg');
    const fg = resolveColor(DEFAULT_COLOR, theme, this.palette, 'fg');
    const cursor = cursorColor(theme, this.palette);
    const first = [bg, ...[...ramp(fg, bg)].reverse(), cursor, ...[...ramp(bg, cursor)].reverse()];
    const rest: number[] = [];
    for (let i = 0; i < theme.palette.length; i++) rest.push(...ramp(resolveColor(i, theme, this.palette, 'fg'), bg));
    return { first, rest };
  }

  private cursorRow(screen: ScreenSnapshot): number {
    const c = screen.cursor;
    return this.setup.cursor && c.visible && c.y >= 0 && c.y < Math.min(screen.rows, this.setup.rows) ? c.y : -1;
  }

  private paintRow(screen: ScreenSnapshot, r: number): void {
    const { cols } = this.setup;
    const line = r < screen.rows ? screen.lines[r] : undefined;
    const cells = line?.cells;
    const cursor = screen.cursor;
    let cursorCol = -1;
    if (this.cursorRow(screen) === r) cursorCol = Math.max(0, Math.min(cursor.x, cols - 1, screen.cols - 1));
    for (let c = 0; c < cols; ) {
      const cell = cells !== undefined && c < cells.length ? cells[c]! : undefined;
      const flag = cells !== undefined && c + 1 < cols ? flagAt(cells, c) : undefined;
      const span: 1 | 2 = (cell?.width === 2 || flag !== undefined) && c + 1 < cols ? 2 : 1;
      const hasCursor = cursorCol === c || (span === 2 && cursorCol === c + 1);
      this.paintCell(flag ?? cell, c, r, span, hasCursor ? cursor.shape : undefined);
      c += span;
    }
  }

  /**
   * Whether a colour came only from a colour glyph, so that a GIF may approximate it when a frame
   * has more than 256 colours; undefined while no colour glyph was drawn.
   */
  get approximable(): ((color: number) => boolean) | undefined {
    if (this.pictureColors.size === 0) return undefined;
    return (color) => this.pictureColors.has(color) && !this.drawnColors.has(color);
  }

  /** Characters that no font has, seen so far (each drawn as a box). */
  get missingGlyphs(): ReadonlySet<number> {
    return this.glyphs.missing;
  }

  private paintCell(cell: Cell | undefined, col: number, row: number, span: 1 | 2, cursor: 'block' | 'bar' | 'underline' | undefined): void {
    const { theme, cellWidth, cellHeight, layout, boldIsBright, transparentBackground } = this.setup;
    const x0 = layout.content.x + col * cellWidth;
    const y0 = layout.content.y + row * cellHeight;
    const w = cellWidth * span;
    const width = this.width;
    const px = this.pixels;
    const attrs = cell?.attrs ?? 0;
    let fg: number;
    let bg: number;
    let underline: number;
    let bgIsDefault: boolean;
    if (cell === undefined) {
      fg = resolveColor(DEFAULT_COLOR, theme, this.palette, 'fg');
      bg = resolveColor(DEFAULT_COLOR, theme, this.palette, 'bg');
      underline = fg;
      bgIsDefault = true;
    } else {
      ({ fg, bg, underline, bgIsDefault } = cellColors(cell, theme, this.palette, { boldIsBright }));
    }
    if (cursor === 'block') {
      fg = bg;
      bg = cursorColor(theme, this.palette);
      bgIsDefault = false;
    }
    const clear = transparentBackground && bgIsDefault;
    const fill = clear ? TRANSPARENT : bg;
    if (fill !== this.lastFill) {
      this.drawnColors.add(fill);
      this.lastFill = fill;
    }
    for (let y = 0; y < cellHeight; y++) px.fill(fill, (y0 + y) * width + x0, (y0 + y) * width + x0 + w);

    const text = cell?.text ?? ' ';
    const visible = !(attrs & Attr.INVISIBLE);
    if (visible && text !== ' ' && text !== '') {
      this.blit(this.glyphs.glyph(text, styleOf((attrs & Attr.BOLD) !== 0, (attrs & Attr.ITALIC) !== 0), span), x0, y0, fg, bg, clear);
    }
    if (visible && attrs & DECORATION_BITS) {
      const deco = this.decoration(attrs);
      for (let k = 0; k < span; k++) {
        const x = x0 + k * cellWidth;
        this.blitMask(deco.under, cellWidth, cellHeight, x, y0, ramp(underline, bg, clear, this.setup.alpha));
        this.blitMask(deco.lines, cellWidth, cellHeight, x, y0, ramp(fg, bg, clear, this.setup.alpha));
      }
    }
    if (cursor === 'bar' || cursor === 'underline') {
      const color = cursorColor(theme, this.palette);
      const thick = Math.max(1, Math.round(this.setup.fontPx / 8));
      const [cx, cy, cw, ch] = cursor === 'bar' ? [x0, y0, Math.min(thick, w), cellHeight] : [x0, y0 + cellHeight - thick, w, thick];
      this.drawnColors.add(color);
      for (let y = cy; y < cy + ch; y++) px.fill(color, y * width + cx, y * width + cx + cw);
    }
  }

  private blit(glyph: Glyph, x0: number, y0: number, fg: number, bg: number, clear: boolean): void {
    if (glyph.kind === 'mask') {
      this.blitMask(glyph.mask.data, glyph.mask.w, glyph.mask.h, x0, y0, ramp(fg, bg, clear, this.setup.alpha));
    } else if (glyph.kind === 'color') {
      const { w, h, rgba } = glyph.image;
      const px = this.pixels;
      for (let y = 0; y < h; y++) {
        let o = (y0 + y) * this.width + x0;
        for (let x = 0, i = y * w * 4; x < w; x++, o++, i += 4) {
          const a = rgba[i + 3]!;
          if (a === 0) continue;
          const under = px[o]!;
          const color = (rgba[i]! << 16) | (rgba[i + 1]! << 8) | rgba[i + 2]!;
          const shown = under === TRANSPARENT ? overClear(color, coverageLevel(a), this.setup.alpha) : over(color, a, under);
          px[o] = shown;
          this.pictureColors.add(shown);
        }
      }
    }
  }

  private blitMask(data: Uint8Array, w: number, h: number, x0: number, y0: number, colors: Uint32Array): void {
    if (!this.rampsSeen.has(colors)) {
      this.rampsSeen.add(colors);
      for (const c of colors) this.drawnColors.add(c);
    }
    const px = this.pixels;
    const width = this.width;
    for (let y = 0, i = 0; y < h; y++) {
      let o = (y0 + y) * width + x0;
      for (let x = 0; x < w; x++, i++, o++) {
        const level = data[i]!;
        if (level !== 0) px[o] = colors[level]!;
      }
    }
  }

  /** Underline, strikethrough and overline masks for one cell, by attribute bits. */
  private decoration(attrs: number): { under: Uint8Array; lines: Uint8Array } {
    const key = attrs & DECORATION_BITS;
    let d = this.decorations.get(key);
    if (d) return d;
    const { cellWidth: w, cellHeight: h, lineThickness: t, underlineTop, strikeTop } = this.setup;
    const under = new Uint8Array(w * h);
    const lines = new Uint8Array(w * h);
    const FULL = COVERAGE_LEVELS;
    const bar = (mask: Uint8Array, top: number, from = 0, to = w): void => {
      for (let y = Math.max(0, top); y < Math.min(h, top + t); y++) mask.fill(FULL, y * w + from, y * w + to);
    };
    const style = underlineStyle(attrs);
    switch (style) {
      case UnderlineStyle.None:
        break;
      case UnderlineStyle.Double: {
        const top = Math.min(underlineTop, h - 3 * t);
        bar(under, top);
        bar(under, top + 2 * t);
        break;
      }
      case UnderlineStyle.Curly: {
        // One wave per cell, so neighbouring cells continue it.
        const amplitude = Math.max(1, Math.round(t * 1.5));
        const top = Math.min(underlineTop, h - amplitude - t);
        for (let x = 0; x < w; x++) {
          const y = top + Math.round((amplitude * (1 - Math.cos((2 * Math.PI * (x + 0.5)) / w))) / 2) - Math.floor(amplitude / 2);
          for (let yy = Math.max(0, y); yy < Math.min(h, y + t); yy++) under[yy * w + x] = FULL;
        }
        break;
      }
      case UnderlineStyle.Dotted:
        for (let x = 0; x < w; x += 2 * t) bar(under, underlineTop, x, Math.min(w, x + t));
        break;
      case UnderlineStyle.Dashed:
        bar(under, underlineTop, Math.round(w * 0.15), Math.round(w * 0.85));
        break;
      default:
        bar(under, underlineTop);
    }
    if (attrs & Attr.STRIKE) bar(lines, strikeTop);
    if (attrs & Attr.OVERLINE) bar(lines, 0);
    d = { under, lines };
    this.decorations.set(key, d);
    return d;
  }
}

/** The one warning about characters no font has, once the painter has seen every screen. */
export function warnMissingGlyphs(painter: ScreenPainter, options: { readonly onWarning?: (message: string) => void }): void {
  const warning = missingGlyphsWarning(painter.missingGlyphs);
  if (warning !== undefined) options.onWarning?.(warning);
}
