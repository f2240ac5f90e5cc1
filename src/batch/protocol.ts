import type { ReadOptions, RenderOptions } from '../render/options.js';
import type { RenderTargets } from '../render/render-to-target.js';

/** One (input, format) render, as sent to a worker thread: plain data only (no functions cross threads). */
export interface JobMessage {
  readonly id: number;
  readonly input: string;
  /** How the input is named in messages. */
  readonly name: string;
  readonly output: string;
  /** The files written, planned in the main thread (which removes their hidden files if interrupted). */
  readonly targets: RenderTargets;
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
