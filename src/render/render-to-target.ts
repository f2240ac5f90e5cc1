import { rmSync } from 'node:fs';
import type { Cast } from '../cast/events.js';
import { replayable } from '../cast/replay.js';
import { accessibleName } from './accessible-name.js';
import { darkTwinOptions, darkTwinPath, hasDarkTwin } from './dark-twin.js';
import { framesRendered } from './frame-tuning.js';
import type { RenderOptions } from './options.js';
import { cannotWrite, isSystemError, openOutputStream, targetOf, tempBeside } from './output-file.js';
import type { OutputTarget } from './output-target.js';
import { renderCast } from './render.js';

/** One file a render writes. Plain data, so a batch plans it in the main thread and renders it in a worker. */
export interface TargetFile {
  /** As messages name it. */
  readonly shown: string;
  /** What the path names, its symlinks followed (see outputTarget). */
  readonly target: OutputTarget;
  /** The hidden file written first and renamed onto the target once complete; none for a FIFO or device. */
  readonly temp?: string;
}

/** The files of one render: the output, and its dark twin (NAME-dark.EXT) when the options give it one. */
export interface RenderTargets {
  readonly output: TargetFile;
  readonly twin?: TargetFile;
}

function targetFile(path: string, shown: string, id: string | number | undefined): TargetFile {
  const target = targetOf(path, shown);
  return { shown, target, ...(target.kind === 'file' ? { temp: tempBeside(target.path, id) } : {}) };
}

/**
 * Where a render of `path` (named `shown` in messages) writes. `id` tells apart the hidden files
 * of renders running at once; without one, each plan takes the next number.
 */
export function planTargets(path: string, shown: string, options: Pick<RenderOptions, 'format' | 'theme' | 'darkTheme'>, id?: string | number): RenderTargets {
  const output = targetFile(path, shown, id);
  return hasDarkTwin(options) ? { output, twin: targetFile(darkTwinPath(path), darkTwinPath(shown), id) } : { output };
}

/** The hidden files of a plan, for the caller to remove should the process be interrupted (see TempFiles). */
export const tempFilesOf = (targets: RenderTargets): string[] =>
  [targets.output.temp, targets.twin?.temp].filter((temp): temp is string => temp !== undefined);

export interface Rendered {
  readonly bytes: number;
  /** Frames in the output (see framesRendered). */
  readonly frames?: number;
  /** With a twin: what screen readers call the image, for the <picture> that shows the right one. */
  readonly alt?: string;
}

/** Renders through the file's hidden file onto its target (see openOutputStream); returns the bytes written. */
async function renderInto(cast: Cast, options: RenderOptions, file: TargetFile): Promise<number> {
  const output = openOutputStream(file.target, file.temp, file.shown);
  try {
    await renderCast(cast, options, output.stream);
    await output.commit();
  } catch (error) {
    output.abort();
    throw isSystemError(error) ? cannotWrite(file.shown, error) : error;
  }
  return output.stream.bytesWritten;
}

/**
 * Renders one recording into its planned files, for the command line and the batch alike: the
 * dark twin first, then the output, so the output appears only once both are complete. Nothing
 * half-written is left behind: a failed file's hidden file is removed, and a twin whose output
 * failed is removed too.
 */
export async function renderToTarget(recording: Cast, options: RenderOptions, targets: RenderTargets): Promise<Rendered> {
  const { output, twin } = targets;
  const cast = twin === undefined ? recording : replayable(recording);
  // Its frames are not counted, and its warnings are the output's: said once, by the output's render.
  if (twin !== undefined) await renderInto(cast, { ...darkTwinOptions(options), onFrame: () => {}, onWarning: undefined }, twin);
  let frames = 0;
  const counted: RenderOptions = {
    ...options,
    onFrame: (frame) => {
      frames++;
      options.onFrame?.(frame);
    },
    onMaxSize: (message, kept) => {
      // The output holds the frames of the try that fit, not those of every try.
      frames = kept.frames;
      options.onMaxSize?.(message, kept);
    },
  };
  let bytes: number;
  try {
    bytes = await renderInto(cast, counted, output);
  } catch (error) {
    if (twin?.target.kind === 'file') rmSync(twin.target.path, { force: true });
    throw error;
  }
  return { bytes, frames: framesRendered(options, frames), ...(twin === undefined ? {} : { alt: accessibleName(cast, options) }) };
}
