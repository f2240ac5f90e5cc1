import type { Frame } from '../frames/frame.js';
import type { TimelineOptions, TimePoint } from '../timeline/index.js';
import type { WindowStyle } from '../theme/index.js';
import type { Limits } from './limits.js';

export const OUTPUT_FORMATS = ['gif', 'svg', 'png', 'txt', 'cast', 'webp', 'apng', 'mp4', 'webm'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** How the picture looks; the same options mean the same geometry in GIF, PNG and SVG. */
export interface LookOptions {
  /** A built-in theme name, a theme file, or agg's `bg,fg,c0,...` list. Default: the cast's own, else asciinema. */
  readonly theme?: string;
  /**
   * The theme for pages in dark mode: an SVG carries both and follows `prefers-color-scheme`; a
   * raster output gets a twin file in it (see dark-twin.ts). `theme: 'auto'` picks a pair.
   */
  readonly darkTheme?: string;
  /** What screen readers announce the image as (default: the recording's title, else its file name). */
  readonly alt?: string;
  /** The input's file name, for the default `alt`. */
  readonly inputName?: string;
  readonly fontSize?: number;
  readonly lineHeight?: number;
  readonly letterSpacing?: number;
  /** Use these system font families (CSS-style list) instead of the bundled font. */
  readonly fontFamily?: string;
  /** Extra font files, tried before the bundled fallbacks (e.g. a colour emoji font). */
  readonly fontFiles?: readonly string[];
  /** A folder of font files to use, tried before the bundled fallbacks. */
  readonly fontDir?: string;
  readonly scale?: number;
  readonly padding?: readonly [number, number];
  readonly margin?: number;
  readonly marginColor?: string;
  readonly window?: WindowStyle;
  readonly title?: string;
  readonly borderRadius?: number;
  /** A thin outline around the window (default true). */
  readonly border?: boolean;
  readonly shadow?: boolean;
  readonly boldIsBright?: boolean;
  readonly cursor?: boolean;
  readonly transparentBackground?: boolean;
  /** SVG only: embed a subset of the bundled font. */
  readonly embedFont?: boolean;
}

export interface RenderOptions extends TimelineOptions, LookOptions {
  readonly format: OutputFormat;
  /** Terminal size overriding the recording's. */
  readonly cols?: number;
  readonly rows?: number;
  /** A single still frame at this point (recording clock or marker) instead of an animation. */
  readonly at?: TimePoint;
  /** 0 loops forever, 1 plays once and holds the last frame, N plays N times. */
  readonly loop?: number;
  /** WebP: lossy at this quality (0..100) instead of lossless; MP4/WebM: quality 0..100 instead of the text-sharp default. */
  readonly quality?: number;
  /** APNG: zopfli's deflate tried too, on every frame: about 1% smaller, some seven times slower. */
  readonly optimize?: boolean;
  /** For the `cast` format: asciicast version 2 (default) or 3. */
  readonly castVersion?: 2 | 3;
  readonly onWarning?: (message: string) => void;
  /** What --verbose adds: details worth knowing that are not problems (e.g. the size of embedded fonts). */
  readonly onDetail?: (message: string) => void;
  /** Raised limits (see limits.ts); the rest keep their defaults. */
  readonly limits?: Partial<Limits>;
  /** Animated outputs only (any format but png, txt and cast, without --at): called with a PNG of the screen at each marker (1-based index). */
  readonly onMarkerPng?: (label: string, index: number, png: Buffer) => void;
  /**
   * Animated outputs: the most bytes the output may have; frames are given up to stay under it
   * (see max-size.ts), and `onMaxSize` is told what was given up and how many frames the output
   * kept (`onFrame` saw the frames of every try).
   */
  readonly maxSize?: number;
  readonly onMaxSize?: (message: string, kept: { readonly frames: number }) => void;
  /** Animated outputs: called with each frame as it is rendered (for progress displays). */
  readonly onFrame?: (frame: Frame) => void;
  /**
   * Show the keys pressed (input events) in a bar under the terminal, in every picture format.
   * Typed characters the screen never showed (a password at a prompt that does not echo) show as
   * one fixed mask (see keys/echo.ts).
   */
  readonly keys?: boolean;
  /** Patterns (JavaScript regular expressions, `/…/flags` for flags) masked wherever the screen shows them, in every output. */
  readonly redact?: readonly string[];
  /** Mask well-known credentials too (tokens, keys, password assignments: edit/redact/patterns.ts). */
  readonly redactSecrets?: boolean;
}
