import { dropShortFrames, type Frame } from '../frames/index.js';
import type { RenderOptions } from './options.js';

/** What a render may give up to stay small (see max-size.ts). */
export interface FrameTuning {
  /** Frames shown for less than this many seconds are dropped. */
  readonly minFrameDuration?: number;
  /** Told how many frames the animation kept. */
  readonly onFrames?: (count: number) => void;
}

/** Text, recordings and stills have no frames to give up. */
export const isAnimated = (options: Pick<RenderOptions, 'format' | 'at'>): boolean =>
  options.at === undefined && options.format !== 'txt' && options.format !== 'cast' && options.format !== 'png';

export function tuneFrames(frames: AsyncIterable<Frame>, tuning: FrameTuning): AsyncIterable<Frame> {
  if (tuning.minFrameDuration === undefined && tuning.onFrames === undefined) return frames;
  return dropShortFrames(frames, tuning.minFrameDuration ?? 0, tuning.onFrames);
}
