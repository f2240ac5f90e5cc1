import { assumedSize } from './assumed-size.js';
import { ByteReader, type ByteChunks } from './byte-reader.js';
import { CastError } from './cast-error.js';
import type { Cast, CastEvent, CastHeader, WarningHandler } from './events.js';
import { MAX_COLS, MAX_ROWS, type SizeOverride } from './header.js';
import { splitLines, type Line } from './lines.js';

export interface ReadScriptOptions extends SizeOverride {
  /** How the typescript is named in messages. */
  readonly name?: string;
  /** How the timing file is named in messages. */
  readonly timingName?: string;
  readonly onWarning?: WarningHandler;
}

/** script(1) writes one header line; a first line longer than this means the file is something else. */
const MAX_HEADER_LINE_BYTES = 64 * 1024;

const CLASSIC = /^(\d+(?:\.\d+)?)\s+(\d+)$/;
const ADVANCED = /^([OISH])\s+(\d+(?:\.\d+)?)(?:\s+(.*))?$/;

/** Whether a line reads as the start of a script(1) timing file, in either format. */
export const isTimingLine = (text: string): boolean => CLASSIC.test(text.trim()) || ADVANCED.test(text.trim());

type Entry =
  | { kind: 'O' | 'I'; micros: number; bytes: number; line: number }
  | { kind: 'S'; micros: number; signal: string; line: number }
  | { kind: 'H'; name: string; value: string; line: number };

interface TypescriptHeader {
  readonly attributes: ReadonlyMap<string, string>;
  readonly timestamp?: number;
}

const ignore: WarningHandler = () => {};

/**
 * Reads a util-linux script(1) typescript with its timing file, in the classic format
 * (`--timing`: "delay bytes" per line) or the advanced one (`--log-timing`: O/I/S/H entries).
 * Byte counts slice the raw typescript, which is decoded as UTF-8 across those slices. The
 * typescript's "Script started" line is not output (scriptreplay skips it too), and the
 * "Script done" trailer is never reached because no timing entry covers it.
 */
export async function readScript(typescript: ByteChunks, timing: ByteChunks, options: ReadScriptOptions = {}): Promise<Cast> {
  const file = options.name ?? 'typescript';
  const timingFile = options.timingName ?? 'timing';
  const warn = options.onWarning ?? ignore;
  const reader = new ByteReader(typescript);
  const tsHeader = await readTypescriptHeader(reader, file, warn);
  const lines = splitLines(timing);
  const { info, pending } = await readInfo(lines, timingFile);
  const header = buildHeader(options, info, tsHeader, file, warn);
  const inputInline = info.has('INPUT_LOG') && info.get('INPUT_LOG') === info.get('OUTPUT_LOG');
  return { header, events: scriptEvents(reader, lines, pending, inputInline, file, timingFile, warn) };
}

async function readTypescriptHeader(reader: ByteReader, file: string, warn: WarningHandler): Promise<TypescriptHeader> {
  const bytes = await reader.readLine(MAX_HEADER_LINE_BYTES);
  if (bytes === undefined) {
    const any = await reader.peek(1);
    throw new CastError(
      file,
      undefined,
      any.byteLength === 0 ? 'the file is empty' : 'not a script(1) typescript: it has no "Script started" header line',
    );
  }
  const text = new TextDecoder().decode(bytes).replace(/\r?\n$/, '');
  if (!text.startsWith('Script started')) {
    warn(`${file}:1: the first line is not "Script started ..."; it is taken as script(1)'s header line and not shown`);
  }
  const attributes = new Map<string, string>();
  for (const m of text.matchAll(/(\w+)="([^"]*)"/g)) attributes.set(m[1]!, m[2]!);
  const when = /(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d)([+-]\d\d:?\d\d|Z)?/.exec(text);
  const ms = when ? Date.parse(`${when[1]}T${when[2]}${when[3] ?? 'Z'}`) : NaN;
  return { attributes, timestamp: Number.isFinite(ms) ? ms / 1000 : undefined };
}

/** Reads the leading H entries of an advanced timing file; the first other entry is kept for later. */
async function readInfo(lines: AsyncGenerator<Line>, file: string) {
  const info = new Map<string, string>();
  let seen = false;
  for (;;) {
    const next = await lines.next();
    if (next.done) {
      throw new CastError(file, undefined, seen ? 'the timing file has no output entries' : 'the timing file is empty');
    }
    const line = next.value;
    if (line.text.trim() === '') continue;
    seen = true;
    const entry = parseEntry(line, file);
    if (entry.kind !== 'H') return { info, pending: entry };
    info.set(entry.name, entry.value);
  }
}

function parseEntry(line: Line, file: string): Entry {
  const text = line.text.trim();
  const classic = CLASSIC.exec(text);
  if (classic) return { kind: 'O', micros: micros(classic[1]!), bytes: Number(classic[2]), line: line.number };
  const advanced = ADVANCED.exec(text);
  if (!advanced) throw entryError(line, file);
  const [, kind, delay, rest = ''] = advanced as unknown as [string, 'O' | 'I' | 'S' | 'H', string, string | undefined];
  if (kind === 'H') {
    const space = rest.indexOf(' ');
    return space === -1
      ? { kind, name: rest, value: '', line: line.number }
      : { kind, name: rest.slice(0, space), value: rest.slice(space + 1), line: line.number };
  }
  if (kind === 'S') return { kind, micros: micros(delay), signal: rest, line: line.number };
  if (!/^\d+$/.test(rest)) throw new CastError(file, line.number, `a ${kind} entry needs a byte count, not ${JSON.stringify(rest)}`);
  return { kind, micros: micros(delay), bytes: Number(rest), line: line.number };
}

