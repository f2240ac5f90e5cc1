import { describe, expect, test } from 'vitest';
import { resolveRaster, type RasterOptions } from '../../src/raster/options.js';
import { TRANSPARENT } from '../../src/raster/pixels.js';
import { ScreenPainter } from '../../src/raster/screen-painter.js';
import { Attr, type ScreenSnapshot } from '../../src/term/cell.js';
import { getTheme } from '../../src/theme/index.js';
import { cell, row, screen, styledRow } from './screen-builder.js';

const theme = getTheme('dracula');
const COLS = 12;
const ROWS = 3;
const info = { cols: COLS, rows: ROWS, title: '', loop: 0 };

function paint(s: ScreenSnapshot, options: RasterOptions = {}) {
  const setup = resolveRaster(info, { theme, ...options });
  const painter = new ScreenPainter(setup);
  painter.paintScreen(s);
  const { content } = setup.layout;
  /** The pixel at (dx, dy) inside cell (col, row). */
  const at = (col: number, r: number, dx: number, dy: number): number =>
    painter.pixels[(content.y + r * setup.cellHeight + dy) * painter.width + content.x + col * setup.cellWidth + dx]!;
  /** All pixels of a run of cells. */
  const cells = (col: number, r: number, span = 1): number[] => {
    const out: number[] = [];
    for (let dy = 0; dy < setup.cellHeight; dy++) for (let dx = 0; dx < setup.cellWidth * span; dx++) out.push(at(col, r, dx, dy));
    return out;
  };
  return { setup, painter, at, cells };
}

const noCursor = { visible: false };

describe('ScreenPainter geometry', () => {
  test('default cells are 8x20 px at 14 px and 1.4 line height; scale 2 doubles them', () => {
    const one = paint(screen({ cols: COLS, rows: ROWS, cursor: noCursor }));
    expect([one.setup.cellWidth, one.setup.cellHeight]).toEqual([8, 20]);
    // Padding 16 px each side, title bar of round(20 * 1.9) = 38 px and 12 px padding top and bottom.
    expect([one.painter.width, one.painter.height]).toEqual([COLS * 8 + 32, 38 + 24 + ROWS * 20]);
    const two = paint(screen({ cols: COLS, rows: ROWS, cursor: noCursor }), { scale: 2 });
    expect([two.setup.cellWidth, two.setup.cellHeight]).toEqual([16, 40]);
    // The whole picture, window included, exactly twice as large: a HiDPI image at half size lines up.
    expect([two.painter.width, two.painter.height]).toEqual([2 * one.painter.width, 2 * one.painter.height]);
    expect(two.setup.layout.content).toEqual({
      x: 2 * one.setup.layout.content.x,
      y: 2 * one.setup.layout.content.y,
      width: 2 * one.setup.layout.content.width,
      height: 2 * one.setup.layout.content.height,
    });
    const three = paint(screen({ cols: COLS, rows: ROWS, cursor: noCursor }), { scale: 3, window: 'colorful', title: 'three' });
    const oneTitled = paint(screen({ cols: COLS, rows: ROWS, cursor: noCursor }), { window: 'colorful', title: 'three' });
    const circles = (p: typeof one) => p.setup.layout.shapes.filter((sh) => sh.kind === 'circle');
    expect(circles(three)).toEqual(circles(oneTitled).map((c) => (c.kind === 'circle' ? { ...c, cx: 3 * c.cx, cy: 3 * c.cy, r: 3 * c.r } : c)));
  });
});

