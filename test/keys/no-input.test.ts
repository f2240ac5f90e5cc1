import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const cli = (...args: string[]) => {
  const run = spawnSync(process.execPath, [join(root, 'bin', 'cast2gif.js'), join(root, 'examples', 'demo.cast'), '-', ...args]);
  return { status: run.status, out: run.stdout, err: run.stderr.toString('utf8') };
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
