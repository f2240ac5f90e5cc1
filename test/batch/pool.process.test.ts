import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/batch/pool.js';
import type { JobMessage } from '../../src/batch/protocol.js';

const entry = new URL('./fixtures/echo-worker.mjs', import.meta.url);
const job = (id: number, input: string): JobMessage => ({ id, input, name: input, output: '', targets: { output: { shown: '', target: { kind: 'file', path: '' } } }, read: {}, options: { format: 'txt' } });
const ignore = { warning: () => {}, frames: () => {} };

describe('worker pool', () => {
  it('runs jobs, passes warnings on, and survives a worker that dies or throws', async () => {
    const pool = new WorkerPool(2, entry);
    try {
      const warnings: string[] = [];
      const frames: number[] = [];
      const listener = { warning: (w: string) => warnings.push(w), frames: (n: number) => frames.push(n) };
      expect(await pool.run(job(1, 'warn'), listener)).toEqual({ ok: true, bytes: 4, frames: 3, ms: 1 });
      expect(warnings).toEqual(['careful']);
      expect(frames).toEqual([2]);
      expect(await pool.run(job(2, 'fail'), ignore)).toEqual({ ok: false, message: 'x.cast:1: bad', stack: undefined });
      const died = await pool.run(job(3, 'die'), ignore);
      expect(died).toEqual({ ok: false, message: 'the render crashed (worker exited with status 7)' });
      const threw = await pool.run(job(4, 'throw'), ignore);
      expect(threw.ok).toBe(false);
      expect(!threw.ok && threw.message).toMatch(/the render crashed \(boom\)/);
      const both = await Promise.all([pool.run(job(5, 'abc'), ignore), pool.run(job(6, 'abcdef'), ignore)]);
      expect(both.map((o) => o.ok && o.bytes)).toEqual([3, 6]);
    } finally {
      await pool.close();
    }
  });
});
