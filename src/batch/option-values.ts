import { INPUT_FORMATS, type InputFormat, type ReadRecordingOptions } from '../cast/detect.js';
import { TERMINAL_MAX_COLS, TERMINAL_MAX_ROWS } from '../cast/header.js';
import { parseByteSize, parseLimit, resolveLimits, type Limits } from '../render/limits.js';
import { OUTPUT_FORMATS, type OutputFormat, type RenderOptions } from '../render/options.js';
import { parseColor, WINDOW_STYLES, type WindowStyle } from '../theme/index.js';
import { parseTimePoint } from '../timeline/index.js';
import { parseRedactPattern } from '../edit/redact/patterns.js';

/**
 * Options as the command line names them (commander's camelCase keys), which is also how the
 * config file names them: one vocabulary for both, so a flag moves into the config unchanged.
 */
export interface OptionValues {
  cols?: number;
  rows?: number;
  /** Read inputs as this recording format instead of detecting it. */
  inputFormat?: InputFormat;
  /** script(1) timing file (meaningful per input, so in a config override). */
  timing?: string;
  speed?: number;
  idleTimeLimit?: number;
  fpsCap?: number;
  lastFrameDuration?: number;
  from?: string;
  to?: string;
  at?: string;
  /** commander's --no-loop gives false. */
  loop?: number | false;
  theme?: string;
  /** The theme for dark pages (see RenderOptions.darkTheme). */
  darkTheme?: string;
  alt?: string;
  /** Bytes (the config file may write "5MB"). */
  maxSize?: number;
  fontSize?: number;
  lineHeight?: number;
  letterSpacing?: number;
  fontFamily?: string;
  fontFile?: string[];
  fontDir?: string;
  scale?: number;
  padding?: [number, number];
  margin?: number;
  marginColor?: string;
  window?: WindowStyle;
  title?: string;
  borderRadius?: number;
  border?: boolean;
  shadow?: boolean;
  keys?: boolean;
  boldIsBright?: boolean;
  cursor?: boolean;
  transparentBackground?: boolean;
  embedFont?: boolean;
  /** Raised limits, as --limit gives them (svgBytes and urlBytes in bytes here; the config file writes MB). */
  limit?: Partial<Limits>;
  /** asciicast version written by the `cast` format. */
  castVersion?: 2 | 3;
  /** WebP lossy quality; MP4/WebM quality (0..100). */
  quality?: number;
  /** APNG: zopfli's deflate. */
  optimize?: boolean;
  /** One format or several; the config file may also give "gif,svg". */
  format?: OutputFormat[];
  /** Patterns masked on screen (JavaScript regular expressions, `/…/flags`). */
  redact?: string[];
  redactSecrets?: boolean;
}

export type OptionName = keyof OptionValues;

type Check = (value: unknown) => unknown;

class BadValue extends Error {}
const bad = (expected: string): never => {
  throw new BadValue(expected);
};

/** A number, or its text as a flag would take it (`"speed": "2"`). */
const numeric = (v: unknown): number | undefined =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : undefined;

const number = (test: (n: number) => boolean, expected: string): Check => (v) => {
  const n = numeric(v);
  return n !== undefined && Number.isFinite(n) && test(n) ? n : bad(expected);
};
const positiveNumber = number((n) => n > 0, 'a number above 0');
const nonNegativeNumber = number((n) => n >= 0, 'a number, 0 or more');
const anyNumber = number(() => true, 'a number');
const wholeNumberUpTo = (max: number): Check => number((n) => Number.isInteger(n) && n > 0 && n <= max, `a whole number from 1 to ${max}`);
const string: Check = (v) => (typeof v === 'string' ? v : bad('a string'));
const boolean: Check = (v) => (typeof v === 'boolean' ? v : bad('true or false'));

const timePoint: Check = (v) => {
  const text = typeof v === 'number' ? String(v) : typeof v === 'string' ? v : bad('seconds or "marker:LABEL"');
  try {
    parseTimePoint(text);
  } catch (error) {
    bad((error as Error).message);
  }
  return text;
};

const loop: Check = (v) => {
  const n = numeric(v);
  return v === false ? v : n !== undefined && Number.isInteger(n) && n >= 0 ? n : bad('a whole number, 0 or more, or false');
};

const strings: Check = (v) =>
  typeof v === 'string' ? [v] : Array.isArray(v) && v.every((s) => typeof s === 'string') ? [...v] : bad('a string or a list of strings');

