export type { Rgb, Theme } from './types.js';
export { getTheme, listThemes, findTheme, closeThemeNames, DEFAULT_THEME_NAME, THEMES_DIR } from './builtin.js';
export { resolveTheme, type ResolveThemeOptions } from './resolve.js';
export { parseAdhocTheme, themeFromCastHeader, type CastHeaderTheme } from './adhoc.js';
export { resolveColor, cellColors, cursorColor, type CellColors, type CellColorOptions } from './color.js';
export { XTERM_256, XTERM_16 } from './xterm256.js';
export { parseColor, formatColor, blend, luminance, contrastRatio } from './rgb.js';
export {
  layoutWindow,
  type WindowLook,
  type RenderLook,
  RENDER_LOOK_DEFAULTS,
  DEFAULT_WINDOW_OPTIONS,
  WINDOW_STYLES,
  BUTTON_COLORS,
  type WindowOptions,
  type WindowLayout,
  type WindowShape,
  type WindowStyle,
  type Box,
  type KeysBar,
  keysColors,
} from './window.js';
export { gridGeometry, type FontMetrics, type GridGeometry } from './grid-geometry.js';
export { importThemeFile, parseThemeText, detectThemeFormat, type ThemeFormat } from './formats/index.js';
export { formatThemeList, themeSwatch } from './swatch.js';
export { AUTO_THEME, AUTO_PAIR, themePair } from './pairs.js';
