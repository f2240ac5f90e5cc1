import { InvalidArgumentError } from 'commander';
import { parseByteSize } from '../render/limits.js';
import { parseRedactPattern } from '../edit/redact/patterns.js';

/** Parsers for option values; each rejects with a message commander prints as a usage error. */
export function positiveNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('expected a number above 0');
  return n;
}

export function finiteNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError('expected a number');
  return n;
}

export function nonNegativeNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a number, 0 or more');
  return n;
}

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('expected a whole number above 0');
  return n;
}

export function nonNegativeInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number, 0 or more');
  return n;
}

/** `12` or `12,16` (vertical, horizontal), as CSS does with two values. */
export function padding(value: string): [number, number] {
  const parts = value.split(/[,\s]+/).filter(Boolean).map(Number);
  if (parts.length < 1 || parts.length > 2 || parts.some((n) => !Number.isFinite(n) || n < 0)) {
    throw new InvalidArgumentError('expected one or two numbers (vertical,horizontal), 0 or more');
  }
  return [parts[0]!, parts[1] ?? parts[0]!];
}

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** --redact: a usable pattern, collected with the ones before it. */
export function redactPattern(value: string, previous: string[] | undefined): string[] {
  try {
    parseRedactPattern(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
  return collect(value, previous);
}

/** `--max-size 5MB`: bytes. */
export function byteSize(value: string): number {
  try {
    return parseByteSize(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

/** --quality: 0 (smallest) to 100 (best). */
export function quality(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('expected a number from 0 to 100');
  return n;
}
