import { mkdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CommanderError } from 'commander';
import { formatBytes, formatSeconds } from '../batch/summary.js';
import { CastError } from '../cast/cast-error.js';
import { readRecording } from '../cast/detect.js';
import { formatEntry } from '../formats/registry.js';
import { resolveLimits } from '../options/limits.js';
import { UsageError } from '../options/usage-error.js';
import { hasDarkTwin, pictureSnippet } from '../render/dark-twin.js';
import { toRenderOptions, type RenderOptions } from '../render/options.js';
import { cannotWrite, writeFileAtomicSync } from '../render/output-file.js';
import { renderCast } from '../render/render.js';
import { planTargets, renderToTarget, tempFilesOf } from '../render/render-to-target.js';
import { TempFiles } from '../render/temp-files.js';
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
    const options: RenderOptions = {
      ...toRenderOptions(values, format),
      onWarning: (message) => {
        if (!opts.quiet) say(`warning: ${message}`);
      },
      ...(opts.verbose ? { onDetail: (message: string) => say(message) } : {}),
      ...(opts.snapshots === undefined ? {} : { onMarkerPng: snapshotWriter(opts.snapshots) }),
      onMaxSize: (message) => {
        if (!opts.quiet) say(message);
      },
      ...(input === '-' ? {} : { inputName: basename(input.replace(/[?#].*$/, '')) }),
    };
    if (hasDarkTwin(options) && output === '-') throw new UsageError(`a dark theme gives ${format.toUpperCase()} a second file: name the output, not -`);
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
    if (output === '-') {
      await renderCast(recording, options, stdout);
      return 0;
    }
    const targets = planTargets(output, output, options);
    const temps = new TempFiles();
    for (const temp of tempFilesOf(targets)) temps.add(temp);
    const rendered = await renderToTarget(recording, options, targets).finally(() => temps.release());
    // One line for a person watching; scripts and pipes (stderr not a terminal) get silence.
    if (!opts.quiet && (stderr as NodeJS.WriteStream).isTTY) {
      say(renderedLine(output, rendered.bytes, rendered.frames, performance.now() - started));
    }
    if (targets.twin !== undefined && !opts.quiet) stdout.write(`${pictureSnippet(output, targets.twin.shown, rendered.alt ?? '')}\n`);
    return 0;
  } catch (error) {
    return report(error, verbose, say);
  }
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
  // Exiting runs the 'exit' handlers, which remove the hidden files of renders in flight (see TempFiles).
  const stop = (signal: NodeJS.Signals, status: number) => () => {
    process.stderr.write(`${context.name}: interrupted by ${signal}; no output written\n`);
    process.exit(status);
  };
  process.once('SIGINT', stop('SIGINT', 130));
  process.once('SIGTERM', stop('SIGTERM', 143));
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    process.stderr.write(
      `${context.name}: ${error.code === 'EPIPE' ? 'stdout was closed before the output was complete' : error.message}\n`,
    );
    process.exit(1);
  });
  const status = await main(process.argv.slice(2), context);
  process.exitCode = status;
}
