import { parentPort } from 'node:worker_threads';
import { CastError } from '../cast/cast-error.js';
import { readRecording } from '../cast/detect.js';
import { renderCast } from '../render/render.js';
import { openOutputStream } from '../cli/atomic-output.js';
import type { JobMessage, WorkerReply } from './protocol.js';
import { framesRendered } from './summary.js';

export interface JobProgress {
  warn(message: string): void;
  frame(): void;
}

/**
 * Renders one job into its temporary file and renames it into place: the output appears only when
 * complete, and a failed render leaves nothing behind. An output that is no file (a FIFO) is written in place. Runs in a worker thread, one job at a time.
 */
export async function renderJob(job: JobMessage, progress: JobProgress): Promise<number> {
  const warn = (message: string) => progress.warn(message);
  const options = { ...job.options, onWarning: warn, onFrame: () => progress.frame() };
  const cast = await readRecording(job.input, { ...job.read, name: job.name, cols: options.cols, rows: options.rows, onWarning: warn }).catch(
    (error: unknown) => {
      // Opened by absolute path (the batch's folder need not be the process's), but named as the user wrote it.
      throw error instanceof CastError && error.file === job.input ? new CastError(job.name, error.line, error.problem) : error;
    },
  );
  const output = openOutputStream(job.target, job.temp, job.name);
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
      (bytes) => reply({ id: job.id, kind: 'done', bytes, frames: framesRendered(job.options, frames), ms: performance.now() - start }),
      (error: unknown) => {
        const e = error instanceof Error ? error : new Error(String(error));
        reply({ id: job.id, kind: 'failed', message: e.message, stack: e.name === 'CastError' ? undefined : e.stack });
      },
    );
  });
}
