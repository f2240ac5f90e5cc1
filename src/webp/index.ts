import { animate, writeTo } from '../encode/animate.js';
import { MILLISECONDS, type RenderAnimation } from '../encode/contract.js';
import { resolveRaster, type RasterOptions } from '../raster/options.js';
import { ScreenPainter } from '../raster/screen-painter.js';
import { loadLibwebp, type WebpCoding } from './libwebp.js';
import { WebpEncoder } from './webp-encoder.js';

export interface WebpOptions extends RasterOptions {
  /** Lossy at this quality (0..100); lossless when absent. */
  readonly quality?: number;
}

/**
 * Lossless: libwebp's effort 100 at method 4, measured on the benchmark casts as the knee of
 * size against time (method 6 is about 1% smaller and several times slower).
 */
export const LOSSLESS: WebpCoding = { lossless: true, quality: 100, method: 4 };

/**
 * The animation as an animated WebP (one frame: a still), with real transparency for the
 * window's corners and shadow. `out` is written once the last frame is known and left for the
 * caller to end.
 */
export const renderWebp: RenderAnimation<WebpOptions> = async (frames, info, options, out) => {
  const painter = new ScreenPainter(resolveRaster(info, { ...options, alpha: true }));
  const coding = options.quality === undefined ? LOSSLESS : { lossless: false, quality: options.quality, method: 4 };
  const encoder = new WebpEncoder(await loadLibwebp(), painter.width, painter.height, info.loop, coding, writeTo(out));
  try {
    await animate(frames, info, painter, encoder, MILLISECONDS);
  } finally {
    encoder.close();
  }
};
