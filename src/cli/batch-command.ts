import { existsSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig, optionsFor } from '../batch/config.js';
import { BatchSetupError } from '../batch/errors.js';
import { isGlob } from '../batch/glob.js';
import { displayPath, expandsAsGlob } from '../batch/inputs.js';
import { RECORDING_NAME } from '../cast/file-names.js';
import { formatEntry, formatOfExtension, type OutputFormat } from '../formats/registry.js';
import { isOptionName, type OptionValues } from '../options/option-values.js';
import type { CommandValues } from '../options/schema.js';

export interface BatchCommandContext {
  readonly defaultFormat: OutputFormat;
  readonly cwd?: string;
  readonly stdout?: NodeJS.WritableStream;
  readonly stderr?: NodeJS.WritableStream;
  readonly env?: NodeJS.ProcessEnv;
}

/** The flags' values, as the schema's readers gave them. */
export const commandValues = (program: Command): CommandValues => program.opts<CommandValues>();

/** A name an output file of ours would have, and not a recording's (a `.cast` can be either: see secondIsOutput). */
const isOutputName = (arg: string): boolean => formatOfExtension(extname(arg).slice(1)) !== undefined && !RECORDING_NAME.test(arg);

/** The command asks for a recording as its output (`-f cast`, or --cast-version typed), so `X old.cast` may name the output. */
export function asksForRecording(program: Command): boolean {
  const formats = commandValues(program).format ?? [];
  return formats.some((format) => RECORDING_NAME.test(`.${formatEntry(format).extension}`)) || program.getOptionValueSource('castVersion') === 'cli';
}

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
  if (isGlob(second) && !isOutputName(second)) return false;
  if (!RECORDING_NAME.test(second) || facts.castOutput) return true;
  return !(facts.exists ?? existsSync)(second);
}

/**
 * Whether the command line asks for batch mode: several inputs, a glob, an output folder, several
 * formats, or a batch-only flag.
 */
export function isBatchInvocation(args: readonly string[], opts: CommandValues, facts: InvocationFacts = {}): boolean {
  const second = args[1];
  const inputs = args.length === 2 && second !== undefined && secondIsOutput(second, facts) ? [args[0]!] : args;
  return (
    inputs.length > 1 ||
    inputs.some((a) => expandsAsGlob(a, process.cwd())) ||
    opts.outDir !== undefined ||
    (opts.format?.length ?? 0) > 1 ||
    opts.shard !== undefined ||
    opts.json === true
  );
}

/**
 * Splits the options' values into the command's defaults and what the user typed: only the latter
 * may override the config file (commander fills in defaults, so "has a value" is not "was given").
 */
export function commanderLayers(program: Command): { defaults: OptionValues; explicit: OptionValues } {
  const defaults: Record<string, unknown> = {};
  const explicit: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(commandValues(program))) {
    if (!isOptionName(key) || value === undefined) continue;
    const source = program.getOptionValueSource(key);
    (source === 'default' || source === 'implied' ? defaults : explicit)[key] = value;
  }
  return { defaults: defaults as OptionValues, explicit: explicit as OptionValues };
}

/** The CLI's batch path: runs the batch and returns the exit status (setup errors are thrown as UsageErrors). */
export async function runBatchCommand(program: Command, context: BatchCommandContext): Promise<number> {
  const opts = commandValues(program);
  if (opts.snapshots !== undefined) throw new BatchSetupError('--snapshots works with a single input, not in a batch');
  const named = program.args.find((a) => isOutputName(a) && !isGlob(a));
  if (named !== undefined) {
    throw new BatchSetupError(`"${named}": an output file cannot be named in a batch (several inputs, globs or formats); use --out-dir`);
  }
  const { defaults, explicit } = commanderLayers(program);
  // Loaded only for a batch: the worker pool and hashing stay out of single-file start-up.
  const { runBatch } = await import('../batch/run-batch.js');
  const summary = await runBatch(
    {
      inputs: program.args,
      cwd: context.cwd,
      options: explicit,
      defaults,
      defaultFormat: context.defaultFormat,
      outDir: opts.outDir,
      jobs: opts.jobs,
      shard: opts.shard,
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
