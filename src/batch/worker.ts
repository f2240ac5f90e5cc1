import { parentPort } from 'node:worker_threads';
import { CastError } from '../cast/cast-error.js';
import { readRecording } from '../cast/detect.js';
import { basename } from 'node:path';
import { renderCast } from '../render/render.js';
import { darkTwinOptions } from '../render/dark-twin.js';
import { accessibleName } from '../render/accessible-name.js';
import type { RenderOptions } from '../render/options.js';
import type { OutputTarget } from '../render/output-target.js';
import type { Cast } from '../cast/events.js';
import { replayable } from '../cast/replay.js';
import { openOutputStream } from '../render/output-file.js';
import type { JobMessage, WorkerReply } from './protocol.js';
import { framesRendered } from '../render/frame-tuning.js';

export interface JobProgress {
  warn(message: string): void;
  frame(): void;
}

/**
 * Renders one job into its temporary file and renames it into place: the output appears only when
 * complete, and a failed render leaves nothing behind. An output that is no file (a FIFO) is written in place. Runs in a worker thread, one job at a time.
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
  // The twin first (its frames are not counted): the output appears only once both are complete.
  if (job.dark) await renderInto(cast, { ...darkTwinOptions(options), onFrame: () => {} }, job.dark.target, job.dark.temp, job.name);
  const bytes = await renderInto(cast, options, job.target, job.temp, job.name);
  return job.dark ? { bytes, alt: accessibleName(cast, options) } : { bytes };
}

/** Renders through `temp` onto `target` (see openOutputStream); returns the bytes written. */
async function renderInto(cast: Cast, options: RenderOptions, target: OutputTarget, temp: string | undefined, name: string): Promise<number> {
  const output = openOutputStream(target, temp, name);
  try {
    await renderCast(cast, options, output.stream);
    await output.commit();
    return output.stream.bytesWritten;
  } catch (error) {
    output.abort();
    throw error;
  }
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
      ({ bytes, alt }) =>
        reply({ id: job.id, kind: 'done', bytes, frames: framesRendered(job.options, frames), ms: performance.now() - start, ...(alt === undefined ? {} : { alt }) }),
      (error: unknown) => {
        const e = error instanceof Error ? error : new Error(String(error));
        reply({ id: job.id, kind: 'failed', message: e.message, stack: e.name === 'CastError' ? undefined : e.stack });
      },
    );
  });
}
