import { Attr, DEFAULT_COLOR, TRUECOLOR, type Cell, type PaletteOverrides } from '../term/cell.js';
import { blend } from './rgb.js';
import type { Rgb, Theme } from './types.js';
import { XTERM_256 } from './xterm256.js';

/**
 * A cell colour (DEFAULT_COLOR, 0..255, TRUECOLOR|rgb) to a concrete colour. Colours the program set
 * with OSC 4/10/11 win over the theme; 16..255 come from xterm's standard table.
 */
export function resolveColor(color: number, theme: Theme, overrides: PaletteOverrides, role: 'fg' | 'bg'): Rgb {
  if (color >= TRUECOLOR) return color & 0xffffff;
  if (color >= 0 && color < 256) {
    const set = overrides.indexed.size === 0 ? undefined : overrides.indexed.get(color);
    if (set !== undefined) return set;
    return color < 16 ? theme.palette[color]! : XTERM_256[color]!;
  }
  // DEFAULT_COLOR, and anything malformed, is the default colour of the role.
  return role === 'fg'
    ? (overrides.foreground ?? theme.foreground)
    : (overrides.background ?? theme.background);
}

export interface CellColors {
  readonly fg: Rgb;
  readonly bg: Rgb;
  /** Colour of underline decorations (SGR 58, or the foreground). */
  readonly underline: Rgb;
  /** The background is the terminal's default one: a renderer may leave it unpainted over the window fill. */
  readonly bgIsDefault: boolean;
}

export interface CellColorOptions {
  /** Bold text in colours 0-7 is drawn in 8-15 (as most terminals do). */
  readonly boldIsBright: boolean;
}

/**
 * The one place where a cell's attributes turn into colours, so that every renderer agrees:
 * bold-is-bright first (it picks the colour index), then inverse swaps, then faint blends the
 * foreground halfway to the background, then invisible hides the text and its underline.
 */
export function cellColors(cell: Cell, theme: Theme, overrides: PaletteOverrides, opts: CellColorOptions): CellColors {
  const attrs = cell.attrs;
  let fgIndex = cell.fg;
  if (opts.boldIsBright && attrs & Attr.BOLD && fgIndex >= 0 && fgIndex < 8) fgIndex += 8;

  let fg = resolveColor(fgIndex, theme, overrides, 'fg');
  let bg = resolveColor(cell.bg, theme, overrides, 'bg');
  let bgIsDefault = cell.bg === DEFAULT_COLOR;
  if (attrs & Attr.INVERSE) {
    const swap = fg;
    fg = bg;
    bg = swap;
    bgIsDefault = false;
  }
  if (attrs & Attr.FAINT) fg = blend(fg, bg, 0.5);
  let underline = cell.ulColor === DEFAULT_COLOR ? fg : resolveColor(cell.ulColor, theme, overrides, 'fg');
  if (attrs & Attr.INVISIBLE) {
    fg = bg;
    underline = bg;
  }
  return { fg, bg, underline, bgIsDefault };
}

/** The cursor's colour: OSC 12 if the program set it, else the theme's cursor, else the foreground. */
export function cursorColor(theme: Theme, overrides: PaletteOverrides): Rgb {
  return overrides.cursor ?? theme.cursor ?? overrides.foreground ?? theme.foreground;
}
