import { parseColor } from '../rgb.js';
import { ANSI_NAMES, emptyColorSet, type ColorSet } from './colorset.js';

/** Windows Terminal calls magenta "purple". */
const WT_NAMES = ANSI_NAMES.map((n) => (n === 'magenta' ? 'purple' : n));

export interface JsonScheme {
  readonly set: ColorSet;
  readonly name?: string;
}

/**
 * A Windows Terminal colour scheme (an object with black … brightWhite, background, foreground,
 * cursorColor, selectionBackground), a settings.json holding "schemes" (the first is taken), or
 * one of our own theme files (a "palette" array). Returns undefined when the JSON is none of these.
 */
export function parseJsonScheme(data: unknown): JsonScheme | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const obj = data as Record<string, unknown>;
  if (Array.isArray(obj.schemes) && obj.schemes.length > 0) return parseJsonScheme(obj.schemes[0]);
  const color = (key: string): number | undefined => (typeof obj[key] === 'string' ? parseColor(obj[key] as string) : undefined);
  const set = emptyColorSet();
  set.background = color('background');
  set.foreground = color('foreground');
  set.cursor = color('cursorColor') ?? color('cursor');
  set.selection = color('selectionBackground') ?? color('selection');
  if (Array.isArray(obj.palette)) {
    obj.palette.slice(0, 16).forEach((c, i) => (set.palette[i] = typeof c === 'string' ? parseColor(c) : undefined));
  } else {
    WT_NAMES.forEach((n, i) => {
      set.palette[i] = color(n);
      set.palette[i + 8] = color('bright' + n[0]!.toUpperCase() + n.slice(1));
    });
  }
  if (set.palette.every((c) => c === undefined)) return undefined;
  return { set, ...(typeof obj.name === 'string' ? { name: obj.name } : {}) };
}

/**
 * JSON with the comments and trailing commas Windows Terminal accepts in settings.json.
 * Throws SyntaxError like JSON.parse when it is not that.
 */
export function parseJsonc(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end - 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
      out += ' ';
    } else out += c;
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

/** Index just past the string literal that opens at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}
