import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Terminal } from '../../src/term/index.js';

// Real xterm's screens for xterm.js' escape-sequence fixtures (see test/corpus/MANIFEST.md).
// The harness is xterm.js' own: reset, home, then the input as a pty delivers it (LF as CR LF),
// on 80x25, comparing rows with trailing whitespace trimmed. Every one of the 76 passes.
const dir = new URL('../corpus/vt/xtermjs__xterm.js/', import.meta.url);
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.in'))
  .map((f) => f.slice(0, -3))
  .sort();

const trimRows = (text: string): string[] => text.split('\n').map((row) => row.replace(/\s+$/, ''));

describe('xterm escape sequence fixtures', () => {
  it('has all 76 fixtures', () => {
    expect(names).toHaveLength(76);
  });

  for (const name of names) {
    it(name, () => {
      const input = readFileSync(new URL(`${name}.in`, dir)).toString('utf8').replace(/\n/g, '\r\n');
      const expected = trimRows(readFileSync(new URL(`${name}.text`, dir), 'utf8'));
      const term = new Terminal({ cols: 80, rows: 25 });
      term.feed('\x1bc\x1b[H');
      term.feed(input);
      const got = trimRows(term.text());
      // The .text files carry one extra empty line after the 25 rows (see the suite's NOTES).
      while (expected.length > got.length && expected[expected.length - 1] === '') expected.pop();
      while (got.length > expected.length && got[got.length - 1] === '') got.pop();
      expect(got).toEqual(expected);
    });
  }
});
