import { describe, expect, it } from 'vitest';
import { listThemes } from '../../src/theme/builtin.js';
import { formatThemeList, themeSwatch } from '../../src/theme/swatch.js';

describe('--list-themes text', () => {
  it('without colour: exactly the names, one a line', () => {
    expect(formatThemeList({ color: false })).toBe(listThemes().map((n) => n + '\n').join(''));
  });
  it('with colour: each name followed by its swatch', () => {
    const lines = formatThemeList({ color: true }).trimEnd().split('\n');
    expect(lines).toHaveLength(listThemes().length);
    const dracula = lines.find((l) => l.startsWith('dracula '))!;
    expect(dracula).toContain('\x1b[48;2;40;42;54m\x1b[38;2;248;248;242m Aa ');
    expect(dracula).toContain('\x1b[48;2;255;85;85m  ');
    expect(dracula.endsWith('\x1b[0m')).toBe(true);
  });
  it('a swatch shows all 16 palette colours in order', () => {
    const theme = { name: 't', background: 0, foreground: 0xffffff, palette: Array.from({ length: 16 }, (_, i) => i) };
    const blocks = [...themeSwatch(theme).matchAll(/\x1b\[48;2;0;0;(\d+)m {2}/g)].map((m) => Number(m[1]));
    expect(blocks).toEqual(Array.from({ length: 16 }, (_, i) => i));
  });
});
