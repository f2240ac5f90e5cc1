import { cellSize, DEFAULT_THEME_NAME, getTheme, layoutWindowFor, RENDER_LOOK_DEFAULTS, type RenderLook, type Theme, type WindowLayout } from '../theme/index.js';
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
 * Everything the writers need, resolved once. Lengths in output pixels, which are also the SVG's
 * user units: the geometry (cells, window, viewBox) is the GIF's, number for number.
 */
export interface SvgGeometry {
  readonly theme: Theme;
  /** Colours in the theme and the dark theme at once (see paint.ts). */
  readonly painter: Painter;
  /** The window in the dark theme, when there is one. */
  readonly darkLayout?: WindowLayout;
  /** The accessible name. */
  readonly name: string;
  readonly cols: number;
  readonly rows: number;
  /** Font size in output px. */
  readonly fontSize: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
  /**
   * Added to the font's own advance so that text fills its whole-pixel cells (CSS letter-spacing):
   * cellWidth minus the bundled font's advance.
   */
  readonly letterSpacing: number;
  /** Distance from a cell's top to the text baseline. */
  readonly baseline: number;
  /** Underline: offset below the baseline of the line's top edge, and thickness. */
  readonly underlineOffset: number;
  readonly lineThickness: number;
  /** Offset above the baseline of the strikethrough's top edge. */
  readonly strikeOffset: number;
  readonly layout: WindowLayout;
  readonly fontFamily: string;
  readonly boldIsBright: boolean;
  readonly cursor: boolean;
  readonly embedFont: boolean;
  readonly transparentBackground: boolean;
}

export function resolveGeometry(info: AnimationInfo, options: SvgOptions): SvgGeometry {
  const theme = options.theme ?? getTheme(DEFAULT_THEME_NAME);
  const scale = options.scale ?? SVG_DEFAULTS.scale;
  const fontSize = options.fontSize ?? SVG_DEFAULTS.fontSize;
  const fontPx = fontSize * scale;
  const em = (units: number): number => (units / BUNDLED_FONT.unitsPerEm) * fontPx;
  // Whole output pixels by the rule the GIF uses too: both show the same grid in the same frame.
  const { width: cellWidth, height: cellHeight } = cellSize({
    fontSize,
    lineHeight: options.lineHeight ?? SVG_DEFAULTS.lineHeight,
    letterSpacing: options.letterSpacing ?? SVG_DEFAULTS.letterSpacing,
    scale,
    advance: BUNDLED_FONT.advance / BUNDLED_FONT.unitsPerEm,
  });
  // The font's ascent+descent box is centred in the cell, as terminals share out the line gap;
  // on a whole pixel, as the GIF's.
  const textHeight = em(BUNDLED_FONT.ascender - BUNDLED_FONT.descender);
  const baseline = Math.round((cellHeight - textHeight) / 2 + em(BUNDLED_FONT.ascender));
  const lineThickness = Math.max(1, em(BUNDLED_FONT.underlineThickness));
  const cols = Math.max(1, info.cols);
  const rows = Math.max(1, info.rows);
  const grid = { cols, rows, cellWidth, cellHeight, scale, recordingTitle: info.title };
  const layout = layoutWindowFor(options, { ...grid, theme });
  const dark = options.darkTheme;
  const boldIsBright = options.boldIsBright ?? SVG_DEFAULTS.boldIsBright;
  const embedFont = options.embedFont ?? SVG_DEFAULTS.embedFont;
  const family = options.fontFamily ?? DEFAULT_FONT_FAMILY;
  return {
    theme,
    painter: new Painter(theme, dark, boldIsBright),
    ...(dark ? { darkLayout: layoutWindowFor(options, { ...grid, theme: dark }) } : {}),
    name: options.name ?? (info.title === '' ? DEFAULT_NAME : info.title),
    cols,
    rows,
    fontSize: fontPx,
    cellWidth,
    cellHeight,
    letterSpacing: cellWidth - em(BUNDLED_FONT.advance),
    baseline,
    underlineOffset: -em(BUNDLED_FONT.underlinePosition) - lineThickness / 2,
    lineThickness,
    strikeOffset: em(BUNDLED_FONT.strikeoutPosition) + lineThickness / 2,
    layout,
    fontFamily: embedFont ? `${EMBEDDED_FAMILY},${family}` : family,
    boldIsBright,
    cursor: options.cursor ?? SVG_DEFAULTS.cursor,
    embedFont,
    transparentBackground: options.transparentBackground ?? false,
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
