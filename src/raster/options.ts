import type { AnimationInfo } from '../frames/frame.js';
import { gridGeometry, type GridGeometry, type RenderLook } from '../theme/index.js';
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

/** Everything the painter needs, resolved once: the grid both renderers share, and the raster's own; lengths in output pixels. */
export interface RasterSetup extends GridGeometry {
  readonly fonts: FontSet;
  /** Underline and strikethrough thickness, whole pixels. */
  readonly lineThickness: number;
  /** Top of the underline, from the cell's top. */
  readonly underlineTop: number;
  /** Top of the strikethrough, from the cell's top. */
  readonly strikeTop: number;
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
  const fonts = fontSetFor(chosenFontFiles(options));
  const metrics = fonts.primary.info;
  // Canvas measures with float error (0.59999924 em); rounded, a .5 cell width rounds as the SVG's does.
  const grid = gridGeometry(options, info, metrics, (fontPx) => Math.round((fonts.primaryAdvance(fontPx) / fontPx) * 1e4) / 1e4);
  const { em, baseline, cellHeight } = grid;
  const lineThickness = Math.max(1, Math.round(em(metrics.underlineThickness)));
  const clampTop = (top: number): number => Math.max(0, Math.min(cellHeight - lineThickness, Math.round(top)));
  return {
    ...grid,
    fonts,
    lineThickness,
    underlineTop: clampTop(baseline - em(metrics.underlinePosition) - lineThickness / 2),
    strikeTop: clampTop(baseline - em(metrics.strikeoutPosition) - lineThickness / 2),
    alpha: options.alpha ?? false,
  };
}
