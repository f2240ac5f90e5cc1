import type { ReadRecordingOptions } from '../cast/detect.js';
import type { ProtectOptions } from '../edit/protect.js';
import type { Frame } from '../frames/frame.js';
import type { FormatOptions } from '../formats/job.js';
import type { OutputFormat } from '../formats/registry.js';
import { resolveLimits, type Limits } from '../options/limits.js';
import { optionEntries } from '../options/option-values.js';
import type { OptionValues, RenderOptionKey } from '../options/schema.js';
import type { RasterOptions } from '../raster/index.js';
import type { SvgOptions } from '../svg/index.js';
import type { RenderLook } from '../theme/index.js';
import type { TimelineOptions } from '../timeline/index.js';

/**
 * How the picture looks: the options both renderers share (RenderLook) as the user gives them,
 * so the same options mean the same geometry in every picture format.
 */
export interface LookOptions extends Omit<RenderLook, 'theme' | 'marginColor' | 'keysBar'>, Pick<RasterOptions, 'fontDir' | 'fontFamily'>, Pick<SvgOptions, 'embedFont'> {
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
  /** `#rrggbb`; transparent when absent. */
  readonly marginColor?: string;
  /** Extra font files, tried before the bundled fallbacks (e.g. a colour emoji font). */
  readonly fontFiles?: readonly string[];
}

export interface RenderOptions extends TimelineOptions, LookOptions, FormatOptions, Pick<ProtectOptions, 'redact' | 'redactSecrets'> {
  readonly format: OutputFormat;
  /** Terminal size overriding the recording's. */
  readonly cols?: number;
  readonly rows?: number;
  /** 0 loops forever, 1 plays once and holds the last frame, N plays N times. */
  readonly loop?: number;
  readonly onWarning?: (message: string) => void;
  /** What --verbose adds: details worth knowing that are not problems (e.g. the size of embedded fonts). */
  readonly onDetail?: (message: string) => void;
  /** Raised limits (see options/limits.ts); the rest keep their defaults. */
  readonly limits?: Partial<Limits>;
  /** Animated outputs only (not with --at): called with a PNG of the screen at each marker (1-based index). */
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
}

/** Does not compile while the schema sends the renderer an option that RenderOptions has no place for. */
type Placed<Missing extends never> = Missing;
type EveryRenderOptionPlaced = Placed<Exclude<RenderOptionKey, keyof RenderOptions>>;

/** The renderer's options for one format; callbacks are left to the caller (they cannot cross threads). */
export function toRenderOptions(values: OptionValues, format: OutputFormat): RenderOptions {
  const options: Record<string, unknown> = { format };
  for (const [name, spec] of optionEntries()) {
    const value = (values as Record<string, unknown>)[name];
    if ((spec.use !== 'look' && spec.use !== 'render') || value === undefined) continue;
    options[spec.renderAs ?? name] = spec.toRender ? spec.toRender(value) : value;
  }
  return options as unknown as RenderOptions;
}

export type ReadOptions = Pick<ReadRecordingOptions, 'inputFormat' | 'timing' | 'maxCols' | 'maxRows'>;

/** How to read an input: the options of the reading, and the raised limits on a recording's size. */
export function toReadOptions(values: OptionValues): ReadOptions {
  const limits = values.limit === undefined ? undefined : resolveLimits(values.limit);
  const read = { inputFormat: values.inputFormat, timing: values.timing, maxCols: limits?.cols, maxRows: limits?.rows };
  return Object.fromEntries(Object.entries(read).filter(([, v]) => v !== undefined));
}