describe('ScreenPainter cells', () => {
  test('backgrounds fill exactly their cells', () => {
    const s = screen({ cols: COLS, rows: ROWS, lines: [styledRow(COLS, [[' ', {}], ['  ', { bg: 1 }]])], cursor: noCursor });
    const { cells, at } = paint(s);
    expect(new Set(cells(1, 0, 2))).toEqual(new Set([theme.palette[1]]));
    expect(new Set(cells(0, 0))).toEqual(new Set([theme.background]));
    expect(at(3, 0, 0, 0)).toBe(theme.background);
  });

  test('a wide character spans its two cells and never paints the next one', () => {
    const wide = paint(screen({ cols: COLS, rows: ROWS, lines: ['世界x'], cursor: noCursor }));
    const plain = paint(screen({ cols: COLS, rows: ROWS, lines: ['    x'], cursor: noCursor }));
    // Ink in both halves of 世.
    expect(wide.cells(0, 0).some((p) => p !== theme.background)).toBe(true);
    expect(wide.cells(1, 0).some((p) => p !== theme.background)).toBe(true);
    // Everything from column 4 on is as if there were no wide characters.
    for (let col = 4; col < COLS; col++) expect(wide.cells(col, 0)).toEqual(plain.cells(col, 0));
  });

  test('a character no font has becomes an outlined box in the foreground colour', () => {
    const { cells, setup, at } = paint(screen({ cols: COLS, rows: ROWS, lines: ['\u{10fffd}'], cursor: noCursor }));
    expect(cells(0, 0)).toContain(theme.foreground);
    // The box's inside stays background.
    expect(at(0, 0, Math.floor(setup.cellWidth / 2), setup.baseline - 4)).toBe(theme.background);
  });

  test('bold text in colours 0-7 uses the bright colour unless told otherwise', () => {
    const s = screen({ cols: COLS, rows: ROWS, lines: [styledRow(COLS, [['█', { fg: 1, attrs: Attr.BOLD }]])], cursor: noCursor });
    expect(paint(s).at(0, 0, 4, 10)).toBe(theme.palette[9]);
    expect(paint(s, { boldIsBright: false }).at(0, 0, 4, 10)).toBe(theme.palette[1]);
  });

  test('inverse swaps the colours; invisible text shows only its background', () => {
    const s = screen({
      cols: COLS,
      rows: ROWS,
      lines: [styledRow(COLS, [['█', { fg: 2, attrs: Attr.INVERSE }], ['█', { fg: 2, bg: 4, attrs: Attr.INVISIBLE }]])],
      cursor: noCursor,
    });
    const { at, cells } = paint(s);
    expect(at(0, 0, 4, 10)).toBe(theme.background);
    expect(new Set(cells(1, 0))).toEqual(new Set([theme.palette[4]]));
  });

  test('underline, strikethrough and overline are lines across the whole cell', () => {
    const s = screen({
      cols: COLS,
      rows: ROWS,
      lines: [styledRow(COLS, [[' ', { attrs: 1 << Attr.UNDERLINE_SHIFT, ulColor: 0x1000000 | 0xff0000 }], [' ', { attrs: Attr.STRIKE }], [' ', { attrs: Attr.OVERLINE }]])],
      cursor: noCursor,
    });
    const { at, setup } = paint(s);
    for (let dx = 0; dx < 8; dx++) {
      expect(at(0, 0, dx, setup.underlineTop)).toBe(0xff0000);
      expect(at(1, 0, dx, setup.strikeTop)).toBe(theme.foreground);
      expect(at(2, 0, dx, 0)).toBe(theme.foreground);
    }
  });

  test('colour emoji by default, and from a colour font the user gives', () => {
    const s = screen({ cols: COLS, rows: ROWS, lines: [{ cells: [cell('😀', {}, 2), cell('', {}, 0), ...row('', COLS - 2).cells] }], cursor: noCursor });
    const isColourful = (p: number): boolean => p !== TRANSPARENT && Math.abs((p >> 16) - (p & 0xff)) > 60;
    const bundled = paint(s).cells(0, 0, 2);
    expect(bundled.filter(isColourful).length).toBeGreaterThan(20);
    // A user's emoji font comes before the bundled one: Debian's has 136 px bitmaps, ours 48 px.
    const given = paint(s, { fontFiles: { fallbacks: ['/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf'] } }).cells(0, 0, 2);
    expect(given.filter(isColourful).length).toBeGreaterThan(20);
    expect(given).not.toEqual(bundled);
    // A symbol the terminal made two cells wide is shown as its emoji too; one cell wide, as text.
    const wide = screen({ cols: COLS, rows: ROWS, lines: [{ cells: [cell('⚡', {}, 2), cell('', {}, 0), ...row('', COLS - 2).cells] }], cursor: noCursor });
    expect(paint(wide).cells(0, 0, 2).filter(isColourful).length).toBeGreaterThan(20);
    const narrow = screen({ cols: COLS, rows: ROWS, lines: ['⚡'], cursor: noCursor });
    expect(paint(narrow).cells(0, 0).filter(isColourful)).toEqual([]);
  });
});

