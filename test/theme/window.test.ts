import { describe, expect, it } from 'vitest';
import { BUTTON_COLORS, cellSize, DEFAULT_WINDOW_OPTIONS, WINDOW_STYLES, layoutWindow, type WindowOptions, type WindowShape } from '../../src/theme/window.js';
import type { Theme } from '../../src/theme/types.js';

const theme: Theme = { name: 't', background: 0x202020, foreground: 0xd0d0d0, palette: new Array(16).fill(0) };

const base: WindowOptions = {
  cols: 80, rows: 24, cellWidth: 9, cellHeight: 20, padding: [10, 20], margin: 0, window: 'none', title: '',
  borderRadius: 0, shadow: false, border: false, theme, scale: 1,
};

const kinds = (shapes: readonly WindowShape[]): string[] => shapes.map((s) => s.kind);

describe('layoutWindow', () => {
  it('without a bar: grid plus padding on each side', () => {
    const l = layoutWindow(base);
    expect(l.content).toEqual({ x: 20, y: 10, width: 720, height: 480 });
    expect([l.width, l.height]).toEqual([760, 500]);
    expect(l.barHeight).toBe(0);
    expect(l.shapes).toEqual([{ kind: 'rect', x: 0, y: 0, w: 760, h: 500, radius: 0, fill: 0x202020, themeBackground: true }]);
  });

  it('margin surrounds the window; its colour paints the whole image first', () => {
    const l = layoutWindow({ ...base, margin: 15, marginColor: 0xffffff, borderRadius: 6 });
    expect(l.content).toEqual({ x: 35, y: 25, width: 720, height: 480 });
    expect([l.width, l.height]).toEqual([790, 530]);
    expect(l.window).toEqual({ x: 15, y: 15, width: 760, height: 500 });
    expect(l.shapes[0]).toEqual({ kind: 'rect', x: 0, y: 0, w: 790, h: 530, radius: 0, fill: 0xffffff });
    expect(l.shapes[1]).toMatchObject({ kind: 'rect', x: 15, y: 15, w: 760, h: 500, radius: 6, fill: 0x202020 });
  });

  it('no margin colour: nothing is painted outside the window', () => {
    const l = layoutWindow({ ...base, margin: 15, borderRadius: 6 });
    expect(kinds(l.shapes)).toEqual(['rect']);
    expect(l.shapes[0]).toMatchObject({ x: 15, y: 15 });
  });

  it('every bar style adds the same bar height above the grid', () => {
    for (const window of WINDOW_STYLES.filter((w) => w !== 'none')) {
      const l = layoutWindow({ ...base, window });
      expect(l.barHeight, window).toBe(38);
      expect(l.content, window).toEqual({ x: 20, y: 48, width: 720, height: 480 });
      expect([l.width, l.height], window).toEqual([760, 538]);
    }
  });

  it('colorful: three filled buttons on the left in close/minimise/zoom order, vertically centred in the bar', () => {
    const l = layoutWindow({ ...base, window: 'colorful' });
    const circles = l.shapes.filter((s) => s.kind === 'circle');
    expect(circles.map((c) => c.fill)).toEqual(BUTTON_COLORS);
    for (const c of circles) {
      expect(c.cy).toBe(19);
      expect(c.r).toBe(6);
      expect(c.stroke).toBeUndefined();
    }
    const xs = circles.map((c) => c.cx);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(xs[0]).toBe(19); // as far from the left edge as from the top
    expect(xs[0]! - 6).toBeGreaterThan(0);
  });

  it('colorful-right mirrors the buttons to the right edge', () => {
    const left = layoutWindow({ ...base, window: 'colorful' }).shapes.filter((s) => s.kind === 'circle');
    const right = layoutWindow({ ...base, window: 'colorful-right' }).shapes.filter((s) => s.kind === 'circle');
    expect(right.map((c) => c.cx)).toEqual(left.map((c) => 760 - c.cx));
    expect(right.map((c) => c.fill)).toEqual(BUTTON_COLORS);
  });

  it('rings: outlined buttons whose outer edge matches the filled ones', () => {
    const rings = layoutWindow({ ...base, window: 'rings' }).shapes.filter((s) => s.kind === 'circle');
    expect(rings).toHaveLength(3);
    for (const c of rings) {
      expect(c.fill).toBeUndefined();
      expect(c.r + c.strokeWidth! / 2).toBe(6);
    }
    expect(rings.map((c) => c.stroke)).toEqual(BUTTON_COLORS);
  });

  it('plain: no buttons, title only', () => {
    const l = layoutWindow({ ...base, window: 'plain', title: 'hello' });
    expect(kinds(l.shapes)).toEqual(['rect', 'text']);
  });

  it('title is centred in the bar and dimmed toward the background', () => {
    const l = layoutWindow({ ...base, window: 'colorful', title: 'demo' });
    const text = l.shapes.find((s) => s.kind === 'text')!;
    expect(text).toMatchObject({ x: 380, text: 'demo', anchor: 'middle', fontSize: 12 });
    expect(text.y).toBeGreaterThan(19);
    expect(text.y).toBeLessThan(38);
    expect(text.color).not.toBe(theme.foreground);
  });

  it('long titles are shortened to clear the buttons; empty titles draw no text', () => {
    const l = layoutWindow({ ...base, cols: 20, window: 'colorful', title: 'x'.repeat(200) });
    const text = l.shapes.find((s) => s.kind === 'text')!;
    expect(text.text.endsWith('…')).toBe(true);
    const halfWidth = (text.text.length * 12 * 0.6) / 2;
    const lastButton = l.shapes.filter((s) => s.kind === 'circle').at(-1)!;
    expect(text.x - halfWidth).toBeGreaterThan(lastButton.cx + lastButton.r);
    expect(kinds(layoutWindow({ ...base, window: 'colorful' }).shapes)).not.toContain('text');
  });

  it('wide characters count double when fitting the title', () => {
    // 20 columns: window 220 px; the buttons keep 13 + 3*6 + 2*20 = 71 px clear on each side, leaving
    // 78 px. With 0.6em = 7.2 px advances and room for the '…': 9 narrow characters, or 4 wide ones.
    const narrow = { ...base, cols: 20, window: 'colorful' as const };
    const ascii = layoutWindow({ ...narrow, title: 'abcdefghijklmnopqrstuvwxyz' }).shapes.find((s) => s.kind === 'text')!;
    const cjk = layoutWindow({ ...narrow, title: '漢字漢字漢字漢字漢字漢字漢字漢字' }).shapes.find((s) => s.kind === 'text')!;
    expect(ascii.text).toBe('abcdefghi…');
    expect(cjk.text).toBe('漢字漢字…');
  });

  it('shadow: a blurred shape under the window, with room made for it', () => {
    const l = layoutWindow({ ...base, shadow: true, borderRadius: 8 });
    expect(kinds(l.shapes)).toEqual(['shadow', 'rect']);
    const shadow = l.shapes[0]!;
    if (shadow.kind !== 'shadow') throw new Error('expected shadow');
    const m = l.window.x;
    expect(m).toBeGreaterThanOrEqual(3 * shadow.blur);
    expect(shadow.y + shadow.h + 3 * shadow.blur).toBeLessThanOrEqual(l.height);
    expect(shadow).toMatchObject({ x: m, w: 760, h: 500, radius: 8 });
    expect(shadow.y).toBeGreaterThan(m);
    // a larger user margin is kept
    expect(layoutWindow({ ...base, shadow: true, margin: 100 }).window.x).toBe(100);
  });

  it('scale multiplies padding, margin and radius; the cell size is taken as given', () => {
    const l = layoutWindow({ ...base, scale: 2, cellWidth: 18, cellHeight: 40, margin: 5, borderRadius: 4, window: 'colorful' });
    expect(l.content).toEqual({ x: 10 + 40, y: 10 + 76 + 20, width: 1440, height: 960 });
    expect(l.shapes[0]).toMatchObject({ radius: 8 });
  });

  it('border: a hairline inside the window edge, between background and foreground, scaled', () => {
    expect(layoutWindow(base).shapes[0]!).not.toHaveProperty('stroke');
    const { border: _, ...unset } = base;
    expect(layoutWindow(unset).shapes[0]!).toHaveProperty('stroke');
    const l = layoutWindow({ ...base, border: true, borderRadius: 8 });
    // 0x202020 moved a fifth of the way toward 0xd0d0d0: 32 + (208 - 32) * 0.2 = 67.2, so 0x43
    expect(l.shapes[0]).toMatchObject({ kind: 'rect', x: 0, y: 0, w: 760, h: 500, radius: 8, stroke: 0x434343, strokeWidth: 1 });
    expect(l.content).toEqual(layoutWindow(base).content);
    expect(layoutWindow({ ...base, border: true, scale: 2 }).shapes[0]).toMatchObject({ strokeWidth: 2 });
  });

  it('a corner radius larger than the padding allows is clamped so the corners never cut into the grid', () => {
    // Padding 10 (vertical) and 20 (horizontal): the grid's corner stays inside a corner of radius
    // up to 10 + 20 + sqrt(2 * 10 * 20) = 50; 60 would round off part of its first and last cell.
    expect(layoutWindow({ ...base, borderRadius: 200 }).shapes[0]).toMatchObject({ radius: 50 });
    expect(layoutWindow({ ...base, borderRadius: 40 }).shapes[0]).toMatchObject({ radius: 40 });
    const r = 50;
    const [padV, padH] = base.padding;
    expect((r - padH) ** 2 + (r - padV) ** 2).toBeLessThanOrEqual(r * r);
    expect((r + 1 - padH) ** 2 + (r + 1 - padV) ** 2).toBeGreaterThan((r + 1) ** 2);
    // No padding: square corners, whatever is asked.
    expect(layoutWindow({ ...base, padding: [0, 0], borderRadius: 8 }).shapes[0]).toMatchObject({ radius: 0 });
  });

  it('defaults make a rounded colourful window', () => {
    const l = layoutWindow({ ...base, ...DEFAULT_WINDOW_OPTIONS, cols: 80, rows: 24 });
    expect(l.barHeight).toBeGreaterThan(0);
    expect(l.shapes[0]).toMatchObject({ kind: 'rect', radius: DEFAULT_WINDOW_OPTIONS.borderRadius });
    expect(l.shapes.filter((s) => s.kind === 'circle')).toHaveLength(3);
  });
});

describe('cellSize', () => {
  it('whole pixels, rounded at scale 1 and then scaled: scale 2 is exactly twice scale 1', () => {
    // 14px JetBrains Mono: 8.4 x 19.6 logical px, 8 x 20 whole
    expect(cellSize({ fontSize: 14, lineHeight: 1.4, letterSpacing: 0, scale: 1, advance: 0.6 })).toEqual({ width: 8, height: 20 });
    expect(cellSize({ fontSize: 14, lineHeight: 1.4, letterSpacing: 0, scale: 2, advance: 0.6 })).toEqual({ width: 16, height: 40 });
    // 16px, 1 px spacing: 10.6 x 19.2 logical, 11 x 19 whole, 16.5 x 28.5 at 1.5, rounded.
    expect(cellSize({ fontSize: 16, lineHeight: 1.2, letterSpacing: 1, scale: 1.5, advance: 0.6 })).toEqual({ width: 17, height: 29 });
  });
  it('never below one pixel', () => {
    expect(cellSize({ fontSize: 0.1, lineHeight: 1, letterSpacing: -5, scale: 1, advance: 0.6 })).toEqual({ width: 1, height: 1 });
  });
});
