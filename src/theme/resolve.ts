import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { parseAdhocTheme, themeFromCastHeader, type CastHeaderTheme } from './adhoc.js';
import { DEFAULT_THEME_NAME, findTheme, getTheme, suggestionText } from './builtin.js';
import { importThemeFile } from './formats/index.js';
import type { Theme } from './types.js';

export interface ResolveThemeOptions {
  /** Directory that relative theme file paths are resolved against (default: process.cwd()). */
  readonly cwd?: string;
}

/**
 * The theme to render with. `spec` (from --theme) is, in this order: agg's ad-hoc
 * "bg,fg,colours…" list when it contains a comma; a built-in name; a theme file (format detected
 * from its content). Without a spec the cast header's theme is used, then the default (asciinema's).
 */
export function resolveTheme(spec: string | undefined, castHeaderTheme?: CastHeaderTheme, opts: ResolveThemeOptions = {}): Theme {
  if (spec === undefined || spec.trim() === '') {
    return themeFromCastHeader(castHeaderTheme) ?? getTheme(DEFAULT_THEME_NAME);
  }
  if (spec.includes(',')) return parseAdhocTheme(spec);
  const builtin = findTheme(spec);
  if (builtin) return builtin;
  const path = isAbsolute(spec) ? spec : resolve(opts.cwd ?? process.cwd(), spec);
  if (existsSync(path) || looksLikePath(spec)) return importThemeFile(path);
  throw new Error(`Unknown theme "${spec}": not a built-in theme nor a file${suggestionText(spec)}`);
}

/** A spec with a directory separator or a file extension was meant as a file, so report it as one. */
const looksLikePath = (spec: string): boolean => /[\\/]/.test(spec) || /\.[a-z0-9]{1,12}$/i.test(spec);
