import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEYS_READ_AHEAD } from '../../src/render/keys.js';
import { render } from '../../src/render/render.js';
import { runBin } from '../helpers/bin.js';
import { ROOT } from '../helpers/paths.js';

const cli = (...args: string[]) => {
  const run = runBin('cast2gif', [join(ROOT, 'examples', 'demo.cast'), '-', ...args]);
  return { status: run.status, out: run.stdout, err: run.stderr };
};

describe('--keys on a recording without input events', () => {
  for (const args of [['--format', 'gif'], ['--format', 'svg'], ['--format', 'png'], ['--format', 'gif', '--at', '2'], ['--format', 'svg', '--at', '2']]) {
    it(`draws ${args.join(' ')} byte for byte as without --keys, and says so in one line`, () => {
      const plain = cli(...args);
      const keyed = cli(...args, '--keys');
      expect(plain.status).toBe(0);
      expect(keyed.status).toBe(0);
      expect(keyed.out.length).toBeGreaterThan(0);
      expect(keyed.out.equals(plain.out)).toBe(true);
      expect(plain.err).toBe('');
      expect(keyed.err.trimEnd().split('\n')).toEqual([expect.stringMatching(/warning: --keys: the recording has no input events/)]);
    });
  }
});

describe('--keys on a long recording whose first input event comes late', () => {
  it(`looks no further than ${KEYS_READ_AHEAD} events ahead: drawn as without --keys, with a warning saying how far it looked`, async () => {
    const lines = ['{"version": 2, "width": 10, "height": 2}'];
    for (let i = 0; i < KEYS_READ_AHEAD; i++) lines.push(JSON.stringify([i / 1000, 'o', '.']));
    lines.push(JSON.stringify([KEYS_READ_AHEAD / 1000, 'i', 'x']));
    const text = lines.join('\n') + '\n';
    const warnings: string[] = [];
    const keyed = await render(text, { format: 'png', at: { seconds: 1 }, keys: true, onWarning: (w) => warnings.push(w) });
    const plain = await render(text, { format: 'png', at: { seconds: 1 } });
    expect(Buffer.from(keyed).equals(Buffer.from(plain))).toBe(true);
    expect(warnings).toEqual([`--keys: the recording's first ${KEYS_READ_AHEAD} events have no input event, so there are no keys to show (record with asciinema rec --stdin, or --capture-input in asciinema 3)`]);
  });
});
