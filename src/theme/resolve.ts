import { parseAdhocTheme, themeFromCastHeader, type CastHeaderTheme } from './adhoc.js';
import { DEFAULT_THEME_NAME, findTheme, getTheme, suggestionText } from './builtin.js';
import type { Theme } from './types.js';

export interface ResolveThemeOptions {
  /** Directory that relative theme file paths are resolved against (default: process.cwd()). */
  readonly cwd?: string;
}

/**
 * The theme to render with. `spec` (from --theme) is agg's ad-hoc "bg,fg,colours…" list when it
 * contains a comma, else a built-in name. Without a spec the cast header's theme is used, then
 * the default (asciinema's).
 */
export function resolveTheme(spec: string | undefined, castHeaderTheme?: CastHeaderTheme, _opts: ResolveThemeOptions = {}): Theme {
  if (spec === undefined || spec.trim() === '') {
    return themeFromCastHeader(castHeaderTheme) ?? getTheme(DEFAULT_THEME_NAME);
  }
  if (spec.includes(',')) return parseAdhocTheme(spec);
  const builtin = findTheme(spec);
  if (builtin) return builtin;
  throw new Error(`Unknown theme "${spec}"${suggestionText(spec)}`);
}
