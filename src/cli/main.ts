import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CommanderError } from 'commander';
import { formatBytes, formatSeconds } from '../batch/summary.js';
import type { Cast } from '../cast/events.js';
import { replayable } from '../cast/replay.js';
import { CastError } from '../cast/cast-error.js';
import { readRecording } from '../cast/detect.js';
import { formatEntry } from '../formats/registry.js';
import { resolveLimits } from '../options/limits.js';
import { UsageError } from '../options/usage-error.js';
import { accessibleName } from '../render/accessible-name.js';
import { darkTwinOptions, darkTwinPath, hasDarkTwin, pictureSnippet } from '../render/dark-twin.js';
import { framesRendered } from '../render/frame-tuning.js';
import { toRenderOptions, type RenderOptions } from '../render/options.js';
import { cannotWrite, isSystemError, openAtomicOutput, removeAllPending, writeFileAtomicSync } from '../render/output-file.js';
import { renderCast } from '../render/render.js';
import { formatThemeList } from '../theme/index.js';
import { checkRange, parseTimePoint, TimePointError } from '../timeline/index.js';
import { asksForRecording, commanderLayers, commandValues, configMakesBatch, configuredOptionValues, isBatchInvocation, runBatchCommand } from './batch-command.js';
import { checkOptionFiles } from './option-files.js';
import { resolveOutput } from './output-path.js';
import { buildProgram } from './program.js';

export interface CliContext {
  readonly name: string;
  readonly defaultFormat: 'gif' | 'svg';
  readonly stdin?: NodeJS.ReadableStream;
  readonly stdout?: NodeJS.WritableStream;
  readonly stderr?: NodeJS.WritableStream;
}

const version = (): string =>
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const timePoint = (value: string | undefined) => (value === undefined ? undefined : parseTimePoint(value));

