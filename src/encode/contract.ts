import type { AnimationInfo, Frame } from '../frames/frame.js';
import type { CellGrid } from '../raster/screen-painter.js';

/**
 * What every animated output format offers (GIF, WebP, APNG, video, SVG): frames in as they come,
 * its bytes written to `out` as it goes (nothing holds the whole animation); ending `out` is left
 * to the caller.
 */
export type RenderAnimation<Options> = (frames: AsyncIterable<Frame>, info: AnimationInfo, options: Options, out: NodeJS.WritableStream) => Promise<void>;

/** Takes a piece of output and resolves once the destination has taken it. */
export type Sink = (bytes: Uint8Array) => Promise<void>;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** What changed between the picture the viewer shows and the painter's pixels. */
export interface PictureChange {
  /** Bounding box of the pixels that differ. */
  readonly rect: Rect;
  /** Bounding box of the pixels turning (partly) transparent, if any. */
  readonly cleared: Rect | undefined;
  /** Per pixel row: 1 where the row differs from what the viewer shows. */
  readonly rowChanged: Uint8Array;
  readonly pixels: Uint32Array;
  /** What the viewer shows before this change (updated over `rect` after encode). */
  readonly shown: Uint32Array;
  readonly cells: CellGrid;
}

/**
 * A raster format's half of an animation, under the shared change sequencer (change-sequencer.ts):
 * it encodes the pictures the sequencer hands it, and writes each one to its sink once its
 * duration is known (every container here puts a frame's duration before its data).
 */
export interface AnimationEncoder<T> {
  /** The first picture, whole. */
  first(pixels: Uint32Array): Promise<T> | T;
  /** A format may change the held frame before it is written (a GIF clears what turns transparent). */
  revise?(held: T, change: PictureChange): T;
  /** A changed picture; called after the frame before it was written. */
  next(change: PictureChange): Promise<T> | T;
  /** Writes a frame shown from `start` for `duration` ticks. */
  write(frame: T, start: number, duration: number): Promise<void>;
  /** After the last frame was written. */
  end(): Promise<void>;
}

/** The clock of a format: ticks per second and the shortest frame players show as asked. */
export interface Ticks {
  readonly perSecond: number;
  /** Browsers show shorter delays as 100 ms, so no frame is shorter than this. */
  readonly minimum: number;
}

/** Centiseconds, 2 at least: what a GIF can say and browsers honour. */
export const CENTISECONDS: Ticks = { perSecond: 100, minimum: 2 };
/** Milliseconds, 20 at least (browsers show 10 ms and under as 100 ms in every animated image format). */
export const MILLISECONDS: Ticks = { perSecond: 1000, minimum: 20 };
