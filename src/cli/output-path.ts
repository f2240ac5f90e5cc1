import { basename, extname } from 'node:path';
import { recordingStem } from '../cast/file-names.js';
import { formatEntry, formatOfExtension, FORMATS_IN_PROSE, isOutputFormat, OUTPUT_FORMATS, orList, type OutputFormat } from '../formats/registry.js';
import { UsageError } from '../options/usage-error.js';
import { isSameFile } from '../render/output-target.js';

/** The input's name without its cast extensions: demo.cast.gz -> demo, a URL -> its last path part. */
function stem(input: string): string {
  const name = /^https?:\/\//i.test(input) ? basename(new URL(input).pathname) || 'recording' : input;
  return recordingStem(name) || 'recording';
}

/**
 * Works out the format and the output path. The format comes from --format, else the output's
 * extension, else the command's default; the output defaults to the input's name with the format's extension.
 */
export function resolveOutput(
  input: string,
  output: string | undefined,
  format: string | undefined,
  defaultFormat: OutputFormat,
): { format: OutputFormat; output: string } {
  let chosen: OutputFormat;
  const named = output === undefined ? undefined : formatOfExtension(extname(output).slice(1));
  if (format !== undefined) {
    if (!isOutputFormat(format)) throw new UsageError(`unknown format "${format}" (${OUTPUT_FORMATS.join(', ')})`);
    // out.gif holding SVG would be a broken image wherever it is used; an unknown ending is the user's own choice.
    if (named !== undefined && named !== format) {
      throw new UsageError(`--format ${format} does not match the output "${output}": name it .${formatEntry(format).extension}, or leave out --format`);
    }
    chosen = format;
  } else if (output !== undefined && output !== '-') {
    if (named === undefined) {
      const endings = orList(FORMATS_IN_PROSE.map((name) => `.${formatEntry(name).extension}`));
      throw new UsageError(`cannot tell the format from "${output}": name it ${endings}, or give --format`);
    }
    chosen = named;
  } else {
    chosen = defaultFormat;
  }
  if (output === undefined && input === '-') throw new UsageError('reading stdin: give an output file, or - for stdout');
  const path = output ?? `${stem(input)}.${formatEntry(chosen).extension}`;
  if (path !== '-' && input !== '-' && !/^https?:\/\//i.test(input) && isSameFile(path, input)) {
    throw new UsageError(`the output "${path}" would overwrite the input`);
  }
  return { format: chosen, output: path };
}
