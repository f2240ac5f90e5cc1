import { CastError } from './cast-error.js';
import type { CastEvent, WarningHandler } from './events.js';
import { MAX_COLS, MAX_ROWS } from './header.js';
import { jsonPreview } from './json-preview.js';

/**
 * Turns `[time, code, data]` arrays into events in one clock: v2 writes absolute times,
 * v1 and v3 write the interval since the previous event. Real files have small glitches;
 * those are repaired and reported once each instead of failing the whole render.
 */
export class EventDecoder {
  private clock = 0;
  private warned = new Set<string>();

  constructor(
    private readonly relative: boolean,
    private readonly file: string,
    private readonly warn: WarningHandler,
  ) {}

  decode(value: unknown, line: number | undefined): CastEvent | undefined {
    if (!Array.isArray(value) || value.length < 2) {
      throw new CastError(this.file, line, 'an event must be an array [time, code, data]');
    }
    const [rawTime, code, data] = value as [unknown, unknown, unknown];
    const time = this.advance(rawTime, line);
    switch (code) {
      case 'o':
      case 'i':
        return { time, kind: code === 'o' ? 'output' : 'input', data: this.text(data, line) };
      case 'm':
        return { time, kind: 'marker', label: typeof data === 'string' ? data : '' };
      case 'r':
        return this.resize(time, data, line);
      case 'x':
        return { time, kind: 'exit', status: this.exitStatus(data) };
      default:
        this.warnOnce('code', line, `events of unknown type ${jsonPreview(code)} are skipped`);
        return undefined;
    }
  }

  /** v1 stores only output, as [delay, data]. */
  decodeV1(value: unknown, line: number | undefined): CastEvent {
    if (!Array.isArray(value) || value.length < 2) {
      throw new CastError(this.file, line, 'a v1 stdout entry must be an array [delay, data]');
    }
    return { time: this.advance(value[0], line), kind: 'output', data: this.text(value[1], line) };
  }

  private advance(raw: unknown, line: number | undefined): number {
    if (typeof raw !== 'number' || !Number.isFinite(raw)) {
      throw new CastError(this.file, line, `event time ${jsonPreview(raw)} is not a number`);
    }
    if (this.relative) {
      if (raw < 0) this.warnOnce('negative', line, 'negative intervals between events are read as 0');
      this.clock += Math.max(0, raw);
    } else if (raw < this.clock) {
      this.warnOnce('backwards', line, 'event times going backwards are clamped to the previous time');
    } else {
      this.clock = raw;
    }
    return this.clock;
  }

  private text(data: unknown, line: number | undefined): string {
    if (typeof data === 'string') return data;
    if (data === null || data === undefined) {
      this.warnOnce('null', line, 'events with null or missing data are read as empty text');
      return '';
    }
    throw new CastError(this.file, line, `event data ${jsonPreview(data)} is not a string`);
  }

  private resize(time: number, data: unknown, line: number | undefined): CastEvent | undefined {
    const match = typeof data === 'string' ? /^\s*(\d+)\s*x\s*(\d+)\s*$/.exec(data) : null;
    const cols = match ? Number(match[1]) : 0;
    const rows = match ? Number(match[2]) : 0;
    if (cols < 1 || rows < 1 || cols > MAX_COLS || rows > MAX_ROWS) {
      this.warnOnce('resize', line, `resize events with a bad size such as ${jsonPreview(data)} are skipped`);
      return undefined;
    }
    return { time, kind: 'resize', cols, rows };
  }

  private exitStatus(data: unknown): number {
    const status = typeof data === 'number' ? data : Number.parseInt(String(data), 10);
    return Number.isFinite(status) ? status : 0;
  }

  /** Each kind of repair is reported once per file, at its first line. */
  warnOnce(key: string, line: number | undefined, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.warn(`${this.file}${line === undefined ? '' : `:${line}`}: ${message}`);
  }
}
