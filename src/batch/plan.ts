import { basename, dirname, join, relative, resolve } from 'node:path';
import { formatEntry, type OutputFormat } from '../formats/registry.js';
import { BatchSetupError } from './errors.js';
import { displayPath, type BatchInput } from './inputs.js';
import { recordingStem } from '../cast/file-names.js';
import { fileId } from '../render/output-target.js';
import { darkTwinPath } from '../render/dark-twin.js';

export interface PlannedOutput {
  readonly format: OutputFormat;
  readonly absolute: string;
  /** For logs: relative to cwd when inside it. */
  readonly path: string;
}

export interface PlannedInput {
  readonly input: BatchInput;
  readonly outputs: readonly PlannedOutput[];
}


/**
 * Where each input's outputs go. With an output folder, the input's path below its base folder
 * is kept (docs/casts/cli/init.cast under base docs/casts -> OUT/cli/init.gif); without one, each
 * output goes beside its input. Two inputs landing on one output (a dark twin, NAME-dark.EXT,
 * included), or an output overwriting an input, stop the batch before anything is written.
 */
export function planOutputs(
  inputs: readonly BatchInput[],
  formatsFor: (input: BatchInput) => readonly OutputFormat[],
  outDir: string | undefined,
  cwd: string,
  /** Whether this output also writes a dark twin beside it. */
  hasTwin: (input: BatchInput, format: OutputFormat) => boolean = () => false,
): PlannedInput[] {
  const owners = new Map<string, string>();
  const inputPaths = new Map(inputs.map((i) => [i.absolute, i.path]));
  const inputIds = new Map(inputs.map((i) => [fileId(i.absolute) ?? i.absolute, i.path]));
  return inputs.map((input) => {
    const rel = relative(input.base, input.absolute);
    const folder = outDir === undefined ? dirname(input.absolute) : resolve(cwd, outDir, dirname(rel));
    const claim = (absolute: string): void => {
      const owner = owners.get(absolute);
      if (owner !== undefined) throw new BatchSetupError(`"${owner}" and "${input.path}" would both be written to ${displayPath(absolute, cwd)}`);
      // Also through a link: an output that is a symlink to (or hard link of) an input is written through.
      const overwritten = inputPaths.get(absolute) ?? inputIds.get(fileId(absolute) ?? '');
      if (overwritten !== undefined) throw new BatchSetupError(`"${input.path}" would be written over the input "${overwritten}"`);
      owners.set(absolute, input.path);
    };
    const outputs = formatsFor(input).map((format): PlannedOutput => {
      const absolute = join(folder, `${recordingStem(basename(input.absolute))}.${formatEntry(format).extension}`);
      claim(absolute);
      if (hasTwin(input, format)) claim(darkTwinPath(absolute));
      return { format, absolute, path: displayPath(absolute, cwd) };
    });
    return { input, outputs };
  });
}
