import { gridGeometry, RENDER_LOOK_DEFAULTS, type GridGeometry, type RenderLook, type Theme, type WindowLayout } from '../theme/index.js';
import type { AnimationInfo } from '../frames/frame.js';
import { BUNDLED_FONT } from '../fonts/bundled-metrics.js';
import { Painter } from './paint.js';

/** Options of the SVG renderer: the look both renderers share, and the SVG's own. */
export interface SvgOptions extends RenderLook {
  /** Embed a subset of the bundled font holding only the glyphs used (default false). */
  readonly embedFont?: boolean;
  /** CSS font-family list; default starts with the bundled family, then common monospace fonts. */
  readonly fontFamily?: string;
  /**
   * A second palette for pages in dark mode: the SVG switches to it by `prefers-color-scheme`
   * (window included). Same geometry: only colours change.
   */
  readonly darkTheme?: Theme;
  /** What screen readers announce the image as (default: the recording's title, else "Terminal recording"). */
  readonly name?: string;
  /** Told once per render about characters no font has. */
  readonly onWarning?: (message: string) => void;
  /** Told the size the embedded fonts add. */
  readonly onDetail?: (message: string) => void;
}

export const SVG_DEFAULTS = { ...RENDER_LOOK_DEFAULTS, embedFont: false } as const;

/**
 * Everything the writers need, resolved once: the grid the raster draws too (see gridGeometry),
 * and the SVG's own. Lengths in output pixels, which are also the SVG's user units.
 */
export interface SvgGeometry extends GridGeometry {
  /** Colours in the theme and the dark theme at once (see paint.ts). */
  readonly painter: Painter;
  /** The window in the dark theme, when there is one. */
  readonly darkLayout?: WindowLayout;
  /** The accessible name. */
  readonly name: string;
  /**
   * Added to the font's own advance so that text fills its whole-pixel cells (CSS letter-spacing):
   * cellWidth minus the bundled font's advance.
   */
  readonly advanceFill: number;
  /** Underline: offset below the baseline of the line's top edge, and thickness. */
  readonly underlineOffset: number;
  readonly lineThickness: number;
  /** Offset above the baseline of the strikethrough's top edge. */
  readonly strikeOffset: number;
  readonly fontFamily: string;
  readonly embedFont: boolean;
}

export function resolveGeometry(info: AnimationInfo, options: SvgOptions): SvgGeometry {
  // The bundled font's metrics whatever the viewer draws with: the SVG never opens a font file to lay out.
  const grid = gridGeometry(options, info, BUNDLED_FONT, () => BUNDLED_FONT.advance / BUNDLED_FONT.unitsPerEm);
  const { em, theme } = grid;
  const lineThickness = Math.max(1, em(BUNDLED_FONT.underlineThickness));
  const dark = options.darkTheme;
  const embedFont = options.embedFont ?? SVG_DEFAULTS.embedFont;
  const family = options.fontFamily ?? DEFAULT_FONT_FAMILY;
  return {
    ...grid,
    painter: new Painter(theme, dark, grid.boldIsBright),
    ...(dark ? { darkLayout: grid.layoutIn(dark) } : {}),
    name: options.name ?? (info.title === '' ? DEFAULT_NAME : info.title),
    advanceFill: grid.cellWidth - em(BUNDLED_FONT.advance),
    underlineOffset: -em(BUNDLED_FONT.underlinePosition) - lineThickness / 2,
    lineThickness,
    strikeOffset: em(BUNDLED_FONT.strikeoutPosition) + lineThickness / 2,
    fontFamily: embedFont ? `${EMBEDDED_FAMILY},${family}` : family,
    embedFont,
  };
}

/**
 * Used after the bundled family when a viewer lacks it; all advance 0.6 to 0.602 em, as the
 * bundled font does, so short runs stay on their cells without pinning (Consolas, at 0.55 em,
 * is left out for that reason).
 */
export const FALLBACK_FAMILIES = "'DejaVu Sans Mono',Menlo,'SF Mono',Monaco,'Liberation Mono','Courier New',monospace";

export const DEFAULT_FONT_FAMILY = `'${BUNDLED_FONT.family}',${FALLBACK_FAMILIES}`;

/** The family name the embedded subset is declared under; unlikely to clash with an installed font. */
export const EMBEDDED_FAMILY = 'c2s-embedded';

/** The family of the embedded fallback glyphs (Nerd Font icons and the like), first in the list. */
export const FALLBACK_FAMILY = 'c2s-fallback';

/** The accessible name of a recording that has neither a title nor a given name. */
export const DEFAULT_NAME = 'Terminal recording';
