import { errorLine, formatBytes, formatSeconds, inputLine, summaryJson, totalsLine, type BatchSummary, type InputResult } from './summary.js';

export interface LogOptions {
  readonly stdout?: NodeJS.WritableStream;
  readonly stderr?: NodeJS.WritableStream;
  /** Only failures are printed (and --json's document). */
  readonly quiet?: boolean;
  /** Also stack traces of unexpected errors. */
  readonly verbose?: boolean;
  /** Print the summary as JSON on stdout. */
  readonly json?: boolean;
  /** `auto`: a live progress line when stderr is a TTY and CI is not set, else one line per input. */
  readonly progress?: 'auto' | 'live' | 'lines';
  /** For `auto`: defaults to process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** Milliseconds since some start; tests give their own. */
  readonly clock?: () => number;
}

/**
 * A render's fixed cost (start-up, theme, fonts, file handling), as input bytes that would take as
 * long: about 40 ms per job against GIF's ~0.7 MB/s on agg's 1.8 MB demo (2 cores). Without it a
 * batch whose bytes sit in a few big casts shows an ETA near 0 s with dozens of small jobs left.
 */
export const JOB_COST_BYTES = 32 * 1024;

/** What the runner tells the log as the batch goes. */
export interface Reporter {
  start(inputs: number, outputs: number, toRender: number, totalInputBytes: number): void;
  warning(input: string, message: string): void;
  jobStarted(input: string): void;
  jobFinished(input: string, inputBytes: number, outputBytes: number): void;
  /** More frames rendered (a count since the last call). */
  frames(count: number): void;
  /** Stack of an unexpected failure: printed only when verbose. */
  crash(input: string, stack: string): void;
  inputDone(result: InputResult): void;
  finish(summary: BatchSummary): void;
}

export function liveProgressWanted(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return Boolean((stream as { isTTY?: boolean }).isTTY) && !ci;
}

const CLEAR_LINE = '\r\x1b[2K';

export function createReporter(options: LogOptions): Reporter {
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const live =
    !options.quiet &&
    (options.progress === 'live' || (options.progress !== 'lines' && liveProgressWanted(stderr, options.env ?? process.env)));
  const now = options.clock ?? (() => performance.now());
  const started = now();
  let total = 0;
  let done = 0;
  let running = 0;
  let bytesTotal = 0;
  let bytesDone = 0;
  let written = 0;
  let frames = 0;
  let current = '';
  let shown = false;
  let lastDraw = 0;
  let timer: NodeJS.Timeout | undefined;

  const line = (text: string) => {
    if (shown) {
      stderr.write(CLEAR_LINE);
      shown = false;
    }
    stderr.write(`${text}\n`);
  };

  /** ETA from input bytes plus each job's fixed cost, at the rate measured so far. */
  const eta = (): string => {
    const elapsed = now() - started;
    if (bytesDone === 0 || elapsed < 500) return '';
    const remaining = ((bytesTotal - bytesDone) * elapsed) / bytesDone;
    return ` · ETA ${formatSeconds(remaining)}`;
  };

  const draw = (force = false) => {
    if (!live || total === 0) return;
    const drawn = now();
    if (!force && drawn - lastDraw < 100) return;
    lastDraw = drawn;
    const percent = Math.floor((done * 100) / total);
    const text =
      `[${String(done).padStart(String(total).length)}/${total}] ${percent}% · ${running} running · ` +
      `${frames > 0 ? `${frames} frames · ` : ''}${formatBytes(written)} written · ${formatSeconds(drawn - started)}${eta()}${current ? ` · ${current}` : ''}`;
    const width = (stderr as { columns?: number }).columns ?? 100;
    stderr.write(`${CLEAR_LINE}${text.length > width - 1 ? `${text.slice(0, width - 2)}…` : text}`);
    shown = true;
  };

  return {
    start(_inputs, _outputs, toRender, totalInputBytes) {
      total = toRender;
      bytesTotal = totalInputBytes + toRender * JOB_COST_BYTES;
      if (live && total > 0) {
        timer = setInterval(() => draw(true), 1000);
        timer.unref();
        draw(true);
      }
    },
    warning(input, message) {
      if (!options.quiet) line(`warning: ${errorLine(input, message)}`);
      draw(true);
    },
    jobStarted(input) {
      running++;
      current = input;
      draw();
    },
    jobFinished(_input, inputBytes, outputBytes) {
      running--;
      done++;
      bytesDone += inputBytes + JOB_COST_BYTES;
      written += outputBytes;
      draw(true);
    },
    frames(count) {
      frames += count;
      draw();
    },
    crash(input, stack) {
      if (options.verbose) line(`${input}: ${stack}`);
    },
    inputDone(result) {
      // A live display shows inputs in the final summary instead, once the progress line is gone.
      if (live) return;
      const failed = result.outputs.some((o) => o.status === 'failed');
      if (failed || !options.quiet) line(inputLine(result));
    },
    finish(summary) {
      if (timer) clearInterval(timer);
      if (shown) {
        stderr.write(CLEAR_LINE);
        shown = false;
      }
      if (live) for (const result of summary.inputs) line(inputLine(result));
      if (!options.quiet) {
        const failures = summary.inputs.filter((i) => i.outputs.some((o) => o.status === 'failed'));
        line(totalsLine(summary));
        // Repeated at the end so a long CI log shows what broke without scrolling.
        if (failures.length > 0 && !live) for (const f of failures) line(inputLine(f));
      }
      if (options.json) stdout.write(summaryJson(summary));
    },
  };
}
