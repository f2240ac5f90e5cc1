import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { detectThemeFormat, importThemeFile, parseThemeText } from '../../src/theme/formats/index.js';
import { resolveTheme } from '../../src/theme/resolve.js';
import { getTheme } from '../../src/theme/builtin.js';
import { ANSI_NAMES } from '../../src/theme/formats/colorset.js';

const fixture = (name: string): string => new URL(`fixtures/${name}`, import.meta.url).pathname;

/** The colours every full-scheme fixture defines, each in its own format's notation. */
const EXPECTED = {
  background: 0x1c1e26,
  foreground: 0xd5d8da,
  cursor: 0xe95678,
  selection: 0x2e303e,
  palette: [
    0x16161c, 0xe95678, 0x29d398, 0xfab795, 0x26bbd9, 0xee64ac, 0x59e1e3, 0xd5d8da,
    0x6c6f93, 0xec6a88, 0x3fdaa4, 0xfbc3a7, 0x3fc4de, 0xf075b5, 0x6be4e6, 0xf9fafb,
  ],
};

describe.each([
  ['fixture.itermcolors', 'itermcolors', 'fixture'],
  ['fixture-windows-terminal.json', 'windows-terminal', 'Fixture Scheme'],
  ['fixture-wt-settings.json', 'windows-terminal', 'Fixture Scheme'],
  ['fixture-alacritty.toml', 'alacritty-toml', 'fixture-alacritty'],
  ['fixture-alacritty.yml', 'alacritty-yaml', 'fixture-alacritty'],
  ['fixture-kitty.conf', 'kitty', 'fixture-kitty'],
  ['fixture.Xresources', 'xresources', 'fixture'],
])('%s', (file, format, name) => {
  it(`is detected as ${format} by content`, () => {
    expect(detectThemeFormat(readFixture(file))).toBe(format);
  });
  it('gives exactly the colours it defines', () => {
    expect(importThemeFile(fixture(file))).toEqual({ name, ...EXPECTED, source: fixture(file) });
  });
  it('is picked up by resolveTheme from a relative path', () => {
    expect(resolveTheme(`fixtures/${file}`, undefined, { cwd: new URL('.', import.meta.url).pathname }).palette).toEqual(EXPECTED.palette);
  });
});

function readFixture(file: string): string {
  return readFileSync(fixture(file), 'utf8');
}

describe('base16 / base24 schemes', () => {
  const base16Palette = [
    0x101112, 0xa00000, 0x00a000, 0xa0a000, 0x0000a0, 0xa000a0, 0x00a0a0, 0xd0d1d2,
    0x404142, 0xa00000, 0x00a000, 0xa0a000, 0x0000a0, 0xa000a0, 0x00a0a0, 0xf0f1f2,
  ];
  it.each([
    ['fixture-base16-legacy.yaml', 'Fixture Legacy'],
    ['fixture-base16.yaml', 'Fixture Tinted'],
  ])('%s uses the base16 terminal mapping', (file, name) => {
    const t = importThemeFile(fixture(file));
    expect(detectThemeFormat(readFixture(file))).toBe('base16');
    expect(t).toMatchObject({ name, background: 0x101112, foreground: 0xd0d1d2, selection: 0x303132 });
    expect(t.palette).toEqual(base16Palette);
  });
  it('base24 takes black/white from base01/base06 and the bright colours from base12-17', () => {
    const t = importThemeFile(fixture('fixture-base24.yaml'));
    expect(t).toMatchObject({ name: 'Fixture Base24', background: 0x101112, foreground: 0xd0d1d2 });
    expect(t.palette).toEqual([
      0x202122, 0xa00000, 0x00a000, 0xa0a000, 0x0000a0, 0xa000a0, 0x00a0a0, 0xe0e1e2,
      0x303132, 0xff2020, 0x20ff20, 0xffff20, 0x2020ff, 0xff20ff, 0x20ffff, 0xf0f1f2,
    ]);
  });
});

