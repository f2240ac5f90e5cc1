import { dropShortFrames, type Frame } from '../frames/index.js';
import { formatEntry } from '../formats/registry.js';
import type { RenderOptions } from './options.js';

/** What a render may give up to stay small (see max-size.ts). */
export interface FrameTuning {
  /** Frames shown for less than this many seconds are dropped. */
  readonly minFrameDuration?: number;
  /** Told how many frames the animation kept. */
  readonly onFrames?: (count: number) => void;
}

/** Text, recordings and stills have no frames to give up. */
export const isAnimated = (options: Pick<RenderOptions, 'format' | 'at'>): boolean => options.at === undefined && formatEntry(options.format).animated;

/**
 * Frames in the output of a render in `options`: a still (text, a PNG, --at) is one picture; an
 * animation's frames are counted as the pipeline hands them on (`counted`, see onFrame); when it
 * reports none (a recording), the count is unknown rather than zero.
 */
export function framesRendered(options: Pick<RenderOptions, 'format' | 'at'>, counted: number): number | undefined {
  const { animated, still } = formatEntry(options.format);
  return (still && !animated) || options.at !== undefined ? 1 : counted > 0 ? counted : undefined;
}

export function tuneFrames(frames: AsyncIterable<Frame>, tuning: FrameTuning): AsyncIterable<Frame> {
  if (tuning.minFrameDuration === undefined && tuning.onFrames === undefined) return frames;
  return dropShortFrames(frames, tuning.minFrameDuration ?? 0, tuning.onFrames);
}
