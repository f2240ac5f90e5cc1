import type { AnimationInfo, Frame } from '../frames/frame.js';
import { missingGlyphsWarning } from '../raster/font-files.js';
import { resolveRaster, type GifOptions } from '../raster/options.js';
import { encodePng } from '../raster/png.js';
import { ScreenPainter } from '../raster/screen-painter.js';
import type { ScreenSnapshot } from '../term/cell.js';
import { GifAnimator } from './gif-animator.js';

export type { GifOptions } from '../raster/options.js';
export { GIF_DEFAULTS } from '../raster/options.js';
export { MIN_DELAY_CS } from './gif-animator.js';
export { FontNotFoundError } from '../raster/system-fonts.js';

/** Writes and waits until the stream has taken it, so a slow destination holds the renderer back. */
function writeTo(out: NodeJS.WritableStream): (bytes: Uint8Array) => Promise<void> {
  return (bytes) =>
    new Promise((resolve, reject) => {
      out.write(bytes, (error) => (error ? reject(error) : resolve()));
    });
}

const blankScreen = (info: AnimationInfo): ScreenSnapshot => ({
  cols: info.cols,
  rows: info.rows,
  lines: [],
  cursor: { x: 0, y: 0, visible: false, shape: 'block', blink: false },
  title: '',
  palette: { indexed: new Map() },
});

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
  const animator = new GifAnimator(painter, info.loop, writeTo(out));
  let any = false;
  for await (const frame of frames) {
    await animator.add(frame);
    any = true;
  }
  if (!any) {
    const screen = blankScreen(info);
    await animator.add({ index: 0, screen, changedRows: new Set(), cursorChanged: true, paletteChanged: true, time: 0, duration: 0 });
  }
  await animator.finish();
  warnMissingGlyphs(painter, options);
}

function warnMissingGlyphs(painter: ScreenPainter, options: GifOptions): void {
  const warning = missingGlyphsWarning(painter.missingGlyphs);
  if (warning !== undefined) options.onWarning?.(warning);
}

/** One screen as a PNG, pixel for pixel what the GIF shows for it. */
export function renderPng(screen: ScreenSnapshot, info: AnimationInfo, options: GifOptions): Buffer {
  const painter = new ScreenPainter(resolveRaster(info, options, { alphaEdges: true }));
  painter.paintScreen(screen);
  warnMissingGlyphs(painter, options);
  return encodePng(painter.pixels, painter.width, painter.height);
}
