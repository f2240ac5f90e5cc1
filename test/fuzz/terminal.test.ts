import { describe, expect, it } from 'vitest';
import type { ScreenSnapshot } from '../../src/term/cell.js';
import { Terminal } from '../../src/term/index.js';
import { replaying, seeds } from './corpus.js';
import { snapshotProblem } from './snapshot-check.js';
import { rng, terminalInput } from './generators.js';

function checkSnapshot(s: ScreenSnapshot, seed: number): void {
  expect(snapshotProblem(s), `seed ${seed}`).toBe('');
}

describe('the terminal fed random and grammar-built input', () => {
  it('never throws and keeps every snapshot well-formed', () => {
    let fed = 0;
    // Timed only to be reported: how long an input takes depends on the machine and its load.
    let slowest = { ms: 0, seed: 0 };
    for (const seed of seeds(3000)) {
      const r = rng(seed);
      const input = terminalInput(r);
      const term = new Terminal({ cols: input.cols, rows: input.rows });
      const started = performance.now();
      for (const chunk of input.chunks) {
        term.feed(chunk);
        fed += chunk.length;
        if (input.resizes && r.chance(0.3)) term.resize(r.range(1, 300), r.range(1, 100));
      }
      checkSnapshot(term.snapshot(), seed);
      expect(typeof term.text()).toBe('string');
      const ms = performance.now() - started;
      if (ms > slowest.ms) slowest = { ms, seed };
    }
    console.log(`slowest input: seed ${slowest.seed}, ${slowest.ms.toFixed(1)} ms (FUZZ_SEED=${slowest.seed} replays it)`);
    if (!replaying) expect(fed).toBeGreaterThan(1_000_000);
  });

  it.each([
    ['repeat', 'x\x1b[2147483647b'],
    ['insert characters', '\x1b[2147483647@'],
    ['insert lines', '\x1b[2147483647L'],
    ['scroll', '\x1b[2147483647S\x1b[2147483647T'],
    ['erase characters', '\x1b[2147483647X'],
    ['tab forward and back', '\x1b[2147483647I\x1b[2147483647Z'],
    ['window resize report', '\x1b[8;2147483647;2147483647t'],
    ['cursor far away', '\x1b[2147483647;2147483647H\x1b[99999999999999999999C'],
    ['margins', '\x1b[?69h\x1b[1;2147483647s\x1b[1;2147483647r'],
    ['a million parameters', `\x1b[${'1;'.repeat(1_000_000)}m`],
    ['an endless OSC title', `\x1b]0;${'t'.repeat(3_000_000)}\x07`],
    ['an endless DCS', `\x1bP1$r${'q'.repeat(3_000_000)}\x1b\\`],
    ['a million combining marks', `e${'\u0301'.repeat(1_000_000)}`],
  ])('survives %s with bounded state', (_name, data) => {
    const term = new Terminal({ cols: 80, rows: 24 });
    term.feed(data);
    term.feed('\x1b[1;1Hafter');
    const s = term.snapshot();
    checkSnapshot(s, 0);
    expect(s.cols).toBe(80);
    expect(s.rows).toBe(24);
    // Whatever the sequence did, the terminal still prints what follows it.
    expect(term.text()).toContain('after');
    // One cell's text stays short: combining marks beyond a few are not all kept.
    const longest = Math.max(...s.lines.flatMap((row) => row.cells.map((c) => c.text.length)));
    expect(longest).toBeLessThan(1000);
  });
});
