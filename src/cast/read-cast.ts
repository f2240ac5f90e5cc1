import { CastError } from './cast-error.js';
import { EventDecoder } from './event-decoder.js';
import type { Cast, CastEvent, CastHeader, WarningHandler } from './events.js';
import { parseHeader, type SizeOverride } from './header.js';
import { elementLines, parseErrorLine } from './json-lines.js';
import { splitLines, type Line } from './lines.js';

export interface ReadCastOptions extends SizeOverride {
  /** How the input is named in messages, e.g. its path. */
  readonly name?: string;
  readonly onWarning?: WarningHandler;
}

/**
 * Single-document casts (v1, array-form v2) must be parsed whole; beyond this they are refused.
 * Parsed JSON takes about 20 times its text in memory (a 72 MB v1 cast peaked at 1.4 GB), so this
 * keeps the worst case within a default Node heap. Real single-document casts are a few MB.
 */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

const ignore: WarningHandler = () => {};

/**
 * Reads asciicast v1, v2 and v3. The header is read before this resolves, so size and theme
 * errors surface at once; events are read lazily, line by line, as the caller iterates.
 */
export async function readCast(
  source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  options: ReadCastOptions = {}): Promise<Cast> {
  const file = options.name ?? 'input';
  const warn = options.onWarning ?? ignore;
  const lines = splitLines(source, file);
  let first: Line | undefined;
  for (;;) {
    const next = await lines.next();
    if (next.done) throw new CastError(file, undefined, 'the file is empty');
    if (next.value.text.trim() !== '') {
      first = next.value;
      break;
    }
  }
  const text = first.text.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('{')) {
    const parsed = tryParse(text);
    if (parsed.ok && isNdjsonHeader(parsed.value)) {
      const header = parseHeader(parsed.value, options, file, first.number);
      return { header, events: ndjsonEvents(lines, header, file, warn) };
    }
  } else if (!text.startsWith('[')) {
    throw new CastError(file, first.number, 'not an asciicast: the first line is not JSON');
  }
  return readDocument(first, lines, options, file, warn);
}

function isNdjsonHeader(value: unknown): boolean {
  const version = (value as { version?: unknown } | null)?.version;
  return version === 2 || version === 3;
}

type Parsed = { ok: true; value: unknown } | { ok: false; error: unknown };

function tryParse(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error };
  }
}

async function* ndjsonEvents(
  lines: AsyncGenerator<Line>,
  header: CastHeader,
  file: string,
  warn: WarningHandler,
): AsyncGenerator<CastEvent> {
  const decoder = new EventDecoder(header.version === 3, file, warn);
  let broken: { line: Line; error: unknown } | undefined;
  for await (const line of lines) {
    if (line.crlf) decoder.warnOnce('crlf', line.number, 'CRLF line ends are read as LF');
    const text = line.text.trim();
    if (text === '') decoder.warnOnce('blank', line.number, 'blank lines are skipped');
    if (text === '' || (header.version === 3 && text.startsWith('#'))) continue;
    if (broken) throw notJson(file, broken.line.number, broken.error);
    const parsed = tryParse(text);
    if (!parsed.ok) {
      // A recording cut off mid-write ends in a partial line: only an unparsable *last* line is forgiven.
      broken = { line, error: parsed.error };
      continue;
    }
    const event = decoder.decode(parsed.value, line.number);
    if (event) yield event;
  }
  if (broken) warn(`${file}:${broken.line.number}: the last line is cut off; using the events before it`);
}

function notJson(file: string, line: number, error: unknown): CastError {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new CastError(file, line, `not JSON (${reason})`);
}

async function readDocument(
  first: Line,
  lines: AsyncGenerator<Line>,
  options: ReadCastOptions,
  file: string,
  warn: WarningHandler,
): Promise<Cast> {
  const parts: string[] = ['\n'.repeat(first.number - 1), first.text];
  let size = first.text.length;
  for await (const line of lines) {
    size += line.text.length + 1;
    if (size > MAX_DOCUMENT_BYTES) {
      throw new CastError(file, line.number, `a single-document cast over ${MAX_DOCUMENT_BYTES >> 20} MB is not read`);
    }
    parts.push('\n', line.text);
  }
  const text = parts.join('');
  const parsed = tryParse(text);
  if (!parsed.ok) throw notJson(file, parseErrorLine(text, parsed.error) ?? first.number, parsed.error);
  const doc = parsed.value;
  if (Array.isArray(doc)) return arrayDocument(doc, text, options, file, warn, first.number);
  const header = parseHeader(doc, options, file, first.number);
  if (header.version !== 1) {
    throw new CastError(file, first.number, `a v${header.version} cast must have its header alone on the first line`);
  }
  const stdout = (doc as { stdout?: unknown }).stdout;
  if (!Array.isArray(stdout)) throw new CastError(file, first.number, 'a v1 cast needs a "stdout" array of events');
  const at = elementLines(text, 'stdout');
  const decoder = new EventDecoder(true, file, warn);
  return { header, events: fromArray(stdout, (value, i) => decoder.decodeV1(value, at[i])) };
}

/** v2 written as one JSON array (some tools do): the header first, then the events. */
function arrayDocument(
  doc: unknown[],
  text: string,
  options: ReadCastOptions,
  file: string,
  warn: WarningHandler,
  firstLine: number,
): Cast {
  if (Array.isArray(doc[0])) {
    throw new CastError(file, firstLine, 'this is the pre-v1 asciinema frame format ("v0"), which is not supported');
  }
  const header = parseHeader(doc[0], options, file, firstLine);
  if (header.version === 1) throw new CastError(file, firstLine, 'a v1 cast must be a JSON object, not an array');
  const at = elementLines(text);
  const decoder = new EventDecoder(header.version === 3, file, warn);
  return { header, events: fromArray(doc.slice(1), (value, i) => decoder.decode(value, at[i + 1])) };
}

async function* fromArray(
  values: unknown[],
  decode: (value: unknown, index: number) => CastEvent | undefined,
): AsyncGenerator<CastEvent> {
  for (let i = 0; i < values.length; i++) {
    const event = decode(values[i], i);
    if (event) yield event;
  }
}
