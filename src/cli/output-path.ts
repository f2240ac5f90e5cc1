import { basename, extname } from 'node:path';
import { recordingStem } from '../cast/file-names.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../render/options.js';
import { isSameFile } from './output-target.js';
import { UsageError } from './usage-error.js';

const isFormat = (s: string): s is OutputFormat => (OUTPUT_FORMATS as readonly string[]).includes(s);

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
  if (format !== undefined) {
    if (!isFormat(format)) throw new UsageError(`unknown format "${format}" (${OUTPUT_FORMATS.join(', ')})`);
    const ext = output === undefined ? '' : extname(output).slice(1).toLowerCase();
    // out.gif holding SVG would be a broken image wherever it is used; an unknown ending is the user's own choice.
    if (isFormat(ext) && ext !== format) {
      throw new UsageError(`--format ${format} does not match the output "${output}": name it .${format}, or leave out --format`);
    }
    chosen = format;
  } else if (output !== undefined && output !== '-') {
    const ext = extname(output).slice(1).toLowerCase();
    if (!isFormat(ext)) {
      throw new UsageError(`cannot tell the format from "${output}": name it .gif, .svg, .png, .webp, .apng, .mp4, .webm, .txt or .cast, or give --format`);
    }
    chosen = ext;
  } else {
    chosen = defaultFormat;
  }
  if (output === undefined && input === '-') throw new UsageError('reading stdin: give an output file, or - for stdout');
  const path = output ?? `${stem(input)}.${chosen}`;
  if (path !== '-' && input !== '-' && !/^https?:\/\//i.test(input) && isSameFile(path, input)) {
    throw new UsageError(`the output "${path}" would overwrite the input`);
  }
  return { format: chosen, output: path };
}
