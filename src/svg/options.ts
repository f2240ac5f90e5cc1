import { DEFAULT_THEME_NAME, DEFAULT_WINDOW_OPTIONS, getTheme, layoutWindow, type Theme, type WindowLayout, type WindowStyle } from '../theme/index.js';
import type { AnimationInfo } from '../frames/frame.js';
import { BUNDLED_FONT, DEFAULT_FONT_FAMILY } from './font-metrics.js';

/** Options of the SVG renderer. Names match the GIF renderer's where they mean the same. */
export interface SvgOptions {
  /** Default: the default built-in theme. */
  readonly theme?: Theme;
  /** Font size in px (default 14). */
  readonly fontSize?: number;
  /** Cell height as a multiple of the font size (default 1.4). */
  readonly lineHeight?: number;
  /** Extra px between cells (default 0). */
  readonly letterSpacing?: number;
  /** [vertical, horizontal] px between the window edge and the text. */
  readonly padding?: readonly [number, number];
  readonly margin?: number;
  /** Paints the margin; transparent when absent. 0xRRGGBB. */
  readonly marginColor?: number;
  readonly window?: WindowStyle;
  /** Window title; default: the recording's. */
  readonly title?: string;
  readonly borderRadius?: number;
  readonly shadow?: boolean;
  /** A hairline around the window (default on). */
  readonly border?: boolean;
  /** Output size multiplier: the drawing is the same, `width`/`height` grow (default 1). */
  readonly scale?: number;
  /** Leave the window body unpainted (default false). */
  readonly transparentBackground?: boolean;
  /** Bold text in colours 0-7 uses 8-15 (default true). */
  readonly boldIsBright?: boolean;
  /** Draw the cursor (default true). */
  readonly cursor?: boolean;
  /** Embed a subset of the bundled font holding only the glyphs used (default false). */
  readonly embedFont?: boolean;
  /** CSS font-family list; default starts with the bundled family, then common monospace fonts. */
  readonly fontFamily?: string;
}

export const SVG_DEFAULTS = {
  fontSize: 14,
  lineHeight: 1.4,
  letterSpacing: 0,
  boldIsBright: true,
  cursor: true,
  embedFont: false,
  scale: 1,
} as const;

/** Everything the writers need, resolved once. Lengths in px of the SVG's user space. */
export interface SvgGeometry {
  readonly theme: Theme;
  readonly cols: number;
  readonly rows: number;
  readonly fontSize: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
  /** Distance from a cell's top to the text baseline. */
  readonly baseline: number;
  /** Underline: offset below the baseline of the line's top edge, and thickness. */
  readonly underlineOffset: number;
  readonly lineThickness: number;
  /** Offset above the baseline of the strikethrough's top edge. */
  readonly strikeOffset: number;
  readonly layout: WindowLayout;
  readonly scale: number;
  readonly fontFamily: string;
  readonly boldIsBright: boolean;
  readonly cursor: boolean;
  readonly embedFont: boolean;
  readonly transparentBackground: boolean;
}

export function resolveGeometry(info: AnimationInfo, options: SvgOptions): SvgGeometry {
  const theme = options.theme ?? getTheme(DEFAULT_THEME_NAME);
  const fontSize = options.fontSize ?? SVG_DEFAULTS.fontSize;
  const em = (units: number): number => (units / BUNDLED_FONT.unitsPerEm) * fontSize;
  const cellWidth = em(BUNDLED_FONT.advance) + (options.letterSpacing ?? SVG_DEFAULTS.letterSpacing);
  // Whole-pixel rows: background rectangles of neighbouring rows then meet on pixel edges, without
  // the anti-aliased seams that fractional edges show between rows of the same colour.
  const cellHeight = Math.max(1, Math.round(fontSize * (options.lineHeight ?? SVG_DEFAULTS.lineHeight)));
  // The font's ascent+descent box is centred in the cell, as terminals share out the line gap.
  const textHeight = em(BUNDLED_FONT.ascender - BUNDLED_FONT.descender);
  const baseline = (cellHeight - textHeight) / 2 + em(BUNDLED_FONT.ascender);
  const lineThickness = Math.max(1, em(BUNDLED_FONT.underlineThickness));
  const cols = Math.max(1, info.cols);
  const rows = Math.max(1, info.rows);
  const layout = layoutWindow({
    cols,
    rows,
    cellWidth,
    cellHeight,
    padding: options.padding ?? DEFAULT_WINDOW_OPTIONS.padding,
    margin: options.margin ?? DEFAULT_WINDOW_OPTIONS.margin,
    ...(options.marginColor === undefined ? {} : { marginColor: options.marginColor }),
    window: options.window ?? DEFAULT_WINDOW_OPTIONS.window,
    title: options.title ?? info.title,
    borderRadius: options.borderRadius ?? DEFAULT_WINDOW_OPTIONS.borderRadius,
    shadow: options.shadow ?? DEFAULT_WINDOW_OPTIONS.shadow,
    border: options.border ?? DEFAULT_WINDOW_OPTIONS.border,
    theme,
    // The SVG is drawn at scale 1 and scaled through its width and height: the viewBox stays the same.
    scale: 1,
  });
  const embedFont = options.embedFont ?? SVG_DEFAULTS.embedFont;
  const family = options.fontFamily ?? DEFAULT_FONT_FAMILY;
  return {
    theme,
    cols,
    rows,
    fontSize,
    cellWidth,
    cellHeight,
    baseline,
    underlineOffset: -em(BUNDLED_FONT.underlinePosition) - lineThickness / 2,
    lineThickness,
    strikeOffset: em(BUNDLED_FONT.strikeoutPosition) + lineThickness / 2,
    layout,
    scale: options.scale ?? SVG_DEFAULTS.scale,
    fontFamily: embedFont ? `${EMBEDDED_FAMILY},${family}` : family,
    boldIsBright: options.boldIsBright ?? SVG_DEFAULTS.boldIsBright,
    cursor: options.cursor ?? SVG_DEFAULTS.cursor,
    embedFont,
    transparentBackground: options.transparentBackground ?? false,
  };
}

/** The family name the embedded subset is declared under; unlikely to clash with an installed font. */
export const EMBEDDED_FAMILY = 'c2s-embedded';