/** Runs the command and returns its exit status; never throws. */
export async function main(argv: readonly string[], context: CliContext): Promise<number> {
  const stdout = context.stdout ?? process.stdout;
  const stderr = context.stderr ?? process.stderr;
  const say = (line: string) => stderr.write(`${context.name}: ${line}\n`);
  const program = buildProgram({ name: context.name, version: version(), defaultFormat: context.defaultFormat });
  program
    .exitOverride()
    .configureOutput({
      writeOut: (s) => stdout.write(s),
      writeErr: () => {},
      outputError: () => {},
    });
  const started = performance.now();
  let verbose = argv.includes('--verbose') || argv.includes('-v');
  try {
    program.parse(argv as string[], { from: 'user' });
    const opts = commandValues(program);
    verbose = Boolean(opts.verbose);
    if (opts.listThemes) {
      const tty = stdout as NodeJS.WriteStream;
      stdout.write(formatThemeList({ color: Boolean(tty.isTTY && tty.hasColors?.(2 ** 24)) && !process.env.NO_COLOR }));
      return 0;
    }
    const batch = () => runBatchCommand(program, { defaultFormat: context.defaultFormat, stdout, stderr });
    if (isBatchInvocation(program.args, opts, { castOutput: asksForRecording(program) })) {
      checkOptionFiles(commanderLayers(program).explicit);
      return await batch();
    }
    const [input, outputArg] = program.args as [string | undefined, string | undefined];
    if (input === undefined) throw new UsageError('missing the input file (see --help)');
    // The same layering as a batch (defaults < config file < overrides < flags), so both draw a cast alike.
    const values = configuredOptionValues(program, input);
    checkRange(timePoint(values.from), timePoint(values.to));
    checkOptionFiles(values);
    if (outputArg === undefined && configMakesBatch(values, input)) return await batch();
    const { format, output } = resolveOutput(input, outputArg, opts.format?.[0], values.format?.[0] ?? context.defaultFormat);
    // As gzip does: image bytes on a terminal are garbage at best and terminal commands at worst.
    if (output === '-' && formatEntry(format).binary && (stdout as NodeJS.WriteStream).isTTY) {
      throw new UsageError(`refusing to write ${format.toUpperCase()} data to a terminal: redirect stdout, or name an output file`);
    }
    let frames = 0;
    const options: RenderOptions = {
      ...toRenderOptions(values, format),
      onFrame: () => frames++,
      onWarning: (message) => {
        if (!opts.quiet) say(`warning: ${message}`);
      },
      ...(opts.verbose ? { onDetail: (message: string) => say(message) } : {}),
      ...(opts.snapshots === undefined ? {} : { onMarkerPng: snapshotWriter(opts.snapshots) }),
      onMaxSize: (message, kept) => {
        // The summary line counts the frames of the output, not of every try.
        frames = kept.frames;
        if (!opts.quiet) say(message);
      },
      ...(input === '-' ? {} : { inputName: basename(input.replace(/[?#].*$/, '')) }),
    };
    const twin = hasDarkTwin(options) ? darkTwinPath(output) : undefined;
    if (twin !== undefined && output === '-') throw new UsageError(`a dark theme gives ${format.toUpperCase()} a second file: name the output, not -`);
    const limits = resolveLimits(values.limit);
    const recording = await readRecording(input, {
      stdin: context.stdin,
      maxBytes: limits.urlBytes,
      maxCols: limits.cols,
      maxRows: limits.rows,
      cols: options.cols,
      rows: options.rows,
      inputFormat: values.inputFormat,
      timing: values.timing,
      onWarning: options.onWarning,
    });
    const cast = twin === undefined ? recording : replayable(recording);
    if (output === '-') {
      await renderCast(cast, options, stdout);
      return 0;
    }
    // The dark twin first (its frames are not counted): the output named appears only when both are complete.
    // Its warnings are the main render's: said once, by the main render.
    if (twin !== undefined) await renderFile(cast, { ...darkTwinOptions(options), onFrame: () => {}, onWarning: undefined }, twin);
    let bytes: number;
    try {
      bytes = await renderFile(cast, options, output);
    } catch (error) {
      if (twin !== undefined) rmSync(twin, { force: true });
      throw error;
    }
    // One line for a person watching; scripts and pipes (stderr not a terminal) get silence.
    if (!opts.quiet && (stderr as NodeJS.WriteStream).isTTY) {
      say(renderedLine(output, bytes, framesRendered(options, frames), performance.now() - started));
    }
    if (twin !== undefined && !opts.quiet) stdout.write(`${pictureSnippet(output, twin, accessibleName(cast, options))}\n`);
    return 0;
  } catch (error) {
    return report(error, verbose, say);
  }
}

/** Renders into `output` through a hidden file: nothing half-written is left behind. Returns the bytes written. */
async function renderFile(cast: Cast, options: RenderOptions, output: string): Promise<number> {
  const file = openAtomicOutput(output);
  try {
    await renderCast(cast, options, file.stream);
    await file.commit();
  } catch (error) {
    file.abort();
    throw isSystemError(error) ? cannotWrite(output, error) : error;
  }
  return file.stream.bytesWritten;
}

/** `wrote out.gif: 1.2 MB, 196 frames, 0.84 s` */
function renderedLine(output: string, bytes: number, frames: number | undefined, ms: number): string {
  const count = frames === undefined ? '' : `${frames} frame${frames === 1 ? '' : 's'}, `;
  return `wrote ${output}: ${formatBytes(bytes)}, ${count}${formatSeconds(ms)}`;
}

/** Marker snapshots are named by their order and label: 001-intro.png. */
function snapshotWriter(dir: string): NonNullable<RenderOptions['onMarkerPng']> {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new UsageError(`--snapshots ${dir}: not a folder`);
    throw cannotWrite(dir, error);
  }
  return (label, index, png) => {
    const slug = label.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
    writeFileAtomicSync(join(dir, `${String(index).padStart(3, '0')}${slug ? `-${slug}` : ''}.png`), png);
  };
}

function report(error: unknown, verbose: boolean, say: (line: string) => void): number {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return 0;
    say(error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' '));
    return 2;
  }
  // A time point that matches nothing is found only once the recording is read, but it is the call that is wrong.
  if (error instanceof UsageError || error instanceof TimePointError) {
    say(error.message);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  say(message.split('\n')[0]!);
  if (verbose && error instanceof Error && !(error instanceof CastError)) say(error.stack ?? '');
  return 1;
}

/** Entry for the bins: exit status, signal clean-up, and a closed stdout. */
export async function run(context: CliContext): Promise<void> {
  const stop = (signal: NodeJS.Signals, status: number) => () => {
    removeAllPending();
    process.stderr.write(`${context.name}: interrupted by ${signal}; no output written\n`);
    process.exit(status);
  };
  process.once('SIGINT', stop('SIGINT', 130));
  process.once('SIGTERM', stop('SIGTERM', 143));
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    removeAllPending();
    process.stderr.write(
      `${context.name}: ${error.code === 'EPIPE' ? 'stdout was closed before the output was complete' : error.message}\n`,
    );
    process.exit(1);
  });
  const status = await main(process.argv.slice(2), context);
  process.exitCode = status;
}
