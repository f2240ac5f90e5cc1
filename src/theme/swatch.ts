import { getTheme, listThemes } from './builtin.js';
import { blue, green, red } from './rgb.js';
import type { Rgb, Theme } from './types.js';

const fgEscape = (c: Rgb): string => `\x1b[38;2;${red(c)};${green(c)};${blue(c)}m`;
const bgEscape = (c: Rgb): string => `\x1b[48;2;${red(c)};${green(c)};${blue(c)}m`;
const RESET = '\x1b[0m';

/**
 * One theme as a line of 24-bit colour: a sample of its text on its background, then the 16
 * palette colours as blocks, normal then bright.
 */
export function themeSwatch(theme: Theme): string {
  const sample = `${bgEscape(theme.background)}${fgEscape(theme.foreground)} Aa ${RESET}`;
  const blocks = theme.palette.map((c) => `${bgEscape(c)}  `).join('');
  return `${sample}${blocks}${RESET}`;
}

/**
 * The text of --list-themes: every built-in name, one a line, followed by its swatch when the
 * output is a colour terminal.
 */
export function formatThemeList(opts: { color: boolean }): string {
  const names = listThemes();
  if (!opts.color) return names.map((n) => `${n}\n`).join('');
  const width = Math.max(...names.map((n) => n.length)) + 2;
  return names.map((n) => `${n.padEnd(width)}${themeSwatch(getTheme(n))}\n`).join('');
}
