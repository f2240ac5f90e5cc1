import type { ReadOptions, RenderOptions } from '../render/options.js';
import type { OutputTarget } from '../render/output-target.js';

/** One (input, format) render, as sent to a worker thread: plain data only (no functions cross threads). */
export interface JobMessage {
  readonly id: number;
  readonly input: string;
  /** How the input is named in messages. */
  readonly name: string;
  readonly output: string;
  /** What `output` names, its symlinks followed (see outputTarget). */
  readonly target: OutputTarget;
  /** The hidden file written first and renamed onto the target once complete; none for a FIFO or device. */
  readonly temp?: string;
  /** Raster outputs with a dark theme: the twin written beside `output` (NAME-dark.EXT), as `target` and `temp` are. */
  readonly dark?: { readonly target: OutputTarget; readonly temp?: string };
  readonly read: ReadOptions;
  readonly options: Omit<RenderOptions, 'onWarning'>;
}

export type WorkerReply =
  | { readonly id: number; readonly kind: 'warning'; readonly message: string }
  /** Frames rendered so far in this job, sent now and then for the progress display. */
  | { readonly id: number; readonly kind: 'frames'; readonly frames: number }
  /** `alt`: the image's name, for the <picture> of a job with a dark twin. */
  | { readonly id: number; readonly kind: 'done'; readonly bytes: number; readonly frames?: number; readonly ms: number; readonly alt?: string }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string; readonly stack?: string };
