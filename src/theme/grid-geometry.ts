import { DEFAULT_THEME_NAME, getTheme } from './builtin.js';
import type { Theme } from './types.js';
import { cellSize, layoutWindowFor, RENDER_LOOK_DEFAULTS, type RenderLook, type WindowLayout } from './window.js';

/** The text font's vertical metrics in font units, as a font file's tables give them. */
export interface FontMetrics {
  readonly unitsPerEm: number;
  readonly ascender: number;
  readonly descender: number;
}

/**
 * The cell grid and the window around it, in output pixels, with the look's defaults applied:
 * what the raster and the SVG renderers both draw, computed in one place so that they cannot
 * disagree. Each renderer adds what is its own (fonts, line placement, colours).
 */
export interface GridGeometry {
  readonly theme: Theme;
  /** Output pixels per logical pixel. */
  readonly scale: number;
  /** Font size in output px. */
  readonly fontPx: number;
  readonly cols: number;
  readonly rows: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
  /** Distance from a cell's top to the text baseline, whole pixels. */
  readonly baseline: number;
  readonly layout: WindowLayout;
  readonly boldIsBright: boolean;
  readonly cursor: boolean;
  readonly transparentBackground: boolean;
  /** A length in the font's units as output px. */
  readonly em: (units: number) => number;
  /** The same window in another theme (an SVG's dark mode): only colours differ. */
  readonly layoutIn: (theme: Theme) => WindowLayout;
}

/**
 * The grid for a recording's size and title in a look, drawn in a font with these metrics whose
 * advance, in em, is `advance(fontPx)` at a size in output px (a canvas measures it at the size it
 * draws).
 */
export function gridGeometry(
  look: RenderLook,
  recording: { readonly cols: number; readonly rows: number; readonly title: string },
  metrics: FontMetrics,
  advance: (fontPx: number) => number,
): GridGeometry {
  const theme = look.theme ?? getTheme(DEFAULT_THEME_NAME);
  const scale = look.scale ?? RENDER_LOOK_DEFAULTS.scale;
  const fontSize = look.fontSize ?? RENDER_LOOK_DEFAULTS.fontSize;
  const fontPx = fontSize * scale;
  const em = (units: number): number => (units / metrics.unitsPerEm) * fontPx;
  // Whole-pixel cells: lines, blocks and backgrounds meet exactly at cell edges.
  const { width: cellWidth, height: cellHeight } = cellSize({
    fontSize,
    lineHeight: look.lineHeight ?? RENDER_LOOK_DEFAULTS.lineHeight,
    letterSpacing: look.letterSpacing ?? RENDER_LOOK_DEFAULTS.letterSpacing,
    scale,
    advance: advance(fontPx),
  });
  // The font's ascent+descent box is centred in the cell, as terminals share out the line gap.
  const textHeight = em(metrics.ascender - metrics.descender);
  const baseline = Math.round((cellHeight - textHeight) / 2 + em(metrics.ascender));
  const cols = Math.max(1, recording.cols);
  const rows = Math.max(1, recording.rows);
  const layoutIn = (t: Theme): WindowLayout => layoutWindowFor(look, { cols, rows, cellWidth, cellHeight, theme: t, scale, recordingTitle: recording.title });
  return {
    theme,
    scale,
    fontPx,
    cols,
    rows,
    cellWidth,
    cellHeight,
    baseline,
    layout: layoutIn(theme),
    boldIsBright: look.boldIsBright ?? RENDER_LOOK_DEFAULTS.boldIsBright,
    cursor: look.cursor ?? RENDER_LOOK_DEFAULTS.cursor,
    transparentBackground: look.transparentBackground ?? RENDER_LOOK_DEFAULTS.transparentBackground,
    em,
    layoutIn,
  };
}
