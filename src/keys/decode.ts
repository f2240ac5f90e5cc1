/**
 * What a terminal's input bytes mean as keys. asciinema records input as the program read it, so
 * a key press is whatever xterm sends for it: printable text as itself (already UTF-8 decoded by
 * the cast reader), control characters, and escape sequences that differ between the normal and
 * the application cursor-key mode (CSI A or SS3 A) and carry modifiers (CSI 1;5A is Ctrl+Up).
 */
export type KeyToken =
  /** Printable text, typed or pasted; a space ends a word. */
  | { readonly kind: 'text'; readonly text: string }
  /** A key with a name, as shown: ⏎, ⌫, ⇥, ↑, Esc, ⌃C, ⌥x, ⇧F5. */
  | { readonly kind: 'key'; readonly name: string }
  /** A bracketed paste, shown as one item however long. */
  | { readonly kind: 'paste'; readonly text: string };

const ESC = '\x1b';

/** Final bytes of CSI and SS3 cursor and editing keys. */
const LETTER_KEYS: Readonly<Record<string, string>> = {
  A: '↑', B: '↓', C: '→', D: '←', H: 'Home', F: 'End', E: 'Begin', Z: '⇧⇥',
  P: 'F1', Q: 'F2', R: 'F3', S: 'F4',
  // SS3 keypad keys in application keypad mode.
  M: '⏎', j: '*', k: '+', l: ',', m: '-', n: '.', o: '/', X: '=',
  p: '0', q: '1', r: '2', s: '3', t: '4', u: '5', v: '6', w: '7', x: '8', y: '9',
};

/** CSI number ~ keys (xterm's PC-style function keys). */
const TILDE_KEYS: Readonly<Record<number, string>> = {
  1: 'Home', 2: 'Ins', 3: 'Del', 4: 'End', 5: 'PgUp', 6: 'PgDn', 7: 'Home', 8: 'End',
  11: 'F1', 12: 'F2', 13: 'F3', 14: 'F4', 15: 'F5', 17: 'F6', 18: 'F7', 19: 'F8', 20: 'F9', 21: 'F10',
  23: 'F11', 24: 'F12', 25: 'F13', 26: 'F14', 28: 'F15', 29: 'F16', 31: 'F17', 32: 'F18', 33: 'F19', 34: 'F20',
};

/** xterm's modifier parameter is 1 + (Shift 1, Alt 2, Ctrl 4, Meta 8). */
function withModifiers(name: string, param: number | undefined): string {
  if (param === undefined || param <= 1) return name;
  const bits = param - 1;
  return `${bits & 4 ? '⌃' : ''}${bits & 2 || bits & 8 ? '⌥' : ''}${bits & 1 ? '⇧' : ''}${name}`;
}

/** A C0 control character (or DEL) as a key name. */
function controlName(code: number): string {
  switch (code) {
    case 0x0d:
    case 0x0a:
      return '⏎';
    case 0x09:
      return '⇥';
    case 0x7f:
    case 0x08:
      return '⌫';
    case 0x1b:
      return 'Esc';
    case 0x00:
      return '⌃Space';
    default:
      // ^A..^Z, then ^\ ^] ^^ ^_ as on the keyboard.
      return `⌃${String.fromCharCode(code + 0x40)}`;
  }
}

/** A C0 control character or DEL: a key with a name, never typed text. */
export const isControl = (code: number): boolean => code < 0x20 || code === 0x7f;

export const PASTE_START = `${ESC}[200~`;
export const PASTE_END = `${ESC}[201~`;
const PASTE_KEPT = 64;

/**
 * Decodes input into tokens. Keeps what a bracketed paste has collected so far, since a paste
 * usually spans several reads (input events).
 */
export class KeyDecoder {
  private paste: string | undefined;

