import { Writable as NodeWritable } from 'node:stream';
import type { Cast } from '../cast/events.js';
import { readRecordingFrom, type ReadRecordingOptions } from '../cast/detect.js';
import { writeAsciicast } from '../cast/write-asciicast.js';
import { animationInfo, castFrames, stillAt, terminalAt, type AnimationInfo, type Frame } from '../frames/index.js';
import { checkOutputSize, LimitError, limitBytes, limitFrames, outputPixels, resolveLimits, type Limits } from './limits.js';
import { TIMELINE_DEFAULTS } from '../timeline/index.js';
import { withKeys } from './keys.js';
import { protect } from '../edit/protect.js';
import { lookFor } from './look.js';
import type { RenderOptions } from './options.js';
import { isAnimated, tuneFrames, type FrameTuning } from './frame-tuning.js';

type Writable = NodeJS.WritableStream;

/** Writes and waits for the stream to take it, so large outputs respect backpressure. */
function write(out: Writable, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(data, (error) => (error ? reject(error) : resolve()));
  });
}

async function* stillFrame(cast: Cast, options: RenderOptions): AsyncGenerator<Frame> {
  const { term, keys } = await stillAt(cast, options.at, options.keys === true);
  const screen = term.snapshot();
  const all = new Set(screen.lines.map((_, y) => y));
  const duration = options.lastFrameDuration ?? TIMELINE_DEFAULTS.lastFrameDuration;
  yield { index: 0, screen, changedRows: all, cursorChanged: true, paletteChanged: true, time: 0, duration, ...(keys ? { keys } : {}) };
}

/** PNGs of marker screens, refused once their pixels pass the snapshot limit (an unchanged screen costs none). */
async function snapshotRenderer(info: AnimationInfo, look: ReturnType<typeof lookFor>, limits: Limits) {
  const { pngRenderer } = await import('../png/index.js');
  const size = (await outputPixels('png', info, look))!;
  let painted = 0;
  return pngRenderer(info, look, () => {
    painted += size.width * size.height;
    if (painted > limits.snapshotPixels) {
      throw new LimitError('snapshotPixels', `the marker snapshots would take more than ${limits.snapshotPixels} pixels`);
    }
  });
}

/**
 * The whole pipeline for one cast: timeline, terminal, frames, then the format's renderer.
 * Writes to `out` and leaves ending it to the caller.
 */
export async function renderCast(recording: Cast, given: RenderOptions, out: Writable): Promise<void> {
  let options = given;
  // Before anything is drawn or written: what the terminal did not show, or the user masked, never leaves.
  let cast = await protect(recording, {
    redact: options.redact,
    redactSecrets: options.redactSecrets,
    judgeKeys: options.format === 'cast' || (options.keys === true && options.format !== 'txt'),
    onWarning: options.onWarning,
  });
  // Once, before any --max-size retry: the answer sizes the picture, and its warning is said once.
  if (options.keys && options.format !== 'cast' && options.format !== 'txt') {
    const read = await withKeys(cast);
    cast = read.cast;
    // Nothing to show: drawn exactly as without --keys.
    if (read.warning !== undefined) options.onWarning?.(read.warning);
    options = { ...options, keys: read.hasInput };
  }
  if (options.maxSize !== undefined && isAnimated(options)) {
    const { renderUnder } = await import('./max-size.js');
    return renderUnder(cast, options, out, renderCastTuned);
  }
  return renderCastTuned(cast, options, out);
}

/**
 * renderCast with what --max-size gives up: frames shown for less than `minFrameDuration` seconds.
 * `options.keys` is already decided (true only when the recording has input events).
 */
