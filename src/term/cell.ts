/**
 * The screen contract shared by the terminal and every renderer.
 *
 * Colours are plain numbers so that cells stay cheap to compare and copy:
 *   DEFAULT_COLOR (-1)      the theme's default foreground or background
 *   0..255                  indexed (16 theme colours, then xterm's 6x6x6 cube and grey ramp)
 *   TRUECOLOR | 0xRRGGBB    24-bit colour
 */
export const DEFAULT_COLOR = -1;
export const TRUECOLOR = 0x1000000;

export const isTrueColor = (c: number): boolean => c >= TRUECOLOR;
export const rgbColor = (r: number, g: number, b: number): number => TRUECOLOR | (r << 16) | (g << 8) | b;

/** Attribute bits of `Cell.attrs`. The underline style lives in bits 3..5 (see UnderlineStyle). */
export const Attr = {
  BOLD: 1 << 0,
  FAINT: 1 << 1,
  ITALIC: 1 << 2,
  UNDERLINE_SHIFT: 3,
  UNDERLINE_MASK: 7 << 3,
  BLINK: 1 << 6,
  INVERSE: 1 << 7,
  INVISIBLE: 1 << 8,
  STRIKE: 1 << 9,
  OVERLINE: 1 << 10,
} as const;

export const enum UnderlineStyle {
  None = 0,
  Single = 1,
  Double = 2,
  Curly = 3,
  Dotted = 4,
  Dashed = 5,
}

export const underlineStyle = (attrs: number): UnderlineStyle =>
  ((attrs & Attr.UNDERLINE_MASK) >> Attr.UNDERLINE_SHIFT) as UnderlineStyle;

/**
 * One cell. A wide character occupies two cells: the first has width 2 and the text,
 * the second has width 0 and empty text. An empty cell has text ' ' and width 1.
 */
export interface Cell {
  /** A whole grapheme cluster (base plus combining marks, ZWJ sequences, selectors). */
  readonly text: string;
  readonly width: 0 | 1 | 2;
  readonly fg: number;
  readonly bg: number;
  readonly attrs: number;
  /** Underline colour (SGR 58), DEFAULT_COLOR meaning "same as the foreground". */
  readonly ulColor: number;
  /** OSC 8 hyperlink target, '' when none. */
  readonly link: string;
}

export type CursorShape = 'block' | 'underline' | 'bar';

export interface Cursor {
  readonly x: number;
  readonly y: number;
  readonly visible: boolean;
  readonly shape: CursorShape;
  readonly blink: boolean;
}

/** Colour changes made by the program itself (OSC 4/10/11/12, reset by OSC 104/110/111/112). */
export interface PaletteOverrides {
  /** index (0..255) -> 0xRRGGBB */
  readonly indexed: ReadonlyMap<number, number>;
  readonly foreground?: number;
  readonly background?: number;
  readonly cursor?: number;
}

/**
 * An immutable view of the screen at one moment. Rows that did not change between two snapshots
 * are the same `Row` object, so renderers can dedupe by identity.
 */
export interface Row {
  readonly cells: readonly Cell[];
}

export interface ScreenSnapshot {
  readonly cols: number;
  readonly rows: number;
  readonly lines: readonly Row[];
  readonly cursor: Cursor;
  readonly title: string;
  readonly palette: PaletteOverrides;
}
