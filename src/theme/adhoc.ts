import { parseColor } from './rgb.js';
import type { Rgb, Theme } from './types.js';

/** The theme block of an asciicast header: v2 `theme`, v3 `term.theme`. */
export interface CastHeaderTheme {
  readonly fg?: string;
  readonly bg?: string;
  /** 8 or 16 colours separated by ':' */
  readonly palette?: string;
}

/** With only 8 colours given, the bright half repeats them, as asciinema's own tools do. */
function sixteen(colors: readonly Rgb[]): Rgb[] {
  return colors.length === 16 ? [...colors] : [...colors, ...colors];
}

/**
 * agg's ad-hoc theme: "bg,fg," then 8 or 16 colours, comma-separated, each six hex digits
 * (a leading '#' is tolerated). Empty items are ignored, so trailing commas are fine.
 */
export function parseAdhocTheme(spec: string): Theme {
  const items = spec.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const colors = items.map((item) => {
    const rgb = /^#?[0-9a-f]{6}$/i.test(item) ? parseColor(item.replace(/^#/, '')) : undefined;
    if (rgb === undefined) throw new Error(`Invalid theme "${spec}": "${item}" is not a six-digit hex colour`);
    return rgb;
  });
  if (colors.length !== 10 && colors.length !== 18) {
    throw new Error(`Invalid theme "${spec}": expected background, foreground and 8 or 16 colours (10 or 18 in all), got ${colors.length}`);
  }
  return { name: 'custom', background: colors[0]!, foreground: colors[1]!, palette: sixteen(colors.slice(2)) };
}

/**
 * The theme recorded in a cast header, or undefined when the header has none or it is unusable
 * (missing fields, malformed colours, a palette of neither 8 nor 16): a damaged header theme
 * should not stop a render that did not ask for it.
 */
export function themeFromCastHeader(header: CastHeaderTheme | undefined): Theme | undefined {
  if (!header || typeof header !== 'object') return undefined;
  const fg = typeof header.fg === 'string' ? parseColor(header.fg) : undefined;
  const bg = typeof header.bg === 'string' ? parseColor(header.bg) : undefined;
  if (fg === undefined || bg === undefined || typeof header.palette !== 'string') return undefined;
  const palette = header.palette.split(':').map((c) => parseColor(c));
  if (palette.length !== 8 && palette.length !== 16) return undefined;
  if (palette.some((c) => c === undefined)) return undefined;
  return { name: 'cast', background: bg, foreground: fg, palette: sixteen(palette as Rgb[]), source: 'cast header' };
}
