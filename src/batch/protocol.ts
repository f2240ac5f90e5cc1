import type { ReadRecordingOptions } from '../cast/detect.js';
import type { RenderOptions } from '../render/options.js';

/** One (input, format) render, as sent to a worker thread: plain data only (no functions cross threads). */
export interface JobMessage {
  readonly id: number;
  readonly input: string;
  /** How the input is named in messages. */
  readonly name: string;
  readonly output: string;
  /** The hidden file written first and renamed to `output` once complete. */
  readonly temp: string;
  /** Raster outputs with a dark theme: the twin written beside `output`, and its hidden file. */
  readonly dark?: { readonly output: string; readonly temp: string };
  readonly read: Pick<ReadRecordingOptions, 'inputFormat' | 'timing' | 'maxCols' | 'maxRows'>;
  readonly options: Omit<RenderOptions, 'onWarning'>;
}

export type WorkerReply =
  | { readonly id: number; readonly kind: 'warning'; readonly message: string }
  /** Frames rendered so far in this job, sent now and then for the progress display. */
  | { readonly id: number; readonly kind: 'frames'; readonly frames: number }
  /** `alt`: the image's name, for the <picture> of a job with a dark twin. */
  | { readonly id: number; readonly kind: 'done'; readonly bytes: number; readonly frames?: number; readonly ms: number; readonly alt?: string }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string; readonly stack?: string };
