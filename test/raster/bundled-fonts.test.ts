import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BUNDLED_FONT_FILES, BUNDLED_SCRIPT_FILES, bundledFallbacks } from '../../src/fonts/font-files.js';
import { FontSet } from '../../src/raster/canvas-fonts.js';
import { GlyphCache, type Glyph } from '../../src/raster/glyph-cache.js';
import { resolveRaster } from '../../src/raster/options.js';
import { TRANSPARENT } from '../../src/raster/pixels.js';
import { ScreenPainter } from '../../src/raster/screen-painter.js';
import { readFontInfo } from '../../src/fonts/sfnt.js';
import { getTheme } from '../../src/theme/index.js';
import { cell, row, screen } from './screen-builder.js';

/**
 * Characters real tools print (prompts, eza --icons, lazygit, fastfetch, npm, test runners, file
 * names), by the bundled face that must draw each when the text font lacks it; cells as our
 * terminal gives them.
 */
const PROBES: Record<string, readonly (readonly [string, 1 | 2])[]> = {
  'DejaVuSansMono.ttf': [['✔', 1], ['✘', 1], ['★', 1], ['♥', 1], ['⚑', 1], ['გ', 1], ['Բ', 1], ['ع', 1]],
  'SymbolsNerdFontMono-Regular.ttf': [
    ['\uf015', 1], // fa-house (starship home)
    ['\uf07b', 1], // fa-folder (eza --icons)
    ['\ue718', 1], // dev-nodejs_small
    ['\uf113', 1], // fa-github_alt
    ['\u{f0001}', 1], // md-vector_square (Material Design, plane 15)
    ['\ue5fa', 1], // custom-folder_npm
    ['\ue725', 1], // dev-git_branch (powerlevel10k)
    ['\uf418', 1], // oct-git_branch (starship)
    ['\ue7a8', 1], // dev-rust
    ['\uf489', 1], // oct-terminal
    ['\ue30d', 1], // weather (wttr.in, p10k)
    ['\uf31b', 1], // linux-ubuntu (fastfetch)
    ['\uea60', 1], // codicons
    ['\ue0c0', 1], // powerline extra flame
    ['☰', 1],
  ],
  'NotoColorEmoji-Small.ttf': [
    ['🚀', 2], ['✨', 2], ['✅', 2], ['❌', 2], ['🎉', 2], ['📦', 2], ['🔥', 2], ['⚡', 2],
    ['👍🏽', 2], // skin tone
    ['👩\u200d💻', 2], // ZWJ sequence
    ['👨\u200d👩\u200d👧', 2], // ZWJ family (drawn grey by Noto since Unicode 15.1)
    ['🏳️\u200d🌈', 2], // ZWJ flag
    ['1️⃣', 1], // keycap
    ['❤️', 1], // text symbol made emoji by U+FE0F
    ['🇩🇪', 2], // a flag: a regional-indicator pair (see the flag test)
  ],
  'NanumGothicCoding.ttf': [['한', 2], ['글', 2], ['ㄱ', 2], ['파', 2]],
  'NotoSansSymbols2-Regular.ttf': [['⯇', 1], ['🬯', 1], ['🢧', 1]],
  'NotoSansSymbols-Regular.ttf': [['⓪', 1], ['🄬', 1], ['⚷', 1]],
  'NotoSansMath-Regular.ttf': [['𝒜', 1], ['𝕞', 1], ['⨒', 1]],
  'NotoSansThai-Regular.ttf': [['ส', 1], ['ด', 1]],
  'NotoSansDevanagari-Regular.ttf': [['न', 1], ['स्ते', 1]],
  'NotoSansBengali-Regular.ttf': [['ব', 1]],
  'NotoSansTamil-Regular.ttf': [['த', 1]],
  'NotoSansGeorgian-Regular.ttf': [['Ⴀ', 1]],
  'NotoSansArmenian-Regular.ttf': [['֏', 1]],
  'NotoSansHebrew-Regular.ttf': [['ש', 1]],
  'NotoSansArabic-Regular.ttf': [['ٱ', 1]],
  'NotoSansEthiopic-Regular.ttf': [['ሀ', 1]],
  'NotoSansKhmer-Regular.ttf': [['ក', 1]],
  'NotoSansLao-Regular.ttf': [['ເ', 1]],
  'DroidSansFallbackFull.ttf': [['中', 2], ['語', 2], ['あ', 2]],
};

const info = { cols: 4, rows: 1, title: '', loop: 0 };
const setup = resolveRaster(info, {});
const fonts = new FontSet();
const cache = new GlyphCache(fonts, setup);
const NO_GLYPH = '\u{10fffd}';

const ink = (g: Glyph): number => (g.kind === 'mask' ? g.mask.data.filter((v) => v > 0).length : g.kind === 'color' ? countOpaque(g.image.rgba) : 0);
function countOpaque(rgba: Uint8Array): number {
  let n = 0;
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i]! > 0) n++;
  return n;
}
/** Pixels whose channels differ widely: colour, not a grey or a single tinted mask. */
function colourful(rgba: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i + 3]! < 128) continue;
    const [r, g, b] = [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) n++;
  }
  return n;
}
const sameMask = (a: Glyph, b: Glyph): boolean =>
  a.kind === 'mask' && b.kind === 'mask' && a.mask.data.length === b.mask.data.length && a.mask.data.every((v, i) => v === b.mask.data[i]);

