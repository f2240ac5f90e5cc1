import { describe, expect, it } from 'vitest';
import { KeyDecoder, type KeyToken } from '../../src/keys/index.js';

const decode = (...reads: string[]): KeyToken[] => {
  const decoder = new KeyDecoder();
  return reads.flatMap((data) => decoder.decode(data));
};
const names = (...reads: string[]): string[] => decode(...reads).map((t) => (t.kind === 'key' ? t.name : `${t.kind}:${t.text}`));

describe('key decoding', () => {
  it('keeps typed text as text, UTF-8 included (accents, CJK, emoji outside the BMP)', () => {
    expect(names('ls -la')).toEqual(['text:ls -la']);
    expect(names('héllo 日本 🙂')).toEqual(['text:héllo 日本 🙂']);
  });

  it('names control characters: Enter, Tab, Backspace (DEL and ^H), Esc, Ctrl+letter', () => {
    expect(names('a\rb')).toEqual(['text:a', '⏎', 'text:b']);
    expect(names('\t', '\x7f', '\b', '\x1b', '\x03', '\x04', '\x1a', '\x00', '\x1c')).toEqual(['⇥', '⌫', '⌫', 'Esc', '⌃C', '⌃D', '⌃Z', '⌃Space', '⌃\\']);
  });

  it('reads cursor keys in normal (CSI) and application (SS3) cursor-key mode alike', () => {
    expect(names('\x1b[A\x1b[B\x1b[C\x1b[D')).toEqual(['↑', '↓', '→', '←']);
    expect(names('\x1bOA\x1bOB\x1bOC\x1bOD\x1bOH\x1bOF')).toEqual(['↑', '↓', '→', '←', 'Home', 'End']);
  });

  it('adds xterm modifiers: CSI 1;5A is Ctrl+Up, 1;2 Shift, 1;3 Alt, 1;7 Ctrl+Alt', () => {
    expect(names('\x1b[1;5A', '\x1b[1;2D', '\x1b[1;3C', '\x1b[1;7B', '\x1b[3;5~')).toEqual(['⌃↑', '⇧←', '⌥→', '⌃⌥↓', '⌃Del']);
    expect(names('\x1b[Z')).toEqual(['⇧⇥']);
  });

  it('names function keys: F1-F4 as SS3 (and modified CSI 1;2P), F5-F12 as CSI n ~', () => {
    expect(names('\x1bOP\x1bOQ\x1bOR\x1bOS')).toEqual(['F1', 'F2', 'F3', 'F4']);
    expect(names('\x1b[15~\x1b[17~\x1b[18~\x1b[19~\x1b[20~\x1b[21~\x1b[23~\x1b[24~')).toEqual(['F5', 'F6', 'F7', 'F8', 'F9', 'F10', 'F11', 'F12']);
    expect(names('\x1b[1;2P', '\x1b[15;5~')).toEqual(['⇧F1', '⌃F5']);
    expect(names('\x1b[2~\x1b[3~\x1b[5~\x1b[6~\x1b[H\x1b[F')).toEqual(['Ins', 'Del', 'PgUp', 'PgDn', 'Home', 'End']);
  });

  it('reads Alt+key sent as ESC and the key (metaSendsEscape), and CSI u keys', () => {
    expect(names('\x1bb', '\x1b\x7f', '\x1bé')).toEqual(['⌥b', '⌥⌫', '⌥é']);
    expect(names('\x1b[99;5u', '\x1b[13;2u')).toEqual(['⌃c', '⇧⏎']);
  });

  it('keeps a bracketed paste whole as one item, across reads, and decodes no keys inside it', () => {
    expect(decode('a\x1b[200~echo \x1b[A\r', 'done\x1b[201~\r')).toEqual([
      { kind: 'text', text: 'a' },
      { kind: 'paste', text: 'echo \x1b[A\rdone' },
      { kind: 'key', name: '⏎' },
    ]);
  });

  it('drops mouse reports (X10, SGR, urxvt) and focus reports, keeping the keys around them', () => {
    expect(names('a\x1b[M !!b')).toEqual(['text:ab']);
    expect(names('\x1b[<0;12;5M\x1b[<0;12;5mx')).toEqual(['text:x']);
    expect(names('\x1b[32;12;5M', '\x1b[I', '\x1b[O', 'y')).toEqual(['text:y']);
  });

  it('drops sequences no key sends and an unfinished CSI at the end of a read', () => {
    expect(names('\x1b[?1;2c', 'z', '\x1b[1;5')).toEqual(['text:z']);
  });
});
