export { renderSvg, renderSvgStill } from './render-svg.js';
export { SVG_DEFAULTS, type SvgOptions } from './options.js';
export { DEFAULT_FONT_FAMILY } from './font-metrics.js';
