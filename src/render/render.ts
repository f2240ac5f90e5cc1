import { Writable as NodeWritable } from 'node:stream';
import type { Cast } from '../cast/events.js';
import { readRecordingFrom, type ReadRecordingOptions } from '../cast/detect.js';
import { animationInfo, castFrames, stillAt, stillFrame, type AnimationInfo } from '../frames/index.js';
import type { PictureJob } from '../formats/job.js';
import { formatEntry, formatsWhere, orList } from '../formats/registry.js';
import { LimitError, resolveLimits, type Limits } from '../options/limits.js';
import { checkOutputSize, limitBytes, limitFrames, outputPixels } from './limits.js';
import { withKeys } from './keys.js';
import { protect } from '../edit/protect.js';
import { lookFor } from './look.js';
import type { RenderOptions } from './options.js';
import { isAnimated, tuneFrames, type FrameTuning } from './frame-tuning.js';

type Writable = NodeJS.WritableStream;

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
  const format = formatEntry(options.format);
  // Before anything is drawn or written: what the terminal did not show, or the user masked, never leaves.
  let cast = await protect(recording, {
    redact: options.redact,
    redactSecrets: options.redactSecrets,
    judgeKeys: format.writesKeys || (options.keys === true && format.drawing !== 'none'),
    onWarning: options.onWarning,
  });
  // Once, before any --max-size retry: the answer sizes the picture, and its warning is said once.
  if (options.keys && format.drawing !== 'none') {
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
  const format = formatEntry(options.format);
  if (format.drawing === 'none') return format.render({ cast, options }, out);
  const info = animationInfo(cast, { title: options.title, loop: options.loop });
  const limits = resolveLimits(options.limits);
  const look = { ...lookFor(cast, options), ...(options.keys ? { keysBar: true } : {}) };
  // Before any frame is drawn: the pixel buffers are sized from these numbers.
  await checkOutputSize(options.format, info, look, limits);
  if (!isAnimated(options) && options.onMarkerPng) {
    const animated = formatsWhere((f) => f.animated).map((name) => formatEntry(name).label);
    throw new Error(`marker snapshots need an animated output (${orList(animated)} without --at)`);
  }
  if (options.at !== undefined && !format.still) {
    const stills = formatsWhere((f) => f.still && f.drawing === 'raster').map((name) => `.${formatEntry(name).extension}`);
    throw new Error(`--at makes a still, which ${options.format.toUpperCase()} is not: use ${orList(stills)}`);
  }
  const onMarkerPng = options.onMarkerPng;
  const markerPng = onMarkerPng && (await snapshotRenderer(info, look, limits));
  const job: PictureJob = {
    cast,
    options,
    info,
    look,
    animation: (longestFrame) =>
      limitFrames(
        options.at !== undefined
          ? stillFrame(cast, options)
          : tuneFrames(
              castFrames(cast, {
                ...options,
                onMarker: onMarkerPng && markerPng && ((label, screen, index, keys) => onMarkerPng(label, index, markerPng(screen, keys))),
              }),
              tuning,
            ),
        limits,
        longestFrame,
      ),
    screen: async () => {
      const { term, keys } = await stillAt(cast, options.at, options.keys === true);
      return { screen: term.snapshot(), ...(keys ? { keys } : {}) };
    },
  };
  if (format.byteLimit === undefined) return format.render(job, out);
  const capped = limitBytes(out, limits[format.byteLimit], format.byteLimit);
  await format.render(job, capped);
  if (capped.errored) throw capped.errored;
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
