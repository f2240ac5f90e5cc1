import { parseColor } from '../rgb.js';
import { emptyColorSet, type ColorSet } from './colorset.js';

/** kitty's config lines are "key value"; a theme uses foreground, background, cursor, selection_background, colorN. */
export const looksLikeKitty = (text: string): boolean =>
  /^[ \t]*(color\d{1,3}|foreground|background)[ \t]+#?[0-9a-f]{6}\b/im.test(text) && !/^[ \t]*[\w.*-]+[ \t]*[:=]/m.test(text);

export function parseKitty(text: string): ColorSet {
  const set = emptyColorSet();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([a-z_0-9]+)\s+(\S+)/i.exec(line);
    if (!m || line.trimStart().startsWith('#')) continue;
    const key = m[1]!.toLowerCase();
    const color = parseColor(m[2]!);
    if (color === undefined) continue;
    const index = /^color(\d+)$/.exec(key);
    if (index) {
      const n = Number(index[1]);
      if (n < 16) set.palette[n] = color;
    } else if (key === 'foreground') set.foreground = color;
    else if (key === 'background') set.background = color;
    else if (key === 'cursor') set.cursor = color;
    else if (key === 'selection_background') set.selection = color;
  }
  return set;
}
