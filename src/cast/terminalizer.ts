import type { Node } from 'yaml';
import { assumedSize } from './assumed-size.js';
import type { ByteChunks } from './byte-reader.js';
import { CastError } from './cast-error.js';
import type { Cast, CastEvent, CastHeader, CastTheme, WarningHandler } from './events.js';
import { MAX_COLS, MAX_ROWS, type SizeOverride } from './header.js';
import { MAX_DOCUMENT_BYTES } from './read-cast.js';

export interface ReadTerminalizerOptions extends SizeOverride {
  readonly name?: string;
  readonly onWarning?: WarningHandler;
}

/** A top-level `config:` or `records:` key: what every Terminalizer recording has. */
export const looksLikeTerminalizer = (text: string): boolean => /^(config|records)[ \t]*:/m.test(text);

const ignore: WarningHandler = () => {};

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Terminalizer's theme keys in palette order. */
const PALETTE_KEYS = [
  'black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white',
  'brightBlack', 'brightRed', 'brightGreen', 'brightYellow', 'brightBlue', 'brightMagenta', 'brightCyan', 'brightWhite',
];

/**
 * Reads a Terminalizer recording: YAML with `config` (cols, rows, frameDelay, maxIdleTime, theme)
 * and `records`, each a `delay` in milliseconds since the previous record and its `content`.
 * YAML must be parsed whole, so the document is read before this resolves and errors name a line.
 */
export async function readTerminalizer(source: ByteChunks, options: ReadTerminalizerOptions = {}): Promise<Cast> {
  const file = options.name ?? 'input';
  const warn = options.onWarning ?? ignore;
  const text = await readText(source, file);
  if (text.trim() === '') throw new CastError(file, undefined, 'the file is empty');
  // Loaded here so that the CLI does not load a YAML parser at start-up for the other formats.
  const { isSeq, LineCounter, parseDocument } = await import('yaml');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, logLevel: 'error' });
  const error = doc.errors[0];
  if (error) {
    // An error at the very end (an unclosed quote) is named on the last line that has text.
    const lastLine = lineCounter.linePos(text.trimEnd().length).line;
    const line = Math.min(error.linePos?.[0].line ?? lineCounter.linePos(error.pos[0]).line, lastLine);
    throw new CastError(file, line, `not YAML (${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')})`);
  }
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    // An alias to no anchor, or one expanding past maxAliasCount (a "billion laughs"), is refused here.
    const message = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    throw new CastError(file, undefined, `not YAML (${message})`);
  }
  if (!isObject(root) || !Array.isArray(root.records)) {
    throw new CastError(file, undefined, 'not a Terminalizer recording: it has no "records" list');
  }
  const config = isObject(root.config) ? root.config : {};
  const recordsNode = doc.get('records', true);
  const recordLines = isSeq(recordsNode) ? recordsNode.items.map((item) => lineOf(item as Node)) : [];
  const configLine = lineOf(doc.get('config', true) as Node | undefined);
  const header = buildHeader(config, options, file, configLine, warn);
  const frameDelay = typeof config.frameDelay === 'number' && config.frameDelay >= 0 ? config.frameDelay : undefined;
  return { header, events: terminalizerEvents(root.records, recordLines, frameDelay, file, warn) };
}

async function readText(source: ByteChunks, file: string): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += typeof chunk === 'string' ? chunk.length : chunk.byteLength;
    if (size > MAX_DOCUMENT_BYTES) {
      throw new CastError(file, undefined, `a Terminalizer recording over ${MAX_DOCUMENT_BYTES >> 20} MB is not read`);
    }
    parts.push(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('').replace(/^\uFEFF/, '');
}

function dimension(value: unknown, override: number | undefined, what: string, file: string, line: number | undefined) {
  if (override !== undefined) return override;
  if (value === undefined || value === null || value === 'auto') return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new CastError(file, line, `config ${what} ${JSON.stringify(value)} is not a positive whole number`);
  }
  return value;
}

function buildHeader(config: Json, options: SizeOverride, file: string, line: number | undefined, warn: WarningHandler): CastHeader {
  const cols = dimension(config.cols, options.cols, 'cols', file, line);
  const rows = dimension(config.rows, options.rows, 'rows', file, line);
  const size = cols !== undefined && rows !== undefined ? { cols, rows } : assumedSize({ cols, rows }, file, 'the recording has no fixed cols and rows', warn);
  if (size.cols > MAX_COLS || size.rows > MAX_ROWS) {
    throw new CastError(file, line, `terminal size ${size.cols}x${size.rows} is beyond ${MAX_COLS}x${MAX_ROWS}; give --cols/--rows if it is real`);
  }
  // Terminalizer ignores maxIdleTime when frameDelay is fixed; otherwise it caps each delay, as the idle limit does.
  const idle = config.frameDelay === 'auto' || config.frameDelay === undefined ? config.maxIdleTime : undefined;
  const theme = castTheme(config.theme);
  return {
    version: 2,
    ...size,
    ...(typeof config.command === 'string' ? { command: config.command } : {}),
    ...(typeof idle === 'number' && idle > 0 ? { idleLimit: idle / 1000 } : {}),
    ...(theme ? { theme } : {}),
  };
}

/** The recording's theme as a cast header theme, only when complete: Terminalizer allows any CSS colour. */
function castTheme(value: unknown): CastTheme | undefined {
  if (!isObject(value)) return undefined;
  const hex = (v: unknown) => (typeof v === 'string' && /^#[0-9a-f]{6}$/i.test(v) ? v.toLowerCase() : undefined);
  const fg = hex(value.foreground);
  const bg = hex(value.background);
  const palette = PALETTE_KEYS.map((key) => hex(value[key]));
  if (!fg || !bg || palette.some((c) => c === undefined)) return undefined;
  return { fg, bg, palette: palette.join(':') };
}

async function* terminalizerEvents(
  records: unknown[],
  lines: readonly (number | undefined)[],
  frameDelay: number | undefined,
  file: string,
  warn: WarningHandler,
): AsyncGenerator<CastEvent> {
  // Milliseconds are summed as given and divided once per event, so integer delays give exact times.
  let clock = 0;
  let warnedNegative = false;
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    const line = lines[i];
    if (!isObject(record)) throw new CastError(file, line, `record ${i + 1} is not a mapping with delay and content`);
    const delay = frameDelay ?? record.delay;
    if (typeof delay !== 'number' || !Number.isFinite(delay)) {
      throw new CastError(file, line, `record ${i + 1} has delay ${JSON.stringify(delay) ?? 'missing'}, not a number of milliseconds`);
    }
    if (delay < 0 && !warnedNegative) {
      warnedNegative = true;
      warn(`${file}${line === undefined ? '' : `:${line}`}: negative delays are read as 0`);
    }
    clock += Math.max(0, delay);
    const content = record.content;
    if (content !== null && content !== undefined && typeof content !== 'string' && typeof content !== 'number') {
      throw new CastError(file, line, `record ${i + 1} has content that is not text`);
    }
    const data = content === null || content === undefined ? '' : String(content);
    yield { time: clock / 1000, kind: 'output', data };
  }
}
