export {
  drawnGlyph,
  isDrawnGlyph,
  lightLineWidth,
  type DrawnArc,
  type DrawnCell,
  type DrawnPolygon,
  type DrawnPolyline,
  type DrawnPrimitive,
  type DrawnRect,
} from './drawn-glyphs.js';
export { BUNDLED_FONTS_DIR, BUNDLED_FONT_FILES, FontSet, fontFilesInDir, type FontFiles, type FontStyle } from './fonts.js';
export { GIF_DEFAULTS, resolveRaster, type GifOptions, type RasterSetup } from './options.js';
export { ScreenPainter, type DirtyBand } from './screen-painter.js';
export { encodePng, toRgba } from './png.js';
export { TRANSPARENT, COVERAGE_LEVELS } from './pixels.js';
export { readFontInfo, type FontInfo } from './sfnt.js';
export { systemFontFiles, familyNames, FontNotFoundError } from './system-fonts.js';
export { FontFormatError } from './sfnt.js';
