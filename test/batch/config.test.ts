import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { loadConfig, optionsFor, parseConfig } from '../../src/batch/config.js';
import { toRenderOptions } from '../../src/render/options.js';

const dirWith = (files: Record<string, unknown>): string => {
  const dir = tempDir('config');
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
};

describe('config files', () => {
  it('reads cast2gif.config.json', () => {
    const dir = dirWith({ 'cast2gif.config.json': { theme: 'dracula', format: 'gif,svg', outDir: 'img', jobs: 2 } });
    const config = loadConfig(dir)!;
    expect(config.source).toBe('cast2gif.config.json');
    expect(config.options).toEqual({ theme: 'dracula', format: ['gif', 'svg'] });
    expect(config.outDir).toBe('img');
    expect(config.jobs).toBe(2);
  });

  it('reads the "cast2gif" key of package.json, and nothing when there is none', () => {
    expect(loadConfig(dirWith({ 'package.json': { name: 'x', cast2gif: { fontSize: 20 } } }))!.options).toEqual({ fontSize: 20 });
    expect(loadConfig(dirWith({ 'package.json': { name: 'x' } }))).toBeUndefined();
    expect(loadConfig(dirWith({}))).toBeUndefined();
  });

  it('refuses both at once', () => {
    const dir = dirWith({ 'cast2gif.config.json': {}, 'package.json': { cast2gif: {} } });
    expect(() => loadConfig(dir)).toThrow(/both cast2gif.config.json and package.json/);
  });

  it('an unknown key is an error naming the key and the file', () => {
    expect(() => loadConfig(dirWith({ 'cast2gif.config.json': { fontSzie: 12 } }))).toThrow(
      'cast2gif.config.json: fontSzie: unknown option',
    );
    expect(() => loadConfig(dirWith({ 'package.json': { cast2gif: { overrides: [{ files: '*.cast', options: { colour: 1 } }] } } }))).toThrow(
      'package.json#cast2gif: overrides[0].options.colour: unknown option',
    );
    expect(() => parseConfig({ overrides: [{ files: 'a', options: {}, extra: 1 }] }, 'c.json')).toThrow(
      'c.json: overrides[0].extra: unknown key',
    );
    expect(() => parseConfig({ overrides: [{ files: 'a', options: { jobs: 2 } }] }, 'c.json')).toThrow(
      'c.json: overrides[0].options.jobs: unknown option',
    );
  });

  it('a bad value is an error naming the key', () => {
    expect(() => parseConfig({ fontSize: -1 }, 'c.json')).toThrow('c.json: fontSize: expected a number above 0');
    expect(() => parseConfig({ format: 'gif,bmp' }, 'c.json')).toThrow(/c.json: format: expected formats among/);
    expect(() => parseConfig({ window: 'round' }, 'c.json')).toThrow(/c.json: window: expected one of/);
    expect(() => parseConfig({ from: 'soon' }, 'c.json')).toThrow(/c.json: from: /);
    expect(() => parseConfig({ jobs: 0 }, 'c.json')).toThrow('c.json: jobs: expected a whole number above 0');
    expect(() => parseConfig({ inputFormat: 'vhs' }, 'c.json')).toThrow(/c.json: inputFormat: expected one of asciicast, ttyrec/);
    expect(() => parseConfig({ castVersion: 1 }, 'c.json')).toThrow('c.json: castVersion: expected 2 or 3');
    expect(() => parseConfig({ limit: { area: 5 } }, 'c.json')).toThrow(/c.json: limit: unknown limit "area"/);
    expect(parseConfig({ limit: { frames: 10, svgBytes: 2 } }, 'c.json').options).toEqual({ limit: { frames: 10, svgBytes: 2 * 1024 * 1024 } });
    expect(() => parseConfig({ overrides: [{ files: [], options: {} }] }, 'c.json')).toThrow(/overrides\[0\].files/);
    expect(() => loadConfig(dirWith({ 'cast2gif.config.json': '{ nope' }))).toThrow(/cast2gif.config.json: cannot be read as JSON/);
  });

  it('precedence: defaults < config < matching overrides in order < command line', () => {
    const config = parseConfig(
      {
        speed: 2,
        theme: 'dracula',
        fontSize: 16,
        overrides: [
          { files: 'docs/slow/**', options: { speed: 0.5, fontSize: 18 } },
          { files: '*-big.cast', options: { fontSize: 24 } },
        ],
      },
      'c.json',
    );
    const defaults = { speed: 1, fontSize: 14, fpsCap: 30 };
    const explicit = { theme: 'asciinema' };
    expect(optionsFor('docs/a.cast', { defaults, config, explicit })).toEqual({ speed: 2, fontSize: 16, fpsCap: 30, theme: 'asciinema' });
    expect(optionsFor('docs/slow/a.cast', { defaults, config, explicit })).toEqual({ speed: 0.5, fontSize: 18, fpsCap: 30, theme: 'asciinema' });
    // A glob without `/` matches the name in any folder; the later override wins.
    expect(optionsFor('docs/slow/x-big.cast', { defaults, config, explicit: {} })).toEqual({ speed: 0.5, fontSize: 24, fpsCap: 30, theme: 'dracula' });
    expect(optionsFor('docs/slow/x-big.cast', { defaults, config, explicit: { fontSize: 10 } }).fontSize).toBe(10);
  });

  it('override globs: a name glob matches in any folder, hidden ones too; one with / matches from the config folder', () => {
    const config = parseConfig(
      {
        overrides: [
          { files: '*.{cast,json}', options: { speed: 2 } },
          { files: './docs/*.cast', options: { fontSize: 20 } },
        ],
      },
      'c.json',
    );
    expect(optionsFor('.github/casts/a.cast', { config })).toEqual({ speed: 2 });
    expect(optionsFor('a.json', { config })).toEqual({ speed: 2 });
    expect(optionsFor('.a.cast', { config })).toEqual({});
    expect(optionsFor('docs/a.cast', { config })).toEqual({ speed: 2, fontSize: 20 });
    expect(optionsFor('site/docs/a.cast', { config })).toEqual({ speed: 2 });
  });

  it('maps option values to render options', () => {
    expect(toRenderOptions({ loop: false, fontFile: ['a.ttf'], at: 'marker:intro', padding: [1, 2] }, 'svg')).toEqual({
      format: 'svg',
      loop: 1,
      fontFiles: ['a.ttf'],
      at: { marker: 'intro' },
      padding: [1, 2],
    });
    expect(parseConfig({ padding: 4, fontFile: 'x.ttf', at: 2.5 }, 'c').options).toEqual({ padding: [4, 4], fontFile: ['x.ttf'], at: '2.5' });
  });
});

