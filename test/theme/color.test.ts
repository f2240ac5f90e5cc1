import { describe, expect, it } from 'vitest';
import { Attr, DEFAULT_COLOR, TRUECOLOR, rgbColor, type Cell, type PaletteOverrides } from '../../src/term/cell.js';
import { cellColors, cursorColor, resolveColor } from '../../src/theme/color.js';
import { XTERM_256 } from '../../src/theme/xterm256.js';
import type { Theme } from '../../src/theme/types.js';

const theme: Theme = {
  name: 'test',
  background: 0x101010,
  foreground: 0xe0e0e0,
  cursor: 0x00ff00,
  palette: [
    0x000001, 0x000002, 0x000003, 0x000004, 0x000005, 0x000006, 0x000007, 0x000008,
    0x000009, 0x00000a, 0x00000b, 0x00000c, 0x00000d, 0x00000e, 0x00000f, 0x000010,
  ],
};
const none: PaletteOverrides = { indexed: new Map() };

const cell = (over: Partial<Cell>): Cell => ({
  text: 'x', width: 1, fg: DEFAULT_COLOR, bg: DEFAULT_COLOR, attrs: 0, ulColor: DEFAULT_COLOR, link: '', ...over,
});

describe('xterm 256-colour table', () => {
  it('has the documented cube levels and grey ramp', () => {
    expect(XTERM_256[16]).toBe(0x000000);
    expect(XTERM_256[17]).toBe(0x00005f);
    expect(XTERM_256[21]).toBe(0x0000ff);
    expect(XTERM_256[22]).toBe(0x005f00);
    expect(XTERM_256[52]).toBe(0x5f0000);
    expect(XTERM_256[196]).toBe(0xff0000);
    expect(XTERM_256[208]).toBe(0xff8700);
    expect(XTERM_256[231]).toBe(0xffffff);
    expect(XTERM_256[110]).toBe(0x87afd7);
    expect(XTERM_256[232]).toBe(0x080808);
    expect(XTERM_256[244]).toBe(0x808080);
    expect(XTERM_256[255]).toBe(0xeeeeee);
  });
});

describe('resolveColor', () => {
  it('maps default colours to the theme by role', () => {
    expect(resolveColor(DEFAULT_COLOR, theme, none, 'fg')).toBe(0xe0e0e0);
    expect(resolveColor(DEFAULT_COLOR, theme, none, 'bg')).toBe(0x101010);
  });
  it('maps 0-15 to the theme palette and 16-255 to the xterm table', () => {
    expect(resolveColor(0, theme, none, 'fg')).toBe(0x000001);
    expect(resolveColor(15, theme, none, 'bg')).toBe(0x000010);
    expect(resolveColor(16, theme, none, 'fg')).toBe(0x000000);
    expect(resolveColor(196, theme, none, 'fg')).toBe(0xff0000);
    expect(resolveColor(255, theme, none, 'fg')).toBe(0xeeeeee);
  });
  it('passes truecolour through', () => {
    expect(resolveColor(rgbColor(1, 2, 3), theme, none, 'fg')).toBe(0x010203);
    expect(resolveColor(TRUECOLOR | 0, theme, none, 'bg')).toBe(0x000000);
    expect(resolveColor(TRUECOLOR | 0xffffff, theme, none, 'bg')).toBe(0xffffff);
  });
  it('lets OSC overrides win over the theme and the xterm table', () => {
    const osc: PaletteOverrides = { indexed: new Map([[1, 0xaa0000], [200, 0x00bb00]]), foreground: 0x123456, background: 0x654321 };
    expect(resolveColor(1, theme, osc, 'fg')).toBe(0xaa0000);
    expect(resolveColor(2, theme, osc, 'fg')).toBe(0x000003);
    expect(resolveColor(200, theme, osc, 'fg')).toBe(0x00bb00);
    expect(resolveColor(201, theme, osc, 'fg')).toBe(0xff00ff);
    expect(resolveColor(DEFAULT_COLOR, theme, osc, 'fg')).toBe(0x123456);
    expect(resolveColor(DEFAULT_COLOR, theme, osc, 'bg')).toBe(0x654321);
  });
});