describe('bundled fallback fonts', () => {
  test('every bundled fallback file has probes, and every probed file is bundled', () => {
    const files = bundledFallbacks(false).map((f) => basename(f.path));
    expect(Object.keys(PROBES).sort()).toEqual(files.sort());
  });

  test('the chain is Nerd Font icons, colour emoji, Hangul, symbols and scripts, CJK last', () => {
    const order = bundledFallbacks(false).map((f) => basename(f.path));
    expect(order.slice(0, 4)).toEqual(['DejaVuSansMono.ttf', 'SymbolsNerdFontMono-Regular.ttf', 'NotoColorEmoji-Small.ttf', 'NanumGothicCoding.ttf']);
    expect(order.slice(4, -1)).toEqual(BUNDLED_SCRIPT_FILES.map((f) => basename(f)));
    expect(order.at(-1)).toBe('DroidSansFallbackFull.ttf');
    expect(bundledFallbacks(true)[0]!.path).toBe(BUNDLED_FONT_FILES.symbolsBold);
  });

  test('the declared colour of each bundled file is what its tables say', () => {
    for (const face of bundledFallbacks(false)) expect(readFontInfo(readFileSync(face.path)).color, face.path).toBe(face.color);
  });

  describe.each(Object.entries(PROBES))('%s', (file, probes) => {
    test.each(probes.map(([text, cells]) => [text, cells] as const))('draws %s', (text, cells) => {
      expect(basename(fonts.fontFor(text, 'regular', cells)?.path ?? 'none')).toBe(file);
      const glyph = cache.glyph(text, 'regular', cells);
      const box = cache.glyph(NO_GLYPH, 'regular', cells);
      expect(glyph.kind).not.toBe('blank');
      expect(sameMask(glyph, box)).toBe(false);
      expect(ink(glyph)).toBeGreaterThan(4);
      if (file.startsWith('NotoColorEmoji')) {
        expect(glyph.kind).toBe('color');
        if (glyph.kind === 'color' && !text.includes('👧')) expect(colourful(glyph.image.rgba)).toBeGreaterThan(10);
        // A sequence (skin tone, ZWJ, keycap, flag) is its own picture, not its first character's.
        const base = String.fromCodePoint(text.codePointAt(0)!);
        if (base !== text && glyph.kind === 'color') {
          const alone = cache.glyph(base, 'regular', cells);
          expect(alone.kind === 'color' && alone.image.rgba.every((v, i) => v === glyph.image.rgba[i])).toBe(false);
        }
      }
    });
  });

  test('a character no font has is drawn as the box and reported once', () => {
    const painter = new ScreenPainter(resolveRaster(info, {}));
    painter.paintScreen(screen({ cols: 4, rows: 1, lines: [`${NO_GLYPH}A${NO_GLYPH}`], cursor: { visible: false } }));
    expect([...painter.missingGlyphs]).toEqual([0x10fffd]);
    expect(ink(cache.glyph(NO_GLYPH, 'regular', 1))).toBeGreaterThan(4);
  });
});

describe('colour emoji', () => {
  const theme = getTheme('dracula');
  const paint = (cells: Parameters<typeof screen>[0]['lines']) => {
    const s = resolveRaster({ cols: 6, rows: 1, title: '', loop: 0 }, { theme });
    const painter = new ScreenPainter(s);
    painter.paintScreen(screen({ cols: 6, rows: 1, lines: cells, cursor: { visible: false } }));
    const { content } = s.layout;
    const region = (col: number, span: number): number[] => {
      const out: number[] = [];
      for (let y = 0; y < s.cellHeight; y++)
        for (let x = 0; x < s.cellWidth * span; x++) out.push(painter.pixels[(content.y + y) * painter.width + content.x + col * s.cellWidth + x]!);
      return out;
    };
    return { region };
  };
  const rgbaOf = (pixels: number[]): Uint8Array => {
    const out = new Uint8Array(pixels.length * 4);
    pixels.forEach((p, i) => {
      if (p === TRANSPARENT) return;
      out.set([p >> 16, (p >> 8) & 0xff, p & 0xff, 255], i * 4);
    });
    return out;
  };

  test('a regional-indicator pair is one flag across its two cells', () => {
    const de = [cell('🇩'), cell('🇪'), ...row('', 4).cells];
    const pair = paint([{ cells: de }]).region(0, 2);
    // Each indicator alone (a space between) is its letter-like symbol, not half a flag.
    const apart = paint([{ cells: [cell('🇩'), cell(' '), cell('🇪'), ...row('', 3).cells] }]);
    expect(pair.slice(0)).not.toEqual([...apart.region(0, 1), ...apart.region(1, 1)]);
    // The German flag: black, red and gold bands.
    const rgba = rgbaOf(pair);
    let red = 0;
    let gold = 0;
    for (let i = 0; i < rgba.length; i += 4) {
      const [r, g, b] = [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!];
      if (r > 180 && g < 60 && b < 60) red++;
      if (r > 200 && g > 150 && b < 60) gold++;
    }
    expect(red).toBeGreaterThan(20);
    expect(gold).toBeGreaterThan(20);
  });

  test('a third indicator after a pair stays alone: pairs form left to right', () => {
    const three = paint([{ cells: [cell('🇩'), cell('🇪'), cell('🇫'), ...row('', 3).cells] }]);
    const alone = paint([{ cells: [cell(' '), cell(' '), cell('🇫'), ...row('', 3).cells] }]);
    expect(three.region(2, 1)).toEqual(alone.region(2, 1));
  });
});
