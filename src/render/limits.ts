import { Writable } from 'node:stream';
import type { AnimationInfo, Frame } from '../frames/frame.js';
import { formatEntry, type OutputFormat } from '../formats/registry.js';
import { LimitError, type Limits } from '../options/limits.js';
import type { RasterOptions } from '../raster/index.js';
import type { SvgOptions } from '../svg/index.js';

const mb = (bytes: number): string => (bytes < 1048576 ? `${Math.floor(bytes)} byte` : `${Math.round((bytes / 1048576) * 10) / 10} MB`);

const shown = (v: number) => (Number.isFinite(v) ? String(Math.ceil(v)) : 'an unbounded');

/**
 * Refuses an output larger than the pixel limits; also catches sizes that are not finite at all.
 * The area limit guards pixel buffers, so it applies to `raster` outputs only: an SVG's cost
 * grows with its cells, not with the size it is shown at.
 */
export function checkPixelSize(width: number, height: number, limits: Limits, raster = true): void {
  if (!(width <= limits.width)) {
    throw new LimitError('width', `the output would be ${shown(width)} px wide, beyond the ${limits.width} px limit`);
  }
  if (!(height <= limits.height)) {
    throw new LimitError('height', `the output would be ${shown(height)} px high, beyond the ${limits.height} px limit`);
  }
  const area = Math.ceil(width) * Math.ceil(height);
  if (raster && !(area <= limits.pixels)) {
    throw new LimitError(
      'pixels',
      `the output would be ${shown(width)}x${shown(height)} = ${area} pixels, beyond the ${limits.pixels} pixel limit`,
    );
  }
}

/**
 * The size in pixels of the image the renderer for `format` would make, from the same geometry
 * the renderer resolves, so it is known before any pixel buffer exists. Formats that draw nothing have none.
 */
export async function outputPixels(
  format: OutputFormat,
  info: AnimationInfo,
  look: RasterOptions & SvgOptions,
): Promise<{ width: number; height: number } | undefined> {
  const { drawing } = formatEntry(format);
  if (drawing === 'none') return undefined;
  if (drawing === 'vector') {
    const { resolveGeometry } = await import('../svg/options.js');
    const geometry = resolveGeometry(info, look);
    // Older SVG geometry laid out at scale 1 and kept the scale apart; newer lays out at output scale.
    const scale = 'scale' in geometry ? Number(geometry.scale) : 1;
    return { width: geometry.layout.width * scale, height: geometry.layout.height * scale };
  }
  const { resolveRaster } = await import('../raster/index.js');
  const { layout } = resolveRaster(info, look);
  return { width: layout.width, height: layout.height };
}

/** checkPixelSize for what `format` would make of `info` with `look`. */
export async function checkOutputSize(
  format: OutputFormat,
  info: AnimationInfo,
  look: RasterOptions & SvgOptions,
  limits: Limits,
): Promise<void> {
  const size = await outputPixels(format, info, look);
  if (size) checkPixelSize(size.width, size.height, limits, formatEntry(format).drawing === 'raster');
}

/**
 * Passes frames through, failing on the first one past the frame or duration limit, before it is
 * drawn. A format whose frames cannot last longer than `longestFrame` seconds (a GIF: 655.35 s)
 * needs several for a long one; those count too, so a pause of years is refused, not encoded.
 */
export async function* limitFrames(frames: AsyncIterable<Frame>, limits: Limits, longestFrame = Infinity): AsyncGenerator<Frame> {
  let count = 0;
  let split = false;
  for await (const frame of frames) {
    const end = frame.time + frame.duration;
    if (!(end <= limits.duration)) {
      const length = Number.isFinite(end) ? `at least ${shown(end)} s` : 'longer than a clock can count';
      throw new LimitError('duration', `the animation would last ${length}, beyond the ${limits.duration} s limit`);
    }
    const needed = Math.max(1, Math.ceil(frame.duration / longestFrame));
    split ||= needed > 1;
    count += needed;
    if (count > limits.frames) {
      const why = split ? ` (a GIF frame lasts at most ${longestFrame} s, so a long pause takes several)` : '';
      throw new LimitError('frames', `the animation has more than ${limits.frames} frames${why}`);
    }
    yield frame;
  }
}

/**
 * A stream in front of `out` that counts bytes and fails the write that would take the total past
 * `max` (the SVG size limit): its callback gets the LimitError, and nothing past the limit reaches
 * `out`. The error is also kept in `errored` for writers that do not wait for callbacks; it is not
 * emitted as an unhandled 'error' event. Ending this stream does not end `out`.
 */
export function limitBytes(out: NodeJS.WritableStream, max: number, limit: keyof Limits = 'svgBytes'): Writable {
  let total = 0;
  const capped = new Writable({
    write(chunk: Buffer, _encoding, done) {
      total += chunk.byteLength;
      if (total > max) {
        done(new LimitError(limit, `the output is larger than the ${mb(max)} limit`));
        return;
      }
      out.write(chunk, (error) => done(error ?? null));
    },
  });
  capped.on('error', () => {});
  return capped;
}