const padding: Check = (v) => {
  const list = typeof v === 'number' ? [v] : typeof v === 'string' ? v.split(/[,\s]+/).filter(Boolean).map(Number) : Array.isArray(v) ? v : [];
  if (list.length < 1 || list.length > 2 || list.some((n) => typeof n !== 'number' || !Number.isFinite(n) || n < 0)) {
    bad('one number, "vertical,horizontal" or [vertical, horizontal], 0 or more');
  }
  return [list[0], list[1] ?? list[0]];
};

const inputFormat: Check = (v) =>
  typeof v === 'string' && (INPUT_FORMATS as readonly string[]).includes(v) ? v : bad(`one of ${INPUT_FORMATS.join(', ')}`);

const castVersion: Check = (v) => (v === 2 || v === 3 ? v : v === '2' || v === '3' ? Number(v) : bad('2 or 3'));

/** `{ "frames": 500000, "svgBytes": 1024 }`, in --limit's units (MB for the byte limits). */
const limit: Check = (v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad('an object of limits, e.g. { "frames": 500000 }');
  let out: Partial<Limits> = {};
  try {
    for (const [name, n] of Object.entries(v)) out = { ...out, ...parseLimit(`${name}=${String(n)}`) };
    resolveLimits(out);
  } catch (error) {
    bad((error as Error).message);
  }
  return out;
};

/** What commander's --limit already parsed (bytes, not MB): only checked. */
const parsedLimit: Check = (v) => {
  try {
    resolveLimits(v as Partial<Limits>);
  } catch (error) {
    bad((error as Error).message);
  }
  return v;
};

const color: Check = (v) => (typeof v === 'string' && parseColor(v) !== undefined ? v : bad('a colour as #rrggbb'));

const byteSize: Check = (v) => {
  if (typeof v === 'number') return Number.isInteger(v) && v > 0 ? v : bad('a size above 0, e.g. "5MB" or a number of bytes');
  if (typeof v !== 'string') return bad('a size, e.g. "5MB"');
  try {
    return parseByteSize(v);
  } catch (error) {
    return bad((error as Error).message);
  }
};

const redactPatterns: Check = (v) => {
  const list = strings(v) as string[];
  for (const pattern of list) {
    try {
      parseRedactPattern(pattern);
    } catch (error) {
      bad(`patterns that match something: ${(error as Error).message}`);
    }
  }
  return list;
};

const window: Check = (v) =>
  typeof v === 'string' && (WINDOW_STYLES as readonly string[]).includes(v) ? v : bad(`one of ${WINDOW_STYLES.join(', ')}`);

const formats: Check = (value) => {
  const parts = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : bad('a format or a list of formats');
  const list: OutputFormat[] = [];
  for (const part of parts) {
    const name = typeof part === 'string' ? part.trim().toLowerCase() : '';
    if (!(OUTPUT_FORMATS as readonly string[]).includes(name)) bad(`formats among ${OUTPUT_FORMATS.join(', ')}`);
    if (!list.includes(name as OutputFormat)) list.push(name as OutputFormat);
  }
  if (list.length === 0) bad('at least one format');
  return list;
};

/** Accepts "gif", "gif,svg" or ["gif", "svg"]; the result keeps the given order without repeats. */
export function parseFormats(value: unknown): OutputFormat[] {
  return checkOption('format', value) as OutputFormat[];
}

const CHECKS: Record<OptionName, Check> = {
  // The terminal's own maximum: the limits on a recording's declared size do not apply to what the user asks for.
  cols: wholeNumberUpTo(TERMINAL_MAX_COLS),
  rows: wholeNumberUpTo(TERMINAL_MAX_ROWS),
  inputFormat,
  timing: string,
  speed: positiveNumber,
  idleTimeLimit: nonNegativeNumber,
  fpsCap: positiveNumber,
  lastFrameDuration: nonNegativeNumber,
  from: timePoint,
  to: timePoint,
  at: timePoint,
  loop,
  theme: string,
  darkTheme: string,
  alt: string,
  maxSize: byteSize,
  fontSize: positiveNumber,
  lineHeight: positiveNumber,
  letterSpacing: anyNumber,
  fontFamily: string,
  fontFile: strings,
  fontDir: string,
  scale: positiveNumber,
  padding,
  margin: nonNegativeNumber,
  marginColor: color,
  window,
  title: string,
  borderRadius: nonNegativeNumber,
  border: boolean,
  shadow: boolean,
  keys: boolean,
  boldIsBright: boolean,
  cursor: boolean,
  transparentBackground: boolean,
  embedFont: boolean,
  castVersion,
  optimize: boolean,
  quality: (v) => (typeof v === 'number' && v >= 0 && v <= 100 ? v : bad('a number from 0 to 100')),
  limit,
  format: formats,
  redact: redactPatterns,
  redactSecrets: boolean,
};

