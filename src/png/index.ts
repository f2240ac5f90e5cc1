import type { AnimationInfo } from '../frames/frame.js';
import { diffScreens, isUnchanged } from '../frames/screen-diff.js';
import { encodePng } from '../encode/png.js';
import { sameItems, type KeyItem } from '../keys/index.js';
import { resolveRaster, type RasterOptions } from '../raster/options.js';
import { ScreenPainter, warnMissingGlyphs } from '../raster/screen-painter.js';
import type { ScreenSnapshot } from '../term/cell.js';

/**
 * One screen as a PNG, pixel for pixel what the GIF shows for it (with `alpha`, what WebP and APNG
 * show); `keys` for a layout with a keys bar. Over a transparent background a PNG keeps alpha, so
 * its glyph edges have no halos.
 */
export function renderPng(screen: ScreenSnapshot, info: AnimationInfo, options: RasterOptions, keys?: readonly KeyItem[]): Buffer {
  const painter = pngPainter(info, options);
  const png = paintPng(painter, screen, keys);
  warnMissingGlyphs(painter, options);
  return png;
}

const pngPainter = (info: AnimationInfo, options: RasterOptions): ScreenPainter =>
  new ScreenPainter(resolveRaster(info, { ...options, alpha: options.alpha ?? options.transparentBackground }));

function paintPng(painter: ScreenPainter, screen: ScreenSnapshot, keys?: readonly KeyItem[]): Buffer {
  painter.paintScreen(screen, keys);
  return encodePng(painter.pixels, painter.width, painter.height);
}

/**
 * renderPng for many screens of one recording (marker snapshots): one painter serves them all,
 * and a screen equal to the one before gives the same bytes again without being drawn.
 * `beforePaint` runs before each screen that is drawn (the snapshot limit counts there). Missing
 * glyphs are left to the animation's own warning, which has seen every screen.
 */
export function pngRenderer(
  info: AnimationInfo,
  options: RasterOptions,
  beforePaint?: () => void,
): (screen: ScreenSnapshot, keys?: readonly KeyItem[]) => Buffer {
  let painter: ScreenPainter | undefined;
  let last: { screen: ScreenSnapshot; keys: readonly KeyItem[] | undefined; png: Buffer } | undefined;
  return (screen, keys) => {
    if (last && isUnchanged(diffScreens(last.screen, screen)) && sameItems(last.keys, keys)) return last.png;
    beforePaint?.();
    painter ??= pngPainter(info, options);
    last = { screen, keys, png: paintPng(painter, screen, keys) };
    return last.png;
  };
}