function entryError(line: Line, file: string): CastError {
  const text = line.text.trim();
  const shown = text.length > 40 ? `${text.slice(0, 40)}...` : text;
  return new CastError(file, line.number, `not a script(1) timing entry: ${JSON.stringify(shown)}`);
}

/** Delays are written with 6 decimals; whole microseconds keep the running sum exact. */
const micros = (seconds: string): number => Math.round(Number(seconds) * 1_000_000);

function buildHeader(
  options: SizeOverride,
  info: ReadonlyMap<string, string>,
  ts: TypescriptHeader,
  file: string,
  warn: WarningHandler,
): CastHeader {
  // What script(1) recorded: H entries of an advanced timing file, else the typescript's header line.
  const recorded = (name: 'COLUMNS' | 'LINES'): number | undefined => {
    const value = Number(info.get(name) ?? ts.attributes.get(name));
    return Number.isInteger(value) && value > 0 ? value : undefined;
  };
  const cols = options.cols ?? recorded('COLUMNS');
  const rows = options.rows ?? recorded('LINES');
  if ((options.cols === undefined && (cols ?? 0) > MAX_COLS) || (options.rows === undefined && (rows ?? 0) > MAX_ROWS)) {
    throw new CastError(file, undefined, `terminal size ${cols}x${rows} is beyond ${MAX_COLS}x${MAX_ROWS}; give --cols/--rows if it is real`);
  }
  const size =
    cols !== undefined && rows !== undefined ? { cols, rows } : assumedSize({ cols, rows }, file, 'the typescript does not give the terminal size', warn);
  const start = info.get('START_TIME');
  const startMs = start ? Date.parse(start.replace(' ', 'T')) : NaN;
  const termType = info.get('TERM') ?? ts.attributes.get('TERM');
  const command = info.get('COMMAND') ?? ts.attributes.get('COMMAND');
  const timestamp = Number.isFinite(startMs) ? startMs / 1000 : ts.timestamp;
  return {
    version: 2,
    ...size,
    ...(command ? { command } : {}),
    ...(timestamp !== undefined ? { timestamp } : {}),
    ...(termType ? { termType, env: { TERM: termType } } : {}),
  };
}

async function* scriptEvents(
  reader: ByteReader,
  lines: AsyncGenerator<Line>,
  first: Entry,
  inputInline: boolean,
  file: string,
  timingFile: string,
  warn: WarningHandler,
): AsyncGenerator<CastEvent> {
  const output = new TextDecoder('utf-8');
  const input = new TextDecoder('utf-8');
  let clock = 0;
  let duration = 0;
  let time = 0;
  let broken: Line | undefined;

  // One loop over the timing lines, no generator in between: this runs once per event.
  let entry: Entry | undefined = first;
  for (;;) {
    if (entry === undefined) {
      const next = await lines.next();
      if (next.done) break;
      const line = next.value;
      if (line.text.trim() === '') continue;
      if (broken) throw entryError(broken, timingFile);
      // A timing file cut off mid-write ends in a partial line: only an unparsable *last* line is forgiven.
      if (!line.complete && !isTimingLine(line.text)) {
        broken = line;
        continue;
      }
      entry = parseEntry(line, timingFile);
    }
    const current: Entry = entry;
    entry = undefined;
    if (current.kind === 'H') {
      if (current.name === 'DURATION') duration = micros(current.value);
      if (current.name === 'EXIT_CODE') {
        const status = Number.parseInt(current.value, 10);
        yield { time: Math.max(clock, duration) / 1_000_000, kind: 'exit', status: Number.isFinite(status) ? status : 0 };
      }
      continue;
    }
    clock += current.micros;
    time = clock / 1_000_000;
    if (current.kind === 'S') {
      const size = /^SIGWINCH\s+ROWS=(\d+)\s+COLS=(\d+)/.exec(current.signal);
      const cols = Number(size?.[2]);
      const rows = Number(size?.[1]);
      if (size && cols >= 1 && rows >= 1 && cols <= MAX_COLS && rows <= MAX_ROWS) yield { time, kind: 'resize', cols, rows };
      continue;
    }
    if (current.kind === 'I' && !inputInline) continue;
    const bytes = reader.take(current.bytes) ?? (await reader.read(current.bytes));
    if (bytes.byteLength < current.bytes) {
      warn(
        `${file}: the typescript ends ${current.bytes - bytes.byteLength} bytes short of what ${timingFile}:${current.line} says; the rest of the timing is ignored`,
      );
    }
    const decoder = current.kind === 'O' ? output : input;
    const data = decoder.decode(bytes, { stream: true });
    if (data !== '') yield { time, kind: current.kind === 'O' ? 'output' : 'input', data };
    if (bytes.byteLength < current.bytes) break;
  }
  if (broken) warn(`${timingFile}:${broken.number}: the last line is cut off; using the entries before it`);
  const tail = output.decode();
  if (tail !== '') yield { time, kind: 'output', data: tail };
}
