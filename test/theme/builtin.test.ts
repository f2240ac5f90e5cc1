import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { THEMES_DIR, closeThemeNames, getTheme, listThemes } from '../../src/theme/builtin.js';
import { contrastRatio, luminance } from '../../src/theme/rgb.js';
import { themeFromJson } from '../../src/theme/schema.js';

/** Light themes whose names do not say so. */
const LIGHT_BY_NAME = new Set(['tomorrow']);

const files = readdirSync(new URL('../../themes/', import.meta.url)).filter((f) => f.endsWith('.json'));

describe('built-in theme files', () => {
  it('every file in themes/ is listed, and nothing else', () => {
    expect(listThemes()).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort());
  });

  for (const file of files) {
    describe(file, () => {
      const raw = JSON.parse(readFileSync(new URL(`../../themes/${file}`, import.meta.url), 'utf8'));
      it('passes the schema and its name matches the file', () => {
        const theme = themeFromJson(raw, file);
        expect(`${theme.name}.json`).toBe(file);
        expect(theme.palette).toHaveLength(16);
      });
      it('has a readable foreground on its background (catches swapped values)', () => {
        const theme = getTheme(raw.name);
        expect(contrastRatio(theme.foreground, theme.background)).toBeGreaterThanOrEqual(4);
      });
      it('says where its colours come from', () => {
        expect(raw.source.length).toBeGreaterThan(10);
      });
      it('is light exactly when its name says so (catches swapped background and foreground)', () => {
        const theme = getTheme(raw.name);
        const namedLight = /light|latte|dawn|day/.test(theme.name) || LIGHT_BY_NAME.has(theme.name);
        expect(luminance(theme.background) > luminance(theme.foreground)).toBe(namedLight);
      });
    });
  }
});

describe('the built-in set', () => {
  it('has at least 40 themes, every one of agg\'s among them', () => {
    const names = listThemes();
    expect(names.length).toBeGreaterThanOrEqual(40);
    for (const agg of ['asciinema', 'dracula', 'github-dark', 'github-light', 'kanagawa', 'kanagawa-dragon', 'kanagawa-light',
      'monokai', 'nord', 'solarized-dark', 'solarized-light', 'gruvbox-dark']) {
      expect(names).toContain(agg);
    }
  });
  it('has the other popular families', () => {
    for (const name of ['gruvbox-light', 'one-dark', 'one-light', 'tokyo-night', 'tokyo-night-day', 'tokyo-night-storm',
      'catppuccin-latte', 'catppuccin-frappe', 'catppuccin-macchiato', 'catppuccin-mocha', 'rose-pine', 'rose-pine-moon',
      'rose-pine-dawn', 'everforest-dark', 'everforest-light', 'material', 'ayu-dark', 'ayu-light', 'ayu-mirage', 'night-owl',
      'tango-dark', 'tango-light', 'xterm', 'vs-code-dark', 'vs-code-light']) {
      expect(() => getTheme(name), name).not.toThrow();
    }
  });
  it('gruvbox-dark is dark: agg swapped its background and foreground, we do not', () => {
    expect(getTheme('gruvbox-dark')).toMatchObject({ background: 0x282828, foreground: 0xebdbb2 });
  });
  it('aliases lead to their theme', () => {
    expect(getTheme('one-light').name).toBe('one-half-light');
    expect(getTheme('vscode').name).toBe('vs-code-dark');
    expect(getTheme('Rosé Pine').name).toBe('rose-pine');
    expect(getTheme('catppuccin').name).toBe('catppuccin-mocha');
  });
});

describe('theme schema', () => {
  const good = {
    name: 'x', source: 'somewhere public', background: '#000000', foreground: '#ffffff',
    palette: new Array(16).fill('#123456'),
  };
  it('accepts a minimal theme', () => {
    expect(themeFromJson(good, 'x.json')).toMatchObject({ name: 'x', background: 0, foreground: 0xffffff });
  });
  it.each([
    ['a short palette', { ...good, palette: ['#000000'] }, /16 colours/],
    ['a bad colour', { ...good, background: 'black' }, /"background"/],
    ['a three-digit colour', { ...good, foreground: '#fff' }, /"foreground"/],
    ['an unknown field', { ...good, colour: 1 }, /unknown field "colour"/],
    ['no source', { ...good, source: '' }, /source/],
    ['an upper-case name', { ...good, name: 'Dracula' }, /name/],
    ['a bad palette entry', { ...good, palette: [...good.palette.slice(1), '#12345'] }, /palette\[15\]/],
  ])('rejects %s', (_, data, message) => {
    expect(() => themeFromJson(data, 'x.json')).toThrow(message);
  });
});

describe('getTheme', () => {
  it('finds themes case-insensitively, with spaces or underscores for dashes', () => {
    expect(getTheme('Dracula').name).toBe('dracula');
    expect(getTheme('DRACULA').background).toBe(0x282a36);
    expect(getTheme('asciinema').palette[1]).toBe(0xdd3c69);
  });
  it('names close themes when the name is unknown', () => {
    expect(() => getTheme('draculla')).toThrow(/Unknown theme "draculla"; did you mean dracula\?/);
    expect(closeThemeNames('asciinem')).toContain('asciinema');
  });
  it('points to --list-themes when nothing is close', () => {
    expect(() => getTheme('zzzzzzzzzzzzzz')).toThrow(/; --list-themes shows all 51 built-in themes$/);
  });
  it('themes dir resolves to the package root', () => {
    expect(THEMES_DIR.endsWith('/themes/')).toBe(true);
  });
});

describe('a theme asked for by name before the catalogue is loaded', () => {
  it('is read from its own file and equals the catalogue entry, under every spelling', async () => {
    vi.resetModules();
    const fresh = await import('../../src/theme/builtin.js');
    const names = readdirSync(THEMES_DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length));
    const alone = names.map((n) => fresh.findTheme(n.toUpperCase().replace(/-/g, '_')));
    // Only now is every file read, with the checks on names and aliases.
    expect(fresh.listThemes()).toEqual([...names].sort());
    names.forEach((n, i) => expect(alone[i], n).toEqual(fresh.findTheme(n)));
    expect(alone.every((t) => t !== undefined)).toBe(true);
  });

  it('still finds aliases and refuses unknown names', async () => {
    vi.resetModules();
    const fresh = await import('../../src/theme/builtin.js');
    expect(fresh.findTheme('Ayu')?.name).toBe('ayu-dark');
    expect(fresh.findTheme('no-such-theme')).toBeUndefined();
    expect(() => fresh.getTheme('../package')).toThrow(/Unknown theme/);
  });
});
