import { Writable } from 'node:stream';
import type { Cast } from '../cast/events.js';
import { replayable } from '../cast/replay.js';
import { castFrames } from '../frames/index.js';
import { TIMELINE_DEFAULTS } from '../timeline/index.js';
import type { FrameTuning } from './frame-tuning.js';
import type { RenderOptions } from './options.js';

type Render = (cast: Cast, options: RenderOptions, out: NodeJS.WritableStream, tuning?: FrameTuning) => Promise<void>;

/** The frame rates tried in turn, each a step below the one before. */
const FPS_STEPS = [24, 20, 15, 12, 10, 8, 6, 5, 4, 3, 2, 1];

/** Decimal, as --max-size reads it. */
export function formatSize(bytes: number): string {
  if (bytes < 1e3) return `${bytes} bytes`;
  if (bytes < 1e6) return `${Math.round(bytes / 100) / 10} KB`;
  return `${Math.round(bytes / 1e5) / 10} MB`;
}

/** Keeps what is written until the render is over; past `max` bytes it fails the write (the render stops). */
class CappedBuffer extends Writable {
  private readonly chunks: Buffer[] = [];
  private total = 0;
  over = false;
  constructor(private readonly max: number) {
    super();
    this.on('error', () => {});
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.total += chunk.byteLength;
    if (this.total > this.max) {
      this.over = true;
      done(new Error('over the size cap'));
      return;
    }
    this.chunks.push(chunk);
    done();
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/**
 * --max-size: renders the animation and, while it is larger than the cap, again with less: the
 * frame rate lowered step by step down to 1 fps, then the frames shown for the shortest time left
 * out (under 2 s, 4 s, 8 s, ... up to all but the first and last screen). Each try stops as soon
 * as it passes the cap, and nothing reaches `out` but the one that fits. Says in one line what it
 * gave up (`onMaxSize`); fails if even the first and last screen alone do not fit.
 */
export async function renderUnder(recording: Cast, options: RenderOptions, out: NodeJS.WritableStream, render: Render): Promise<void> {
  const cast = replayable(recording);
  const max = options.maxSize!;
  const base: RenderOptions = { ...options, maxSize: undefined };
  const startFps = options.fpsCap ?? TIMELINE_DEFAULTS.fpsCap;
  const attempt = async (fps: number, minFrameDuration?: number) => {
    const sink = new CappedBuffer(max);
    let frames = 0;
    try {
      await render(cast, { ...base, fpsCap: fps }, sink, { ...(minFrameDuration === undefined ? {} : { minFrameDuration }), onFrames: (n) => (frames = n) });
    } catch (error) {
      if (!sink.over) throw error;
    }
    return sink.over ? undefined : { data: sink.bytes(), frames };
  };
  const finish = async (result: { data: Buffer; frames: number }, gaveUp: string | undefined) => {
    if (gaveUp !== undefined) {
      options.onMaxSize?.(`--max-size ${formatSize(max)}: ${gaveUp}; ${result.frames} frames, ${formatSize(result.data.byteLength)}`, { frames: result.frames });
    }
    await new Promise<void>((resolve, reject) => out.write(result.data, (error) => (error ? reject(error) : resolve())));
  };

  const first = await attempt(startFps);
  if (first) return finish(first, undefined);
  let fps = startFps;
  for (const step of FPS_STEPS.filter((f) => f < startFps)) {
    fps = step;
    const result = await attempt(fps);
    if (result) return finish(result, `frame rate lowered from ${startFps} to ${fps} fps`);
  }
  const lowered = fps < startFps ? `frame rate lowered from ${startFps} to ${fps} fps, ` : '';
  // How long the longest frame shows at this rate bounds the doublings: past it, all but the ends go.
  let longest = 0;
  for await (const frame of castFrames(cast, { ...base, fpsCap: fps })) longest = Math.max(longest, frame.duration);
  for (let shortest = 2 / fps; shortest <= longest; shortest *= 2) {
    const result = await attempt(fps, shortest);
    if (result) return finish(result, `${lowered}frames shown under ${formatSeconds(shortest)} left out`);
  }
  const ends = await attempt(fps, Infinity);
  if (ends) return finish(ends, `${lowered}only the first and last screen kept`);
  throw new Error(`the output cannot fit in --max-size ${formatSize(max)}: even its first and last screen alone are larger`);
}

const formatSeconds = (s: number): string => `${Math.round(s * 100) / 100} s`;
