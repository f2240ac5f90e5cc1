import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/batch/config.js';
import { commanderLayers, commandValues } from '../../src/cli/batch-command.js';
import { buildProgram } from '../../src/cli/program.js';
import { checkOption, isOptionName, optionEntries } from '../../src/options/option-values.js';
import { OPTION_GROUPS } from '../../src/options/schema.js';
import { lookFor } from '../../src/render/look.js';
import { toRenderOptions } from '../../src/render/options.js';

const program = (args: string[]): Command =>
  buildProgram({ name: 'cast2gif', version: '0', defaultFormat: 'gif' })
    .exitOverride()
    .configureOutput({ writeErr: () => {} })
    .parse(['in.cast', ...args], { from: 'user' });

/** The long flag of a schema entry: `-f, --format <format>` -> `--format`. */
const longFlag = (flag: string): string => /--[a-z0-9-]+/.exec(flag)![0];

/** How a flag's value comes out of commander, or the message it refuses it with. */
function viaFlag(flag: string, text: string): { value: unknown } | { refused: string } {
  try {
    const name = longFlag(flag).slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    return { value: (commandValues(program([longFlag(flag), text])) as Record<string, unknown>)[name] };
  } catch (error) {
    return { refused: (error as Error).message.replace(/^error: option '[^']*' argument '[^']*' is invalid\. /, '') };
  }
}

/** How a config file's value comes out of the config reader, or the message it refuses it with. */
function viaConfig(name: string, value: unknown): { value: unknown } | { refused: string } {
  try {
    return { value: (parseConfig({ [name]: value }, 'c.json').options as Record<string, unknown>)[name] };
  } catch (error) {
    return { refused: (error as Error).message.replace(`c.json: ${name}: `, '') };
  }
}

/** Texts a user might type for any option: good for some, bad for others. */
const SAMPLES = ['0', '1', '2', '3', '-1', '1.5', '1e3', '', ' ', 'x', '2000', '2001', '101', '#112233', 'red', 'gif', 'gif,svg', 'svg,GIF,svg', 'bmp', 'marker:a', 'marker:', 'frames=5', 'cols=2001', 'area=5', 'colorful', 'ttyrec', '5MB', '4,8', '1,2,3', 'a.ttf'];

describe('the option schema', () => {
  it('gives every option a flag, help, a group, where the config may set it, and whether it shapes the output', () => {
    for (const [name, spec] of optionEntries()) {
      expect(spec.flag, name).toMatch(/^(-[a-z], )?--[a-z][a-z0-9-]*( <[^>]+>)?$/);
      const help = typeof spec.help === 'function' ? spec.help({ defaultFormat: 'gif' }) : spec.help;
      expect(help.length, name).toBeGreaterThan(10);
      expect(Object.keys(OPTION_GROUPS), name).toContain(spec.group);
      expect(['options', 'top', false], name).toContain(spec.config);
      expect(typeof spec.output, name).toBe('boolean');
      // A switch takes no value; every other flag takes one and has a reader for it.
      expect(spec.parse === undefined, name).toBe(!spec.flag.includes('<'));
    }
  });

  it('names each option as commander names its flag, so a flag moves into the config file unchanged', () => {
    const attributes = new Map(program([]).options.map((option) => [option.long, option.attributeName()]));
    for (const [name, spec] of optionEntries()) expect(attributes.get(longFlag(spec.flag)), spec.flag).toBe(name);
  });

  it('has defaults its own readers accept, and they are what commander fills in', () => {
    const defaults = commanderLayers(program([])).defaults as Record<string, unknown>;
    const given = commandValues(program([])) as Record<string, unknown>;
    for (const [name, spec] of optionEntries()) {
      if (spec.default === undefined) {
        expect(given[name], name).toBeUndefined();
        continue;
      }
      expect(checkOption(name, spec.default), name).toEqual(spec.default);
      expect(given[name], name).toEqual(spec.default);
      if (isOptionName(name)) expect(defaults[name], name).toEqual(spec.default);
    }
  });

  it('lets the command line and the config file accept the same values, read alike', () => {
    let compared = 0;
    for (const [name, spec] of optionEntries()) {
      if (spec.config !== 'options' || spec.parse === undefined) continue;
      for (const text of SAMPLES) {
        const flag = viaFlag(spec.flag, text);
        expect(viaConfig(name, text), `${spec.flag} ${JSON.stringify(text)}`).toEqual(flag);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('reads switches alike: --X is X: true, --no-X is X: false or noX: true', () => {
    for (const [name, spec] of optionEntries()) {
      if (spec.config !== 'options') continue;
      const off = spec.off?.flag ?? (spec.flag.startsWith('--no-') ? spec.flag : undefined);
      if (off !== undefined) {
        const key = `no${name[0]!.toUpperCase()}${name.slice(1)}`;
        expect((commandValues(program([off])) as Record<string, unknown>)[name], off).toBe(false);
        expect((parseConfig({ [key]: true }, 'c.json').options as Record<string, unknown>)[name], key).toBe(false);
        expect(viaConfig(name, false), name).toEqual({ value: false });
      }
      if (spec.parse === undefined && off === undefined) {
        expect((commandValues(program([spec.flag])) as Record<string, unknown>)[name], spec.flag).toBe(true);
        expect(viaConfig(name, true), name).toEqual({ value: true });
        expect(viaConfig(name, 'yes'), name).toEqual({ refused: 'expected true or false' });
      }
    }
  });

  it('keeps options of the command itself out of the config file and out of renders', () => {
    for (const [name, spec] of optionEntries()) {
      if (spec.config === 'options') continue;
      expect(() => parseConfig({ overrides: [{ files: '*', options: { [name]: spec.default ?? 'x' } }] }, 'c.json'), name).toThrow(/unknown option/);
      expect(toRenderOptions({ [name]: spec.default ?? 'x' } as never, 'gif'), name).toEqual({ format: 'gif' });
    }
  });

  it('hands every option of a render to the renderer, and every look option on to both picture renderers', () => {
    const cast = { header: { version: 2 as const, cols: 10, rows: 2 }, events: (async function* () {})() };
    for (const [name, spec] of optionEntries()) {
      if (spec.use !== 'look' && spec.use !== 'render') continue;
      // A value the option takes that differs from its default: the reader's answer to a sample.
      const value = SAMPLES.map((text) => viaConfig(name, text)).find((r) => 'value' in r && r.value !== spec.default) ?? { value: true };
      expect('value' in value, name).toBe(true);
      const given = (value as { value: unknown }).value;
      const options = toRenderOptions({ [name]: given }, 'gif') as unknown as Record<string, unknown>;
      const key = spec.renderAs ?? name;
      expect(options[key], name).toEqual(spec.toRender ? spec.toRender(given) : given);
      if (spec.use !== 'look' || ['theme', 'darkTheme', 'marginColor', 'fontFiles', 'alt'].includes(key)) continue;
      expect((lookFor(cast, options as never) as Record<string, unknown>)[key], name).toEqual(given);
    }
  });
});
