import { parentPort } from 'node:worker_threads';
import { basename } from 'node:path';
import { CastError } from '../cast/cast-error.js';
import { readRecording } from '../cast/detect.js';
import { renderToTarget, type Rendered } from '../render/render-to-target.js';
import type { JobMessage, WorkerReply } from './protocol.js';

export interface JobProgress {
  warn(message: string): void;
  frame(): void;
}

/** Reads one job's input and renders it into its planned files (see renderToTarget). Runs in a worker thread, one job at a time. */
export async function renderJob(job: JobMessage, progress: JobProgress): Promise<Rendered> {
  const warn = (message: string) => progress.warn(message);
  // What --max-size gave up is told as the warnings are: one line naming the input.
  const options = { ...job.options, inputName: basename(job.name), onWarning: warn, onMaxSize: warn, onFrame: () => progress.frame() };
  const recording = await readRecording(job.input, { ...job.read, name: job.name, cols: options.cols, rows: options.rows, onWarning: warn }).catch(
    (error: unknown) => {
      // Opened by absolute path (the batch's folder need not be the process's), but named as the user wrote it.
      throw error instanceof CastError && error.file === job.input ? new CastError(job.name, error.line, error.problem) : error;
    },
  );
  return renderToTarget(recording, options, job.targets);
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
      (rendered) => reply({ id: job.id, kind: 'done', ...rendered, ms: performance.now() - start }),
      (error: unknown) => {
        const e = error instanceof Error ? error : new Error(String(error));
        reply({ id: job.id, kind: 'failed', message: e.message, stack: e.name === 'CastError' ? undefined : e.stack });
      },
    );
  });
}
