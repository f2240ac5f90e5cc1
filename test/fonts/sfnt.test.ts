import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import opentype from 'opentype.js';
import { describe, expect, test } from 'vitest';
import { BUNDLED_FONTS_DIR } from '../../src/fonts/font-files.js';
import { readFontInfo } from '../../src/fonts/sfnt.js';

const FONTS = ['JetBrainsMono-Regular.ttf', 'JetBrainsMono-BoldItalic.ttf', 'DejaVuSansMono.ttf', 'DroidSansFallbackFull.ttf'];

/** Code points across the ranges a terminal meets: ASCII, Latin, Greek, symbols, boxes, CJK, emoji, private use. */
const SAMPLE: number[] = [];
for (let cp = 0x20; cp < 0x3000; cp += 7) SAMPLE.push(cp);
for (let cp = 0x3000; cp < 0xa000; cp += 97) SAMPLE.push(cp);
for (let cp = 0xac00; cp < 0x10000; cp += 131) SAMPLE.push(cp);
SAMPLE.push(0xe0b0, 0xe0b6, 0xf8ff, 0x1f600, 0x1f4a9, 0x20000, 0x2a6d6);

describe('readFontInfo', () => {
  test.each(FONTS)('%s: cmap coverage agrees with opentype.js', (name) => {
    const bytes = readFileSync(join(BUNDLED_FONTS_DIR, name));
    const ours = readFontInfo(bytes);
    const theirs = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const disagree = SAMPLE.filter((cp) => ours.has(cp) !== theirs.charToGlyphIndex(String.fromCodePoint(cp)) > 0);
    expect(disagree.map((cp) => cp.toString(16))).toEqual([]);
    expect(ours.unitsPerEm).toBe(theirs.unitsPerEm);
    expect(ours.ascender).toBe(theirs.ascender);
    expect(ours.descender).toBe(theirs.descender);
    expect(ours.color).toBe(false);
  });

  test('the bundled fonts cover what each is for', () => {
    const info = (name: string) => readFontInfo(readFileSync(join(BUNDLED_FONTS_DIR, name)));
    const mono = info('JetBrainsMono-Regular.ttf');
    const cjk = info('DroidSansFallbackFull.ttf');
    expect(mono.has(0x41)).toBe(true);
    expect(mono.has(0x4e2d)).toBe(false);
    expect(cjk.has(0x4e2d)).toBe(true);
    expect(info('DejaVuSansMono.ttf').has(0x2714)).toBe(true);
  });

  test('a colour emoji font is recognised as such', () => {
    const emoji = readFontInfo(readFileSync('/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf'));
    expect(emoji.color).toBe(true);
    expect(emoji.has(0x1f600)).toBe(true);
    expect(emoji.has(0x41)).toBe(false);
  });

  test('rejects what is not a font', () => {
    expect(() => readFontInfo(new Uint8Array(4))).toThrow(/not a font/);
    expect(() => readFontInfo(new Uint8Array(64))).toThrow(/not a TrueType/);
  });
});
