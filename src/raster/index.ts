export { FontSet } from './canvas-fonts.js';
export { resolveRaster, type RasterOptions, type RasterSetup } from './options.js';
export { ScreenPainter, type DirtyBand } from './screen-painter.js';
export { TRANSPARENT, COVERAGE_LEVELS } from './pixels.js';
