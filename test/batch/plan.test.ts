import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { expandInputs } from '../../src/batch/inputs.js';
import { planOutputs } from '../../src/batch/plan.js';
import { parseShard, shardSlice } from '../../src/batch/shard.js';

function tree(files: string[]): string {
  const dir = tempDir('plan');
  for (const f of files) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), '');
  }
  return dir;
}

describe('output planning', () => {
  it('keeps paths relative to the glob base under the output folder, for every format', () => {
    const dir = tree(['docs/casts/intro.cast', 'docs/casts/cli/init.cast.gz', 'docs/casts/cli/old.json']);
    const plan = planOutputs(expandInputs(['docs/casts/**/*.{cast,cast.gz,json}'], dir), () => ['gif', 'svg'], 'out', dir);
    expect(plan.map((p) => [p.input.path, p.outputs.map((o) => o.path)])).toEqual([
      ['docs/casts/cli/init.cast.gz', ['out/cli/init.gif', 'out/cli/init.svg']],
      ['docs/casts/cli/old.json', ['out/cli/old.gif', 'out/cli/old.svg']],
      ['docs/casts/intro.cast', ['out/intro.gif', 'out/intro.svg']],
    ]);
  });

  it('without an output folder, writes beside each input', () => {
    const dir = tree(['a/x.cast', 'b/y.cast']);
    const plan = planOutputs(expandInputs(['a/x.cast', 'b/y.cast'], dir), () => ['txt'], undefined, dir);
    expect(plan.flatMap((p) => p.outputs.map((o) => o.path))).toEqual(['a/x.txt', 'b/y.txt']);
  });

  it('per-input formats', () => {
    const dir = tree(['a.cast', 'b.cast']);
    const plan = planOutputs(expandInputs(['*.cast'], dir), (i) => (i.path === 'a.cast' ? ['svg'] : ['gif', 'txt']), 'o', dir);
    expect(plan.flatMap((p) => p.outputs.map((o) => o.path))).toEqual(['o/a.svg', 'o/b.gif', 'o/b.txt']);
  });

  it('two inputs on one output is an error naming both', () => {
    const dir = tree(['docs/demo.cast', 'docs/demo.json']);
    expect(() => planOutputs(expandInputs(['docs/*'], dir), () => ['gif'], 'out', dir)).toThrow(
      '"docs/demo.cast" and "docs/demo.json" would both be written to out/demo.gif',
    );
  });

  it("a dark twin (NAME-dark.EXT) landing on another input's output is an error naming both", () => {
    const dir = tree(['demo.cast', 'demo-dark.cast']);
    const plan = (twins: boolean) => planOutputs(expandInputs(['*.cast'], dir), () => ['gif', 'svg'], 'out', dir, (_i, format) => twins && format === 'gif');
    expect(() => plan(true)).toThrow('"demo-dark.cast" and "demo.cast" would both be written to out/demo-dark.gif');
    expect(plan(false).flatMap((p) => p.outputs.map((o) => o.path))).toEqual(['out/demo-dark.gif', 'out/demo-dark.svg', 'out/demo.gif', 'out/demo.svg']);
  });

  it('an output over an input is an error', () => {
    const dir = tree(['x.cast', 'x.txt']);
    expect(() => planOutputs(expandInputs(['x.cast', 'x.txt'], dir), () => ['txt'], undefined, dir)).toThrow(
      /"x.cast" would be written over the input "x.txt"/,
    );
  });
});

describe('--shard', () => {
  it('parses i/n (1-based) and refuses the rest', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, total: 3 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1', '1/2/3', '-1/2']) expect(() => parseShard(bad)).toThrow(/--shard/);
  });

  it('partitions exactly: union complete, no overlap, sizes within one', () => {
    for (let length = 0; length <= 23; length++) {
      const items = Array.from({ length }, (_, i) => i);
      for (let total = 1; total <= 7; total++) {
        const parts = Array.from({ length: total }, (_, i) => shardSlice(items, { index: i + 1, total }));
        expect(parts.flat()).toEqual(items);
        const sizes = parts.map((p) => p.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    }
  });

  it('gives contiguous runs, larger first, as Playwright does', () => {
    const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect([1, 2, 3].map((index) => shardSlice(items, { index, total: 3 }))).toEqual([['a', 'b', 'c'], ['d', 'e'], ['f', 'g']]);
  });
});