describe('ScreenPainter cursor', () => {
  const at = (shape: 'block' | 'bar' | 'underline', options: RasterOptions = {}, visible = true) =>
    paint(screen({ cols: COLS, rows: ROWS, lines: [''], cursor: { x: 2, y: 1, shape, visible } }), options);
  const cursor = theme.cursor ?? theme.foreground;

  test('block fills the cell', () => {
    expect(new Set(at('block').cells(2, 1))).toEqual(new Set([cursor]));
  });

  test('bar is a line at the left, underline a line at the bottom', () => {
    const bar = at('bar');
    expect(bar.at(2, 1, 0, 10)).toBe(cursor);
    expect(bar.at(2, 1, 7, 10)).toBe(theme.background);
    const under = at('underline');
    expect(under.at(2, 1, 4, 19)).toBe(cursor);
    expect(under.at(2, 1, 4, 0)).toBe(theme.background);
  });

  test('hidden by the program or by the option, it is not drawn', () => {
    expect(new Set(at('block', {}, false).cells(2, 1))).toEqual(new Set([theme.background]));
    expect(new Set(at('block', { cursor: false }).cells(2, 1))).toEqual(new Set([theme.background]));
  });
});

describe('ScreenPainter window and palette', () => {
  test('a transparent background leaves default-background cells and the corners clear', () => {
    const s = screen({ cols: COLS, rows: ROWS, lines: [styledRow(COLS, [[' ', {}], [' ', { bg: 1 }]])], cursor: noCursor });
    const { at, painter } = paint(s, { transparentBackground: true });
    expect(at(0, 0, 4, 10)).toBe(TRANSPARENT);
    expect(at(1, 0, 4, 10)).toBe(theme.palette[1]);
    expect(painter.pixels[0]).toBe(TRANSPARENT);
  });

  test('a busy screen stays within a 256-colour palette', () => {
    const lines = [
      styledRow(COLS, [['ab', { fg: 1 }], ['cd', { fg: 2, attrs: Attr.BOLD }], ['ef', { fg: 3, attrs: Attr.ITALIC }], ['gh', { fg: 4, bg: 7 }], ['ij', { fg: 5 }], ['k', { fg: 6 }]]),
      row('┌─┬─┐ ░▒▓ ⣿⡇', COLS),
      row('$ ls -la 中文', COLS),
    ];
    const { painter } = paint(screen({ cols: COLS, rows: ROWS, lines, cursor: { x: 3, y: 2 } }), { title: 'colours' });
    expect(new Set(painter.pixels).size).toBeLessThanOrEqual(256);
  });

  test('paintChanges repaints only the rows it is told about and returns their bands', () => {
    const a = screen({ cols: COLS, rows: ROWS, lines: ['one', 'two', 'six'], cursor: noCursor });
    const b = screen({ cols: COLS, rows: ROWS, lines: ['one', 'TWO', 'SIX'], cursor: noCursor });
    const { painter, setup } = paint(a);
    const band = painter.paintChanges(b, new Set([1]), false, false);
    expect(band).toEqual([{ top: setup.layout.content.y + 20, bottom: setup.layout.content.y + 40 }]);
    const expected = paint(screen({ cols: COLS, rows: ROWS, lines: ['one', 'TWO', 'six'], cursor: noCursor }));
    expect(painter.pixels).toEqual(expected.painter.pixels);
    expect(painter.paintChanges(b, new Set(), false, false)).toBeUndefined();
  });
});
