import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { commanderLayers, configuredOptionValues, isBatchInvocation } from '../../src/cli/batch-command.js';
import { toRenderOptions } from '../../src/render/options.js';
import { parsed } from './parsed.js';

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
