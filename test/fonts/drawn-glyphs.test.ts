import { describe, expect, test } from 'vitest';
import { drawnGlyph, isDrawnGlyph, type DrawnPrimitive } from '../../src/fonts/drawn-glyphs.js';

const SIZES = [
  { width: 8, height: 20 },
  { width: 9, height: 17 },
  { width: 17, height: 39 },
  { width: 10, height: 24, lineWidth: 2 },
];

/** Rectangles only (what box junctions, blocks and Braille are made of) as a coverage grid. */
function grid(primitives: readonly DrawnPrimitive[], w: number, h: number): Uint8Array {
  const g = new Uint8Array(w * h);
  for (const p of primitives) {
    if (p.kind !== 'rect') throw new Error(`unexpected ${p.kind}`);
    for (let y = p.y; y < p.y + p.h; y++) for (let x = p.x; x < p.x + p.w; x++) g[y * w + x] = 1;
  }
  return g;
}

const column = (g: Uint8Array, w: number, h: number, x: number): string =>
  Array.from({ length: h }, (_, y) => g[y * w + x]).join('');
const line = (g: Uint8Array, w: number, y: number): string => Array.from(g.subarray(y * w, (y + 1) * w)).join('');

const glyphGrid = (ch: string, size: (typeof SIZES)[number]): Uint8Array =>
  grid(drawnGlyph(ch.codePointAt(0)!, size)!, size.width, size.height);

/** Characters with arms, by the weight of their right/left/down/up arm (from the Unicode names). */
const RIGHT: Record<string, string> = { light: '─┌└├┬┴┼╶╾┎┖┟┠┰┸╀╁╂', heavy: '━┍┕┝┮┶┾╺╼┏┗┣┳┻╋', double: '═╒╔╘╚╞╠╤╦╧╩╪╬' };
const LEFT: Record<string, string> = { light: '─┐┘┤┬┴┼╴╼┒┚┦┧┨┰┸╀╁╂', heavy: '━┑┙┥┭┵┽╸╾┓┛┫┳┻╋', double: '═╕╗╛╝╡╣╤╦╧╩╪╬' };
const DOWN: Record<string, string> = { light: '│┌┐├┤┬┼╷╿┍┑┝┥┯┿', heavy: '┃┎┒┠┨┰╂╻╽┏┓┣┫┳╋', double: '║╓╔╖╗╟╠╢╣╥╦╫╬' };
const UP: Record<string, string> = { light: '│└┘├┤┴┼╵╽┕┙┝┥┷┿', heavy: '┃┖┚┠┨┸╂╹╿┗┛┣┫┻╋', double: '║╙╚╜╝╟╠╢╣╨╩╫╬' };

