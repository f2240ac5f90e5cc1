import { rmSync } from 'node:fs';

/**
 * Temporary files of renders in flight, removed if the process ends mid-render (Ctrl-C), so an
 * interrupted command or batch leaves only complete outputs behind.
 *
 * A CLI's own signal handler exits through process.exit, which emits 'exit'. Without one (a library
 * caller), a signal's default action would end the process with no 'exit' event, so the files are
 * removed on the signal itself, which is then re-raised to take its default course.
 */
export class TempFiles {
  private readonly paths = new Set<string>();
  private readonly signals = (['SIGINT', 'SIGTERM'] as const).filter((signal) => process.listenerCount(signal) === 0);
  private readonly removeAll = () => {
    for (const path of this.paths) rmSync(path, { force: true });
  };
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.removeAll();
    this.release();
    process.kill(process.pid, signal);
  };

  constructor() {
    process.on('exit', this.removeAll);
    for (const signal of this.signals) process.on(signal, this.onSignal);
  }

  add(path: string): void {
    this.paths.add(path);
  }

  /** The render has renamed or removed it. */
  delete(path: string): void {
    this.paths.delete(path);
  }

  /** The batch is over: stop watching the process. */
  release(): void {
    process.off('exit', this.removeAll);
    for (const signal of this.signals) process.off(signal, this.onSignal);
  }
}
