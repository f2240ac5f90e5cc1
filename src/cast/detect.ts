import { ByteReader, type ByteChunks } from './byte-reader.js';
import { CastError } from './cast-error.js';
import type { Cast, WarningHandler } from './events.js';
import { readCast } from './read-cast.js';
import { readScript, isTimingLine } from './script.js';
import { openSource, type SourceOptions } from './source.js';
import { looksLikeTerminalizer, readTerminalizer } from './terminalizer.js';
import { looksLikeTtyrec, readTtyrec } from './ttyrec.js';

export const INPUT_FORMATS = ['asciicast', 'ttyrec', 'script', 'terminalizer'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface ReadRecordingOptions {
  /** How the input is named in messages (default: the path, or "stdin"). */
  readonly name?: string;
  readonly cols?: number;
  readonly rows?: number;
  readonly onWarning?: WarningHandler;
  /** Skip detection and read this format. */
  readonly inputFormat?: InputFormat;
  /** Path (or URL) of the timing file of a script(1) typescript. */
  readonly timing?: string;
  /** Where `-` reads from. */
  readonly stdin?: SourceOptions['stdin'];
  /** URL inputs: refuse bodies larger than this. */
  readonly maxBytes?: number;
  /** Largest terminal a recording may declare (asciicast headers). */
  readonly maxCols?: number;
  readonly maxRows?: number;
}

/** Enough of the start of a file to tell the formats apart. */
const HEAD_BYTES = 64 * 1024;

/**
 * Which recording format `head` (the first bytes of a file) is, by content alone, or undefined.
 * Text formats are tested before ttyrec, whose binary headers are only checked for plausibility.
 */
export function detectFormat(head: Uint8Array): InputFormat | undefined {
  const text = new TextDecoder('utf-8').decode(head).replace(/^\uFEFF/, '');
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'asciicast';
  if (text.startsWith('Script started')) return 'script';
  if (looksLikeTerminalizer(text)) return 'terminalizer';
  if (looksLikeTtyrec(head)) return 'ttyrec';
  return undefined;
}

const DESCRIBED: Record<InputFormat, string> = {
  asciicast: 'an asciicast',
  ttyrec: 'a ttyrec recording',
  script: 'a script(1) typescript',
  terminalizer: 'a Terminalizer recording',
};

/**
 * Opens a recording (path, `-` or URL; gzip is undone), finds its format from its content
 * unless `inputFormat` is given, and reads it into a Cast: events in the recording's clock.
 * What the CLI calls in place of openSource + readCast.
 */
export async function readRecording(spec: string, options: ReadRecordingOptions = {}): Promise<Cast> {
  const source = await openSource(spec, { stdin: options.stdin, maxBytes: options.maxBytes });
  return readRecordingFrom(source.bytes, { ...options, name: options.name ?? source.name });
}

/** readRecording for bytes already in hand (tests, the library API); `timing` is still a path. */
export async function readRecordingFrom(bytes: ByteChunks, options: ReadRecordingOptions = {}): Promise<Cast> {
  const file = options.name ?? 'input';
  const reader = new ByteReader(bytes);
  const head = await reader.peek(HEAD_BYTES);
  if (head.byteLength === 0) throw new CastError(file, undefined, 'the file is empty');
  const format = options.inputFormat ?? chooseFormat(head, options.timing !== undefined, file);
  const common = {
    name: file,
    cols: options.cols,
    rows: options.rows,
    maxCols: options.maxCols,
    maxRows: options.maxRows,
    onWarning: options.onWarning,
  };
  const rest = reader.rest();
  switch (format) {
    case 'asciicast':
    case 'ttyrec':
    case 'terminalizer':
      if (options.timing !== undefined) {
        throw new CastError(file, undefined, `--timing is for script(1) typescripts, but this is ${DESCRIBED[format]}`);
      }
      if (format === 'asciicast') return readCast(rest, common);
      return format === 'ttyrec' ? readTtyrec(rest, common) : readTerminalizer(rest, common);
    case 'script': {
      if (options.timing === undefined) {
        throw new CastError(file, undefined, 'a script(1) typescript needs its timing file: give --timing FILE');
      }
      const timing = await openSource(options.timing);
      return readScript(rest, timing.bytes, { ...common, timingName: timing.name });
    }
  }
}

function chooseFormat(head: Uint8Array, haveTiming: boolean, file: string): InputFormat {
  const detected = detectFormat(head);
  if (detected) return detected;
  // script(1) translates its header line, so with a timing file given an unknown text is taken as a typescript.
  if (haveTiming) return 'script';
  const firstLine = new TextDecoder().decode(head.subarray(0, 200)).split('\n')[0]!;
  if (isTimingLine(firstLine)) {
    throw new CastError(file, undefined, 'this is a script(1) timing file: give the typescript as the input and this file with --timing');
  }
  throw new CastError(
    file,
    undefined,
    'not a recording this reads (asciicast, ttyrec, script(1) typescript or Terminalizer YAML); --input-format chooses one',
  );
}
