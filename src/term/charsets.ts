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

/** What DECSC saves of the charsets: the designations and the one in GL, not a pending single shift. */
export interface SavedCharsets {
  readonly slots: readonly Charset[];
  readonly gl: number;
}

/** G0..G3, which of them GL invokes (SI, SO, LS2, LS3), and a pending single shift (SS2, SS3). */
export class Charsets {
  slots: Charset[] = [null, null, null, null];
  gl = 0;
  /** The slot used for the next character only; -1 when none. */
  singleShift = -1;

  /** The character printable ASCII `cp` stands for now; consumes a pending single shift. */
  map(cp: number): number {
    let table = this.slots[this.gl];
    if (this.singleShift >= 0) {
      table = this.slots[this.singleShift];
      this.singleShift = -1;
    }
    return table === null ? cp : table[cp].charCodeAt(0);
  }

  /** ESC ( F and friends: the charset named by `final` into one of G0..G3. */
  designate(slot: number, final: number): void {
    this.slots[slot] = charsetFor(final);
  }

  /** 96-character sets are not drawn differently: the slot goes back to ASCII. */
  designate96(slot: number): void {
    this.slots[slot] = null;
  }

  save(): SavedCharsets {
    return { slots: this.slots.slice(), gl: this.gl };
  }

  /** Back to a saved state, or with null to the power-on one (a pending single shift stays). */
  restore(saved: SavedCharsets | null): void {
    this.slots = saved === null ? [null, null, null, null] : saved.slots.slice();
    this.gl = saved === null ? 0 : saved.gl;
  }

  reset(): void {
    this.restore(null);
    this.singleShift = -1;
  }
}
