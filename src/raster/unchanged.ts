import type { PictureChange, Rect } from './change-sequencer.js';
import { TRANSPARENT } from './pixels.js';

/** The grid the painter draws cells on: its origin and a cell's size, in pixels. */
export interface CellGrid {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * Per pixel of `rect`, row by row: 1 where a frame blended over the picture may leave the pixel
 * transparent, the viewer showing it already. By pixel: every pixel equal to the shown one. By
 * cell: only those in cells of the grid with no pixel changed (antialiased text redrawn in other
 * colours changes scattered pixels of each cell; a changed cell left whole keeps the glyph shapes
 * the encoder finds again elsewhere, and a clean cell-sized hole is cheap). Pixels not opaque are
 * left by cell too: drawn over themselves they would not stay the same.
 */
export function unchangedMask(change: PictureChange, width: number, rect: Rect, by: 'pixel' | 'cell'): Uint8Array {
  const { pixels, shown } = change;
  const mask = new Uint8Array(rect.w * rect.h);
  for (let y = 0, o = 0; y < rect.h; y++) {
    const row = (rect.y + y) * width + rect.x;
    for (let x = 0; x < rect.w; x++, o++) if (pixels[row + x] === shown[row + x]) mask[o] = 1;
  }
  if (by === 'pixel') return mask;
  const { cells } = change;
  const col = (x: number): number => Math.floor((x - cells.x) / cells.w);
  const line = (y: number): number => Math.floor((y - cells.y) / cells.h);
  const col0 = col(rect.x);
  const line0 = line(rect.y);
  const cols = col(rect.x + rect.w - 1) - col0 + 1;
  const changedCells = new Uint8Array(cols * (line(rect.y + rect.h - 1) - line0 + 1));
  const colOf = Int32Array.from({ length: rect.w }, (_, x) => col(rect.x + x) - col0);
  for (let y = 0, o = 0; y < rect.h; y++) {
    const first = (line(rect.y + y) - line0) * cols;
    for (let x = 0; x < rect.w; x++, o++) if (!mask[o]) changedCells[first + colOf[x]!] = 1;
  }
  for (let y = 0, o = 0; y < rect.h; y++) {
    const first = (line(rect.y + y) - line0) * cols;
    const row = (rect.y + y) * width + rect.x;
    for (let x = 0; x < rect.w; x++, o++) {
      if (mask[o] && changedCells[first + colOf[x]!] && pixels[row + x]! < TRANSPARENT) mask[o] = 0;
    }
  }
  return mask;
}
