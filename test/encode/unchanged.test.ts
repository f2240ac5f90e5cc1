import { describe, expect, it } from 'vitest';
import { translucent } from '../../src/raster/pixels.js';
import { unchangedMasks } from '../../src/encode/unchanged.js';

// A 6x2 picture on a grid of 3x2 cells from (0,0): two cells side by side.
const WIDTH = 6;
const RECT = { x: 0, y: 0, w: 6, h: 2 };
const CELLS = { x: 0, y: 0, w: 3, h: 2 };
const HALF_RED = translucent(0xff0000, 128);
const shown = Uint32Array.of(1, 2, HALF_RED, 4, 5, 6, 7, 8, 9, 10, 11, 12);
// One pixel of the left cell changed (the 2 at x=1), the right cell as shown.
const pixels = Uint32Array.of(1, 99, HALF_RED, 4, 5, 6, 7, 8, 9, 10, 11, 12);
const change = { rect: { x: 1, y: 0, w: 1, h: 1 }, cleared: undefined, rowChanged: new Uint8Array(2), pixels, shown, cells: CELLS };

describe('unchangedMasks', () => {
  it('by pixel: every pixel equal to the shown one', () => {
    expect([...unchangedMasks(change, WIDTH, RECT).byPixel]).toEqual([1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('by cell: only the cells with nothing changed, and the pixels not opaque in a changed one', () => {
    expect([...unchangedMasks(change, WIDTH, RECT).byCell]).toEqual([0, 0, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1]);
  });

  it('cells counted from the grid origin, not from the rectangle', () => {
    // From x=1 the left cell is x 1..2 of the picture (rect columns 0..1), the right one x 3..5.
    const rect = { x: 1, y: 0, w: 5, h: 2 };
    expect([...unchangedMasks(change, WIDTH, rect).byCell]).toEqual([0, 1, 1, 1, 1, 0, 0, 1, 1, 1]);
  });
});
