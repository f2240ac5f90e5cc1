import { describe, expect, it } from 'vitest';
import { getTheme, type RenderLook } from '../../src/theme/index.js';
import { gridGeometry } from '../../src/theme/grid-geometry.js';

/**
 * The one computation of cells and window that the raster and the SVG both draw. Metrics are the
 * bundled JetBrains Mono's (1000 units per em, ascender 1020, descender -300, advance 0.6 em).
 */
const theme = getTheme('asciinema');
const METRICS = { unitsPerEm: 1000, ascender: 1020, descender: -300 };
const recording = { cols: 12, rows: 4, title: 'geometry check' };
const grid = (look: RenderLook, advance = 0.6) => gridGeometry({ theme, ...look }, recording, METRICS, () => advance);

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });

/** [name, look, cell size, baseline, image size, window box, content box] */
const cases: [string, RenderLook, [number, number], number, [number, number], ReturnType<typeof box>, ReturnType<typeof box>][] = [
  ['defaults', {}, [8, 20], 15, [128, 142], box(0, 0, 128, 142), box(16, 50, 96, 80)],
  ['scale 2', { scale: 2 }, [16, 40], 30, [256, 284], box(0, 0, 256, 284), box(32, 100, 192, 160)],
  ['font size 17, line height 1.25', { fontSize: 17, lineHeight: 1.25 }, [10, 21], 17, [152, 148], box(0, 0, 152, 148), box(16, 52, 120, 84)],
  ['letter spacing 1.5, scale 2', { letterSpacing: 1.5, scale: 2 }, [20, 40], 30, [304, 284], box(0, 0, 304, 284), box(32, 100, 240, 160)],
  ['padding, margin colour, no window', { padding: [5, 30], margin: 9, marginColor: 0xffffff, window: 'none' }, [8, 20], 15, [174, 108], box(9, 9, 156, 90), box(39, 14, 96, 80)],
  ['rings, radius 0, odd font', { window: 'rings', borderRadius: 0, fontSize: 13, lineHeight: 1.5 }, [8, 20], 15, [128, 142], box(0, 0, 128, 142), box(16, 50, 96, 80)],
  ['plain window, shadow, scale 3', { window: 'plain', shadow: true, marginColor: 0xeeeeee, scale: 3 }, [24, 60], 45, [636, 678], box(126, 126, 384, 426), box(174, 276, 288, 240)],
  ['colorful-right, margin, letter spacing -0.3', { window: 'colorful-right', margin: 20, letterSpacing: -0.3, fontSize: 20 }, [12, 28], 21, [216, 229], box(20, 20, 176, 189), box(36, 85, 144, 112)],
  ['font 20, letter spacing -0.5: a cell width of exactly 11.5 px, rounded up', { fontSize: 20, letterSpacing: -0.5 }, [12, 28], 21, [176, 189], box(0, 0, 176, 189), box(16, 65, 144, 112)],
  ['no border', { border: false }, [8, 20], 15, [128, 142], box(0, 0, 128, 142), box(16, 50, 96, 80)],
];

describe('gridGeometry', () => {
  it.each(cases)('%s: cells, baseline, image, window and content box', (_name, look, cell, baseline, size, window, content) => {
    const g = grid(look);
    expect([g.cellWidth, g.cellHeight]).toEqual(cell);
    expect(g.baseline).toBe(baseline);
    expect([g.layout.width, g.layout.height]).toEqual(size);
    expect(g.layout.window).toEqual(window);
    expect(g.layout.content).toEqual(content);
    // The grid fills the content box exactly.
    expect([g.cols * g.cellWidth, g.rows * g.cellHeight]).toEqual([content.width, content.height]);
  });

  it('uses whole-pixel cells, scale 2 exactly twice scale 1, whatever the font size', () => {
    for (const fontSize of [11, 13, 14, 17, 20]) {
      const one = grid({ fontSize });
      const two = grid({ fontSize, scale: 2 });
      expect([two.cellWidth, two.cellHeight]).toEqual([2 * one.cellWidth, 2 * one.cellHeight]);
      expect(Number.isInteger(one.cellWidth) && Number.isInteger(one.cellHeight)).toBe(true);
    }
  });

  it('takes the advance at the size drawn, in output px', () => {
    const sizes: number[] = [];
    gridGeometry({ theme, fontSize: 15, scale: 2 }, recording, METRICS, (fontPx) => (sizes.push(fontPx), 0.6));
    expect(sizes).toEqual([30]);
    // A wider font gives wider cells: 14 px at 0.75 em is 10.5, rounded to 11.
    expect(grid({}, 0.75).cellWidth).toBe(11);
  });

  it('applies the look defaults and never lays out fewer than one column and row', () => {
    const g = gridGeometry({}, { cols: 0, rows: 0, title: '' }, METRICS, () => 0.6);
    expect(g.theme).toEqual(getTheme('asciinema'));
    expect([g.cols, g.rows, g.scale, g.fontPx]).toEqual([1, 1, 1, 14]);
    expect([g.boldIsBright, g.cursor, g.transparentBackground]).toEqual([true, true, false]);
    expect(g.em(500)).toBe(7);
  });

  it('lays out the same window in another theme, with that theme\'s colours', () => {
    const g = grid({ title: 'dark' });
    const dark = g.layoutIn(getTheme('dracula'));
    expect([dark.width, dark.height, dark.window, dark.content]).toEqual([g.layout.width, g.layout.height, g.layout.window, g.layout.content]);
    const body = (shapes: typeof dark.shapes) => shapes.find((s) => s.kind === 'rect' && s.themeBackground);
    expect(body(dark.shapes)).toMatchObject({ fill: getTheme('dracula').background });
    expect(body(g.layout.shapes)).toMatchObject({ fill: theme.background });
  });
});