describe('import errors', () => {
  const dir = tempDir('theme');
  const write = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  it('an unrecognised file names the supported formats', () => {
    expect(() => importThemeFile(write('notes.txt', 'hello world\n'))).toThrow(/not a theme file .*iTerm2.*kitty/);
  });
  it('a missing file is reported as a file problem', () => {
    expect(() => resolveTheme(join(dir, 'nope.itermcolors'))).toThrow(/nope\.itermcolors: no such theme file$/);
    expect(() => resolveTheme('themes/nope.json', undefined, { cwd: dir })).toThrow(/nop[^:]*: no such theme file$/);
  });
  it('an incomplete scheme lists what it lacks', () => {
    const path = write('half.conf', 'foreground #ffffff\ncolor0 #000000\ncolor1 #ff0000\n');
    expect(() => importThemeFile(path)).toThrow(/kitty theme lacks background, colour 2, colour 3, colour 4, colour 5, colour 6, colour 7$/);
  });
  it('a scheme with some but not all bright colours is rejected', () => {
    const lines = ['foreground #ffffff', 'background #000000', ...Array.from({ length: 9 }, (_, i) => `color${i} #0000${i}0`)];
    expect(() => importThemeFile(write('partial.conf', lines.join('\n')))).toThrow(/lacks colour 9, colour 10/);
  });
  it('an 8-colour scheme repeats its colours as the bright ones', () => {
    const lines = ['*foreground: #ffffff', '*background: #000000', ...Array.from({ length: 8 }, (_, i) => `*color${i}: #0000${i}0`)];
    const t = importThemeFile(write('eight.Xresources', lines.join('\n')));
    expect(t.palette[8]).toBe(0x000000);
    expect(t.palette[15]).toBe(0x000070);
  });
  it('Xresources: the last definition wins, and urxvt\'s [opacity] prefix is skipped', () => {
    const lines = ['*background: #111111', 'URxvt*background: [90]#222222', '*foreground: #eeeeee', ...Array.from({ length: 8 }, (_, i) => `*color${i}: #0000${i}0`)];
    expect(importThemeFile(write('urxvt.Xresources', lines.join('\n'))).background).toBe(0x222222);
  });
  it('a file named like a built-in theme is still a file when given a path', () => {
    const path = write('dracula', 'foreground #010101\nbackground #fefefe\n' + Array.from({ length: 8 }, (_, i) => `color${i} #00000${i}`).join('\n'));
    expect(resolveTheme(path).background).toBe(0xfefefe);
    expect(resolveTheme('dracula', undefined, { cwd: dir }).background).toBe(0x282a36);
  });
});

describe('TOML themes (read by smol-toml)', () => {
  const dir = tempDir('theme-toml');
  const ansi = (shade: string) => ANSI_NAMES.map((name, i) => `${name} = "#${shade}${String(i).repeat(5)}"`).join(', ');
  it('reads what TOML allows beyond one line per key: multi-line arrays, arrays of tables, inline tables, escapes', () => {
    const text = `[general]
import = [
  "~/.config/alacritty/base.toml", # a comment inside the array
  "~/.config/alacritty/keys.toml",
]

[[colors.indexed_colors]]
index = 16
color = "#ff9e64"

[[colors.indexed_colors]]
index = 17
color = "#db4b4b"

[colors]
primary = { background = "#\u0030a0b0c", foreground = '#f0f0f0' }
normal = { ${ansi('1')} }
bright = { ${ansi('2')} }
"cursor" = { text = "#000000", cursor = "#123456" }
`;
    const t = parseThemeText(text, 'full.toml');
    expect(t).toMatchObject({ background: 0x0a0b0c, foreground: 0xf0f0f0, cursor: 0x123456 });
    expect(t.palette[0]).toBe(0x100000);
    expect(t.palette[7]).toBe(0x177777);
    expect(t.palette[15]).toBe(0x277777);
  });
  it('a file that is not TOML is one line naming the file, the line and the problem', () => {
    const path = join(dir, 'broken.toml');
    writeFileSync(path, '[colors.primary]\nbackground = #000000\n');
    expect(() => importThemeFile(path)).toThrow(new Error(`${path}:2: not TOML (invalid value)`));
    writeFileSync(path, '[colors.primary]\nbackground = "#000000"\nbackground = "#111111"\n');
    expect(() => importThemeFile(path)).toThrow(new Error(`${path}:3: not TOML (trying to redefine an already defined table or value)`));
  });
});

