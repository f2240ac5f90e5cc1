/**
 * Character sets that can be designated into G0..G3. A charset maps printable ASCII (0x20..0x7e)
 * to other characters; `null` means plain ASCII. xterm draws its line-drawing set with these
 * Unicode characters.
 */
export type Charset = readonly string[] | null;

function charset(changes: Record<string, string>): readonly string[] {
  const table: string[] = [];
  for (let c = 0; c < 0x80; c++) table.push(String.fromCharCode(c));
  for (const [from, to] of Object.entries(changes)) table[from.charCodeAt(0)] = to;
  return table;
}

export const DEC_SPECIAL_GRAPHICS = charset({
  '`': '\u25c6', a: '\u2592', b: '\u2409', c: '\u240c', d: '\u240d', e: '\u240a', f: '\u00b0', g: '\u00b1',
  h: '\u2424', i: '\u240b', j: '\u2518', k: '\u2510', l: '\u250c', m: '\u2514', n: '\u253c', o: '\u23ba',
  p: '\u23bb', q: '\u2500', r: '\u23bc', s: '\u23bd', t: '\u251c', u: '\u2524', v: '\u2534', w: '\u252c',
  x: '\u2502', y: '\u2264', z: '\u2265', '{': '\u03c0', '|': '\u2260', '}': '\u00a3', '~': '\u00b7',
});

export const UNITED_KINGDOM = charset({ '#': '\u00a3' });

/** The charset a designation's final byte names (ESC ( F and friends). */
export function charsetFor(final: number): Charset {
  switch (final) {
    case 0x30: // '0'
      return DEC_SPECIAL_GRAPHICS;
    case 0x41: // 'A'
      return UNITED_KINGDOM;
    default:
      return null;
  }
}
