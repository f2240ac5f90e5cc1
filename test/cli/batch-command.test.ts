import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { commanderLayers, configuredOptionValues, isBatchInvocation, runBatchCommand } from '../../src/cli/batch-command.js';
import { buildProgram } from '../../src/cli/program.js';
import { toRenderOptions } from '../../src/render/options.js';

const parsed = (args: string[]): Command => {
  const program = buildProgram({ name: 'cast2gif', version: '0', defaultFormat: 'gif' }).exitOverride().configureOutput({ writeErr: () => {} });
  return program.parse(args, { from: 'user' });
};

describe('command-line glue', () => {
  it('separates what the user typed from the defaults', () => {
    const { defaults, explicit } = commanderLayers(parsed(['a.cast', '--speed', '2', '--theme', 'dracula', '-f', 'svg', '--no-loop']));
    expect(explicit).toEqual({ speed: 2, theme: 'dracula', format: ['svg'], loop: false });
    expect(defaults).toMatchObject({ fontSize: 14, fpsCap: 30, lastFrameDuration: 3, cursor: true, window: 'colorful' });
    expect(defaults).not.toHaveProperty('loop');
    const limited = commanderLayers(parsed(['a.cast', '--limit', 'frames=5', '--limit', 'svgBytes=1']));
    expect(limited.explicit).toEqual({ limit: { frames: 5, svgBytes: 1024 * 1024 } });
    expect(defaults).not.toHaveProperty('speed');
  });

  it('reads -f as a list of formats, in the order given, without repeats', () => {
    expect(commanderLayers(parsed(['a.cast', '-f', 'svg,GIF,svg'])).explicit).toEqual({ format: ['svg', 'gif'] });
    expect(() => parsed(['a.cast', '-f', 'gif,bmp'])).toThrow(/expected formats among gif, svg, png, txt/);
    expect(() => parsed(['a.cast', '-f', ''])).toThrow(/expected formats among/);
  });

  it('tells batch invocations from single-file ones', () => {
    expect(isBatchInvocation(['a.cast'], {})).toBe(false);
    expect(isBatchInvocation(['a.cast', 'a.gif'], {})).toBe(false);
    expect(isBatchInvocation(['-', 'out.svg'], {})).toBe(false);
    expect(isBatchInvocation(['a.cast', 'out'], { format: ['gif'] })).toBe(false);
    expect(isBatchInvocation(['a.cast', 'out[1].gif'], {})).toBe(false);
    const exists = { exists: () => true };
    expect(isBatchInvocation(['a.cast', 'b.cast'], {}, exists)).toBe(true);
    // A second recording name that does not exist yet can only be the output (cast2gif x out.cast).
    expect(isBatchInvocation(['a.cast', 'b.cast'], {}, { exists: () => false })).toBe(false);
    expect(isBatchInvocation(['a.ttyrec', 'b.json'], {}, { exists: (p) => p !== 'b.json' })).toBe(false);
    // An existing one is overwritten only when the command asks for a cast.
    expect(isBatchInvocation(['a.cast', 'b.cast'], {}, { ...exists, castOutput: true })).toBe(false);
    expect(isBatchInvocation(['a.cast', 'more/*'], {})).toBe(true);
    expect(isBatchInvocation(['*.cast', 'out.gif'], {})).toBe(true);
    expect(isBatchInvocation(['a.cast', 'b.cast', 'c.cast'], {})).toBe(true);
    expect(isBatchInvocation(['a.cast', 'b.yml'], {}, exists)).toBe(true);
    expect(isBatchInvocation(['docs/**/*.cast'], {})).toBe(true);
    expect(isBatchInvocation(['a.cast'], { outDir: 'img' })).toBe(true);
    expect(isBatchInvocation(['a.cast'], { format: ['gif', 'svg'] })).toBe(true);
    expect(isBatchInvocation(['a.cast'], { format: ['gif'] })).toBe(false);
    // A glob naming outputs of any format is the output, not more inputs.
    expect(isBatchInvocation(['a.cast', 'out[1].webp'], {})).toBe(false);
    expect(isBatchInvocation(['a.cast'], { shard: '1/2' })).toBe(true);
  });
});

describe('the batch command', () => {
  const run = async (args: string[], cwd: string) => {
    const program = parsed(args);
    let out = '';
    let err = '';
    const stdout = new PassThrough().on('data', (c: Buffer) => (out += c.toString()));
    const stderr = new PassThrough().on('data', (c: Buffer) => (err += c.toString()));
    const status = await runBatchCommand(program, { defaultFormat: 'gif', cwd, stdout, stderr, env: { CI: '1' } });
    return { status, out, err };
  };

  it('runs from parsed flags: globs, --out-dir, -f, --jobs, --json', async () => {
    const dir = tempDir('command');
    mkdirSync(join(dir, 'casts/sub'), { recursive: true });
    writeFileSync(join(dir, 'casts/a.cast'), '{"version": 2, "width": 10, "height": 2}\n[0.1, "o", "one"]\n');
    writeFileSync(join(dir, 'casts/sub/b.cast'), '{"version": 2, "width": 10, "height": 2}\n[0.1, "o", "two"]\n');
    const { status, out, err } = await run(['casts/**/*.cast', '--out-dir', 'img', '-f', 'txt', '--jobs', '2', '--json'], dir);
    expect(status).toBe(0);
    expect(readFileSync(join(dir, 'img/a.txt'), 'utf8').trimEnd()).toBe('one');
    expect(readFileSync(join(dir, 'img/sub/b.txt'), 'utf8').trimEnd()).toBe('two');
    expect(JSON.parse(out)).toMatchObject({ status: 0, rendered: 2, jobs: 2 });
    expect(err).toMatch(/^2 inputs, 2 outputs: 2 rendered, 0 unchanged, 0 failed/m);
  });

  it('refuses a bad --shard and an output file in a batch', async () => {
    const dir = tempDir('command');
    writeFileSync(join(dir, 'a.cast'), '{"version": 2, "width": 10, "height": 2}\n');
    await expect(run(['a.cast', '--shard', '3/2'], dir)).rejects.toThrow(/--shard: expected i\/n/);
    await expect(run(['*.cast', 'out.gif'], dir)).rejects.toThrow(/"out.gif": an output file cannot be named in a batch/);
    await expect(run(['*.cast', 'b.cast', 'out.webp'], dir)).rejects.toThrow(/"out.webp": an output file cannot be named in a batch/);
  });
});

describe('the one-file form with a config file', () => {
  it('applies config defaults and overrides under the typed flags', async () => {
    const dir = tempDir('single');
    writeFileSync(
      join(dir, 'cast2gif.config.json'),
      JSON.stringify({ theme: 'dracula', speed: 2, overrides: [{ files: 'slow/*.cast', options: { speed: 0.5, fontSize: 20 } }] }),
    );
    const configuredRenderOptions = (args: string[], format: 'gif' | 'svg') => toRenderOptions(configuredOptionValues(parsed(args), args[0]!, dir), format);
    expect(configuredRenderOptions(['a.cast'], 'gif')).toMatchObject({ format: 'gif', theme: 'dracula', speed: 2, fontSize: 14 });
    expect(configuredRenderOptions(['slow/b.cast'], 'svg')).toMatchObject({ format: 'svg', speed: 0.5, fontSize: 20 });
    expect(configuredRenderOptions(['slow/b.cast', '--speed', '3'], 'svg')).toMatchObject({ speed: 3, fontSize: 20 });
  });
});
