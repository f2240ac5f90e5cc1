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
