import { Writable } from 'node:stream';
import { MAX_COLS, MAX_ROWS, TERMINAL_MAX_COLS, TERMINAL_MAX_ROWS } from '../cast/header.js';
import type { AnimationInfo, Frame } from '../frames/frame.js';
import type { RasterOptions } from '../raster/index.js';
import type { SvgOptions } from '../svg/index.js';
import type { OutputFormat } from './options.js';

/**
 * Ceilings on what an untrusted recording or option can make the renderer do. The defaults are far
 * beyond any real recording; each is raised with `--limit NAME=N` (or `limits` in the library).
 * Every limit is checked before the memory or time it guards is spent.
 */
export interface Limits {
  /** Largest terminal a recording's header may declare (--cols/--rows override it, up to the terminal's maximum). */
  readonly cols: number;
  readonly rows: number;
  /** Output width and height in pixels (an SVG's width/height attributes count as pixels). */
  readonly width: number;
  readonly height: number;
  /** Pixels in one GIF or PNG picture (width times height): what a frame costs in memory and time. */
  readonly pixels: number;
  /** Frames in one animation, counting the frames a GIF needs to hold a long pause. */
  readonly frames: number;
  /** Seconds one animation lasts (output clock: after --speed and the idle limit). */
  readonly duration: number;
  /** Pixels drawn for --snapshots, all markers together; a marker whose screen did not change costs none. */
  readonly snapshotPixels: number;
  /** Bytes of one SVG document. */
  readonly svgBytes: number;
  /** Bytes downloaded from a URL input. */
  readonly urlBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  cols: MAX_COLS,
  rows: MAX_ROWS,
  width: 8192,
  height: 8192,
  // A GIF costs about 40 bytes a pixel while drawn, and --snapshots as much again: 5 M keeps both
  // under 600 MB. That is a 340x85 terminal, or 170x42 at --scale 2.
  pixels: 5_000_000,
  frames: 200_000,
  // Over eleven days: only a runaway number (--speed 1e-9, a time of 1e12) gets there.
  duration: 1_000_000,
  // Ten of the largest pictures, or 160 of an 80x24 terminal: drawing and compressing one costs
  // about 0.1 s per million pixels.
  snapshotPixels: 50_000_000,
  svgBytes: 512 * 1024 * 1024,
  urlBytes: 512 * 1024 * 1024,
};

export const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as (keyof Limits)[];

/** Byte limits are written and shown in MB; the others in their own units. */
const IN_MB: ReadonlySet<keyof Limits> = new Set(['svgBytes', 'urlBytes']);

/** Exceeding a limit: one clear line naming the limit and how to raise it. */
export class LimitError extends Error {
  constructor(
    readonly limit: keyof Limits,
    what: string,
  ) {
    super(`${what} (raise it with --limit ${limit}=N${IN_MB.has(limit) ? ' MB' : ''})`);
    this.name = 'LimitError';
  }
}

/** Defaults with `given` laid over them; each given value must be a positive number. */
export function resolveLimits(given: Partial<Limits> = {}): Limits {
  const out: Record<string, number> = { ...DEFAULT_LIMITS };
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined) continue;
    if (!(LIMIT_NAMES as string[]).includes(name)) throw new Error(`unknown limit "${name}" (known: ${LIMIT_NAMES.join(', ')})`);
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) throw new Error(`limit ${name} must be a positive number`);
    out[name] = value;
  }
  if (out.cols! > TERMINAL_MAX_COLS) throw new Error(`limit cols cannot pass the terminal's maximum of ${TERMINAL_MAX_COLS}`);
  if (out.rows! > TERMINAL_MAX_ROWS) throw new Error(`limit rows cannot pass the terminal's maximum of ${TERMINAL_MAX_ROWS}`);
  return out as unknown as Limits;
}

/**
 * Parses one `--limit NAME=N` value into an entry of Partial<Limits>; svgBytes and urlBytes are
 * given in MB. For commander: `(value, previous) => ({...previous, ...parseLimit(value)})`.
 */
export function parseLimit(text: string): Partial<Limits> {
  const match = /^\s*([A-Za-z]+)\s*=\s*([0-9]+(?:\.[0-9]+)?)\s*$/.exec(text);
  if (!match) throw new Error(`"${text}" is not NAME=N (names: ${LIMIT_NAMES.join(', ')})`);
  const name = match[1] as keyof Limits;
  if (!LIMIT_NAMES.includes(name)) throw new Error(`unknown limit "${match[1]}" (known: ${LIMIT_NAMES.join(', ')})`);
  const value = Number(match[2]) * (IN_MB.has(name) ? 1024 * 1024 : 1);
  if (!(value > 0)) throw new Error(`limit ${name} must be positive`);
  return { [name]: value };
}

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
 * the renderer resolves, so it is known before any pixel buffer exists. Text output has none.
 */
export async function outputPixels(
  format: OutputFormat,
  info: AnimationInfo,
  look: RasterOptions & SvgOptions,
): Promise<{ width: number; height: number } | undefined> {
  if (format === 'txt') return undefined;
  if (format === 'svg') {
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
  if (size) checkPixelSize(size.width, size.height, limits, format !== 'svg');
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

const BYTE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1e3, mb: 1e6, gb: 1e9, k: 1e3, m: 1e6, g: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };

/**
 * A size as people write it: `5MB`, `800 KB`, `1.5MiB`, `250000` (bytes). KB and MB are decimal
 * (5 MB = 5,000,000 bytes), which keeps a file under a cap whichever way its owner counts.
 */
export function parseByteSize(text: string): number {
  const match = /^\s*([0-9]+(?:\.[0-9]+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? BYTE_UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined) throw new Error(`"${text}" is not a size (e.g. 5MB, 800KB, 250000)`);
  const bytes = Math.floor(Number(match[1]) * unit);
  if (!(bytes > 0)) throw new Error(`"${text}" is not a size above 0`);
  return bytes;
}
