// End-to-end batch runs: real worker threads running the real pipeline (compiled under dist/, as
// `npm test` builds it first), real files in a temporary folder.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { castText, outputs } from '../helpers/casts.js';
import { CORPUS } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';
import { MANIFEST_FILE } from '../../src/batch/manifest.js';
import { runBatch, type BatchRequest } from '../../src/batch/run-batch.js';
import type { BatchSummary } from '../../src/batch/summary.js';

/** A cast whose final screen shows `lines`, one per row. */
const castShowing = (lines: string[], cols = 20, rows = 4): string =>
  castText({ width: cols, height: rows }, outputs(lines.map((line, i) => (i < lines.length - 1 ? `${line}\r\n` : line)), 0.1));

function project(files: Record<string, string>): string {
  const dir = tempDir('batch');
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function batch(request: BatchRequest): Promise<{ summary: BatchSummary; log: string; json: string }> {
  const stderr = new PassThrough();
  const stdout = new PassThrough();
  let log = '';
  let json = '';
  stderr.on('data', (c: Buffer) => (log += c.toString('utf8')));
  stdout.on('data', (c: Buffer) => (json += c.toString('utf8')));
  const summary = await runBatch({ config: false, jobs: 2, ...request }, { stderr, stdout, progress: 'lines', json: true });
  return { summary, log, json };
}

/** Every file under dir, relative, sorted. */
function files(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

const screenText = (path: string): string[] => readFileSync(path, 'utf8').split('\n').map((l) => l.trimEnd()).filter(Boolean);

const statuses = (summary: BatchSummary) =>
  Object.fromEntries(summary.inputs.flatMap((i) => i.outputs.map((o) => [o.path, o.status])));

const docs = () =>
  project({
    'docs/casts/intro.cast': castShowing(['intro']),
    'docs/casts/cli/init.cast': castShowing(['init', 'done']),
    'docs/casts/cli/deep/build.cast': castShowing(['build']),
    'docs/casts/notes.md': 'not a cast',
  });

describe('batch rendering', () => {
  it('renders many files to two formats, keeping relative paths under --out-dir', async () => {
    const dir = docs();
    const { summary } = await batch({ cwd: dir, inputs: ['docs/casts/**/*.cast'], outDir: 'img', options: { format: ['txt', 'svg'] } });
    expect(summary.status).toBe(0);
    expect(files(join(dir, 'img'))).toEqual([
      MANIFEST_FILE,
      'cli/deep/build.svg',
      'cli/deep/build.txt',
      'cli/init.svg',
      'cli/init.txt',
      'intro.svg',
      'intro.txt',
    ]);
    expect(screenText(join(dir, 'img/cli/init.txt'))).toEqual(['init', 'done']);
    expect(screenText(join(dir, 'img/cli/deep/build.txt'))).toEqual(['build']);
    expect(readFileSync(join(dir, 'img/intro.svg'), 'utf8')).toMatch(/^(<\?xml[^>]*>\s*)?<svg[\s\S]*intro[\s\S]*<\/svg>\s*$/);
    expect(summary.inputs.map((i) => i.input)).toEqual(['docs/casts/cli/deep/build.cast', 'docs/casts/cli/init.cast', 'docs/casts/intro.cast']);
    for (const output of summary.inputs.flatMap((i) => i.outputs)) {
      expect(output.status).toBe('rendered');
      // Text is a still; the SVGs animate the lines appearing one by one (the first screen is empty).
      if (output.format === 'txt') expect(output.frames).toBe(1);
      expect(output.bytes).toBe(statSync(join(dir, output.path)).size);
    }
  });

  it('a broken cast fails alone: the others are written, the status is 1, the summary names it', async () => {
    const dir = project({
      'casts/a.cast': castShowing(['first']),
      'casts/broken.cast': '{"version": 2, "width": 20, "height": 3}\n[1, "o", "a"]\n[2, "o" "b"]\n[3, "o", "c"]\n',
      'casts/z.cast': castShowing(['last']),
    });
    const { summary, log, json } = await batch({ cwd: dir, inputs: ['casts/*.cast'], outDir: 'out', options: { format: ['txt', 'svg'] } });
    expect(summary.status).toBe(1);
    expect(summary.failed).toBe(2);
    expect(summary.rendered).toBe(4);
    expect(files(join(dir, 'out'))).toEqual([MANIFEST_FILE, 'a.svg', 'a.txt', 'z.svg', 'z.txt']);
    const broken = summary.inputs.find((i) => i.input === 'casts/broken.cast')!;
    expect(broken.outputs.map((o) => o.error)).toEqual(['casts/broken.cast:3: not JSON', 'casts/broken.cast:3: not JSON'].map((e) => expect.stringContaining(e)));
    expect(log).toMatch(/^FAILED casts\/broken\.cast:3: not JSON/m);
    expect(log).toMatch(/3 inputs, 6 outputs: 4 rendered, 0 unchanged, 2 failed/);
    expect(JSON.parse(json).failed).toBe(2);
    // Temporary files never outlive their render.
    expect(readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a missing literal input fails as "no such file" beside the rendered ones', async () => {
    const dir = project({ 'a.cast': castShowing(['a']) });
    const { summary } = await batch({ cwd: dir, inputs: ['a.cast', 'gone.cast'], options: { format: ['txt'] } });
    expect(summary.status).toBe(1);
    expect(statuses(summary)).toEqual({ 'a.txt': 'rendered', 'gone.txt': 'failed' });
    expect(summary.inputs[1]!.outputs[0]!.error).toBe('gone.cast: no such file');
  });

  it('a second run skips everything; --force renders again, byte for byte the same', async () => {
    const dir = docs();
    const request: BatchRequest = { cwd: dir, inputs: ['docs/casts/**/*.cast'], outDir: 'img', options: { format: ['txt', 'svg'] } };
    await batch(request);
    const before = new Map(files(join(dir, 'img')).map((f) => [f, readFileSync(join(dir, 'img', f))]));
    const mtimes = new Map(files(join(dir, 'img')).map((f) => [f, statSync(join(dir, 'img', f)).mtimeMs]));

    const second = await batch(request);
    expect(second.summary.status).toBe(0);
    expect(second.summary.unchanged).toBe(6);
    expect(second.summary.rendered).toBe(0);
    for (const [f, mtime] of mtimes) expect(statSync(join(dir, 'img', f)).mtimeMs).toBe(mtime);
    expect(second.log).toMatch(/img\/intro\.txt \(unchanged/);

    const forced = await batch({ ...request, force: true });
    expect(forced.summary.rendered).toBe(6);
    for (const [f, bytes] of before) expect(readFileSync(join(dir, 'img', f)).equals(bytes)).toBe(true);
  });

  it('re-renders exactly what changed: an edited input, a changed option, a deleted output', async () => {
    const dir = docs();
    const request: BatchRequest = { cwd: dir, inputs: ['docs/casts/**/*.cast'], outDir: 'img', options: { format: ['txt'] } };
    await batch(request);
    writeFileSync(join(dir, 'docs/casts/intro.cast'), castShowing(['intro, edited']));
    const edited = await batch(request);
    expect(statuses(edited.summary)).toEqual({
      'img/cli/deep/build.txt': 'unchanged',
      'img/cli/init.txt': 'unchanged',
      'img/intro.txt': 'rendered',
    });
    expect(screenText(join(dir, 'img/intro.txt'))).toEqual(['intro, edited']);

    const changedOption = await batch({ ...request, options: { format: ['txt'], cols: 3 } });
    expect(changedOption.summary.rendered).toBe(3);

    const again = { ...request, options: { format: ['txt' as const], cols: 3 } };
    (await import('node:fs')).rmSync(join(dir, 'img/cli/init.txt'));
    expect(statuses((await batch(again)).summary)['img/cli/init.txt']).toBe('rendered');
  });

  it('--shard i/n renders a stable part; the parts cover every input exactly once', async () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const dir = project(Object.fromEntries(names.map((n) => [`casts/${n}.cast`, castShowing([n])])));
    const seen: string[][] = [];
    for (const index of [1, 2, 3]) {
      const { summary } = await batch({ cwd: dir, inputs: ['casts/*.cast'], outDir: `shard${index}`, shard: `${index}/3`, options: { format: ['txt'] } });
      expect(summary.shard).toEqual({ index, total: 3 });
      seen.push(summary.inputs.map((i) => i.input));
      expect(files(join(dir, `shard${index}`)).filter((f) => f !== MANIFEST_FILE)).toEqual(summary.inputs.map((i) => i.input.replace(/^casts\/(.*)\.cast$/, '$1.txt')));
    }
    expect(seen.flat().sort()).toEqual(names.map((n) => `casts/${n}.cast`));
    expect(new Set(seen.flat()).size).toBe(names.length);
    expect(seen.map((s) => s.length)).toEqual([3, 2, 2]);
  });

  it('config file: defaults and per-glob overrides under the command line', async () => {
    const wide = castShowing(['abcdefghij'], 20, 3);
    const dir = project({
      'casts/plain.cast': wide,
      'casts/narrow/x.cast': wide,
      'cast2gif.config.json': JSON.stringify({
        format: 'txt',
        outDir: 'out',
        cols: 5,
        overrides: [{ files: 'casts/narrow/**', options: { cols: 4 } }],
      }),
    });
    const run = (extra: Partial<BatchRequest>) =>
      batch({ cwd: dir, inputs: ['casts/**/*.cast'], config: undefined, defaults: { cols: 12 }, ...extra });
    const first = await run({});
    expect(first.summary.status).toBe(0);
    expect(screenText(join(dir, 'out/plain.txt'))).toEqual(['abcde', 'fghij']);
    expect(screenText(join(dir, 'out/narrow/x.txt'))).toEqual(['abcd', 'efgh', 'ij']);
    await run({ options: { cols: 10 }, force: true });
    expect(screenText(join(dir, 'out/plain.txt'))).toEqual(['abcdefghij']);
    expect(screenText(join(dir, 'out/narrow/x.txt'))).toEqual(['abcdefghij']);
  });

  it('reads every recording format, and writes asciicast with the configured version', async () => {
    // A ttyrec record: seconds, microseconds, length (little-endian 32-bit), then the bytes.
    const record = (sec: number, text: string) => {
      const body = Buffer.from(text);
      const head = Buffer.alloc(12);
      head.writeUInt32LE(sec, 0);
      head.writeUInt32LE(body.length, 8);
      return Buffer.concat([head, body]);
    };
    const dir = project({ 'recs/a.cast': castShowing(['from asciicast']) });
    writeFileSync(join(dir, 'recs/b.ttyrec'), Buffer.concat([record(1, 'from '), record(2, 'ttyrec')]));
    writeFileSync(join(dir, 'cast2gif.config.json'), JSON.stringify({ castVersion: 3, overrides: [{ files: '*.ttyrec', options: { inputFormat: 'ttyrec', cols: 20, rows: 4 } }] }));
    const { summary } = await batch({ cwd: dir, inputs: ['recs/*'], outDir: 'out', config: undefined, options: { format: ['txt', 'cast'] } });
    expect(summary.status).toBe(0);
    expect(screenText(join(dir, 'out/a.txt'))).toEqual(['from asciicast']);
    expect(screenText(join(dir, 'out/b.txt'))).toEqual(['from ttyrec']);
    expect(JSON.parse(readFileSync(join(dir, 'out/b.cast'), 'utf8').split('\n')[0]!)).toMatchObject({ version: 3 });
  });

  it('limits from the config reach the renderer: too many frames fails that output alone', async () => {
    const dir = project({
      'casts/long.cast': castShowing(['one', 'two', 'three']),
      'casts/short.cast': `{"version": 2, "width": 10, "height": 2}\n[0.1, "o", "x"]\n`,
      'cast2gif.config.json': JSON.stringify({ limit: { frames: 2 } }),
    });
    const { summary } = await batch({ cwd: dir, inputs: ['casts/*.cast'], outDir: 'out', config: undefined, options: { format: ['svg'] } });
    expect(statuses(summary)).toEqual({ 'out/long.svg': 'failed', 'out/short.svg': 'rendered' });
    expect(summary.inputs[0]!.outputs[0]!.error).toMatch(/frames/);
  });

  it('a bad config stops the batch before anything is written', async () => {
    const dir = project({ 'a.cast': castShowing(['a']), 'cast2gif.config.json': '{"format": "txt", "colour": "red"}' });
    await expect(batch({ cwd: dir, inputs: ['*.cast'], config: undefined })).rejects.toThrow('cast2gif.config.json: colour: unknown option');
    expect(readdirSync(dir).sort()).toEqual(['a.cast', 'cast2gif.config.json']);
  });

  it('renders corpus casts to GIF, byte-identical with one job or several', async () => {
    const dir = project({});
    const { summary } = await batch({
      cwd: dir,
      inputs: [join(CORPUS, 'asciinema__asciinema/demo.cast'), join(CORPUS, 'nbedos__termtosvg/htop.cast')],
      outDir: 'out',
      options: { format: ['gif'] },
    });
    expect(summary.status).toBe(0);
    expect(files(join(dir, 'out'))).toEqual([MANIFEST_FILE, 'asciinema__asciinema/demo.gif', 'nbedos__termtosvg/htop.gif']);
    for (const [input, output] of summary.inputs.map((i) => [i.input, i.outputs[0]!] as const)) {
      const outputEvents = readFileSync(input, 'utf8').split('\n').filter((l) => /^\[[^,]+,\s*"o"/.test(l)).length;
      expect(output.frames).toBeGreaterThan(1);
      expect(output.frames).toBeLessThanOrEqual(outputEvents + 1);
    }
    for (const f of ['asciinema__asciinema/demo.gif', 'nbedos__termtosvg/htop.gif']) {
      expect(readFileSync(join(dir, 'out', f)).subarray(0, 6).toString('latin1')).toBe('GIF89a');
    }
    expect(existsSync(join(dir, 'out', MANIFEST_FILE))).toBe(true);

    // One worker or several, the same bytes.
    const serial = await batch({
      cwd: dir,
      inputs: [join(CORPUS, 'asciinema__asciinema/demo.cast'), join(CORPUS, 'nbedos__termtosvg/htop.cast')],
      outDir: 'serial',
      jobs: 1,
      options: { format: ['gif'] },
    });
    expect(serial.summary.rendered).toBe(2);
    for (const f of ['asciinema__asciinema/demo.gif', 'nbedos__termtosvg/htop.gif']) {
      expect(readFileSync(join(dir, 'serial', f)).equals(readFileSync(join(dir, 'out', f)))).toBe(true);
    }
  });
});

describe('--jobs beyond the cores', () => {
  it('runs at most one render per core, and says so', async () => {
    const { availableParallelism } = await import('node:os');
    const cores = availableParallelism();
    const dir = project({ 'a.cast': castShowing(['a']), 'b.cast': castShowing(['b']) });
    const { summary, log } = await batch({ cwd: dir, inputs: ['*.cast'], jobs: 1000, options: { format: ['txt'] } });
    expect(summary.status).toBe(0);
    expect(summary.jobs).toBe(cores);
    expect(log.split('\n')[0]).toBe(`warning: --jobs 1000 is more than the ${cores} CPU cores here; running ${cores} at once`);
    const within = await batch({ cwd: dir, inputs: ['*.cast'], jobs: 1, force: true, options: { format: ['txt'] } });
    expect(within.log).not.toMatch(/CPU cores/);
  });
});