describe('Windows Terminal JSON with comments (read by jsonc-parser)', () => {
  const dir = tempDir('theme-jsonc');
  const scheme = (name: string) =>
    JSON.stringify({ name, background: '#000000', foreground: '#ffffff', ...Object.fromEntries(ANSI_NAMES.map((n, i) => [n === 'magenta' ? 'purple' : n, `#00000${i}`])) });
  it('comment and trailing-comma syntax inside a string is text, outside it is not', () => {
    const name = 'Dusk // dawn /* noon */, ] and, }';
    const text = `// settings.json
{
  "$schema": "https://aka.ms/terminal-profiles-schema", /* a block comment */
  "schemes": [
    ${scheme(name).replace(/}$/, ',}')}, // the trailing commas are Windows Terminal's
  ],
}`;
    const t = parseThemeText(text, 'settings.json');
    expect(t.name).toBe(name);
    expect(t.palette[7]).toBe(0x000007);
  });
  it('broken JSON is one line naming the file, the line and the problem', () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{\n  "name": "x",\n  "background" "#000000"\n}\n');
    expect(() => importThemeFile(path)).toThrow(new Error(`${path}:3: not JSON (colon expected)`));
  });
});

describe('YAML themes (read by yaml)', () => {
  const dir = tempDir('theme-yaml');
  it('reads flow mappings, anchors and aliases, and document markers, where colours hide in real files', () => {
    const text = `%YAML 1.2
---
colors:
  primary: { background: '0x0a0b0c', foreground: "#f0f0f0" }
  normal: &normal
    black: '#100000'   # comments after values
    red: '#111111'
    green: '#122222'
    yellow: '#133333'
    blue: '#144444'
    magenta: '#155555'
    cyan: "#166666"
    white: '#177777'
  bright: *normal
...
`;
    const t = parseThemeText(text, 'old-alacritty.yml');
    expect(t).toMatchObject({ background: 0x0a0b0c, foreground: 0xf0f0f0 });
    expect(t.palette.slice(8)).toEqual(t.palette.slice(0, 8));
    expect(t.palette[7]).toBe(0x177777);
  });
  it('base16 colours that look like numbers stay colours', () => {
    const bases = ['000000', '111111', '222222', '333333', '444444', '555555', '666666', '777777', '800000', '090909', '0a0a0a', '0b0b0b', '0c0c0c', '0d0d0d', '0e0e0e', '0f0f0f'];
    const text = `scheme: "Numbers"\n${bases.map((c, i) => `base0${i.toString(16).toUpperCase()}: ${c}`).join('\n')}\n`;
    const t = parseThemeText(text, 'numbers.yaml');
    expect(t).toMatchObject({ name: 'Numbers', background: 0x000000, foreground: 0x555555 });
    expect(t.palette[1]).toBe(0x800000);
  });
  it('a file that is not YAML is one line naming the file, the line and the problem', () => {
    const path = join(dir, 'broken.yml');
    writeFileSync(path, "colors:\n  primary:\n    background: '#000000'\n   foreground: '#ffffff'\n");
    expect(() => importThemeFile(path)).toThrow(new Error(`${path}:4: not YAML (All mapping items must start at the same column)`));
    // An unclosed quote runs to the end of the file: it is named on the last line with text.
    writeFileSync(path, 'scheme: x\nbase00: "000000\n\n');
    expect(() => importThemeFile(path)).toThrow(new Error(`${path}:2: not YAML (Missing closing "quote)`));
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...['b', 'c', 'd'].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abc'[i]}`).join(', ')}]`)];
    writeFileSync(path, `${laughs.join('\n')}\nbase00: "000000"\n`);
    expect(() => importThemeFile(path)).toThrow(new Error(`${path}: not YAML (Excessive alias count indicates a resource exhaustion attack)`));
  });
});

describe('our own theme files as --theme FILE', () => {
  it('a copy of a built-in theme file gives that theme', () => {
    const path = new URL('../../themes/dracula.json', import.meta.url).pathname;
    const { source: _s, ...fromFile } = importThemeFile(path);
    const { source: _b, ...builtin } = getTheme('dracula');
    expect(fromFile).toEqual(builtin);
  });
});

describe('parseThemeText', () => {
  it('names the theme after the origin when the file has no name', () => {
    const text = 'foreground #ffffff\nbackground #000000\n' + Array.from({ length: 16 }, (_, i) => `color${i} #0000${i.toString(16).padStart(2, '0')}`).join('\n');
    expect(parseThemeText(text, '/x/y/my-theme.conf')).toMatchObject({ name: 'my-theme', source: '/x/y/my-theme.conf' });
  });
});
