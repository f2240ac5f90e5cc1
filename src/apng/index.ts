import { animate, writeTo } from '../encode/animate.js';
import { MILLISECONDS, type RenderAnimation } from '../encode/contract.js';
import { resolveRaster, type RasterOptions } from '../raster/options.js';
import { ScreenPainter } from '../raster/screen-painter.js';
import { ApngEncoder } from './apng-encoder.js';

/**
 * The animation as an animated PNG (one frame: a plain PNG), with real transparency for the
 * window's corners and shadow. Frames are spooled on disk, not held in memory; `out` is written
 * once the last frame is known and left for the caller to end.
 */
export interface ApngOptions extends RasterOptions {
  /** Zopfli's deflate tried too, on every frame: about 1% smaller, some seven times slower. */
  readonly optimize?: boolean;
}

export const renderApng: RenderAnimation<ApngOptions> = async (frames, info, options, out) => {
  const painter = new ScreenPainter(resolveRaster(info, { ...options, alpha: true }));
  const encoder = new ApngEncoder(painter.width, painter.height, info.loop, writeTo(out), options.optimize);
  try {
    await animate(frames, info, painter, encoder, MILLISECONDS);
  } finally {
    encoder.close();
  }
};
