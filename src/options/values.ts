import { parseRedactPattern } from '../edit/redact/patterns.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../formats/registry.js';
import { parseColor } from '../theme/index.js';
import { parseTimePoint } from '../timeline/index.js';
import { parseLimit, resolveLimits, type Limits } from './limits.js';

/**
 * Readers of option values. Each takes a value as a flag gives it (text) or as a config file does
 * (JSON: numbers, lists and objects too, and their text), and returns it or throws an Error whose
 * message says what was wrong; commander and the config reader each put the flag or key before it.
 */
export type ValueReader<T> = (value: unknown) => T;

const expected = (what: string): never => {
  throw new Error(`expected ${what}`);
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A number, or its text as a flag gives it (`"2"`). */
const numeric = (v: unknown): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined;

const number = (test: (n: number) => boolean, what: string): ValueReader<number> => (v) => {
  const n = numeric(v);
  return n !== undefined && Number.isFinite(n) && test(n) ? n : expected(what);
};

export const anyNumber = number(() => true, 'a number');
export const positiveNumber = number((n) => n > 0, 'a number above 0');
export const nonNegativeNumber = number((n) => n >= 0, 'a number, 0 or more');
export const positiveInteger = number((n) => Number.isInteger(n) && n > 0, 'a whole number above 0');
export const nonNegativeInteger = number((n) => Number.isInteger(n) && n >= 0, 'a whole number, 0 or more');
export const percentage = number((n) => n >= 0 && n <= 100, 'a number from 0 to 100');
export const wholeNumberUpTo = (max: number): ValueReader<number> =>
  number((n) => Number.isInteger(n) && n > 0 && n <= max, `a whole number from 1 to ${max}`);

export const text: ValueReader<string> = (v) => (typeof v === 'string' ? v : expected('a string'));

export const folder: ValueReader<string> = (v) => (typeof v === 'string' && v !== '' ? v : expected('a folder path'));

export const boolean: ValueReader<boolean> = (v) => (typeof v === 'boolean' ? v : expected('true or false'));

/** One text, or (from a config file) a list of them. */
export const texts: ValueReader<string[]> = (v) =>
  typeof v === 'string' ? [v] : Array.isArray(v) && v.every((s) => typeof s === 'string') ? [...v] : expected('a string or a list of strings');

export const oneOf =
  <T extends string>(choices: readonly T[]): ValueReader<T> =>
  (v) =>
    typeof v === 'string' && (choices as readonly string[]).includes(v) ? (v as T) : expected(`one of ${choices.join(', ')}`);

export const castVersion: ValueReader<2 | 3> = (v) => (v === 2 || v === 3 ? v : v === '2' || v === '3' ? (Number(v) as 2 | 3) : expected('2 or 3'));

/** `12`, `12,16` or `12 16` (vertical, horizontal, as CSS takes two values), or [12, 16]. */
export const padding: ValueReader<[number, number]> = (v) => {
  const list = typeof v === 'number' ? [v] : typeof v === 'string' ? v.split(/[,\s]+/).filter(Boolean).map(Number) : Array.isArray(v) ? v : [];
  if (list.length < 1 || list.length > 2 || list.some((n) => typeof n !== 'number' || !Number.isFinite(n) || n < 0)) {
    expected('one or two numbers (vertical,horizontal), 0 or more');
  }
  return [list[0] as number, (list[1] ?? list[0]) as number];
};

export const color: ValueReader<string> = (v) => (typeof v === 'string' && parseColor(v) !== undefined ? v : expected('a colour as #rrggbb'));

/** Seconds or `marker:LABEL|N`, kept as written (a number from a config file as its text). */
export const timePoint: ValueReader<string> = (v) => {
  const written = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : expected('seconds or "marker:LABEL"');
  parseTimePoint(written);
  return written;
};

const BYTE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1e3, mb: 1e6, gb: 1e9, k: 1e3, m: 1e6, g: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 };

/**
 * A size as people write it: `5MB`, `800 KB`, `1.5MiB`, `250000` (bytes). KB and MB are decimal
 * (5 MB = 5,000,000 bytes), which keeps a file under a cap whichever way its owner counts.
 */
export function parseByteSize(text: string): number {
  const match = /^\s*([0-9]+(?:\.[0-9]+)?)\s*([a-z]*)\s*$/i.exec(text);
  const unit = match ? BYTE_UNITS[match[2]!.toLowerCase()] : undefined;
  if (!match || unit === undefined) throw new Error(`"${text}" is not a size (e.g. 5MB, 800KB, 250000)`);
  const bytes = Math.floor(Number(match[1]) * unit);
  if (!(bytes > 0)) throw new Error(`"${text}" is not a size above 0`);
  return bytes;
}

/** Bytes: a size as parseByteSize reads it, or (from a config file) a number of bytes. */
export const byteSize: ValueReader<number> = (v) => {
  if (typeof v === 'number') return Number.isInteger(v) && v > 0 ? v : expected('a size above 0, e.g. "5MB" or a number of bytes');
  return typeof v === 'string' ? parseByteSize(v) : expected('a size, e.g. "5MB"');
};

/** `gif`, `gif,svg` or ["gif", "svg"]: in the order given, without repeats. */
export const formats: ValueReader<OutputFormat[]> = (value) => {
  const parts = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : expected('a format or a list of formats');
  const list: OutputFormat[] = [];
  for (const part of parts) {
    const name = typeof part === 'string' ? part.trim().toLowerCase() : '';
    if (!(OUTPUT_FORMATS as readonly string[]).includes(name)) expected(`formats among ${OUTPUT_FORMATS.join(', ')}`);
    if (!list.includes(name as OutputFormat)) list.push(name as OutputFormat);
  }
  if (list.length === 0) expected('at least one format');
  return list;
};

/** Regular expressions to mask (see parseRedactPattern), each checked usable. */
export const redactPatterns: ValueReader<string[]> = (v) => {
  const list = texts(v);
  for (const pattern of list) parseRedactPattern(pattern);
  return list;
};

/** `frames=500000` (as --limit takes it, byte limits in MB), several of them, or { "frames": 500000 }. */
export const limits: ValueReader<Partial<Limits>> = (v) => {
  const entries =
    typeof v === 'string'
      ? [v]
      : Array.isArray(v) && v.every((e) => typeof e === 'string')
        ? v
        : isObject(v)
          ? Object.entries(v).map(([name, n]) => `${name}=${String(n)}`)
          : expected('an object of limits, e.g. { "frames": 500000 }');
  let out: Partial<Limits> = {};
  for (const entry of entries) out = { ...out, ...parseLimit(entry) };
  resolveLimits(out);
  return out;
};
