import type { Rgb, Theme } from '../types.js';

/** Colours gathered from a theme file before it is known to be complete. */
export interface ColorSet {
  background?: Rgb;
  foreground?: Rgb;
  cursor?: Rgb;
  selection?: Rgb;
  /** Index 0..15; gaps are allowed until `toTheme` checks them. */
  palette: Array<Rgb | undefined>;
}

export const emptyColorSet = (): ColorSet => ({ palette: new Array<Rgb | undefined>(16).fill(undefined) });

/**
 * Keys as kitty and Xresources spell them: colorN, foreground, background, and a cursor and a
 * selection key of each format's own. Palette entries past 15 are not theme colours.
 */
export function assignNamedColor(set: ColorSet, key: string, color: Rgb, names: { cursor: string; selection: string }): void {
  const index = /^color(\d+)$/.exec(key);
  if (index) {
    const n = Number(index[1]);
    if (n < 16) set.palette[n] = color;
  } else if (key === 'foreground') set.foreground = color;
  else if (key === 'background') set.background = color;
  else if (key === names.cursor) set.cursor = color;
  else if (key === names.selection) set.selection = color;
}

/** The ANSI colour names in palette order, as Alacritty and Windows Terminal spell them. */
export const ANSI_NAMES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'] as const;

/**
 * A complete Theme from what a file defined. Background, foreground and colours 0-7 are required;
 * a file with only 0-7 gets them repeated as 8-15, as terminals do with 8-colour schemes.
 */
export function toTheme(set: ColorSet, name: string, format: string, origin: string): Theme {
  const missing: string[] = [];
  if (set.background === undefined) missing.push('background');
  if (set.foreground === undefined) missing.push('foreground');
  for (let i = 0; i < 8; i++) if (set.palette[i] === undefined) missing.push(`colour ${i}`);
  if (missing.length > 0) throw new Error(`${origin}: ${format} theme lacks ${missing.join(', ')}`);
  const brightGiven = set.palette.slice(8).filter((c) => c !== undefined).length;
  if (brightGiven > 0 && brightGiven < 8) {
    const absent = set.palette.slice(8).flatMap((c, i) => (c === undefined ? [`colour ${i + 8}`] : []));
    throw new Error(`${origin}: ${format} theme lacks ${absent.join(', ')}`);
  }
  const palette = set.palette.map((c, i) => c ?? set.palette[i - 8]!);
  return {
    name,
    background: set.background!,
    foreground: set.foreground!,
    ...(set.cursor !== undefined ? { cursor: set.cursor } : {}),
    ...(set.selection !== undefined ? { selection: set.selection } : {}),
    palette,
    source: origin,
  };
}
