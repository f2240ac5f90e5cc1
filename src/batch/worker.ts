import { createWriteStream, openSync, rmSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { basename } from 'node:path';
import { finished } from 'node:stream/promises';
import { parentPort } from 'node:worker_threads';
import { CastError } from '../cast/cast-error.js';
import { readRecording } from '../cast/detect.js';
import { renderCast } from '../render/render.js';
import { darkTwinOptions } from '../render/dark-twin.js';
import { accessibleName } from '../render/accessible-name.js';
import type { RenderOptions } from '../render/options.js';
import type { Cast } from '../cast/events.js';
import { replayable } from '../cast/replay.js';
import type { JobMessage, WorkerReply } from './protocol.js';

export interface JobProgress {
  warn(message: string): void;
  frame(): void;
}

/**
 * Renders one job into its temporary file and renames it into place: the output appears only when
 * complete, and a failed render leaves nothing behind. Runs in a worker thread, one job at a time.
 */
export async function renderJob(job: JobMessage, progress: JobProgress): Promise<{ bytes: number; alt?: string }> {
  const warn = (message: string) => progress.warn(message);
  // What --max-size gave up is told as the warnings are: one line naming the input.
  const options = { ...job.options, inputName: basename(job.name), onWarning: warn, onMaxSize: warn, onFrame: () => progress.frame() };
  const recording = await readRecording(job.input, { ...job.read, name: job.name, cols: options.cols, rows: options.rows, onWarning: warn }).catch(
    (error: unknown) => {
      // Opened by absolute path (the batch's folder need not be the process's), but named as the user wrote it.
      throw error instanceof CastError && error.file === job.input ? new CastError(job.name, error.line, error.problem) : error;
    },
  );
  const cast = job.dark ? replayable(recording) : recording;
  // The twin first: the output appears only once both are complete (its rename is the last step).
  if (job.dark) await renderFile(cast, darkTwinOptions(options), job.dark.temp, job.dark.output);
  try {
    const bytes = await renderFile(cast, options, job.temp, job.output);
    return job.dark ? { bytes, alt: accessibleName(cast, options) } : { bytes };
  } catch (error) {
    if (job.dark) rmSync(job.dark.output, { force: true });
    throw error;
  }
}

/** Renders into `temp` and renames it to `output`; returns the bytes written. */
async function renderFile(cast: Cast, options: RenderOptions, temp: string, output: string): Promise<number> {
  // Opened synchronously so the file exists before any failure: removing it then cannot race an open still in flight.
  const stream = createWriteStream(temp, { fd: openSync(temp, 'wx') });
  // An error such as a full disk surfaces through finished(); keep it from being an uncaught event first.
  let failure: Error | undefined;
  stream.on('error', (error) => {
    failure ??= error;
  });
  try {
    await renderCast(cast, options, stream);
    stream.end();
    await finished(stream).catch((error: Error) => {
      failure ??= error;
    });
    if (failure) throw failure;
    await rename(temp, output);
    return stream.bytesWritten;
  } catch (error) {
    stream.destroy();
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * A still (text, PNG, --at) is one picture. An animation's frames are counted as the pipeline hands
 * them on (RenderOptions.onFrame); when it reports none, the count is unknown rather than zero.
 */
function frameCount(job: JobMessage, counted: number): number | undefined {
  const still = job.options.format === 'txt' || job.options.format === 'png' || job.options.at !== undefined;
  return still ? 1 : counted > 0 ? counted : undefined;
}

const port = parentPort;
if (port) {
  port.on('message', (job: JobMessage) => {
    const reply = (message: WorkerReply) => port.postMessage(message);
    const start = performance.now();
    let frames = 0;
    let told = start;
    const progress: JobProgress = {
      warn: (message) => reply({ id: job.id, kind: 'warning', message }),
      frame() {
        frames++;
        // A few updates a second are plenty for a progress line; one per frame would flood the port.
        const now = performance.now();
        if (now - told >= 200) {
          told = now;
          reply({ id: job.id, kind: 'frames', frames });
        }
      },
    };
    renderJob(job, progress).then(
      ({ bytes, alt }) => reply({ id: job.id, kind: 'done', bytes, frames: frameCount(job, frames), ms: performance.now() - start, ...(alt === undefined ? {} : { alt }) }),
      (error: unknown) => {
        const e = error instanceof Error ? error : new Error(String(error));
        reply({ id: job.id, kind: 'failed', message: e.message, stack: e.name === 'CastError' ? undefined : e.stack });
      },
    );
  });
}
