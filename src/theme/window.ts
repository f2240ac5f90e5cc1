import { blend, contrastRatio } from './rgb.js';
import type { Rgb, Theme } from './types.js';

export type WindowStyle = 'none' | 'colorful' | 'colorful-right' | 'rings' | 'plain';
export const WINDOW_STYLES: readonly WindowStyle[] = ['none', 'colorful', 'colorful-right', 'rings', 'plain'];

export interface WindowOptions {
  readonly cols: number;
  readonly rows: number;
  /** Size of one cell in output pixels (already multiplied by `scale`). */
  readonly cellWidth: number;
  readonly cellHeight: number;
  /** Space between the window edge and the cell grid, [vertical, horizontal], in logical px (times `scale`). */
  readonly padding: readonly [number, number];
  /** Space around the window, logical px (times `scale`). */
  readonly margin: number;
  /** Paints the margin (and the corners outside the border radius); transparent when absent. */
  readonly marginColor?: Rgb;
  /** Title bar style; 'none' draws no bar. */
  readonly window: WindowStyle;
  /** Shown in the title bar (not for 'none'); '' for none. */
  readonly title: string;
  /** Window corner radius, logical px (times `scale`). */
  readonly borderRadius: number;
  /** A soft drop shadow under the window; the margin grows to make room for it. */
  readonly shadow: boolean;
  /**
   * A hairline around the window in a colour between the theme's background and foreground, so a
   * light window stands out on a white page and a dark one on a dark page. On when absent.
   */
  readonly border?: boolean;
  readonly theme: Theme;
  /** Output pixels per logical pixel (2 for a crisp image on high-density screens). */
  readonly scale: number;
  /** A bar under the cell grid for the keys pressed (--keys). */
  readonly keysBar?: boolean;
}

/** The options a caller does not have to choose: a rounded window with macOS-style buttons. */
export const DEFAULT_WINDOW_OPTIONS = {
  padding: [12, 16] as readonly [number, number],
  margin: 0,
  window: 'colorful' as WindowStyle,
  title: '',
  borderRadius: 8,
  shadow: false,
  border: true,
  scale: 1,
} as const satisfies Partial<WindowOptions>;

/**
 * What a renderer draws around the cell grid, in paint order, in output pixels. Canvas and SVG
 * writers must draw each kind the same way:
 * - rect: a filled rectangle with rounded corners (`radius` 0 for square), at `opacity` (default 1).
 *   `themeBackground` marks the window body: it is filled with the terminal's default background,
 *   so when the program changes that background (OSC 11) the renderer paints it with the new colour.
 *   `stroke`, when present, is an outline `strokeWidth` px wide lying just inside the rectangle's
 *   edge: draw the rounded rectangle inset by strokeWidth/2 (radius reduced by as much) with a
 *   centred stroke of strokeWidth, after the fill.
 * - shadow: the rounded rectangle x/y/w/h/radius filled with `color` at `opacity` and blurred with a
 *   Gaussian of standard deviation `blur` px (SVG feGaussianBlur stdDeviation=blur; canvas
 *   shadowBlur = 2*blur). The window covers the rectangle itself; only the halo shows.
 * - circle: centre cx/cy, radius r; filled with `fill` when given; `stroke` draws an outline of
 *   `strokeWidth` centred on the radius.
 * - text: one line in the terminal font at `fontSize` px, baseline at y; `anchor` says whether x is
 *   the text's middle or its start. Already shortened with '…' to fit.
 */
export type WindowShape =
  | {
      readonly kind: 'rect';
      readonly x: number;
      readonly y: number;
      readonly w: number;
      readonly h: number;
      readonly radius: number;
      readonly fill: Rgb;
      readonly opacity?: number;
      readonly themeBackground?: boolean;
      readonly stroke?: Rgb;
      readonly strokeWidth?: number;
    }
  | {
      readonly kind: 'shadow';
      readonly x: number;
      readonly y: number;
      readonly w: number;
      readonly h: number;
      readonly radius: number;
      readonly blur: number;
      readonly color: Rgb;
      readonly opacity: number;
    }
  | {
      readonly kind: 'circle';
      readonly cx: number;
      readonly cy: number;
      readonly r: number;
      readonly fill?: Rgb;
      readonly stroke?: Rgb;
      readonly strokeWidth?: number;
    }
  | {
      readonly kind: 'text';
      readonly x: number;
      readonly y: number;
      readonly text: string;
      readonly fontSize: number;
      readonly color: Rgb;
      readonly anchor: 'middle' | 'start';
    };

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowLayout {
  /** The whole image, output pixels. */
  readonly width: number;
  readonly height: number;
  /** The cell grid: cell (col, row) starts at (content.x + col*cellWidth, content.y + row*cellHeight). */
  readonly content: Box;
  /** The window body (inside the margin), including the title bar. */
  readonly window: Box;
  /** Height of the title bar, 0 for 'none'. */
  readonly barHeight: number;
  readonly shapes: readonly WindowShape[];
  /** The keys bar, when asked for: where its text row goes and in which colours. */
  readonly keys?: KeysBar;
}

