import { animate, writeTo } from '../encode/animate.js';
import { CENTISECONDS, type RenderAnimation } from '../encode/contract.js';
import { resolveRaster, type RasterOptions } from '../raster/options.js';
import { ScreenPainter, warnMissingGlyphs } from '../raster/screen-painter.js';
import { GifEncoder } from './gif-animator.js';

export { LONGEST_GIF_FRAME, MIN_DELAY_CS } from './gif-animator.js';

/**
 * The animation as a GIF, written to `out` frame by frame as the frames come (nothing holds the
 * whole animation). Leaves ending `out` to the caller.
 */
export const renderGif: RenderAnimation<RasterOptions> = async (frames, info, options, out) => {
  const painter = new ScreenPainter(resolveRaster(info, options));
  await animate(frames, info, painter, new GifEncoder(painter, info.loop, writeTo(out)), CENTISECONDS);
  warnMissingGlyphs(painter, options);
};
