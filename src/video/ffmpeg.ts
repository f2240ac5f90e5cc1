import { spawn, type ChildProcess } from 'node:child_process';

/** ffmpeg is not installed: one line saying so and how to get it. */
export class FfmpegMissingError extends Error {
  constructor() {
    super('MP4 and WebM output needs the ffmpeg program, which is not on PATH (Debian/Ubuntu: apt-get install ffmpeg)');
    this.name = 'FfmpegMissingError';
  }
}

/**
 * An ffmpeg process reading a stream on stdin. Its stderr is kept (the last lines only) for the
 * error message if it fails.
 */
export class Ffmpeg {
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;
  private stderr = '';
  private failure: Error | undefined;

  constructor(args: readonly string[]) {
    this.child = spawn('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', ...args], { stdio: ['pipe', 'ignore', 'pipe'] });
    this.child.stderr!.setEncoding('utf8');
    this.child.stderr!.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000);
    });
    // A write after ffmpeg quit fails with EPIPE; the exit status tells the real story.
    this.child.stdin!.on('error', () => {});
    this.exited = new Promise((resolve) => {
      this.child.once('error', (error: NodeJS.ErrnoException) => {
        this.failure = error.code === 'ENOENT' ? new FfmpegMissingError() : error;
        resolve(null);
      });
      this.child.once('close', (code) => resolve(code));
    });
  }

  /** Writes and waits until the bytes were handed to ffmpeg (the caller may then reuse its buffer). */
  async write(bytes: Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    const written = new Promise<Error | null | undefined>((resolve) => this.child.stdin!.write(bytes, resolve));
    const outcome = await Promise.race([written, this.exited.then(() => 'exited' as const)]);
    // A failed write means ffmpeg is gone (or never started): why is in its exit, not in EPIPE.
    if (outcome === 'exited' || outcome) {
      await this.exited;
      throw this.failure ?? this.failedError();
    }
  }

  /** Ends the input and waits for ffmpeg to finish; fails with its last error line. */
  async finish(): Promise<void> {
    this.child.stdin!.end();
    const code = await this.exited;
    if (this.failure) throw this.failure;
    if (code !== 0) throw this.failedError();
  }

  /** Ends ffmpeg when rendering failed. */
  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }

  private failedError(): Error {
    const lines = this.stderr.trim().split('\n').filter(Boolean);
    return new Error(`ffmpeg failed: ${lines.at(-1) ?? `exit status ${this.child.exitCode}`}`);
  }
}
