import { describe, expect, it } from 'vitest';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../helpers/temp-dir.js';
import { replaying, seeds } from './corpus.js';
import { cliFlags, rng } from './generators.js';
import { runMain } from './run-main.js';

/** Small, with a marker, colours, wide text and markup in the title and output. */
const CAST = [
  '{"version": 2, "width": 16, "height": 3, "title": "<b>t</b>"}',
  '[0.1, "o", "hi \\u001b[31mred\\u001b[0m"]',
  '[0.4, "m", "one"]',
  '[0.8, "o", "\\r\\n\\u4e00 <script>"]',
  '[1.5, "o", "\\u001b]0;<x onload=1>\\u0007!"]',
  '',
].join('\n');

const dir = tempDir('fuzz-cli');
writeFileSync(join(dir, 'in.cast'), CAST);

describe('the CLI with random option combinations', () => {
  it('exits 0, 1 or 2 with one clear line, leaves no temp file and writes all or nothing', async () => {
    const statuses = new Map<number, number>();
    for (const seed of seeds(400)) {
      const r = rng(seed);
      const flags = cliFlags(r);
      const ext = r.pick(['gif', 'svg', 'png', 'txt']);
      const output = join(dir, `out.${ext}`);
      rmSync(output, { force: true });
      const run = await runMain([join(dir, 'in.cast'), output, ...flags], r.chance(0.5) ? 'cast2gif' : 'cast2svg');
      const at = `seed ${seed}: ${JSON.stringify(flags)} -> ${run.status} ${run.stderr.slice(0, 300)}`;
      statuses.set(run.status, (statuses.get(run.status) ?? 0) + 1);
      expect([0, 1, 2], at).toContain(run.status);
      const verbose = flags.includes('-v');
      const errors = run.stderr.split('\n').filter((line) => line !== '' && !line.includes(': warning: '));
      if (!verbose) {
        expect(errors.length, at).toBeLessThanOrEqual(1);
        expect(run.stderr, at).not.toMatch(/\n\s+at |\.(js|ts):\d+:\d+/);
      }
      if (run.status !== 0) expect(errors.length, at).toBeGreaterThanOrEqual(1);
      const left = readdirSync(dir).filter((f) => f !== 'in.cast' && !f.startsWith('out.'));
      expect(left, at).toEqual([]);
      const written = readdirSync(dir).filter((f) => f.startsWith('out.'));
      if (run.status === 0) expect(written, at).toEqual([`out.${ext}`]);
      else expect(written, at).toEqual([]);
      rmSync(output, { force: true });
    }
    // The run means something only if it saw successes, input errors and usage errors alike.
    if (!replaying) expect([...statuses.keys()].sort()).toEqual([0, 1, 2]);
  });

  it('keeps stdout output whole and alone: errors go to stderr only', async () => {
    for (const seed of seeds(100)) {
      const r = rng(seed + 5000);
      const flags = cliFlags(r, 3);
      const run = await runMain([join(dir, 'in.cast'), '-', '--format', r.pick(['gif', 'svg', 'txt']), ...flags]);
      const at = `seed ${seed}: ${JSON.stringify(flags)}`;
      expect([0, 1, 2], at).toContain(run.status);
      if (run.status === 2) expect(run.stdout.length, at).toBe(0);
      if (run.status === 0 && !flags.includes('--format')) expect(run.stdout.length, at).toBeGreaterThan(0);
    }
  });
});
