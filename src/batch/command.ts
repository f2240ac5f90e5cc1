import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { positiveInteger } from '../cli/parse-values.js';
import type { OutputFormat, RenderOptions } from '../render/options.js';
import { loadConfig, optionsFor } from './config.js';
import { BatchSetupError } from './errors.js';
import { isGlob } from './glob.js';
import { displayPath, expandsAsGlob } from './inputs.js';
import { UsageError } from '../cli/usage-error.js';
import { checkParsedOption, flagName, isOptionName, parseFormats, toRenderOptions, type OptionValues } from './option-values.js';
import { RECORDING_NAME } from '../cast/file-names.js';

export interface BatchCommandContext {
  readonly defaultFormat: OutputFormat;
  readonly cwd?: string;
  readonly stdout?: NodeJS.WritableStream;
  readonly stderr?: NodeJS.WritableStream;
  readonly env?: NodeJS.ProcessEnv;
}

/** The batch flags, as one group in --help; call before the program is parsed. */
export function addBatchOptions(program: Command): Command {
  program.optionsGroup('Batch (several inputs, quoted globs, --out-dir, or several formats as -f gif,svg):');
  return program
    .option('--out-dir <dir>', "write outputs under this folder, keeping each input's path below its glob's base folder")
    .option('-j, --jobs <n>', 'renders at once (default, and at most: the number of CPU cores)', positiveInteger)
    .option('--shard <i/n>', 'render only part i of n of the sorted inputs, for CI matrix jobs (like Playwright)')
    .option('--force', 'render even the outputs whose input and options are unchanged since the last run', false)
    .option('--json', 'print a machine-readable summary on stdout', false);
}

/**
 * commander parser for `-f, --format`: one format or a comma-separated list (`gif,svg`), validated
 * and kept as the text given, so the single-file path can go on reading one format from it.
 */
export function formatListArgument(value: string): string {
  try {
    parseFormats(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
  return value;
}

const formatsOf = (value: unknown): OutputFormat[] | undefined => (value === undefined ? undefined : parseFormats(value));

const OUTPUT_NAME = /\.(gif|svg|png|txt)$/i;

export interface InvocationFacts {
  /** Whether a path exists (relative to the working folder); injectable for tests. */
  readonly exists?: (path: string) => boolean;
  /** The command asks for asciicast output (`-f cast` or `--cast-version` typed), so `X old.cast` names an output. */
  readonly castOutput?: boolean;
}

/**
 * `INPUT OUTPUT` is the one-file form unless the second argument is a glob that names no output
 * file, or an existing recording that the command does not ask to overwrite with a cast: a name
 * that does not exist yet can only be an output.
 */
function secondIsOutput(second: string, facts: InvocationFacts): boolean {
  if (isGlob(second) && !OUTPUT_NAME.test(second)) return false;
  if (!RECORDING_NAME.test(second) || facts.castOutput) return true;
  return !(facts.exists ?? existsSync)(second);
}

/**
 * Whether the command line asks for batch mode: several inputs, a glob, an output folder, several
 * formats, or a batch-only flag.
 */
export function isBatchInvocation(args: readonly string[], opts: Record<string, unknown>, facts: InvocationFacts = {}): boolean {
  const formats = formatsOf(opts.format);
  const second = args[1];
  const inputs = args.length === 2 && second !== undefined && secondIsOutput(second, facts) ? [args[0]!] : args;
  return (
    inputs.length > 1 ||
    inputs.some((a) => expandsAsGlob(a, process.cwd())) ||
    opts.outDir !== undefined ||
    (formats !== undefined && formats.length > 1) ||
    opts.shard !== undefined ||
    opts.json === true
  );
}

/**
 * Splits commander's values into the command's defaults and what the user typed: only the latter
 * may override the config file (commander fills in defaults, so "has a value" is not "was given").
 */
export function commanderLayers(program: Command): { defaults: OptionValues; explicit: OptionValues } {
  const defaults: Record<string, unknown> = {};
  const explicit: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(program.opts())) {
    if (!isOptionName(key) || value === undefined) continue;
    let normal: unknown;
    try {
      normal = key === 'format' ? parseFormats(value) : checkParsedOption(key, value);
    } catch (error) {
      // A flag's value the parser let through but the option refuses is still a usage error (exit 2).
      throw new UsageError(`${flagName(key)} ${JSON.stringify(value)}: ${(error as Error).message}`);
    }
    const source = program.getOptionValueSource(key);
    (source === 'default' || source === 'implied' ? defaults : explicit)[key] = normal;
  }
  return { defaults: defaults as OptionValues, explicit: explicit as OptionValues };
}

/** The CLI's batch path: runs the batch and returns the exit status (setup errors are thrown as UsageErrors). */
export async function runBatchCommand(program: Command, context: BatchCommandContext): Promise<number> {
  const opts = program.opts();
  if (opts.snapshots !== undefined) throw new BatchSetupError('--snapshots works with a single input, not in a batch');
  const named = program.args.find((a) => OUTPUT_NAME.test(a) && !isGlob(a));
  if (named !== undefined) {
    throw new BatchSetupError(`"${named}": an output file cannot be named in a batch (several inputs, globs or formats); use --out-dir`);
  }
  const { defaults, explicit } = commanderLayers(program);
  // Loaded only for a batch: the worker pool and hashing stay out of single-file start-up.
  const { runBatch } = await import('./run-batch.js');
  const summary = await runBatch(
    {
      inputs: program.args,
      cwd: context.cwd,
      options: explicit,
      defaults,
      defaultFormat: context.defaultFormat,
      outDir: opts.outDir as string | undefined,
      jobs: opts.jobs as number | undefined,
      shard: opts.shard as string | undefined,
      force: Boolean(opts.force),
    },
    {
      stdout: context.stdout,
      stderr: context.stderr,
      quiet: Boolean(opts.quiet),
      verbose: Boolean(opts.verbose),
      json: Boolean(opts.json),
      env: context.env,
    },
  );
  return summary.status;
}

/**
 * For the one-file form: the option values with the config file applied the same way as in a
 * batch (defaults < config < matching overrides < flags typed), so both forms draw a cast alike.
 */
export function configuredOptionValues(program: Command, input: string, cwd = process.cwd()): OptionValues {
  const { defaults, explicit } = commanderLayers(program);
  const config = loadConfig(cwd);
  const path = input === '-' || /^https?:\/\//i.test(input) ? input : displayPath(resolve(cwd, input), cwd);
  return optionsFor(path, { defaults, config, explicit });
}

/**
 * With no output named, the config file's `outDir` or several formats make even one input a
 * batch, so the config means the same for one file as for many. Stdin and URLs stay single renders.
 */
export function configMakesBatch(values: OptionValues, input: string, cwd = process.cwd()): boolean {
  if (input === '-' || /^https?:\/\//i.test(input)) return false;
  return loadConfig(cwd)?.outDir !== undefined || (values.format?.length ?? 0) > 1;
}

/** The render options of configuredOptionValues for one format; `onWarning` is left to the caller. */
export function configuredRenderOptions(program: Command, input: string, format: OutputFormat, cwd = process.cwd()): RenderOptions {
  return toRenderOptions(configuredOptionValues(program, input, cwd), format);
}
