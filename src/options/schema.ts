import { INPUT_FORMATS } from '../cast/detect.js';
import { TERMINAL_MAX_COLS, TERMINAL_MAX_ROWS } from '../cast/header.js';
import { OUTPUT_FORMATS } from '../formats/registry.js';
import { DEFAULT_WINDOW_OPTIONS, RENDER_LOOK_DEFAULTS, WINDOW_STYLES } from '../theme/index.js';
import { parseTimePoint, TIMELINE_DEFAULTS } from '../timeline/index.js';
import {
  anyNumber,
  byteSize,
  castVersion,
  color,
  folder,
  formats,
  limits,
  nonNegativeInteger,
  nonNegativeNumber,
  oneOf,
  padding,
  percentage,
  positiveInteger,
  positiveNumber,
  redactPatterns,
  text,
  texts,
  timePoint,
  wholeNumberUpTo,
  type ValueReader,
} from './values.js';

/** The groups of `--help`, in its order. */
export const OPTION_GROUPS = {
  input: 'Input:',
  timing: "Timing (times are in the recording's own clock: the seconds written in the cast):",
  look: 'Look:',
  output: 'Output:',
  batch: 'Batch (several inputs, quoted globs, --out-dir, or several formats as -f gif,svg):',
} as const;

/** What help texts may depend on: the command they are shown by. */
export interface CommandInfo {
  readonly defaultFormat: string;
}

/** One option: everything the command line, the config file, the renderer and the manifest know about it. */
export interface OptionSpec<T = unknown> {
  /** As commander writes it: `--font-size <px>`, `-f, --format <format>`; `--no-X` for a switch that is on unless given. */
  readonly flag: string;
  readonly help: string | ((command: CommandInfo) => string);
  readonly group: keyof typeof OPTION_GROUPS;
  /** Reads the value of a flag or a config key (see values.ts); a switch has none: it is true or false. */
  readonly parse?: ValueReader<T>;
  /** A repeatable flag: how a later value joins the ones before. */
  readonly add?: (before: T, later: T) => T;
  /** The value when not given, as commander fills it in and --help shows it. */
  readonly default?: T;
  /** --help's words for the default, where the value itself reads badly. */
  readonly defaultHelp?: string;
  /** Listed by --help; `parse` accepts only these. */
  readonly choices?: readonly string[];
  /** A second flag, `--no-X`, that sets the option to false. */
  readonly off?: { readonly flag: string; readonly help: string };
  /**
   * Where a config file may set it: `options` at the top level and in overrides (so per input),
   * `top` at the top level only (the batch as a whole), false: on the command line only.
   */
  readonly config: 'options' | 'top' | false;
  /**
   * Who takes the value: the look of the picture (lookFor hands these to the renderers), the rest
   * of a render, the reading of the recording, or the command itself (never a render).
   */
  readonly use: 'look' | 'render' | 'read' | 'command';
  /** The render option it becomes, when not of its own name, and its value there when not its own. */
  readonly renderAs?: string;
  readonly toRender?: (value: T) => unknown;
  /** Whether it can change an output's bytes; those options, and the contents of the files they name, make the manifest's fingerprint. */
  readonly output: boolean;
  /** It names a file or a folder whose contents shape the output. */
  readonly names?: 'file' | 'folder';
}

/** A point in the recording, kept as written and handed to the renderer parsed. */
const timePointOption = (flag: string, help: string) =>
  ({ flag, help, group: 'timing', parse: timePoint, config: 'options', use: 'render', toRender: parseTimePoint, output: true }) as const;

const concat = <T>(before: readonly T[], later: readonly T[]): T[] => [...before, ...later];

