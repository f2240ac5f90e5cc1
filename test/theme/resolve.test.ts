import { describe, expect, it } from 'vitest';
import { parseAdhocTheme, themeFromCastHeader } from '../../src/theme/adhoc.js';
import { resolveTheme } from '../../src/theme/resolve.js';

const header = {
  fg: '#d0d0d0',
  bg: '#212121',
  palette: '#151515:#ac4142:#7e8d50:#e5b567:#6c99bb:#9f4e85:#7dd6cf:#d0d0d0:#505050:#ac4142:#7e8d50:#e5b567:#6c99bb:#9f4e85:#7dd6cf:#f5f5f5',
};

describe('agg ad-hoc theme', () => {
  it('reads bg, fg and 16 colours', () => {
    const t = parseAdhocTheme('282a36,f8f8f2,21222c,ff5555,50fa7b,f1fa8c,bd93f9,ff79c6,8be9fd,f8f8f2,6272a4,ff6e6e,69ff94,ffffa5,d6acff,ff92df,a4ffff,ffffff');
    expect(t.background).toBe(0x282a36);
    expect(t.foreground).toBe(0xf8f8f2);
    expect(t.palette[0]).toBe(0x21222c);
    expect(t.palette[8]).toBe(0x6272a4);
    expect(t.palette[15]).toBe(0xffffff);
  });
  it('repeats 8 colours as the bright half, tolerates # and trailing commas', () => {
    const t = parseAdhocTheme('#000000,ffffff,000001,000002,000003,000004,000005,000006,000007,000008,');
    expect(t.palette).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 6, 7, 8]);
  });
  it('rejects wrong counts and malformed colours with a one-line message', () => {
    expect(() => parseAdhocTheme('000000,ffffff,123456')).toThrow(/expected .* got 3$/);
    expect(() => parseAdhocTheme('000000,fffff,000001,000002,000003,000004,000005,000006,000007,000008')).toThrow(/"fffff" is not a six-digit hex colour/);
    expect(() => parseAdhocTheme('000000,ffffff,000001,000002,000003,000004,000005,000006,000007,00000g')).toThrow(/"00000g"/);
  });
});

describe('cast header theme', () => {
  it('reads fg, bg and a 16-colour palette', () => {
    const t = themeFromCastHeader(header)!;
    expect(t).toMatchObject({ background: 0x212121, foreground: 0xd0d0d0 });
    expect(t.palette[1]).toBe(0xac4142);
    expect(t.palette[15]).toBe(0xf5f5f5);
  });
  it('repeats an 8-colour palette', () => {
    const t = themeFromCastHeader({ fg: '#ffffff', bg: '#000000', palette: '#000001:#000002:#000003:#000004:#000005:#000006:#000007:#000008' })!;
    expect(t.palette.slice(8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
  it('ignores an unusable header theme', () => {
    expect(themeFromCastHeader({ fg: '#ffffff', bg: '#000000' })).toBeUndefined();
    expect(themeFromCastHeader({ fg: 'white', bg: '#000000', palette: header.palette })).toBeUndefined();
    expect(themeFromCastHeader({ ...header, palette: '#000000:#111111' })).toBeUndefined();
    expect(themeFromCastHeader({ ...header, palette: header.palette.replace('#ac4142', 'nope') })).toBeUndefined();
  });
});

describe('resolveTheme precedence', () => {
  it('no spec, no header: asciinema', () => {
    expect(resolveTheme(undefined).name).toBe('asciinema');
    expect(resolveTheme(undefined, undefined).background).toBe(0x121314);
  });
  it('no spec: the header theme', () => {
    expect(resolveTheme(undefined, header).background).toBe(0x212121);
  });
  it('no spec and a broken header theme: the default', () => {
    expect(resolveTheme(undefined, { fg: '#fff' }).name).toBe('asciinema');
  });
  it('a spec wins over the header', () => {
    expect(resolveTheme('dracula', header).name).toBe('dracula');
    expect(resolveTheme('000000,ffffff,000001,000002,000003,000004,000005,000006,000007,000008', header).background).toBe(0);
  });
  it('an unknown spec is an error naming close themes', () => {
    expect(() => resolveTheme('dracla', header)).toThrow(/did you mean dracula/);
  });
});