/**
 * The keys overlay's place: a bar of its own under the cell grid, so it hides no cell of the
 * recording (a corner badge would cover a prompt or a status line). Its text is one row of cells
 * at the grid's pitch, starting a cell in from the bar's left end.
 */
export interface KeysBar {
  readonly bar: Box;
  /** Top-left of the text row's first cell. */
  readonly x: number;
  readonly y: number;
  /** How many cells the text row has. */
  readonly cells: number;
  readonly fill: Rgb;
  /** Typed words. */
  readonly text: Rgb;
  /** Named keys (⏎, ⌃C, ↑): the theme's bright blue, cyan or green, whichever stands out most on the bar. */
  readonly accent: Rgb;
}

/** The keys bar's colours, from the theme: a shade between background and foreground, and an accent. */
export function keysColors(theme: Theme): Pick<KeysBar, 'fill' | 'text' | 'accent'> {
  const fill = blend(theme.background, theme.foreground, 0.12);
  const candidates = [12, 14, 10].map((i) => theme.palette[i]).filter((c): c is Rgb => c !== undefined);
  let accent = theme.foreground;
  let best = 0;
  for (const c of candidates) {
    const ratio = contrastRatio(c, fill);
    if (ratio > best) [accent, best] = [c, ratio];
  }
  return { fill, text: theme.foreground, accent };
}

export interface CellSizeOptions {
  /** Font size in logical px. */
  readonly fontSize: number;
  /** Cell height as a multiple of the font size. */
  readonly lineHeight: number;
  /** Extra logical px between cells. */
  readonly letterSpacing: number;
  /** Output pixels per logical px. */
  readonly scale: number;
  /** The primary font's advance width in em (JetBrains Mono: 0.6). */
  readonly advance: number;
}

/**
 * The cell size in output pixels that GIF and SVG must both use for their geometry to agree:
 * whole pixels, rounded at scale 1 and then scaled, so that `--scale 2` is exactly twice the
 * picture of `--scale 1` (a HiDPI image shown at half size lines up with the plain one).
 */
export function cellSize(o: CellSizeOptions): { readonly width: number; readonly height: number } {
  return {
    width: scaled(Math.max(1, Math.round(o.fontSize * o.advance + o.letterSpacing)), o.scale),
    height: scaled(Math.max(1, Math.round(o.fontSize * o.lineHeight)), o.scale),
  };
}

/** A length in logical px at the output scale, whole pixels: exact multiples at whole scales. */
const scaled = (logical: number, scale: number): number => Math.max(1, Math.round(logical * scale));

/** The window outline: the background moved a little toward the foreground. */
export const borderColor = (theme: Theme): Rgb => blend(theme.background, theme.foreground, 0.2);

/** macOS's close, minimise and zoom colours: recognisable on any theme. */
export const BUTTON_COLORS: readonly Rgb[] = [0xff5f57, 0xfebc2e, 0x28c840];

const SHADOW = { blur: 12, offsetY: 6, opacity: 0.45, color: 0x000000 } as const;

/**
 * Title-bar metrics follow the cell height so the bar keeps its proportions at any font size:
 * about two lines tall, buttons about half a line across. Worked out at scale 1 (from the cell
 * height there) and then scaled, as the cells are.
 */
export function barMetrics(cellHeight: number, scale = 1) {
  const logical = cellHeight / scale;
  const radius = Math.max(3, Math.round(logical * 0.3));
  return {
    height: scaled(Math.round(logical * 1.9), scale),
    buttonRadius: scaled(radius, scale),
    /** Centre-to-centre distance of neighbouring buttons. */
    buttonPitch: scaled(Math.round(radius * 3.4), scale),
    /** The first button sits as far from the side as from the top, like macOS's. */
    buttonInset: scaled(Math.round(Math.round(logical * 1.9) / 2) - radius, scale),
    fontSize: scaled(Math.max(8, Math.round(logical * 0.6)), scale),
  };
}

