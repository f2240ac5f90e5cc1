import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { BUNDLED_FONT_FILES, styleChains, type FontFiles, type FontStyle } from '../../src/fonts/font-files.js';
import { familyNames } from '../../src/fonts/system-fonts.js';
import { fontFilesInDir } from '../../src/fonts/user-fonts.js';

/** The face a style's chain picks for a cluster. */
const faceSet = (files: FontFiles = {}) => {
  const { chains } = styleChains(files);
  return { fontFor: (text: string, style: FontStyle) => chains[style].pick(text) };
};

describe('styleChains', () => {
  const fonts = faceSet();

  test('picks the first face that has the character, per style', () => {
    expect(fonts.fontFor('A', 'regular')!.path).toBe(BUNDLED_FONT_FILES.regular);
    expect(fonts.fontFor('A', 'boldItalic')!.path).toBe(BUNDLED_FONT_FILES.boldItalic);
    // JetBrains Mono lacks ✔ (U+2714); DejaVu Sans Mono has it.
    expect(fonts.fontFor('✔', 'regular')!.path).toBe(BUNDLED_FONT_FILES.symbols);
    expect(fonts.fontFor('✔', 'bold')!.path).toBe(BUNDLED_FONT_FILES.symbolsBold);
    expect(fonts.fontFor('中', 'regular')!.path).toBe(BUNDLED_FONT_FILES.cjk);
    expect(fonts.fontFor('\u{10fffd}', 'regular')).toBeUndefined();
  });

  test('a user fallback comes before the bundled ones; emoji prefer a colour face', () => {
    const emoji = '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf';
    const withEmoji = faceSet({ fallbacks: [emoji] });
    expect(withEmoji.fontFor('😀', 'regular')!.path).toBe(emoji);
    // ✔ is text by default: the outline face wins even though the emoji font has it.
    expect(withEmoji.fontFor('✔', 'regular')!.path).toBe(BUNDLED_FONT_FILES.symbols);
    expect(withEmoji.fontFor('✔\ufe0f', 'regular')!.path).toBe(emoji);
  });
});

describe('user fonts', () => {
  test('a font folder is sorted into styles by file name', () => {
    const dir = tempDir();
    symlinkSync(BUNDLED_FONT_FILES.symbols, join(dir, 'Mine-Regular.ttf'));
    symlinkSync(BUNDLED_FONT_FILES.symbolsBold, join(dir, 'Mine-Bold.ttf'));
    symlinkSync(BUNDLED_FONT_FILES.cjk, join(dir, 'Extra.ttf'));
    const files = fontFilesInDir(dir);
    expect(files).toEqual({ regular: join(dir, 'Extra.ttf'), bold: join(dir, 'Mine-Bold.ttf'), fallbacks: [join(dir, 'Mine-Regular.ttf')] });
  });

  test('family lists parse like CSS', () => {
    expect(familyNames(`'JetBrains Mono', "Fira Code",monospace`)).toEqual(['JetBrains Mono', 'Fira Code', 'monospace']);
  });
});