describe('cellColors', () => {
  const bright = { boldIsBright: true };
  const plain = { boldIsBright: false };

  it('plain cell: default colours, default background flagged', () => {
    expect(cellColors(cell({}), theme, none, plain)).toEqual({ fg: 0xe0e0e0, bg: 0x101010, underline: 0xe0e0e0, bgIsDefault: true });
  });
  it('explicit background is not default', () => {
    expect(cellColors(cell({ bg: 4 }), theme, none, plain)).toEqual({ fg: 0xe0e0e0, bg: 0x000005, underline: 0xe0e0e0, bgIsDefault: false });
  });
  it('bold-is-bright lifts 0-7 only, and only when enabled', () => {
    expect(cellColors(cell({ fg: 1, attrs: Attr.BOLD }), theme, none, bright).fg).toBe(0x00000a);
    expect(cellColors(cell({ fg: 1, attrs: Attr.BOLD }), theme, none, plain).fg).toBe(0x000002);
    expect(cellColors(cell({ fg: 9, attrs: Attr.BOLD }), theme, none, bright).fg).toBe(0x00000a);
    expect(cellColors(cell({ fg: 100, attrs: Attr.BOLD }), theme, none, bright).fg).toBe(XTERM_256[100]);
    expect(cellColors(cell({ attrs: Attr.BOLD }), theme, none, bright).fg).toBe(0xe0e0e0);
    expect(cellColors(cell({ fg: 1 }), theme, none, bright).fg).toBe(0x000002);
    // bold does not brighten the background
    expect(cellColors(cell({ bg: 1, attrs: Attr.BOLD }), theme, none, bright).bg).toBe(0x000002);
  });
  it('inverse swaps and the background stops being the default', () => {
    expect(cellColors(cell({ attrs: Attr.INVERSE }), theme, none, plain)).toEqual({ fg: 0x101010, bg: 0xe0e0e0, underline: 0x101010, bgIsDefault: false });
    expect(cellColors(cell({ fg: 2, bg: 3, attrs: Attr.INVERSE }), theme, none, plain)).toMatchObject({ fg: 0x000004, bg: 0x000003 });
  });
  it('bold-is-bright applies before inverse (the brightened colour becomes the background)', () => {
    expect(cellColors(cell({ fg: 1, attrs: Attr.BOLD | Attr.INVERSE }), theme, none, bright)).toMatchObject({ fg: 0x101010, bg: 0x00000a });
  });
  it('faint blends the foreground halfway to the background', () => {
    const c = cellColors(cell({ fg: TRUECOLOR | 0xff8000, bg: TRUECOLOR | 0x000080, attrs: Attr.FAINT }), theme, none, plain);
    expect(c.fg).toBe(0x804040);
    expect(c.bg).toBe(0x000080);
    expect(c.underline).toBe(0x804040);
  });
  it('faint with inverse dims the swapped foreground', () => {
    const c = cellColors(cell({ fg: TRUECOLOR | 0xffffff, bg: TRUECOLOR | 0x000000, attrs: Attr.FAINT | Attr.INVERSE }), theme, none, plain);
    expect(c).toMatchObject({ fg: 0x808080, bg: 0xffffff });
  });
  it('invisible hides text and underline in the background colour', () => {
    const c = cellColors(cell({ fg: 1, bg: 2, ulColor: 5, attrs: Attr.INVISIBLE | (1 << Attr.UNDERLINE_SHIFT) }), theme, none, plain);
    expect(c).toEqual({ fg: 0x000003, bg: 0x000003, underline: 0x000003, bgIsDefault: false });
    const d = cellColors(cell({ attrs: Attr.INVISIBLE }), theme, none, plain);
    expect(d).toEqual({ fg: 0x101010, bg: 0x101010, underline: 0x101010, bgIsDefault: true });
  });
  it('invisible with inverse shows a block of the swapped background', () => {
    expect(cellColors(cell({ attrs: Attr.INVISIBLE | Attr.INVERSE }), theme, none, plain)).toMatchObject({ fg: 0xe0e0e0, bg: 0xe0e0e0 });
  });
  it('underline colour: SGR 58 when set, else the final foreground', () => {
    expect(cellColors(cell({ fg: 1, ulColor: 200 }), theme, none, plain).underline).toBe(XTERM_256[200]);
    expect(cellColors(cell({ fg: 1, ulColor: TRUECOLOR | 0x0a0b0c }), theme, none, plain).underline).toBe(0x0a0b0c);
    expect(cellColors(cell({ fg: 1, attrs: Attr.BOLD }), theme, none, bright).underline).toBe(0x00000a);
  });
  it('uses OSC overrides for defaults and indexed colours', () => {
    const osc: PaletteOverrides = { indexed: new Map([[9, 0xabcdef]]), background: 0x222222 };
    expect(cellColors(cell({ fg: 1, attrs: Attr.BOLD }), theme, osc, bright)).toEqual({ fg: 0xabcdef, bg: 0x222222, underline: 0xabcdef, bgIsDefault: true });
  });
  it('every attribute combination gives colours that follow the rules', () => {
    const fgIdx = 1;
    const bgIdx = 6;
    const flags = [Attr.BOLD, Attr.FAINT, Attr.INVERSE, Attr.INVISIBLE, Attr.ITALIC, Attr.BLINK, Attr.STRIKE];
    for (let mask = 0; mask < 1 << flags.length; mask++) {
      const attrs = flags.reduce((a, f, i) => (mask & (1 << i) ? a | f : a), 0);
      for (const boldIsBright of [false, true]) {
        const got = cellColors(cell({ fg: fgIdx, bg: bgIdx, attrs }), theme, none, { boldIsBright });
        let fg = theme.palette[boldIsBright && attrs & Attr.BOLD ? fgIdx + 8 : fgIdx]!;
        let bg = theme.palette[bgIdx]!;
        if (attrs & Attr.INVERSE) [fg, bg] = [bg, fg];
        if (attrs & Attr.FAINT) {
          const mix = (s: number): number => Math.round((((fg >> s) & 255) + ((bg >> s) & 255)) / 2) << s;
          fg = mix(16) | mix(8) | mix(0);
        }
        const underline = attrs & Attr.INVISIBLE ? bg : fg;
        if (attrs & Attr.INVISIBLE) fg = bg;
        expect(got, `attrs=${attrs} boldIsBright=${boldIsBright}`).toEqual({ fg, bg, underline, bgIsDefault: false });
      }
    }
  });
});

describe('cursorColor', () => {
  it('prefers OSC 12, then the theme cursor, then the foreground', () => {
    expect(cursorColor(theme, { indexed: new Map(), cursor: 0x0000ff })).toBe(0x0000ff);
    expect(cursorColor(theme, none)).toBe(0x00ff00);
    const { cursor: _, ...noCursor } = theme;
    expect(cursorColor(noCursor, none)).toBe(0xe0e0e0);
  });
});
