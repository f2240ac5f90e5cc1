import type { Cast } from '../cast/events.js';
import type { AnimationInfo, Frame } from '../frames/frame.js';
import type { KeyItem } from '../keys/index.js';
import type { RasterOptions } from '../raster/index.js';
import type { SvgOptions } from '../svg/index.js';
import type { ScreenSnapshot } from '../term/cell.js';
import type { TimePoint } from '../timeline/index.js';

/** The options a format reads itself; the rest shaped the job before it got here. */
export interface FormatOptions {
  /** One moment of the recording instead of all of it. */
  readonly at?: TimePoint;
  /** asciicast: the version written (default 2). */
  readonly castVersion?: 2 | 3;
  /** WebP: lossy at this quality (0..100) instead of lossless; MP4/WebM: quality 0..100. */
  readonly quality?: number;
  /** APNG: zopfli's deflate tried too. */
  readonly optimize?: boolean;
}

/** What the render flow hands a format. */
export interface FormatJob {
  readonly cast: Cast;
  readonly options: FormatOptions;
}

/** What the render flow hands a format that draws: the picture's size and look, and its frames within the limits. */
export interface PictureJob extends FormatJob {
  readonly info: AnimationInfo;
  readonly look: RasterOptions & SvgOptions;
  /**
   * The frames: the animation, or with `at` the one screen there, held for the last-frame duration.
   * A format whose frames last at most `longestFrame` seconds needs several for a longer one; the
   * frame limit counts those.
   */
  animation(longestFrame?: number): AsyncIterable<Frame>;
  /** The screen at `at` (the end without it), and the keys the overlay shows there. */
  screen(): Promise<{ readonly screen: ScreenSnapshot; readonly keys?: readonly KeyItem[] }>;
}
