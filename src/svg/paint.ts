import type { Cell, PaletteOverrides } from '../term/cell.js';
import { cellColors, cursorColor, type CellColors, type Rgb, type Theme } from '../theme/index.js';

/**
 * A colour for both colour schemes in one number: the light theme's colour, plus the dark theme's
 * above bit 24 when it differs. Each is resolved by its own theme (faint, inverse and bold-is-bright
 * included), so a class keyed by it can be remapped by the dark media query without guessing which
 * theme role a colour came from. `& 0xffffff` (hexColor) reads the light colour.
 */
export type Paint = number;

const DARK = 2 ** 24;

export const paint = (light: Rgb, dark: Rgb): Paint => (light === dark ? light : light + (dark + 1) * DARK);
export const lightOf = (p: Paint): Rgb => p % DARK;
/** The dark scheme's colour; the light one when both agree. */
export const darkOf = (p: Paint): Rgb => (p < DARK ? p : Math.floor(p / DARK) - 1);
export const hasDark = (p: Paint): boolean => p >= DARK;

/** Resolves the SVG's colours in the light theme and, when there is one, the dark theme at once. */
export class Painter {
  constructor(
    readonly theme: Theme,
    readonly dark: Theme | undefined,
    private readonly boldIsBright: boolean,
  ) {}

  cell(cell: Cell, overrides: PaletteOverrides): CellColors {
    const opts = { boldIsBright: this.boldIsBright };
    const light = cellColors(cell, this.theme, overrides, opts);
    if (!this.dark) return light;
    const dark = cellColors(cell, this.dark, overrides, opts);
    return { fg: paint(light.fg, dark.fg), bg: paint(light.bg, dark.bg), underline: paint(light.underline, dark.underline), bgIsDefault: light.bgIsDefault };
  }

  cursor(overrides: PaletteOverrides): Paint {
    const light = cursorColor(this.theme, overrides);
    return this.dark ? paint(light, cursorColor(this.dark, overrides)) : light;
  }

  /** The terminal's default background (OSC 11 sets it for both schemes). */
  background(overrides: PaletteOverrides): Paint {
    if (overrides.background !== undefined) return overrides.background;
    return this.dark ? paint(this.theme.background, this.dark.background) : this.theme.background;
  }

  get foreground(): Paint {
    return this.dark ? paint(this.theme.foreground, this.dark.foreground) : this.theme.foreground;
  }
}
