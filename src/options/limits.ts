import { MAX_COLS, MAX_ROWS, TERMINAL_MAX_COLS, TERMINAL_MAX_ROWS } from '../cast/header.js';

/**
 * Ceilings on what an untrusted recording or option can make the renderer do. The defaults are far
 * beyond any real recording; each is raised with `--limit NAME=N` (or `limits` in the library).
 * Every limit is checked before the memory or time it guards is spent.
 */
export interface Limits {
  /** Largest terminal a recording's header may declare (--cols/--rows override it, up to the terminal's maximum). */
  readonly cols: number;
  readonly rows: number;
  /** Output width and height in pixels (an SVG's width/height attributes count as pixels). */
  readonly width: number;
  readonly height: number;
  /** Pixels in one GIF or PNG picture (width times height): what a frame costs in memory and time. */
  readonly pixels: number;
  /** Frames in one animation, counting the frames a GIF needs to hold a long pause. */
  readonly frames: number;
  /** Seconds one animation lasts (output clock: after --speed and the idle limit). */
  readonly duration: number;
  /** Pixels drawn for --snapshots, all markers together; a marker whose screen did not change costs none. */
  readonly snapshotPixels: number;
  /** Bytes of one SVG document. */
  readonly svgBytes: number;
  /** Bytes downloaded from a URL input. */
  readonly urlBytes: number;
}

export const DEFAULT_LIMITS: Limits = {
  cols: MAX_COLS,
  rows: MAX_ROWS,
  width: 8192,
  height: 8192,
  // A GIF costs about 40 bytes a pixel while drawn, and --snapshots as much again: 5 M keeps both
  // under 600 MB. That is a 340x85 terminal, or 170x42 at --scale 2.
  pixels: 5_000_000,
  frames: 200_000,
  // Over eleven days: only a runaway number (--speed 1e-9, a time of 1e12) gets there.
  duration: 1_000_000,
  // Ten of the largest pictures, or 160 of an 80x24 terminal: drawing and compressing one costs
  // about 0.1 s per million pixels.
  snapshotPixels: 50_000_000,
  svgBytes: 512 * 1024 * 1024,
  urlBytes: 512 * 1024 * 1024,
};

export const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as (keyof Limits)[];

/** Byte limits are written and shown in MB; the others in their own units. */
const IN_MB: ReadonlySet<keyof Limits> = new Set(['svgBytes', 'urlBytes']);

/** Exceeding a limit: one clear line naming the limit and how to raise it. */
export class LimitError extends Error {
  constructor(
    readonly limit: keyof Limits,
    what: string,
  ) {
    super(`${what} (raise it with --limit ${limit}=N${IN_MB.has(limit) ? ' MB' : ''})`);
    this.name = 'LimitError';
  }
}

/** Defaults with `given` laid over them; each given value must be a positive number. */
export function resolveLimits(given: Partial<Limits> = {}): Limits {
  const out: Record<string, number> = { ...DEFAULT_LIMITS };
  for (const [name, value] of Object.entries(given)) {
    if (value === undefined) continue;
    if (!(LIMIT_NAMES as string[]).includes(name)) throw new Error(`unknown limit "${name}" (known: ${LIMIT_NAMES.join(', ')})`);
    if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) throw new Error(`limit ${name} must be a positive number`);
    out[name] = value;
  }
  if (out.cols! > TERMINAL_MAX_COLS) throw new Error(`limit cols cannot pass the terminal's maximum of ${TERMINAL_MAX_COLS}`);
  if (out.rows! > TERMINAL_MAX_ROWS) throw new Error(`limit rows cannot pass the terminal's maximum of ${TERMINAL_MAX_ROWS}`);
  return out as unknown as Limits;
}

/**
 * Parses one `--limit NAME=N` value into an entry of Partial<Limits>; svgBytes and urlBytes are
 * given in MB. For commander: `(value, previous) => ({...previous, ...parseLimit(value)})`.
 */
export function parseLimit(text: string): Partial<Limits> {
  const match = /^\s*([A-Za-z]+)\s*=\s*([0-9]+(?:\.[0-9]+)?)\s*$/.exec(text);
  if (!match) throw new Error(`"${text}" is not NAME=N (names: ${LIMIT_NAMES.join(', ')})`);
  const name = match[1] as keyof Limits;
  if (!LIMIT_NAMES.includes(name)) throw new Error(`unknown limit "${match[1]}" (known: ${LIMIT_NAMES.join(', ')})`);
  const value = Number(match[2]) * (IN_MB.has(name) ? 1024 * 1024 : 1);
  if (!(value > 0)) throw new Error(`limit ${name} must be positive`);
  return { [name]: value };
}
