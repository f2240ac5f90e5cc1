import type { AnimationInfo } from '../frames/frame.js';
import {
  cellSize,
  DEFAULT_THEME_NAME,
  getTheme,
  layoutWindowFor,
  RENDER_LOOK_DEFAULTS,
  type RenderLook,
  type Theme,
  type WindowLayout,
} from '../theme/index.js';
import type { FontFiles } from '../fonts/font-files.js';
import { chosenFontFiles, type FontChoice } from '../fonts/user-fonts.js';
import { FontSet } from './canvas-fonts.js';

/** Options of every raster format (GIF, PNG, WebP, APNG, video): the look shared with the SVG, and the raster's own fonts. */
export interface RasterOptions extends RenderLook, FontChoice {
  /** Told once per render about characters no font has (drawn as boxes). */
  readonly onWarning?: (message: string) => void;
  /**
   * Pixels may be partly transparent: window edges, the shadow and edges over a transparent
   * background, for outputs with an alpha channel (WebP, APNG; a PNG with a transparent background).
   */
  readonly alpha?: boolean;
}

export const GIF_DEFAULTS = RENDER_LOOK_DEFAULTS;

/** Everything the painter needs, resolved once; lengths in output pixels. */
export interface RasterSetup {
  readonly theme: Theme;
  readonly fonts: FontSet;
  readonly cols: number;
  readonly rows: number;
  /** Font size in output px. */
  readonly fontPx: number;
  readonly cellWidth: number;
  readonly cellHeight: number;
  /** Distance from a cell's top to the baseline. */
  readonly baseline: number;
  readonly lineThickness: number;
  /** Top of the underline, from the cell's top. */
  readonly underlineTop: number;
  /** Top of the strikethrough, from the cell's top. */
  readonly strikeTop: number;
  readonly layout: WindowLayout;
  readonly boldIsBright: boolean;
  readonly cursor: boolean;
  readonly transparentBackground: boolean;
  /** Pixels may be partly transparent (see RasterOptions.alpha); a GIF's are opaque or clear. */
  readonly alpha: boolean;
}

const fontSets = new Map<string, FontSet>();

function fontSetFor(files: FontFiles): FontSet {
  const key = JSON.stringify(files);
  let set = fontSets.get(key);
  if (!set) {
    set = new FontSet(files);
    fontSets.set(key, set);
  }
  return set;
}

export function resolveRaster(info: AnimationInfo, options: RasterOptions): RasterSetup {
  const theme = options.theme ?? getTheme(DEFAULT_THEME_NAME);
  const scale = options.scale ?? GIF_DEFAULTS.scale;
  const fontSize = options.fontSize ?? GIF_DEFAULTS.fontSize;
  const fonts = fontSetFor(chosenFontFiles(options));
  const metrics = fonts.primary.info;
  const fontPx = fontSize * scale;
  const em = (units: number): number => (units / metrics.unitsPerEm) * fontPx;
  // Whole-pixel cells (lines, blocks and backgrounds meet exactly at cell edges), by the rule the SVG renderer shares.
  const { width: cellWidth, height: cellHeight } = cellSize({
    fontSize,
    lineHeight: options.lineHeight ?? GIF_DEFAULTS.lineHeight,
    letterSpacing: options.letterSpacing ?? GIF_DEFAULTS.letterSpacing,
    scale,
    // Canvas measures with float error (0.59999924 em); rounded, a .5 cell width rounds as the SVG's does.
    advance: Math.round((fonts.primaryAdvance(fontPx) / fontPx) * 1e4) / 1e4,
  });
  // The font's ascent+descent box is centred in the cell, as terminals share out the line gap.
  const textHeight = em(metrics.ascender - metrics.descender);
  const baseline = Math.round((cellHeight - textHeight) / 2 + em(metrics.ascender));
  const lineThickness = Math.max(1, Math.round(em(metrics.underlineThickness)));
  const clampTop = (top: number): number => Math.max(0, Math.min(cellHeight - lineThickness, Math.round(top)));
  const cols = Math.max(1, info.cols);
  const rows = Math.max(1, info.rows);
  const layout = layoutWindowFor(options, { cols, rows, cellWidth, cellHeight, theme, scale, recordingTitle: info.title });
  return {
    theme,
    fonts,
    cols,
    rows,
    fontPx,
    cellWidth,
    cellHeight,
    baseline,
    lineThickness,
    underlineTop: clampTop(baseline - em(metrics.underlinePosition) - lineThickness / 2),
    strikeTop: clampTop(baseline - em(metrics.strikeoutPosition) - lineThickness / 2),
    layout,
    boldIsBright: options.boldIsBright ?? GIF_DEFAULTS.boldIsBright,
    cursor: options.cursor ?? GIF_DEFAULTS.cursor,
    transparentBackground: options.transparentBackground ?? GIF_DEFAULTS.transparentBackground,
    alpha: options.alpha ?? false,
  };
}