describe('drawn box drawing', () => {
  test.each(SIZES)('every arm meets its neighbour cell edge exactly like the plain line of its weight (%o)', (size) => {
    const { width: w, height: h } = size;
    for (const [weight, plainH, plainV] of [['light', '─', '│'], ['heavy', '━', '┃'], ['double', '═', '║']] as const) {
      const h0 = glyphGrid(plainH, size);
      const v0 = glyphGrid(plainV, size);
      for (const ch of RIGHT[weight]!) expect(column(glyphGrid(ch, size), w, h, w - 1), `${ch} right edge`).toBe(column(h0, w, h, w - 1));
      for (const ch of LEFT[weight]!) expect(column(glyphGrid(ch, size), w, h, 0), `${ch} left edge`).toBe(column(h0, w, h, 0));
      for (const ch of DOWN[weight]!) expect(line(glyphGrid(ch, size), w, h - 1), `${ch} bottom edge`).toBe(line(v0, w, 0));
      for (const ch of UP[weight]!) expect(line(glyphGrid(ch, size), w, 0), `${ch} top edge`).toBe(line(v0, w, 0));
    }
  });

  test.each(SIZES)('edges without an arm stay empty (%o)', (size) => {
    const { width: w, height: h } = size;
    const empty = (n: number): string => '0'.repeat(n);
    expect(column(glyphGrid('┌', size), w, h, 0)).toBe(empty(h));
    expect(line(glyphGrid('┌', size), w, 0)).toBe(empty(w));
    expect(column(glyphGrid('╝', size), w, h, w - 1)).toBe(empty(h));
    expect(line(glyphGrid('╝', size), w, h - 1)).toBe(empty(w));
    expect(column(glyphGrid('╴', size), w, h, w - 1)).toBe(empty(h));
  });

  test('heavy lines are twice as thick as light ones, double lines are two light lines with a gap', () => {
    const size = { width: 10, height: 20, lineWidth: 2 };
    const count = (s: string, c: string): number => [...s].filter((x) => x === c).length;
    expect(count(column(glyphGrid('─', size), 10, 20, 0), '1')).toBe(2);
    expect(count(column(glyphGrid('━', size), 10, 20, 0), '1')).toBe(4);
    expect(column(glyphGrid('═', size), 10, 20, 0)).toMatch(/^0+1100110+$/);
  });

  test('the double corner keeps its inside clear: ╔ has no ink in the square inside both lines', () => {
    const size = { width: 9, height: 17 };
    const g = glyphGrid('╔', size);
    // Light line 1 px: lines at x=3 and x=5, y=7 and y=9; the inner corner starts at (5, 9).
    expect(g[8 * 9 + 4]).toBe(0);
    expect(g[9 * 9 + 4]).toBe(0);
    expect(g[7 * 9 + 8]).toBe(1);
    expect(g[16 * 9 + 3]).toBe(1);
  });

  test('dashed lines have gaps and stay on the centre line', () => {
    const size = { width: 12, height: 20 };
    const row = line(glyphGrid('┄', size), 12, 9);
    expect(row).toContain('0');
    expect(row.match(/1+/g)).toHaveLength(3);
  });

  test('rounded corners and diagonals use arcs and strokes that reach the cell edges', () => {
    const arc = drawnGlyph(0x256d, { width: 8, height: 20 })!;
    expect(arc.some((p) => p.kind === 'arc')).toBe(true);
    const rect = arc.find((p) => p.kind === 'rect' && p.y + p.h === 20);
    expect(rect).toBeDefined();
    const cross = drawnGlyph(0x2573, { width: 8, height: 20 })!;
    expect(cross).toEqual([
      { kind: 'polyline', points: [[8, 0], [0, 20]], width: 1 },
      { kind: 'polyline', points: [[0, 0], [8, 20]], width: 1 },
    ]);
  });
});

describe('drawn block elements', () => {
  test.each(SIZES)('upper and lower halves tile the cell without overlap (%o)', (size) => {
    const { width: w, height: h } = size;
    const upper = glyphGrid('▀', size);
    const lower = glyphGrid('▄', size);
    for (let i = 0; i < w * h; i++) expect(upper[i]! + lower[i]!).toBe(1);
    expect(glyphGrid('█', size).every((v) => v === 1)).toBe(true);
  });

  test('eighths grow by about an eighth of the cell', () => {
    const size = { width: 8, height: 16 };
    const area = (ch: string): number => glyphGrid(ch, size).reduce((a, b) => a + b, 0);
    expect([...'▁▂▃▄▅▆▇█'].map(area)).toEqual([16, 32, 48, 64, 80, 96, 112, 128]);
    expect([...'▏▎▍▌▋▊▉'].map(area)).toEqual([16, 32, 48, 64, 80, 96, 112]);
  });

  test('quadrants match their names and shades carry opacity', () => {
    const size = { width: 8, height: 16 };
    const g = glyphGrid('▚', size);
    expect([g[0], g[7], g[15 * 8], g[15 * 8 + 7]]).toEqual([1, 0, 0, 1]);
    expect(drawnGlyph(0x2592, size)).toEqual([{ kind: 'rect', x: 0, y: 0, w: 8, h: 16, opacity: 0.5 }]);
  });
});