export async function renderCastTuned(cast: Cast, options: RenderOptions, out: Writable, tuning: FrameTuning = {}): Promise<void> {
  const info = animationInfo(cast, { title: options.title, loop: options.loop });
  if (options.format === 'cast') return writeAsciicast(cast, out, { version: options.castVersion ?? 2 });
  if (options.format === 'txt') {
    const term = await terminalAt(cast, options.at);
    // Alt text, not a screen dump: the rows below the last written one are left out (each row is already trimmed).
    return write(out, `${term.text().replace(/\n+$/, '')}\n`);
  }
  const limits = resolveLimits(options.limits);
  const look = { ...lookFor(cast, options), ...(options.keys ? { keysBar: true } : {}) };
  // Before any frame is drawn: the pixel buffers are sized from these numbers.
  await checkOutputSize(options.format, info, look, limits);
  const still = options.at !== undefined || options.format === 'png';
  if (still && options.onMarkerPng) throw new Error('marker snapshots need an animated output (GIF, SVG, WebP, APNG, MP4 or WebM without --at)');
  // The canvas (a native module) loads only for raster output, so SVG start-up stays light.
  const loadRaster = () => import('../gif/index.js');
  const onMarkerPng = options.onMarkerPng;
  const markerPng = onMarkerPng && (await snapshotRenderer(info, look, limits));
  const frames = (longestFrame?: number) =>
    limitFrames(
      tuneFrames(
        castFrames(cast, {
          ...options,
          onMarker: onMarkerPng && markerPng && ((label, screen, index, keys) => onMarkerPng(label, index, markerPng(screen, keys))),
        }),
        tuning,
      ),
      limits,
      longestFrame,
    );
  switch (options.format) {
    case 'png': {
      const { renderPng } = await import('../png/index.js');
      const { term, keys } = await stillAt(cast, options.at, options.keys === true);
      return write(out, renderPng(term.snapshot(), info, look, keys));
    }
    case 'svg': {
      const { renderSvg, renderSvgStill } = await import('../svg/index.js');
      if (options.at === undefined) {
        const capped = limitBytes(out, limits.svgBytes);
        await renderSvg(frames(), info, look, capped);
        if (capped.errored) throw capped.errored;
        return;
      }
      const { term, keys } = await stillAt(cast, options.at, options.keys === true);
      const svg = renderSvgStill(term.snapshot(), info, look, keys);
      if (Buffer.byteLength(svg) > limits.svgBytes) {
        throw new LimitError('svgBytes', `the output is larger than the ${limits.svgBytes} byte limit`);
      }
      return write(out, svg);
    }
    case 'gif': {
      const { renderGif, LONGEST_GIF_FRAME } = await loadRaster();
      const animation = options.at === undefined ? frames(LONGEST_GIF_FRAME) : limitFrames(stillFrame(cast, options), limits, LONGEST_GIF_FRAME);
      return renderGif(animation, info, look, out);
    }
    case 'apng': {
      const { renderApng } = await import('../apng/index.js');
      return renderApng(options.at === undefined ? frames() : stillFrame(cast, options), info, { ...look, optimize: options.optimize }, out);
    }
    case 'webp': {
      const { renderWebp } = await import('../webp/index.js');
      return renderWebp(options.at === undefined ? frames() : stillFrame(cast, options), info, { ...look, quality: options.quality }, out);
    }
    case 'mp4':
    case 'webm': {
      if (options.at !== undefined) throw new Error(`--at makes a still, which ${options.format.toUpperCase()} is not: use .png, .webp or .apng`);
      const { renderVideo } = await import('../video/index.js');
      return renderVideo(frames(), info, { ...look, container: options.format, quality: options.quality }, out);
    }
  }
}

/**
 * Library entry point: a recording's text or bytes in (any format readRecording knows), the encoded
 * output's bytes out.
 */
export async function render(
  input: string | Uint8Array,
  options: RenderOptions & Pick<ReadRecordingOptions, 'inputFormat' | 'timing'>,
): Promise<Uint8Array> {
  const limits = resolveLimits(options.limits);
  const cast = await readRecordingFrom([typeof input === 'string' ? new TextEncoder().encode(input) : input], {
    cols: options.cols,
    rows: options.rows,
    maxCols: limits.cols,
    maxRows: limits.rows,
    onWarning: options.onWarning,
    inputFormat: options.inputFormat,
    timing: options.timing,
  });
  const chunks: Buffer[] = [];
  const sink = new NodeWritable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await renderCast(cast, options, sink);
  return Buffer.concat(chunks);
}
