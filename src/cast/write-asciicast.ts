import type { Cast, CastEvent, CastHeader } from './events.js';

export interface WriteAsciicastOptions {
  /** 2: absolute event times, width/height; 3: intervals between events, a `term` object. */
  readonly version: 2 | 3;
}

/** Lines are gathered to about this size before a write, so a long cast is not a write per event. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Seconds with at most 6 decimals and no trailing zeros, from whole microseconds: the same text
 * for the same time on any machine, and intervals that add up exactly to the absolute times.
 */
export function formatMicros(micros: number): string {
  const sign = micros < 0 ? '-' : '';
  const abs = Math.abs(micros);
  const whole = Math.floor(abs / 1_000_000);
  const fraction = String(abs % 1_000_000).padStart(6, '0').replace(/0+$/, '');
  return `${sign}${whole}${fraction === '' ? '' : `.${fraction}`}`;
}

const toMicros = (seconds: number): number => Math.round(seconds * 1_000_000);

function headerLine(header: CastHeader, version: 2 | 3): string {
  const common = {
    ...(header.timestamp !== undefined ? { timestamp: header.timestamp } : {}),
    ...(header.idleLimit !== undefined ? { idle_time_limit: header.idleLimit } : {}),
    ...(header.command !== undefined ? { command: header.command } : {}),
    ...(header.title !== undefined ? { title: header.title } : {}),
    ...(header.env !== undefined ? { env: header.env } : {}),
  };
  if (version === 2) {
    return JSON.stringify({
      version: 2,
      width: header.cols,
      height: header.rows,
      ...common,
      ...(header.theme !== undefined ? { theme: header.theme } : {}),
    });
  }
  const term = {
    cols: header.cols,
    rows: header.rows,
    ...(header.termType !== undefined ? { type: header.termType } : {}),
    ...(header.theme !== undefined ? { theme: header.theme } : {}),
  };
  return JSON.stringify({ version: 3, term, ...common });
}

/** The event's code and data, or undefined for events the version cannot hold (v2 has no exit). */
function codeAndData(event: CastEvent, version: 2 | 3): [string, string] | undefined {
  switch (event.kind) {
    case 'output':
      return ['o', event.data];
    case 'input':
      return ['i', event.data];
    case 'marker':
      return ['m', event.label];
    case 'resize':
      return ['r', `${event.cols}x${event.rows}`];
    case 'exit':
      return version === 3 ? ['x', String(event.status)] : undefined;
  }
}

function write(out: NodeJS.WritableStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(text, (error?: Error | null) => (error ? reject(error) : resolve()));
  });
}

/**
 * Writes `cast` as an asciicast v2 or v3 file, streaming: events are read and written as they
 * come. The stream is not ended, so the caller can write to stdout or finish a file atomically.
 */
export async function writeAsciicast(cast: Cast, out: NodeJS.WritableStream, options: WriteAsciicastOptions): Promise<void> {
  const version = options.version;
  let pending = `${headerLine(cast.header, version)}\n`;
  let previous = 0;
  for await (const event of cast.events) {
    const entry = codeAndData(event, version);
    if (!entry) continue;
    const micros = toMicros(event.time);
    const time = version === 2 ? micros : micros - previous;
    previous = micros;
    pending += `[${formatMicros(time)}, ${JSON.stringify(entry[0])}, ${JSON.stringify(entry[1])}]\n`;
    if (pending.length >= CHUNK_CHARS) {
      await write(out, pending);
      pending = '';
    }
  }
  if (pending !== '') await write(out, pending);
}
