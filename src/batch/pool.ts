import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JobMessage, WorkerReply } from './protocol.js';

export type JobOutcome =
  | { readonly ok: true; readonly bytes: number; readonly frames?: number; readonly ms: number; readonly alt?: string }
  | { readonly ok: false; readonly message: string; readonly stack?: string };

/**
 * The compiled worker beside this module. When this module itself runs from TypeScript source (a
 * test runner transforms it on the fly, but a worker thread is plain Node and cannot load .ts), the
 * compiled copy under dist/ is used instead, so tests need `npm run build` first, as `npm test` does.
 */
export function workerEntry(): URL {
  const here = new URL('./worker.js', import.meta.url);
  if (!import.meta.url.endsWith('.ts')) return here;
  const compiled = fileURLToPath(here).replace(/([\\/])src([\\/]batch[\\/]worker\.js)$/, '$1dist$2');
  if (!existsSync(compiled)) throw new Error(`the batch worker is not built (${compiled}): run npm run build`);
  return pathToFileURL(compiled);
}

export interface JobListener {
  warning(message: string): void;
  /** Frames rendered so far (a running total for this job). */
  frames(count: number): void;
}

interface Running {
  readonly job: JobMessage;
  readonly listener: JobListener;
  readonly settle: (outcome: JobOutcome) => void;
}

/**
 * At most `size` worker threads, each rendering one job at a time, created as jobs arrive and kept
 * for the next job. A worker that dies fails only the job it held and is replaced on demand.
 */
export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Running>();
  private count = 0;

  constructor(
    private readonly size: number,
    private readonly entry: URL = workerEntry(),
  ) {}

  run(job: JobMessage, listener: JobListener): Promise<JobOutcome> {
    const worker = this.idle.pop() ?? this.spawn();
    return new Promise((resolve) => {
      this.running.set(worker, { job, listener, settle: resolve });
      worker.postMessage(job);
    });
  }

  private spawn(): Worker {
    if (this.count >= this.size) throw new Error('worker pool: more jobs than workers (the queue must limit concurrency)');
    this.count++;
    const worker = new Worker(this.entry);
    worker.on('message', (reply: WorkerReply) => {
      const running = this.running.get(worker);
      if (!running || running.job.id !== reply.id) return;
      if (reply.kind === 'warning') return running.listener.warning(reply.message);
      if (reply.kind === 'frames') return running.listener.frames(reply.frames);
      this.running.delete(worker);
      this.idle.push(worker);
      running.settle(reply.kind === 'done' ? { ok: true, bytes: reply.bytes, frames: reply.frames, ms: reply.ms, ...(reply.alt === undefined ? {} : { alt: reply.alt }) } : { ok: false, message: reply.message, stack: reply.stack });
    });
    let gone = false;
    const lost = (why: string) => {
      if (gone) return;
      gone = true;
      this.count--;
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      const running = this.running.get(worker);
      this.running.delete(worker);
      running?.settle({ ok: false, message: `the render crashed (${why})` });
    };
    worker.on('error', (error: Error) => lost(error.message));
    worker.on('exit', (code) => lost(`worker exited with status ${code}`));
    return worker;
  }

  async close(): Promise<void> {
    const all = [...this.idle, ...this.running.keys()];
    this.idle.length = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }
}
