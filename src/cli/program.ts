import { Command, InvalidArgumentError, Option } from 'commander';
import { parseLimit, type Limits } from '../render/limits.js';
import { addBatchOptions, formatListArgument } from '../batch/command.js';
import { INPUT_FORMATS } from '../cast/detect.js';
import { OUTPUT_FORMATS } from '../render/options.js';
import { WINDOW_STYLES } from '../theme/index.js';
import {
  collect,
  finiteNumber,
  nonNegativeInteger,
  nonNegativeNumber,
  padding,
  positiveInteger,
  positiveNumber,
  byteSize,
  quality,
  redactPattern,
} from './parse-values.js';

export interface ProgramInfo {
  readonly name: string;
  readonly version: string;
  readonly defaultFormat: 'gif' | 'svg';
}

/** Every option, grouped as `--help` shows them; cast2gif and cast2svg differ only in the default format. */
export function buildProgram(info: ProgramInfo): Command {
  const program = new Command(info.name)
    .description(
      `Render an asciinema recording (.cast) as an animated ${info.defaultFormat.toUpperCase()}` +
        ` (or ${info.defaultFormat === 'gif' ? 'SVG' : 'GIF'}, PNG, WebP, APNG, MP4, WebM, text or asciicast, by the output's extension or --format).`,
    )
    .argument('[input]', 'a recording (asciicast, ttyrec, script(1) typescript, Terminalizer; gzip too), - for stdin, or an http(s) URL')
    .argument(
      '[more...]',
      'output file, - for stdout (default: the input\'s name with the new extension); or more inputs and quoted globs, rendered as a batch',
    )
    .version(info.version, '-V, --version')
    .helpOption('-h, --help', 'show this help')
    .showHelpAfterError(false)
    .configureHelp({ helpWidth: 100 });

  program.optionsGroup('Input:');
  program
    .option('--cols <n>', 'terminal width in columns (overrides the recording\'s)', positiveInteger)
    .option('--rows <n>', 'terminal height in rows (overrides the recording\'s)', positiveInteger)
    .addOption(
      new Option('--input-format <format>', 'read the input as this format (default: detected from its content)').choices(
        INPUT_FORMATS as unknown as string[],
      ),
    )
    .option('--timing <file>', 'script(1) timing file for a typescript input (classic or --log-timing format)');

  program.optionsGroup('Timing (times are in the recording\'s own clock: the seconds written in the cast):');
  program
    .option('--speed <x>', 'playback speed', positiveNumber, 1)
    .option('--idle-time-limit <s>', 'longest pause kept, 0 keeps all (default: the cast\'s, else 5)', nonNegativeNumber)
    .option('--fps-cap <n>', 'output events closer than 1/n s share a frame', positiveNumber, 30)
    .option('--last-frame-duration <s>', 'how long the last frame is held', nonNegativeNumber, 3)
    .option('--from <t>', 'start at T seconds, or at a marker: marker:LABEL or marker:N')
    .option('--to <t>', 'end at T seconds, or at a marker: marker:LABEL or marker:N')
    .option('--at <t>', 'render a single still frame at T (seconds or marker:LABEL|N)')
    .option('--loop <n>', 'number of plays, 0 = forever', nonNegativeInteger, 0)
    .option('--no-loop', 'play once and hold the last frame');

  program.optionsGroup('Look:');
  program
    .option('--theme <name|file>', 'built-in theme, theme file, or agg\'s bg,fg,c0..c15 list (default: the cast\'s, else asciinema)')
    .option(
      '--dark-theme <name|file>',
      'theme for pages in dark mode: an SVG follows the page\'s colour scheme; GIF and PNG get a NAME-dark twin (--theme auto: github-light and github-dark)',
    )
    .option('--list-themes', 'print the built-in theme names and exit')
    .option('--font-size <px>', 'font size in pixels', positiveNumber, 14)
    .option('--line-height <x>', 'line height as a multiple of the font size', positiveNumber, 1.4)
    .option('--letter-spacing <px>', 'extra space between columns in pixels', finiteNumber, 0)
    .option('--font-family <names>', 'use these installed font families instead of the bundled font')
    .option('--font-file <path>', 'add a font file, tried before the bundled fallbacks (repeatable)', collect)
    .option('--font-dir <dir>', 'add every font file in a folder, tried before the bundled fallbacks')
    .option('--scale <n>', 'pixel density: 2 for crisp output on HiDPI screens', positiveNumber, 1)
    .addOption(
      new Option('--padding <v[,h]>', 'space around the text in pixels, vertical[,horizontal]')
        .argParser(padding)
        .default([12, 16], '12,16'),
    )
    .option('--margin <px>', 'space around the window in pixels', nonNegativeNumber, 0)
    .option('--margin-color <color>', 'colour of the margin (default: transparent)')
    .addOption(
      new Option('--window <style>', 'window title bar').choices(WINDOW_STYLES as string[]).default('colorful'),
    )
    .option('--title <text>', 'window title (default: the cast\'s title)')
    .option('--border-radius <px>', 'window corner radius in pixels', nonNegativeNumber, 8)
    .option('--no-border', 'no thin outline around the window (default: drawn, so light windows show on white pages)')
    .option('--shadow', 'draw a drop shadow under the window', false)
    .option('--keys', 'show the keys pressed (input events: asciinema rec --stdin) in a bar under the terminal')
    .option('--no-bold-is-bright', 'keep bold text in colours 0-7 (default: bright colours 8-15, as xterm)')
    .option('--no-cursor', 'never draw the cursor')
    .option('--transparent-background', 'leave the terminal\'s default background transparent', false)
    .option('--embed-font', 'SVG: embed subsets of every bundled font the recording uses (text and fallbacks), so the SVG looks the same everywhere', false);

  program.optionsGroup('Output:');
  program
    .addOption(
      new Option(
        '-f, --format <format>',
        `output format: ${OUTPUT_FORMATS.join(', ')}; a list like gif,svg renders each (default: from the output's extension, else ${info.defaultFormat})`,
      ).argParser(formatListArgument),
    )
    .addOption(
      new Option('--cast-version <n>', 'asciicast version written by --format cast')
        .choices(['2', '3'])
        .argParser((v) => Number(v) as 2 | 3)
        .default(2),
    )
    .option('--alt <text>', 'what screen readers call the image (default: the recording\'s title, else its file name)')
    .option('--max-size <size>', 'keep an animation under this size (e.g. 5MB) by lowering its frame rate, then dropping frames', byteSize)
    .option('--quality <n>', 'WebP: lossy at this quality 0-100 (default: lossless); MP4/WebM: 0-100 (default: 70, text sharp)', quality)
    .option('--optimize', 'APNG: also try zopfli on every frame (about 1% smaller, several times slower)', false)
    .option('--redact <regex>', 'mask every match on screen, in every output (repeatable; JavaScript regular expression, /…/i for flags)', redactPattern)
    .option('--redact-secrets', 'also mask well-known credentials: GitHub, AWS, Slack, Stripe, Google and npm tokens, JWTs, private keys, password= assignments')
    .option('--snapshots <dir>', 'also write a PNG of the screen at each marker into this folder (animated outputs)')
    .option(
      '--limit <name=n>',
      'raise a limit (repeatable): width, height, pixels, snapshotPixels (px), frames, duration (s), cols, rows, svgBytes, urlBytes (MB)',
      (value: string, previous: Partial<Limits> | undefined) => {
        try {
          return { ...previous, ...parseLimit(value) };
        } catch (error) {
          throw new InvalidArgumentError((error as Error).message);
        }
      },
    )
    .option('-q, --quiet', 'print nothing but errors', false)
    .option('-v, --verbose', 'print warnings in full and stack traces on errors', false);

  addBatchOptions(program);
  program.optionsGroup('');
  return program;
}