/** Every option, in the order of --help. Their config keys are their names (commander's camelCase of the flag). */
export const OPTIONS = {
  cols: {
    flag: '--cols <n>',
    help: "terminal width in columns (overrides the recording's)",
    group: 'input',
    // The terminal's own maximum: the limits on a recording's declared size do not apply to what the user asks for.
    parse: wholeNumberUpTo(TERMINAL_MAX_COLS),
    config: 'options',
    use: 'render',
    output: true,
  },
  rows: {
    flag: '--rows <n>',
    help: "terminal height in rows (overrides the recording's)",
    group: 'input',
    parse: wholeNumberUpTo(TERMINAL_MAX_ROWS),
    config: 'options',
    use: 'render',
    output: true,
  },
  inputFormat: {
    flag: '--input-format <format>',
    help: 'read the input as this format (default: detected from its content)',
    group: 'input',
    parse: oneOf(INPUT_FORMATS),
    choices: INPUT_FORMATS,
    config: 'options',
    use: 'read',
    output: true,
  },
  timing: {
    flag: '--timing <file>',
    help: 'script(1) timing file for a typescript input (classic or --log-timing format)',
    group: 'input',
    parse: text,
    config: 'options',
    use: 'read',
    output: true,
    names: 'file',
  },
  speed: {
    flag: '--speed <x>',
    help: 'playback speed',
    group: 'timing',
    parse: positiveNumber,
    default: TIMELINE_DEFAULTS.speed,
    config: 'options',
    use: 'render',
    output: true,
  },
  idleTimeLimit: {
    flag: '--idle-time-limit <s>',
    help: `longest pause kept, 0 keeps all (default: the cast's, else ${TIMELINE_DEFAULTS.idleTimeLimit})`,
    group: 'timing',
    parse: nonNegativeNumber,
    config: 'options',
    use: 'render',
    output: true,
  },
  fpsCap: {
    flag: '--fps-cap <n>',
    help: 'output events closer than 1/n s share a frame',
    group: 'timing',
    parse: positiveNumber,
    default: TIMELINE_DEFAULTS.fpsCap,
    config: 'options',
    use: 'render',
    output: true,
  },
  lastFrameDuration: {
    flag: '--last-frame-duration <s>',
    help: 'how long the last frame is held',
    group: 'timing',
    parse: nonNegativeNumber,
    default: TIMELINE_DEFAULTS.lastFrameDuration,
    config: 'options',
    use: 'render',
    output: true,
  },
  from: timePointOption('--from <t>', 'start at T seconds, or at a marker: marker:LABEL or marker:N'),
  to: timePointOption('--to <t>', 'end at T seconds, or at a marker: marker:LABEL or marker:N'),
  at: timePointOption('--at <t>', 'render a single still frame at T (seconds or marker:LABEL|N)'),
  loop: {
    flag: '--loop <n>',
    help: 'number of plays, 0 = forever',
    group: 'timing',
    parse: nonNegativeInteger,
    default: 0,
    off: { flag: '--no-loop', help: 'play once and hold the last frame' },
    config: 'options',
    use: 'render',
    // Off plays once.
    toRender: (plays: number | false) => (plays === false ? 1 : plays),
    output: true,
  },
  theme: {
    flag: '--theme <name|file>',
    help: "built-in theme, theme file, or agg's bg,fg,c0..c15 list (default: the cast's, else asciinema)",
    group: 'look',
    parse: text,
    config: 'options',
    use: 'look',
    output: true,
    names: 'file',
  },
  darkTheme: {
    flag: '--dark-theme <name|file>',
    help: "theme for pages in dark mode: an SVG follows the page's colour scheme; GIF and PNG get a NAME-dark twin (--theme auto: github-light and github-dark)",
    group: 'look',
    parse: text,
    config: 'options',
    use: 'look',
    output: true,
    names: 'file',
  },
  listThemes: {
    flag: '--list-themes',
    help: 'print the built-in theme names and exit',
    group: 'look',
    config: false,
    use: 'command',
    output: false,
  },
  fontSize: {
    flag: '--font-size <px>',
    help: 'font size in pixels',
    group: 'look',
    parse: positiveNumber,
    default: RENDER_LOOK_DEFAULTS.fontSize,
    config: 'options',
    use: 'look',
    output: true,
  },
  lineHeight: {
    flag: '--line-height <x>',
    help: 'line height as a multiple of the font size',
    group: 'look',
    parse: positiveNumber,
    default: RENDER_LOOK_DEFAULTS.lineHeight,
    config: 'options',
    use: 'look',
    output: true,
  },
  letterSpacing: {
    flag: '--letter-spacing <px>',
    help: 'extra space between columns in pixels',
    group: 'look',
    parse: anyNumber,
    default: RENDER_LOOK_DEFAULTS.letterSpacing,
    config: 'options',
    use: 'look',
    output: true,
  },
  fontFamily: {
    flag: '--font-family <names>',
    help: 'use these installed font families instead of the bundled font',
    group: 'look',
    parse: text,
    config: 'options',
    use: 'look',
    output: true,
  },
  fontFile: {
    flag: '--font-file <path>',
    help: 'add a font file, tried before the bundled fallbacks (repeatable)',
    group: 'look',
    parse: texts,
    add: concat,
    config: 'options',
    use: 'look',
    renderAs: 'fontFiles',
    output: true,
    names: 'file',
  },
  fontDir: {
    flag: '--font-dir <dir>',
    help: 'add every font file in a folder, tried before the bundled fallbacks',
    group: 'look',
    parse: text,
    config: 'options',
    use: 'look',
    output: true,
    names: 'folder',
  },
  scale: {
    flag: '--scale <n>',
    help: 'pixel density: 2 for crisp output on HiDPI screens',
    group: 'look',
    parse: positiveNumber,
    default: RENDER_LOOK_DEFAULTS.scale,
    config: 'options',
    use: 'look',
    output: true,
  },
  padding: {
    flag: '--padding <v[,h]>',
    help: 'space around the text in pixels, vertical[,horizontal]',
    group: 'look',
    parse: padding,
    default: [...DEFAULT_WINDOW_OPTIONS.padding] as [number, number],
    defaultHelp: DEFAULT_WINDOW_OPTIONS.padding.join(','),
    config: 'options',
    use: 'look',
    output: true,
  },
  margin: {
    flag: '--margin <px>',
    help: 'space around the window in pixels',
    group: 'look',
    parse: nonNegativeNumber,
    default: DEFAULT_WINDOW_OPTIONS.margin,
    config: 'options',
    use: 'look',
    output: true,
  },
  marginColor: {
    flag: '--margin-color <color>',
    help: 'colour of the margin (default: transparent)',
    group: 'look',
    parse: color,
    config: 'options',
    use: 'look',
    output: true,
  },
  window: {
    flag: '--window <style>',
    help: 'window title bar',
    group: 'look',
    parse: oneOf(WINDOW_STYLES),
    choices: WINDOW_STYLES,
    default: DEFAULT_WINDOW_OPTIONS.window,
    config: 'options',
    use: 'look',
    output: true,
  },
  title: {
    flag: '--title <text>',
    help: "window title (default: the cast's title)",
    group: 'look',
    parse: text,
    config: 'options',
    use: 'look',
    output: true,
  },
  borderRadius: {
    flag: '--border-radius <px>',
    help: 'window corner radius in pixels',
    group: 'look',
    parse: nonNegativeNumber,
    default: DEFAULT_WINDOW_OPTIONS.borderRadius,
    config: 'options',
    use: 'look',
    output: true,
  },
  border: {
    flag: '--no-border',
    help: 'no thin outline around the window (default: drawn, so light windows show on white pages)',
    group: 'look',
    default: DEFAULT_WINDOW_OPTIONS.border,
    config: 'options',
    use: 'look',
    output: true,
  },
  shadow: {
    flag: '--shadow',
    help: 'draw a drop shadow under the window',
    group: 'look',
    default: DEFAULT_WINDOW_OPTIONS.shadow,
    config: 'options',
    use: 'look',
    output: true,
  },
  keys: {
    flag: '--keys',
    help: 'show the keys pressed (input events: asciinema rec --stdin) in a bar under the terminal',
    group: 'look',
    config: 'options',
    use: 'render',
    output: true,
  },
  boldIsBright: {
    flag: '--no-bold-is-bright',
    help: 'keep bold text in colours 0-7 (default: bright colours 8-15, as xterm)',
    group: 'look',
    default: RENDER_LOOK_DEFAULTS.boldIsBright,
    config: 'options',
    use: 'look',
    output: true,
  },
  cursor: {
    flag: '--no-cursor',
    help: 'never draw the cursor',
    group: 'look',
    default: RENDER_LOOK_DEFAULTS.cursor,
    config: 'options',
    use: 'look',
    output: true,
  },
  transparentBackground: {
    flag: '--transparent-background',
    help: "leave the terminal's default background transparent",
    group: 'look',
    default: RENDER_LOOK_DEFAULTS.transparentBackground,
    config: 'options',
    use: 'look',
    output: true,
  },
  embedFont: {
    flag: '--embed-font',
    help: 'SVG: embed subsets of every bundled font the recording uses (text and fallbacks), so the SVG looks the same everywhere',
    group: 'look',
    default: false,
    config: 'options',
    use: 'look',
    output: true,
  },
  format: {
    flag: '-f, --format <format>',
    help: ({ defaultFormat }) =>
      `output format: ${OUTPUT_FORMATS.join(', ')}; a list like gif,svg renders each (default: from the output's extension, else ${defaultFormat})`,
    group: 'output',
    parse: formats,
    config: 'options',
    // Each render is handed one format of the list.
    use: 'command',
    output: true,
  },
  castVersion: {
    flag: '--cast-version <n>',
    help: 'asciicast version written by --format cast',
    group: 'output',
    parse: castVersion,
    choices: ['2', '3'],
    default: 2,
    config: 'options',
    use: 'render',
    output: true,
  },
  alt: {
    flag: '--alt <text>',
    help: "what screen readers call the image (default: the recording's title, else its file name)",
    group: 'output',
    parse: text,
    config: 'options',
    use: 'look',
    output: true,
  },
  maxSize: {
    flag: '--max-size <size>',
    help: 'keep an animation under this size (e.g. 5MB) by lowering its frame rate, then dropping frames',
    group: 'output',
    parse: byteSize,
    config: 'options',
    use: 'render',
    output: true,
  },
  quality: {
    flag: '--quality <n>',
    help: 'WebP: lossy at this quality 0-100 (default: lossless); MP4/WebM: 0-100 (default: 70, text sharp)',
    group: 'output',
    parse: percentage,
    config: 'options',
    use: 'render',
    output: true,
  },
  optimize: {
    flag: '--optimize',
    help: 'APNG: also try zopfli on every frame (about 1% smaller, several times slower)',
    group: 'output',
    default: false,
    config: 'options',
    use: 'render',
    output: true,
  },
  redact: {
    flag: '--redact <regex>',
    help: 'mask every match on screen, in every output (repeatable; JavaScript regular expression, /…/i for flags)',
    group: 'output',
    parse: redactPatterns,
    add: concat,
    config: 'options',
    use: 'render',
    output: true,
  },
  redactSecrets: {
    flag: '--redact-secrets',
    help: 'also mask well-known credentials: GitHub, AWS, Slack, Stripe, Google and npm tokens, JWTs, private keys, password= assignments',
    group: 'output',
    config: 'options',
    use: 'render',
    output: true,
  },
  snapshots: {
    flag: '--snapshots <dir>',
    help: 'also write a PNG of the screen at each marker into this folder (animated outputs)',
    group: 'output',
    parse: text,
    config: false,
    use: 'command',
    output: false,
  },
  limit: {
    flag: '--limit <name=n>',
    help: 'raise a limit (repeatable): width, height, pixels, snapshotPixels (px), frames, duration (s), cols, rows, svgBytes, urlBytes (MB)',
    group: 'output',
    parse: limits,
    add: (before, later) => ({ ...before, ...later }),
    config: 'options',
    use: 'render',
    renderAs: 'limits',
    // A limit refuses work; it never changes what a render that passes it writes.
    output: false,
  },
  quiet: {
    flag: '-q, --quiet',
    help: 'print nothing but errors',
    group: 'output',
    default: false,
    config: false,
    use: 'command',
    output: false,
  },
  verbose: {
    flag: '-v, --verbose',
    help: 'print warnings in full and stack traces on errors',
    group: 'output',
    default: false,
    config: false,
    use: 'command',
    output: false,
  },
  outDir: {
    flag: '--out-dir <dir>',
    help: "write outputs under this folder, keeping each input's path below its glob's base folder",
    group: 'batch',
    parse: folder,
    config: 'top',
    use: 'command',
    output: false,
  },
  jobs: {
    flag: '-j, --jobs <n>',
    help: 'renders at once (default, and at most: the number of CPU cores)',
    group: 'batch',
    parse: positiveInteger,
    config: 'top',
    use: 'command',
    output: false,
  },
  shard: {
    flag: '--shard <i/n>',
    help: 'render only part i of n of the sorted inputs, for CI matrix jobs (like Playwright)',
    group: 'batch',
    parse: text,
    config: false,
    use: 'command',
    output: false,
  },
  force: {
    flag: '--force',
    help: 'render even the outputs whose input and options are unchanged since the last run',
    group: 'batch',
    default: false,
    config: false,
    use: 'command',
    output: false,
  },
  json: {
    flag: '--json',
    help: 'print a machine-readable summary on stdout',
    group: 'batch',
    default: false,
    config: false,
    use: 'command',
    output: false,
  },
} as const satisfies Record<string, OptionSpec<any>>;

type Table = typeof OPTIONS;

/** An option's value: what its reader returns (a switch: true or false), or false from its `--no-X` flag. */
type ValueOf<S> = (S extends { readonly parse: ValueReader<infer T> } ? T : boolean) | (S extends { readonly off: object } ? false : never);

/** Every flag's value, by commander's name for it. */
export type CommandValues = { -readonly [K in keyof Table]?: ValueOf<Table[K]> };

/** The options a config file may set for each input (and the command line too): the vocabulary of a render. */
export type OptionName = { [K in keyof Table]: Table[K] extends { readonly config: 'options' } ? K : never }[keyof Table];

/**
 * Options as the command line names them (commander's camelCase keys), which is also how the
 * config file names them: one vocabulary for both, so a flag moves into the config unchanged.
 */
export type OptionValues = Pick<CommandValues, OptionName>;

/** The render option each option that reaches the renderer becomes (checked against RenderOptions in render/options.ts). */
export type RenderOptionKey = {
  [K in keyof Table]: Table[K] extends { readonly use: 'look' | 'render' } ? (Table[K] extends { readonly renderAs: infer A } ? A : K) : never;
}[keyof Table];
