import { Attr, type Terminal } from '../../src/term/index.js';

/** Our screen's rows as text, right-trimmed as xterm.js' translateToString(true) does. */
export const ourRows = (term: Terminal): string[] => term.text().split('\n');

/** Our cells' attributes in the encoding of peerAttrs. */
export function ourAttrs(term: Terminal): string[][] {
  return term.snapshot().lines.map((row) =>
    row.cells.map((c) => {
      const a = c.attrs;
      const flags = [Attr.BOLD, Attr.FAINT, Attr.ITALIC, Attr.UNDERLINE_MASK, Attr.BLINK, Attr.INVERSE, Attr.INVISIBLE, Attr.STRIKE, Attr.OVERLINE]
        .map((bit) => ((a & bit) !== 0 ? 1 : 0))
        .join('');
      return `${c.fg}/${c.bg}/${flags}`;
    }),
  );
}