describe('config keys as the README names them: the flags in camelCase', () => {
  it('noCursor, noBorder, noLoop and noBoldIsBright turn their option off, as the flags do', () => {
    const config = parseConfig({ noCursor: true, noBorder: true, noLoop: true, noBoldIsBright: true }, 'c.json');
    expect(config.options).toEqual({ cursor: false, border: false, loop: false, boldIsBright: false });
    expect(toRenderOptions(config.options, 'gif')).toMatchObject({ cursor: false, border: false, loop: 1, boldIsBright: false });
    expect(parseConfig({ noCursor: false }, 'c.json').options).toEqual({});
    expect(() => parseConfig({ noCursor: 'yes' }, 'c.json')).toThrow('c.json: noCursor: expected true or false');
    expect(() => parseConfig({ noLoop: true, loop: 2 }, 'c.json')).toThrow('c.json: noLoop: conflicts with "loop": give one of them');
    expect(parseConfig({ overrides: [{ files: '*.cast', options: { noBorder: true } }] }, 'c.json').overrides[0]!.options).toEqual({ border: false });
  });

  it('takes numbers as text too, as the flags do', () => {
    expect(parseConfig({ speed: '2', cols: '100', loop: '3', idleTimeLimit: '0.5', jobs: '2', padding: '4,8' }, 'c.json')).toMatchObject({
      options: { speed: 2, cols: 100, loop: 3, idleTimeLimit: 0.5, padding: [4, 8] },
      jobs: 2,
    });
    expect(() => parseConfig({ speed: 'fast' }, 'c.json')).toThrow('c.json: speed: expected a number above 0');
    expect(() => parseConfig({ speed: '' }, 'c.json')).toThrow('c.json: speed: expected a number above 0');
    expect(() => parseConfig({ jobs: 'two' }, 'c.json')).toThrow('c.json: jobs: expected a whole number above 0');
  });
});
