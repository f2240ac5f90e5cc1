import { parseColor } from '../rgb.js';
import { assignNamedColor, emptyColorSet, type ColorSet } from './colorset.js';

const RESOURCE = /^\s*([\w.*?-]*?)[.*]?(foreground|background|cursorColor|highlightColor|color\d{1,3})\s*:\s*(.*?)\s*$/;

/** X resources: "[class|*|.]name: value", '!' comments, and cpp "#define NAME value" (base16-xresources uses them). */
export const looksLikeXresources = (text: string): boolean =>
  text.split(/\r?\n/).some((line) => RESOURCE.test(line) && /[*.]|^\s*(foreground|background|color\d)/.test(line));

export function parseXresources(text: string): ColorSet {
  const set = emptyColorSet();
  const defines = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('!')) continue;
    const define = /^#define\s+(\w+)\s+(.*?)\s*$/.exec(line);
    if (define) {
      defines.set(define[1]!, define[2]!);
      continue;
    }
    const m = RESOURCE.exec(line);
    if (!m) continue;
    let value = m[3]!;
    // A define may name another define; a few rounds cover real files without risking a loop.
    for (let i = 0; i < 4 && defines.has(value); i++) value = defines.get(value)!;
    // rxvt-unicode allows a "[NN]" opacity prefix: the colour itself follows.
    const color = parseColor(value.replace(/^\[\d+\]/, ''));
    if (color === undefined) continue;
    const key = m[2]!;
    assignNamedColor(set, key, color, { cursor: 'cursorColor', selection: 'highlightColor' });
  }
  return set;
}
