import { writeAsciicast } from '../cast/write-asciicast.js';
import { terminalAt } from '../frames/index.js';
import type { FormatJob, PictureJob } from './job.js';

/** What every "which formats…" question asks: one entry per output format. */
interface FormatFacts {
  /** The output file's ending (without the dot). */
  readonly extension: string;
  /** The format's name in a sentence: "GIF", "WebP", "text". */
  readonly label: string;
  /** Bytes that are not text, so never written to a terminal. */
  readonly binary: boolean;
  /** Shows the recording as it plays. */
  readonly animated: boolean;
  /** Shows one moment: always when it is not animated, else with --at. */
  readonly still: boolean;
  /** Writes the keys typed (a recording's input events), so those the screen never showed must be masked first. */
  readonly writesKeys: boolean;
}

/** A format that writes no picture: text or a recording. */
interface TextFormat extends FormatFacts {
  readonly drawing: 'none';
  /** Loads the format's writer and writes `job` to `out`, leaving ending it to the caller. */
  render(job: FormatJob, out: NodeJS.WritableStream): Promise<void>;
}

/** A format that draws the screen: in pixels (`raster`: one palette per file, costs memory per pixel) or as shapes (`vector`). */
interface PictureFormat extends FormatFacts {
  readonly drawing: 'raster' | 'vector';
  /** The limit (see options/limits.ts) on the bytes of one output: huge documents stall the viewers that open them. */
  readonly byteLimit?: 'svgBytes';
  /** Loads the format's encoder and writes `job` to `out`, leaving ending it to the caller. */
  render(job: PictureJob, out: NodeJS.WritableStream): Promise<void>;
}

export type FormatEntry = TextFormat | PictureFormat;

/** Writes and waits for the stream to take it, so large outputs respect backpressure. */
function write(out: NodeJS.WritableStream, data: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    out.write(data, (error) => (error ? reject(error) : resolve()));
  });
}

/** A video through ffmpeg: no stills (a one-frame video is no picture to show). */
const video = (container: 'mp4' | 'webm', label: string) =>
  ({
    extension: container,
    label,
    binary: true,
    animated: true,
    still: false,
    writesKeys: false,
    drawing: 'raster',
    async render(job: PictureJob, out: NodeJS.WritableStream) {
      const { renderVideo } = await import('../video/index.js');
      return renderVideo(job.animation(), job.info, { ...job.look, container, quality: job.options.quality }, out);
    },
  }) as const;

/** In the order `--format` lists them. Encoders load on first use, so a start-up pays only for the format it writes. */
const FORMATS = {
  gif: {
    extension: 'gif',
    label: 'GIF',
    binary: true,
    animated: true,
    still: true,
    writesKeys: false,
    drawing: 'raster',
    async render(job: PictureJob, out: NodeJS.WritableStream) {
      const { renderGif, LONGEST_GIF_FRAME } = await import('../gif/index.js');
      return renderGif(job.animation(LONGEST_GIF_FRAME), job.info, job.look, out);
    },
  },
  svg: {
    extension: 'svg',
    label: 'SVG',
    binary: false,
    animated: true,
    still: true,
    writesKeys: false,
    drawing: 'vector',
    byteLimit: 'svgBytes',
    async render(job: PictureJob, out: NodeJS.WritableStream) {
      const { renderSvg, renderSvgStill } = await import('../svg/index.js');
      if (job.options.at === undefined) return renderSvg(job.animation(), job.info, job.look, out);
      const { screen, keys } = await job.screen();
      return write(out, renderSvgStill(screen, job.info, job.look, keys));
    },
  },
  png: {
    extension: 'png',
    label: 'PNG',
    binary: true,
    animated: false,
    still: true,
    writesKeys: false,
    drawing: 'raster',
    async render(job: PictureJob, out: NodeJS.WritableStream) {
      const { renderPng } = await import('../png/index.js');
      const { screen, keys } = await job.screen();
      return write(out, renderPng(screen, job.info, job.look, keys));
    },
  },
  txt: {
    extension: 'txt',
    label: 'text',
    binary: false,
    animated: false,
    still: true,
    writesKeys: false,
    drawing: 'none',
    async render(job: FormatJob, out: NodeJS.WritableStream) {
      const term = await terminalAt(job.cast, job.options.at);
      // Alt text, not a screen dump: the rows below the last written one are left out (each row is already trimmed).
      return write(out, `${term.text().replace(/\n+$/, '')}\n`);
    },
  },
  cast: {
    extension: 'cast',
    label: 'asciicast',
    binary: false,
    animated: false,
    still: false,
    writesKeys: true,
    drawing: 'none',
    render: (job: FormatJob, out: NodeJS.WritableStream) => writeAsciicast(job.cast, out, { version: job.options.castVersion ?? 2 }),
  },
  webp: {
    extension: 'webp',
    label: 'WebP',
    binary: true,
    animated: true,
    still: true,
    writesKeys: false,
    drawing: 'raster',
    async render(job: PictureJob, out: NodeJS.WritableStream) {
      const { renderWebp } = await import('../webp/index.js');
      return renderWebp(job.animation(), job.info, { ...job.look, quality: job.options.quality }, out);
    },
  },
  apng: {
    extension: 'apng',
    label: 'APNG',
    binary: true,
    animated: true,
    still: true,
    writesKeys: false,
    drawing: 'raster',
    async render(job: PictureJob, out: NodeJS.WritableStream) {
      const { renderApng } = await import('../apng/index.js');
      return renderApng(job.animation(), job.info, { ...job.look, optimize: job.options.optimize }, out);
    },
  },
  mp4: video('mp4', 'MP4'),
  webm: video('webm', 'WebM'),
} as const satisfies Record<string, FormatEntry>;

export type OutputFormat = keyof typeof FORMATS;

export const OUTPUT_FORMATS = Object.keys(FORMATS) as OutputFormat[];

export const isOutputFormat = (name: string): name is OutputFormat => Object.hasOwn(FORMATS, name);

/** The registry entry of `format`. */
export const formatEntry = (format: OutputFormat): FormatEntry => FORMATS[format];

/** The format whose files end in `.extension` (any case), if any. */
export function formatOfExtension(extension: string): OutputFormat | undefined {
  const wanted = extension.toLowerCase();
  return OUTPUT_FORMATS.find((format) => FORMATS[format].extension === wanted);
}

/** The formats in the order a sentence lists them: pictures first, then text and recordings. */
export const FORMATS_IN_PROSE: readonly OutputFormat[] = [
  ...OUTPUT_FORMATS.filter((format) => FORMATS[format].drawing !== 'none'),
  ...OUTPUT_FORMATS.filter((format) => FORMATS[format].drawing === 'none'),
];

/** The formats that pass `test`, in the order a sentence lists them. */
export const formatsWhere = (test: (entry: FormatEntry) => boolean): OutputFormat[] => FORMATS_IN_PROSE.filter((format) => test(FORMATS[format]));

/** `a, b or c`. */
export const orList = (items: readonly string[]): string =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
