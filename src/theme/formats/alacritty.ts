import { parseColor } from '../rgb.js';
import { ANSI_NAMES, emptyColorSet, type ColorSet } from './colorset.js';
import { readToml, readYaml, tableAt } from './documents.js';

export const looksLikeAlacrittyToml = (text: string): boolean => /^\s*\[\s*colou?rs\s*[.\]]/m.test(text);
export const looksLikeAlacrittyYaml = (text: string): boolean =>
  /^colors\s*:\s*(#.*)?$/m.test(text) && /^\s+(primary|normal)\s*:/m.test(text);

export const parseAlacrittyToml = (text: string, origin: string): ColorSet => fromTree(readToml(text, origin));
export const parseAlacrittyYaml = (text: string, origin: string): ColorSet => fromTree(readYaml(text, origin));

/**
 * Alacritty keeps a theme under colors: primary.{background,foreground}, normal.* and bright.*
 * by ANSI name, cursor.cursor, selection.background. Colours are "#rrggbb" or "0xrrggbb".
 */
function fromTree(root: unknown): ColorSet {
  const set = emptyColorSet();
  const colors = tableAt(root, 'colors');
  const get = (section: string, key: string): number | undefined => {
    const value = tableAt(colors, section)?.[key];
    return typeof value === 'string' ? parseColor(value) : undefined;
  };
  set.background = get('primary', 'background');
  set.foreground = get('primary', 'foreground');
  set.cursor = get('cursor', 'cursor');
  const selection = get('selection', 'background');
  if (selection !== undefined) set.selection = selection;
  ANSI_NAMES.forEach((name, i) => {
    set.palette[i] = get('normal', name);
    set.palette[i + 8] = get('bright', name);
  });
  return set;
}
