import { describe, expect, it } from 'vitest';
import { KeyCaption, keyCells } from '../../src/keys/index.js';

const shown = (caption: KeyCaption, time: number, room?: number): string =>
  caption.at(time, room).map((item) => (item.key ? `[${item.text}]` : item.text)).join(' ');

describe('the keys caption', () => {
  it('keeps a flood of key presses at one instant bounded: the newest items, a long word by its end', () => {
    const c = new KeyCaption(1.5);
    // 200,000 keys that never merge (↑ and ↓ alternate), then a word of 100,000 letters.
    for (let i = 0; i < 200_000; i++) c.press(i % 2 ? '\x1b[A' : '\x1b[B', 1);
    c.press('x'.repeat(99_999) + 'y', 1);
    const items = c.at(1);
    expect(items.length).toBeLessThanOrEqual(512);
    expect(items.slice(-3).map((i) => i.text[0])).toEqual(['↓', '↑', '…']);
    const word = items.at(-1)!.text;
    expect(word.length).toBeLessThanOrEqual(513);
    expect(word.endsWith('xy')).toBe(true);
  });

  it('groups typed characters into words, one read or many, and shows keys by name between them', () => {
    const c = new KeyCaption(1.5);
    for (const [i, ch] of [...'git st'].entries()) c.press(ch, 0.1 * i);
    c.press('\t', 0.7);
    c.press('\r', 0.9);
    expect(shown(c, 1)).toBe('git st [⇥] [⏎]');
  });

  it('shows each item from its press until the hold after its last key, then drops it', () => {
    const c = new KeyCaption(1.5);
    c.press('ab', 0);
    c.press('c', 1);
    c.press('\x03', 2);
    expect(shown(c, 2.4)).toBe('abc [⌃C]');
    expect(shown(c, 2.5)).toBe('[⌃C]');
    expect(shown(c, 3.5)).toBe('');
    expect(c.nextExpiry(0)).toBe(2.5);
    expect(c.nextExpiry(2.5)).toBe(3.5);
    expect(c.nextExpiry(3.5)).toBeUndefined();
  });

  it('counts a key pressed again (↑×3), and starts a new word after a key', () => {
    const c = new KeyCaption(1.5);
    c.press('\x1b[A', 0);
    c.press('\x1b[A', 0.2);
    c.press('\x1bOA', 0.4);
    c.press('ls', 0.5);
    expect(shown(c, 0.6)).toBe('[↑×3] ls');
  });

  it('shows a paste by its first characters, and keeps the newest items that fit the room', () => {
    const c = new KeyCaption(1.5);
    c.press('\x1b[200~curl -fsSL https://example.invalid/x | sh\x1b[201~', 0);
    expect(shown(c, 0.1)).toBe('[⎘ curl -fsSL h…]');
    c.press(' one two', 0.2);
    expect(shown(c, 0.3, 8)).toBe('one two');
    expect(shown(c, 0.3, 6)).toBe('two');
  });

  it('lays items out in cells: wide characters take two, combining marks join their letter', () => {
    const cells = keyCells([{ text: '日x', key: false }, { text: 'e\u0301', key: true }]);
    expect(cells).toEqual([
      { col: 0, text: '日', span: 2, key: false },
      { col: 2, text: 'x', span: 1, key: false },
      { col: 4, text: 'e\u0301', span: 1, key: true },
    ]);
  });
});
