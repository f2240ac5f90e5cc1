export { renderSvg, renderSvgStill } from './render-svg.js';
export { DEFAULT_FONT_FAMILY, SVG_DEFAULTS, type SvgOptions } from './options.js';
