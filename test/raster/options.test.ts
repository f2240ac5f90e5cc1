import { describe, expect, test } from 'vitest';
import { resolveRaster } from '../../src/raster/options.js';

const info = { cols: 10, rows: 2, title: '', loop: 0 };

describe('the raster grid, from the font the canvas measures', () => {
  test('the bundled font at 14 px: 8 x 20 px cells, twice that at scale 2', () => {
    const one = resolveRaster(info, {});
    const two = resolveRaster(info, { scale: 2 });
    expect([one.cellWidth, one.cellHeight, one.baseline]).toEqual([8, 20, 15]);
    expect([two.cellWidth, two.cellHeight, two.baseline]).toEqual([16, 40, 30]);
  });

  test('a measured advance of 0.59999924 em counts as 0.6: 20 px with letter spacing -0.5 is a 12 px cell, not 11', () => {
    expect(resolveRaster(info, { fontSize: 20, letterSpacing: -0.5 }).cellWidth).toBe(12);
  });

  test('lines in whole pixels inside the cell: 1 px at 14 px, underline below the baseline, strikethrough above', () => {
    const setup = resolveRaster(info, {});
    expect([setup.lineThickness, setup.underlineTop, setup.strikeTop]).toEqual([1, 17, 10]);
    expect(resolveRaster(info, { scale: 3 }).lineThickness).toBe(2);
  });
});