/** Shortens `title` with '…' to fit `maxWidth` px, estimating a monospace advance of 0.6em (2 for wide characters). */
export function fitTitle(title: string, fontSize: number, maxWidth: number): string {
  const advance = fontSize * 0.6;
  const chars = [...title.replace(/[\u0000-\u001f\u007f]/g, ' ').trim()];
  const widthOf = (c: string): number => (isWide(c) ? 2 : 1) * advance;
  let total = chars.reduce((sum, c) => sum + widthOf(c), 0);
  if (total <= maxWidth) return chars.join('');
  while (chars.length > 0 && total + advance > maxWidth) total -= widthOf(chars.pop()!);
  return chars.length === 0 ? '' : chars.join('').trimEnd() + '…';
}

function isWide(c: string): boolean {
  const cp = c.codePointAt(0)!;
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/**
 * The largest corner radius that keeps the cell grid whole: the grid's bottom corners, `padH` and
 * `padV` in from the window's, stay inside the rounded corner ((r - padH)² + (r - padV)² <= r²),
 * and no corner takes more than half a side.
 */
function largestRadius(win: Box, padH: number, padV: number): number {
  const clearOfGrid = padH + padV + Math.sqrt(2 * padH * padV);
  return Math.floor(Math.min(clearOfGrid, win.width / 2, win.height / 2));
}

/** Geometry and decoration of the frame around the terminal, shared by the GIF and SVG renderers. */
export function layoutWindow(opts: WindowOptions): WindowLayout {
  const s = opts.scale;
  const px = (v: number): number => Math.max(0, Math.round(v * s));
  const padV = px(opts.padding[0]);
  const padH = px(opts.padding[1]);
  const requestedRadius = px(opts.borderRadius);
  const shadow = opts.shadow ? { blur: px(SHADOW.blur), offsetY: px(SHADOW.offsetY) } : undefined;
  // The blur fades out by about three standard deviations; the offset pushes it further down.
  const margin = Math.max(px(opts.margin), shadow ? 3 * shadow.blur + shadow.offsetY : 0);

  const bar = barMetrics(opts.cellHeight, s);
  const barHeight = opts.window === 'none' ? 0 : bar.height;
  const gridW = opts.cols * opts.cellWidth;
  const gridH = opts.rows * opts.cellHeight;
  // The keys bar: a cell and a half high, below the grid's bottom padding, padded as much again.
  const keysH = opts.keysBar ? Math.round(opts.cellHeight * 1.5) : 0;
  const keysSpace = opts.keysBar ? keysH + padV : 0;
  const win: Box = { x: margin, y: margin, width: gridW + 2 * padH, height: gridH + 2 * padV + barHeight + keysSpace };
  const content: Box = { x: win.x + padH, y: win.y + barHeight + padV, width: gridW, height: gridH };
  const width = win.width + 2 * margin;
  const height = win.height + 2 * margin;
  const radius = Math.min(requestedRadius, largestRadius(win, padH, padV));

  const shapes: WindowShape[] = [];
  if (opts.marginColor !== undefined) {
    shapes.push({ kind: 'rect', x: 0, y: 0, w: width, h: height, radius: 0, fill: opts.marginColor });
  }
  if (shadow) {
    shapes.push({
      kind: 'shadow', x: win.x, y: win.y + shadow.offsetY, w: win.width, h: win.height, radius,
      blur: shadow.blur, color: SHADOW.color, opacity: SHADOW.opacity,
    });
  }
  shapes.push({
    kind: 'rect', x: win.x, y: win.y, w: win.width, h: win.height, radius, fill: opts.theme.background,
    themeBackground: true,
    ...(opts.border !== false ? { stroke: borderColor(opts.theme), strokeWidth: Math.max(1, Math.round(s)) } : {}),
  });
  if (opts.window !== 'none') shapes.push(...barShapes(opts, win, bar));
  let keys: KeysBar | undefined;
  if (opts.keysBar) {
    const box: Box = { x: content.x, y: content.y + gridH + padV, width: gridW, height: keysH };
    keys = {
      bar: box,
      x: box.x + opts.cellWidth,
      y: box.y + Math.floor((keysH - opts.cellHeight) / 2),
      cells: Math.max(1, opts.cols - 2),
      ...keysColors(opts.theme),
    };
    shapes.push({ kind: 'rect', x: box.x, y: box.y, w: box.width, h: box.height, radius: Math.min(Math.round(keysH / 4), bar.buttonRadius), fill: keys.fill });
  }
  return { width, height, content, window: win, barHeight, shapes, ...(keys ? { keys } : {}) };
}

function barShapes(opts: WindowOptions, win: Box, bar: ReturnType<typeof barMetrics>): WindowShape[] {
  const shapes: WindowShape[] = [];
  const centreY = win.y + bar.height / 2;
  const inset = bar.buttonInset;
  const hasButtons = opts.window !== 'plain';
  // Keep the title centred on the window, clear of the buttons on either side.
  const buttonsSpan = hasButtons ? inset + 3 * bar.buttonRadius + 2 * bar.buttonPitch : inset;
  if (hasButtons) {
    const right = opts.window === 'colorful-right';
    for (let i = 0; i < 3; i++) {
      const offset = inset + bar.buttonRadius + i * bar.buttonPitch;
      const cx = right ? win.x + win.width - offset : win.x + offset;
      // Right-side buttons read right to left, as on Windows and GNOME: close is outermost.
      const color = BUTTON_COLORS[i]!;
      if (opts.window === 'rings') {
        const strokeWidth = Math.max(1, Math.round(bar.buttonRadius / 3.5));
        shapes.push({ kind: 'circle', cx, cy: centreY, r: bar.buttonRadius - strokeWidth / 2, stroke: color, strokeWidth });
      } else {
        shapes.push({ kind: 'circle', cx, cy: centreY, r: bar.buttonRadius, fill: color });
      }
    }
  }
  const title = fitTitle(opts.title, bar.fontSize, win.width - 2 * buttonsSpan);
  if (title !== '') {
    shapes.push({
      kind: 'text', x: win.x + win.width / 2, y: Math.round(centreY + bar.fontSize * 0.35), text: title,
      fontSize: bar.fontSize, color: blend(opts.theme.foreground, opts.theme.background, 0.35), anchor: 'middle',
    });
  }
  return shapes;
}

/** The window options as a renderer's caller gives them: every one optional, defaults applied here. */
export type WindowLook = Partial<Pick<WindowOptions, 'padding' | 'margin' | 'marginColor' | 'window' | 'title' | 'borderRadius' | 'shadow' | 'border' | 'keysBar'>>;

/**
 * What the GIF and SVG renderers both take, with the same meaning and defaults; each adds only
 * what is its own (font files for the raster, font embedding for the SVG).
 */
export interface RenderLook extends WindowLook {
  /** Default: the default built-in theme. */
  readonly theme?: Theme;
  /** Font size in px (default 14, as agg). */
  readonly fontSize?: number;
  /** Cell height as a multiple of the font size (default 1.4, as agg). */
  readonly lineHeight?: number;
  /** Extra px between cells (default 0). */
  readonly letterSpacing?: number;
  /** Output pixels per px: 2 draws everything twice as large, for high-density screens (default 1). */
  readonly scale?: number;
  /** Bold text in colours 0-7 uses 8-15, as xterm (default true). */
  readonly boldIsBright?: boolean;
  /** Draw the cursor (default true). */
  readonly cursor?: boolean;
  /** Leave the terminal's default background (the window body) transparent (default false). */
  readonly transparentBackground?: boolean;
}

export const RENDER_LOOK_DEFAULTS = {
  fontSize: 14,
  lineHeight: 1.4,
  letterSpacing: 0,
  scale: 1,
  boldIsBright: true,
  cursor: true,
  transparentBackground: false,
} as const;

/**
 * The layout both renderers draw, from their callers' options: one place applies the defaults, so
 * GIF and SVG cannot disagree about a window option.
 */
export function layoutWindowFor(
  look: WindowLook,
  grid: Pick<WindowOptions, 'cols' | 'rows' | 'cellWidth' | 'cellHeight' | 'theme' | 'scale'> & { readonly recordingTitle: string },
): WindowLayout {
  const { recordingTitle, ...rest } = grid;
  return layoutWindow({
    ...rest,
    padding: look.padding ?? DEFAULT_WINDOW_OPTIONS.padding,
    margin: look.margin ?? DEFAULT_WINDOW_OPTIONS.margin,
    ...(look.marginColor === undefined ? {} : { marginColor: look.marginColor }),
    window: look.window ?? DEFAULT_WINDOW_OPTIONS.window,
    title: look.title ?? recordingTitle,
    borderRadius: look.borderRadius ?? DEFAULT_WINDOW_OPTIONS.borderRadius,
    shadow: look.shadow ?? DEFAULT_WINDOW_OPTIONS.shadow,
    border: look.border ?? DEFAULT_WINDOW_OPTIONS.border,
    ...(look.keysBar ? { keysBar: true } : {}),
  });
}
