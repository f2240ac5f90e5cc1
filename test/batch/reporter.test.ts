import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createReporter, liveProgressWanted } from '../../src/batch/reporter.js';
import type { BatchSummary, InputResult } from '../../src/batch/summary.js';

function sink(tty = false) {
  const stream = new PassThrough() as PassThrough & { isTTY?: boolean; columns?: number };
  if (tty) {
    stream.isTTY = true;
    stream.columns = 200;
  }
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

const good: InputResult = {
  input: 'docs/a.cast',
  outputs: [
    { format: 'gif', path: 'img/a.gif', status: 'rendered', bytes: 2048, frames: 120, ms: 410 },
    { format: 'svg', path: 'img/a.svg', status: 'unchanged', bytes: 500 },
  ],
};
const broken: InputResult = {
  input: 'docs/b.cast',
  outputs: [
    { format: 'gif', path: 'img/b.gif', status: 'failed', error: 'docs/b.cast:3: not JSON' },
    { format: 'svg', path: 'img/b.svg', status: 'failed', error: 'docs/b.cast:3: not JSON' },
  ],
};
const summary: BatchSummary = { status: 1, rendered: 1, unchanged: 1, failed: 2, ms: 1234, jobs: 2, inputs: [good, broken] };

function play(options: Parameters<typeof createReporter>[0]) {
  const reporter = createReporter(options);
  reporter.start(2, 4, 3, 100);
  reporter.jobStarted('docs/a.cast');
  reporter.warning('docs/a.cast', 'unknown escape');
  reporter.frames(100);
  reporter.frames(20);
  reporter.jobFinished('docs/a.cast', 50, 2048);
  reporter.inputDone(good);
  reporter.jobStarted('docs/b.cast');
  reporter.jobFinished('docs/b.cast', 25, 0);
  reporter.jobFinished('docs/b.cast', 25, 0);
  reporter.inputDone(broken);
  reporter.finish(summary);
}

describe('logs', () => {
  it('plain: a line per input as it finishes, totals, and the failures again at the end', () => {
    const err = sink();
    const out = sink();
    play({ stderr: err.stream, stdout: out.stream, progress: 'lines' });
    expect(err.text()).toBe(
      [
        'warning: docs/a.cast: unknown escape',
        'docs/a.cast -> img/a.gif (2.0 KB, 120 frames, 0.41 s), img/a.svg (unchanged 500 B)',
        'FAILED docs/b.cast:3: not JSON',
        '2 inputs, 4 outputs: 1 rendered, 1 unchanged, 2 failed in 1.23 s with 2 jobs',
        'FAILED docs/b.cast:3: not JSON',
        '',
      ].join('\n'),
    );
    expect(out.text()).toBe('');
  });

  it('quiet: failures only', () => {
    const err = sink();
    play({ stderr: err.stream, quiet: true, progress: 'lines' });
    expect(err.text()).toBe('FAILED docs/b.cast:3: not JSON\n');
  });

  it('live: a progress line redrawn in place, then the per-input summary', () => {
    const err = sink(true);
    play({ stderr: err.stream, progress: 'auto', env: {} });
    const text = err.text();
    expect(text).toMatch(/\r\x1b\[2K\[0\/3\] 0% · 0 running/);
    expect(text).toMatch(/\[1\/3\] 33% · 0 running · 120 frames · 2\.0 KB written/);
    const lines = text.split('\n');
    // What stays on screen once the progress line is cleared.
    const final = lines.map((l) => (l.includes('\x1b[2K') ? l.slice(l.lastIndexOf('\x1b[2K') + 4) : l));
    expect(final.slice(-4)).toEqual([
      'docs/a.cast -> img/a.gif (2.0 KB, 120 frames, 0.41 s), img/a.svg (unchanged 500 B)',
      'FAILED docs/b.cast:3: not JSON',
      '2 inputs, 4 outputs: 1 rendered, 1 unchanged, 2 failed in 1.23 s with 2 jobs',
      '',
    ]);
  });

  it('live progress only on a TTY without CI', () => {
    expect(liveProgressWanted(sink(true).stream, {})).toBe(true);
    expect(liveProgressWanted(sink(true).stream, { CI: 'true' })).toBe(false);
    expect(liveProgressWanted(sink(true).stream, { CI: 'false' })).toBe(true);
    expect(liveProgressWanted(sink(false).stream, {})).toBe(false);
  });

  it('--json: the summary document on stdout', () => {
    const out = sink();
    play({ stderr: sink().stream, stdout: out.stream, json: true, quiet: true });
    const doc = JSON.parse(out.text());
    expect(doc).toMatchObject({ status: 1, rendered: 1, unchanged: 1, failed: 2, ms: 1234, jobs: 2 });
    expect(doc.inputs[1]).toEqual({
      input: 'docs/b.cast',
      outputs: [
        { format: 'gif', path: 'img/b.gif', status: 'failed', error: 'docs/b.cast:3: not JSON' },
        { format: 'svg', path: 'img/b.svg', status: 'failed', error: 'docs/b.cast:3: not JSON' },
      ],
    });
  });
});

describe('the live ETA', () => {
  /** Plays jobs of these input sizes and durations one after another; returns [ETA shown, time really left] after each. */
  function etas(jobs: Array<{ bytes: number; ms: number }>): Array<[number, number]> {
    const out = sink(true);
    let time = 0;
    const reporter = createReporter({ stderr: out.stream, progress: 'live', clock: () => time });
    reporter.start(jobs.length, jobs.length, jobs.length, jobs.reduce((sum, j) => sum + j.bytes, 0));
    const total = jobs.reduce((sum, j) => sum + j.ms, 0);
    const points: Array<[number, number]> = [];
    jobs.forEach((job, i) => {
      reporter.jobStarted(`c${i}.cast`);
      time += job.ms;
      reporter.jobFinished(`c${i}.cast`, job.bytes, 1000);
      const shown = [...out.text().matchAll(/ETA (\d+\.\d+) s/g)].at(-1);
      if (shown && i < jobs.length - 1) points.push([Number(shown[1]) * 1000, total - time]);
    });
    return points;
  }

  it('holds within a factor of 2 when one big cast comes first and many small ones follow', () => {
    // The shape of the corpus batch: 1.7 MB taking 2.5 s, then 60 casts of 2 KB taking 40 ms each.
    const points = etas([{ bytes: 1_700_000, ms: 2500 }, ...Array.from({ length: 60 }, () => ({ bytes: 2000, ms: 40 }))]);
    expect(points.length).toBeGreaterThan(50);
    for (const [shown, left] of points) {
      expect(shown).toBeGreaterThan(left / 2);
      expect(shown).toBeLessThan(left * 2);
    }
  });

  it('is exact for equal jobs', () => {
    for (const [shown, left] of etas(Array.from({ length: 10 }, () => ({ bytes: 50_000, ms: 300 })))) {
      expect(Math.abs(shown - left)).toBeLessThanOrEqual(10);
    }
  });
});
