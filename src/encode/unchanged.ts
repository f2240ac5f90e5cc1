import type { PictureChange, Rect } from './contract.js';
import { TRANSPARENT } from '../raster/pixels.js';

/**
 * Two masks of `rect`, per pixel row by row: 1 where a frame blended over the picture may leave
 * the pixel transparent, the viewer showing it already. By cell: only in cells of the grid with
 * no pixel changed (antialiased text redrawn in other colours changes scattered pixels of each
 * cell; a changed cell left whole keeps the glyph shapes the encoder finds again elsewhere, and a
 * clean cell-sized hole is cheap), and the pixels not opaque, which drawn over themselves would
 * not stay the same. By pixel: every pixel equal to the shown one.
 */
export function unchangedMasks(change: PictureChange, width: number, rect: Rect): { byCell: Uint8Array; byPixel: Uint8Array } {
  const { pixels, shown, cells } = change;
  const byPixel = new Uint8Array(rect.w * rect.h);
  for (let y = 0, o = 0; y < rect.h; y++) {
    const row = (rect.y + y) * width + rect.x;
    for (let x = 0; x < rect.w; x++, o++) if (pixels[row + x] === shown[row + x]) byPixel[o] = 1;
  }
  const col = (x: number): number => Math.floor((x - cells.x) / cells.w);
  const line = (y: number): number => Math.floor((y - cells.y) / cells.h);
  const col0 = col(rect.x);
  const line0 = line(rect.y);
  const cols = col(rect.x + rect.w - 1) - col0 + 1;
  const changedCells = new Uint8Array(cols * (line(rect.y + rect.h - 1) - line0 + 1));
  const colOf = Int32Array.from({ length: rect.w }, (_, x) => col(rect.x + x) - col0);
  for (let y = 0, o = 0; y < rect.h; y++) {
    const first = (line(rect.y + y) - line0) * cols;
    for (let x = 0; x < rect.w; x++, o++) if (!byPixel[o]) changedCells[first + colOf[x]!] = 1;
  }
  const byCell = byPixel.slice();
  for (let y = 0, o = 0; y < rect.h; y++) {
    const first = (line(rect.y + y) - line0) * cols;
    const row = (rect.y + y) * width + rect.x;
    for (let x = 0; x < rect.w; x++, o++) {
      if (byCell[o] && changedCells[first + colOf[x]!] && pixels[row + x]! < TRANSPARENT) byCell[o] = 0;
    }
  }
  return { byCell, byPixel };
}
