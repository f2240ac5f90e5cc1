import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { commanderLayers, isBatchInvocation } from '../../src/batch/command.js';
import { buildProgram } from '../../src/cli/program.js';

const parsed = (args: string[]): Command => {
  const program = buildProgram({ name: 'cast2gif', version: '0', defaultFormat: 'gif' }).exitOverride();
  return program.parse(args, { from: 'user' });
};

describe('command-line glue', () => {
  it('separates what the user typed from the defaults', () => {
    const { defaults, explicit } = commanderLayers(parsed(['a.cast', '--speed', '2', '--theme', 'dracula', '-f', 'svg', '--no-loop']));
    expect(explicit).toEqual({ speed: 2, theme: 'dracula', format: ['svg'], loop: false });
    expect(defaults).toMatchObject({ fontSize: 14, fpsCap: 30, lastFrameDuration: 3, cursor: true, window: 'colorful' });
    expect(defaults).not.toHaveProperty('loop');
    expect(defaults).not.toHaveProperty('speed');
  });

  it('accepts a format list where the program allows one', () => {
    const program = new Command().option('--format <f>').option('--speed <n>', 'speed', Number, 1).exitOverride();
    program.parse(['--format', 'gif,svg'], { from: 'user' });
    expect(commanderLayers(program)).toEqual({ defaults: { speed: 1 }, explicit: { format: ['gif', 'svg'] } });
  });

  it('tells batch invocations from single-file ones', () => {
    expect(isBatchInvocation(['a.cast'], {})).toBe(false);
    expect(isBatchInvocation(['a.cast', 'a.gif'], {})).toBe(false);
    expect(isBatchInvocation(['-', 'out.svg'], {})).toBe(false);
    expect(isBatchInvocation(['a.cast', 'out'], { format: 'gif' })).toBe(false);
    expect(isBatchInvocation(['a.cast', 'out[1].gif'], {})).toBe(false);
    expect(isBatchInvocation(['a.cast', 'b.cast'], {})).toBe(true);
    expect(isBatchInvocation(['a.cast', 'more/*'], {})).toBe(true);
    expect(isBatchInvocation(['*.cast', 'out.gif'], {})).toBe(true);
    expect(isBatchInvocation(['a.cast', 'b.cast', 'c.cast'], {})).toBe(true);
    expect(isBatchInvocation(['docs/**/*.cast'], {})).toBe(true);
    expect(isBatchInvocation(['a.cast'], { outDir: 'img' })).toBe(true);
    expect(isBatchInvocation(['a.cast'], { format: 'gif,svg' })).toBe(true);
    expect(isBatchInvocation(['a.cast'], { format: 'gif' })).toBe(false);
    expect(isBatchInvocation(['a.cast'], { shard: '1/2' })).toBe(true);
  });
});

describe('--format lists', () => {
  it('validates a comma-separated list for commander', async () => {
    const { formatListArgument } = await import('../../src/batch/command.js');
    expect(formatListArgument('gif,svg')).toBe('gif,svg');
    expect(formatListArgument('txt')).toBe('txt');
    expect(() => formatListArgument('gif,bmp')).toThrow(/expected formats among gif, svg, png, txt/);
    expect(() => formatListArgument('')).toThrow(/expected formats among/);
  });
});