describe('drawn Braille and Powerline', () => {
  test('⣿ has eight separate dots inside the cell; U+2800 has none', () => {
    const dots = drawnGlyph(0x28ff, { width: 9, height: 20 })!;
    expect(dots).toHaveLength(8);
    const g = grid(dots, 9, 20);
    expect(g.reduce((a, b) => a + b, 0)).toBe(dots.reduce((a, p) => a + (p.kind === 'rect' ? p.w * p.h : 0), 0));
    expect(drawnGlyph(0x2800, { width: 9, height: 20 })).toEqual([]);
  });

  test('dot 1 is top left, dot 8 bottom right', () => {
    const [one] = drawnGlyph(0x2801, { width: 8, height: 16 })!;
    const [eight] = drawnGlyph(0x2880, { width: 8, height: 16 })!;
    expect(one).toMatchObject({ kind: 'rect', x: 1, y: 1 });
    expect(eight).toMatchObject({ kind: 'rect', x: 5, y: 13 });
  });

  test('the solid separators are triangles spanning the whole cell', () => {
    expect(drawnGlyph(0xe0b0, { width: 8, height: 20 })).toEqual([{ kind: 'polygon', points: [[0, 0], [8, 10], [0, 20]] }]);
    expect(drawnGlyph(0xe0b2, { width: 8, height: 20 })).toEqual([{ kind: 'polygon', points: [[8, 0], [0, 10], [8, 20]] }]);
    expect(drawnGlyph(0xe0b1, { width: 8, height: 20 })![0]!.kind).toBe('polyline');
  });

  test('the rounded and slanted separators fill the right parts of the cell', () => {
    const right = drawnGlyph(0xe0b4, { width: 8, height: 20 })![0]!;
    expect(right.kind).toBe('polygon');
    const xs = right.kind === 'polygon' ? right.points.map(([x]) => x) : [];
    expect(Math.min(...xs)).toBeCloseTo(0);
    expect(Math.max(...xs)).toBeCloseTo(8);
    expect(drawnGlyph(0xe0b8, { width: 8, height: 20 })).toEqual([{ kind: 'polygon', points: [[0, 0], [8, 20], [0, 20]] }]);
    expect(drawnGlyph(0xe0be, { width: 8, height: 20 })).toEqual([{ kind: 'polygon', points: [[0, 0], [8, 0], [8, 20]] }]);
  });

  test('only these ranges are drawn', () => {
    for (const cp of [0x2500, 0x257f, 0x2580, 0x259f, 0x2800, 0x28ff, 0xe0b0, 0xe0bf, 0x1fb00, 0x1fb3b]) expect(isDrawnGlyph(cp)).toBe(true);
    for (const cp of [0x24ff, 0x25a0, 0x27ff, 0x2900, 0xe0af, 0xe0c0, 0x1fb3c, 0x41]) {
      expect(isDrawnGlyph(cp)).toBe(false);
      expect(drawnGlyph(cp, { width: 8, height: 16 })).toBeUndefined();
    }
  });
});

describe('drawn sextants', () => {
  const size = { width: 8, height: 21 };
  /** Which of the six cells (upper left, upper right, middle left ... lower right) are filled. */
  const cellsOf = (cp: number): number[] => {
    const g = grid(drawnGlyph(cp, size)!, 8, 21);
    return [0, 1, 2, 3, 4, 5].filter((i) => g[(Math.floor(i / 2) * 7 + 3) * 8 + (i % 2) * 4 + 2] === 1);
  };

  test('the first, the skipped halves and the last follow the Unicode order', () => {
    expect(cellsOf(0x1fb00)).toEqual([0]); // BLOCK SEXTANT-1
    expect(cellsOf(0x1fb01)).toEqual([1]); // SEXTANT-2
    expect(cellsOf(0x1fb02)).toEqual([0, 1]); // SEXTANT-12
    expect(cellsOf(0x1fb13)).toEqual([2, 4]); // SEXTANT-35
    // SEXTANT-135 (the left half) is ▌, so U+1FB14 is SEXTANT-235.
    expect(cellsOf(0x1fb14)).toEqual([1, 2, 4]);
    expect(cellsOf(0x1fb27)).toEqual([0, 3, 5]); // SEXTANT-146
    // SEXTANT-246 (the right half) is ▐: U+1FB28 is SEXTANT-1246.
    expect(cellsOf(0x1fb28)).toEqual([0, 1, 3, 5]);
    expect(cellsOf(0x1fb3b)).toEqual([1, 2, 3, 4, 5]); // SEXTANT-23456
  });

  test('SEXTANT-1 and SEXTANT-23456 tile the cell', () => {
    const full = grid(drawnGlyph(0x1fb3b, size)!, 8, 21);
    const first = grid(drawnGlyph(0x1fb00, size)!, 8, 21);
    for (let i = 0; i < full.length; i++) expect(full[i]! + first[i]!).toBe(1);
  });
});