export const OPTION_NAMES = Object.keys(CHECKS) as OptionName[];

export const isOptionName = (key: string): key is OptionName => Object.hasOwn(CHECKS, key);

/** The flags written `--no-X`, by the name of the option they turn off. */
const NEGATED: Record<string, OptionName> = { noLoop: 'loop', noBorder: 'border', noBoldIsBright: 'boldIsBright', noCursor: 'cursor' };

/**
 * A config key as the flag's camelCase name: `noCursor: true` is `--no-cursor`, which sets
 * `cursor: false`. Returns the option and its value, or undefined when the key is not a `no` flag.
 */
export function negatedOption(key: string, value: unknown): [OptionName, unknown] | undefined {
  const name = NEGATED[key];
  if (name === undefined) return undefined;
  if (typeof value !== 'boolean') throw new Error('expected true or false');
  // "noLoop": false leaves the option at its default rather than forcing it on.
  return [name, value ? false : undefined];
}

/** The command-line flag an option is set by: fontFile -> --font-file. */
export const flagName = (name: OptionName): string => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** For values commander has already converted (its --limit gives bytes, where the config file gives MB). */
export function checkParsedOption(name: OptionName, value: unknown): unknown {
  return name === 'limit' ? parsedLimit(value) : checkOption(name, value);
}

/**
 * Validates one value; throws an Error whose message is "expected ..." so callers can prefix where
 * it came from (a config file and key).
 */
export function checkOption(name: OptionName, value: unknown): unknown {
  try {
    return CHECKS[name](value);
  } catch (error) {
    if (error instanceof BadValue) throw new Error(`expected ${error.message}`);
    throw error;
  }
}

/** Later layers win; a layer's undefined values leave earlier ones in place. */
export function mergeOptions(...layers: ReadonlyArray<Readonly<OptionValues> | undefined>): OptionValues {
  const out: Record<string, unknown> = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [key, value] of Object.entries(layer)) if (value !== undefined) out[key] = value;
  }
  return out as OptionValues;
}

/** The renderer's options for one format; `onWarning` is left to the caller (it cannot cross threads). */
export function toRenderOptions(values: OptionValues, format: OutputFormat): RenderOptions {
  const point = (text: string | undefined) => (text === undefined ? undefined : parseTimePoint(text));
  const options: RenderOptions = {
    format,
    cols: values.cols,
    rows: values.rows,
    speed: values.speed,
    idleTimeLimit: values.idleTimeLimit,
    fpsCap: values.fpsCap,
    lastFrameDuration: values.lastFrameDuration,
    from: point(values.from),
    to: point(values.to),
    at: point(values.at),
    loop: values.loop === false ? 1 : values.loop,
    castVersion: values.castVersion,
    quality: values.quality,
    optimize: values.optimize,
    limits: values.limit,
    theme: values.theme,
    darkTheme: values.darkTheme,
    alt: values.alt,
    maxSize: values.maxSize,
    fontSize: values.fontSize,
    lineHeight: values.lineHeight,
    letterSpacing: values.letterSpacing,
    fontFamily: values.fontFamily,
    fontFiles: values.fontFile,
    fontDir: values.fontDir,
    scale: values.scale,
    padding: values.padding,
    margin: values.margin,
    marginColor: values.marginColor,
    window: values.window,
    title: values.title,
    borderRadius: values.borderRadius,
    border: values.border,
    shadow: values.shadow,
    // Off is left out, so an option hash without --keys is what it was before the flag existed.
    keys: values.keys === true ? true : undefined,
    boldIsBright: values.boldIsBright,
    cursor: values.cursor,
    transparentBackground: values.transparentBackground,
    embedFont: values.embedFont,
    // Like --keys: absent when off, so hashes of renders without them are unchanged.
    redact: values.redact !== undefined && values.redact.length > 0 ? values.redact : undefined,
    redactSecrets: values.redactSecrets === true ? true : undefined,
  };
  // Dropping undefined keys keeps the options hash independent of which keys happened to be spelled out.
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as unknown as RenderOptions;
}

/** How to read an input: the recording options that are not rendering options. */
export function toReadOptions(values: OptionValues): ReadOptions {
  const limits = values.limit === undefined ? undefined : resolveLimits(values.limit);
  const read = { inputFormat: values.inputFormat, timing: values.timing, maxCols: limits?.cols, maxRows: limits?.rows };
  return Object.fromEntries(Object.entries(read).filter(([, v]) => v !== undefined));
}

export type ReadOptions = Pick<ReadRecordingOptions, 'inputFormat' | 'timing' | 'maxCols' | 'maxRows'>;
