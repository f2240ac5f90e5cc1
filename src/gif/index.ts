import type { AnimationInfo, Frame } from '../frames/frame.js';
import { animate, writeTo } from '../raster/animate.js';
import { CENTISECONDS } from '../raster/change-sequencer.js';
import { resolveRaster, type GifOptions } from '../raster/options.js';
import { encodePng } from '../raster/png.js';
import { ScreenPainter } from '../raster/screen-painter.js';
import type { ScreenSnapshot } from '../term/cell.js';
import { GifEncoder } from './gif-animator.js';

export type { GifOptions } from '../raster/options.js';
export { GIF_DEFAULTS } from '../raster/options.js';
export { MIN_DELAY_CS } from './gif-animator.js';
export { FontNotFoundError } from '../raster/system-fonts.js';

/**
 * The animation as a GIF, written to `out` frame by frame as the frames come (nothing holds the
 * whole animation). Leaves ending `out` to the caller.
 */
export async function renderGif(
  frames: AsyncIterable<Frame>,
  info: AnimationInfo,
  options: GifOptions,
  out: NodeJS.WritableStream,
): Promise<void> {
  const painter = new ScreenPainter(resolveRaster(info, options));
  await animate(frames, info, painter, new GifEncoder(painter, info.loop, writeTo(out)), CENTISECONDS);
}

/** One screen as a PNG, pixel for pixel what the GIF shows for it (with `alpha`, what WebP and APNG show). */
export function renderPng(screen: ScreenSnapshot, info: AnimationInfo, options: GifOptions): Buffer {
  const painter = new ScreenPainter(resolveRaster(info, options));
  painter.paintScreen(screen);
  return encodePng(painter.pixels, painter.width, painter.height);
}
