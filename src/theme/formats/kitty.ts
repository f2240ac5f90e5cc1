import { parseColor } from '../rgb.js';
import { assignNamedColor, emptyColorSet, type ColorSet } from './colorset.js';

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
    assignNamedColor(set, key, color, { cursor: 'cursor', selection: 'selection_background' });
  }
  return set;
}