  decode(data: string): KeyToken[] {
    const tokens: KeyToken[] = [];
    let text = '';
    const flushText = (): void => {
      if (text !== '') tokens.push({ kind: 'text', text });
      text = '';
    };
    const key = (name: string): void => {
      flushText();
      tokens.push({ kind: 'key', name });
    };
    let i = 0;
    while (i < data.length) {
      if (this.paste !== undefined) {
        const end = data.indexOf(PASTE_END, i);
        // Only a paste's first characters are shown: a long one is not kept whole.
        if (this.paste.length < PASTE_KEPT) this.paste += data.slice(i, Math.min(end < 0 ? data.length : end, i + PASTE_KEPT));
        if (end < 0) break;
        flushText();
        tokens.push({ kind: 'paste', text: this.paste });
        this.paste = undefined;
        i = end + PASTE_END.length;
        continue;
      }
      const code = data.charCodeAt(i);
      if (code === 0x1b) {
        const seq = escapeSequence(data, i);
        if (seq.text === PASTE_START) {
          this.paste = '';
          i += seq.text.length;
          continue;
        }
        if (seq.name !== undefined) key(seq.name);
        i += seq.text.length;
        continue;
      }
      if (isControl(code)) {
        key(controlName(code));
        i++;
        continue;
      }
      // 8-bit C1 CSI/SS3 are not sent by xterm in UTF-8 mode; anything else printable is text.
      const cp = data.codePointAt(i)!;
      text += String.fromCodePoint(cp);
      i += cp > 0xffff ? 2 : 1;
    }
    flushText();
    return tokens;
  }
}

/**
 * The escape sequence starting at `start`, and its key name: undefined for reports that are no
 * key press (mouse, focus) and for sequences no key sends.
 */
export function escapeSequence(data: string, start: number): { text: string; name?: string } {
  const next = data[start + 1];
  if (next === undefined) return { text: ESC, name: 'Esc' };
  if (next === '[') return csi(data, start);
  if (next === 'O' && start + 2 < data.length) {
    const final = data[start + 2]!;
    const name = LETTER_KEYS[final];
    return { text: data.slice(start, start + 3), ...(name === undefined ? {} : { name }) };
  }
  if (next === ESC) return { text: ESC, name: 'Esc' };
  // ESC before a character: xterm's Alt (metaSendsEscape), e.g. ⌥b, ⌥⌫.
  const code = next.charCodeAt(0);
  const cp = data.codePointAt(start + 1)!;
  const char = String.fromCodePoint(cp);
  const name = isControl(code) ? `⌥${controlName(code)}` : `⌥${char}`;
  return { text: ESC + char, name };
}

function csi(data: string, start: number): { text: string; name?: string } {
  let i = start + 2;
  // X10 mouse: CSI M and three bytes (button, column, row) that may be anything.
  if (data[i] === 'M') return { text: data.slice(start, Math.min(data.length, i + 4)) };
  while (i < data.length && /[0-9;:<=>?]/.test(data[i]!)) i++;
  while (i < data.length && /[ -/]/.test(data[i]!)) i++;
  if (i >= data.length) return { text: data.slice(start) };
  const final = data[i]!;
  const text = data.slice(start, i + 1);
  const body = data.slice(start + 2, i);
  // SGR (CSI < ... M/m) and urxvt (CSI b;x;y M) mouse reports, focus in and out (CSI I, CSI O).
  if (body.startsWith('<') || final === 'M' || final === 'm' || ((final === 'I' || final === 'O') && body === '')) return { text };
  const params = body.split(';').map((p) => (p === '' ? undefined : Number(p.split(':')[0])));
  if (final === '~') {
    const name = TILDE_KEYS[params[0] ?? 0];
    return name === undefined ? { text } : { text, name: withModifiers(name, params[1]) };
  }
  // xterm's modifyOtherKeys / CSI u: the key's code and its modifiers.
  if (final === 'u' && params[0] !== undefined) {
    const code = params[0];
    const base = isControl(code) ? controlName(code) : String.fromCodePoint(code);
    return { text, name: withModifiers(base, params[1]) };
  }
  const name = LETTER_KEYS[final];
  if (name === undefined || /[a-z]/.test(final)) return { text };
  return { text, name: withModifiers(name, params[1]) };
}
