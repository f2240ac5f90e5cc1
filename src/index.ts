// The library API: the whole pipeline in one call, and each stage for people building their own.
export { render, renderCast } from './render/render.js';
export { protect, type ProtectOptions } from './edit/protect.js';
export { lookFor } from './render/look.js';
export { runBatch, BatchSetupError, type BatchRequest, type BatchSummary } from './batch/index.js';
export type { OptionValues } from './options/schema.js';
export type { RenderOptions, LookOptions } from './render/options.js';
export { OUTPUT_FORMATS, type OutputFormat } from './formats/registry.js';
export {
  readCast,
  readRecording,
  readRecordingFrom,
  detectFormat,
  writeAsciicast,
  openSource,
  CastError,
  INPUT_FORMATS,
  type Cast,
  type CastEvent,
  type CastHeader,
  type InputFormat,
} from './cast/index.js';
export { frameGroups, parseTimePoint, TimePointError, type TimelineOptions, type TimePoint } from './timeline/index.js';
export { Terminal } from './term/index.js';
export type { Cell, Row, Cursor, ScreenSnapshot } from './term/cell.js';
export { animationInfo, castFrames, terminalAt, type AnimationInfo, type Frame } from './frames/index.js';
export { getTheme, listThemes, resolveTheme, type Theme } from './theme/index.js';
export { renderGif } from './gif/index.js';
export { renderPng } from './png/index.js';
export { renderWebp, type WebpOptions } from './webp/index.js';
export { renderApng, type ApngOptions } from './apng/index.js';
export { renderVideo, FfmpegMissingError, type VideoOptions } from './video/index.js';
export { renderSvg, renderSvgStill } from './svg/index.js';
