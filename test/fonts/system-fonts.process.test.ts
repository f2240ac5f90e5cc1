// Installed fonts are found through fontconfig's fc-match, a program of its own.
import { describe, expect, test } from 'vitest';
import { BUNDLED_FONT_FILES, styleChains, type FontFiles } from '../../src/fonts/font-files.js';
import { FontNotFoundError, systemFontFiles } from '../../src/fonts/system-fonts.js';
import { chosenFontFiles } from '../../src/fonts/user-fonts.js';
import { resolveRaster } from '../../src/raster/options.js';

const info = { cols: 10, rows: 2, title: '', loop: 0 };

describe('installed fonts', () => {
  test('an installed family is found through fontconfig, the first of the list that exists', () => {
    const files = systemFontFiles('No Such Family 12345, DejaVu Sans Mono');
    expect(files.regular).toMatch(/DejaVuSansMono\.ttf$/);
    expect(files.bold).toMatch(/DejaVuSansMono-Bold\.ttf$/);
    // Its italics are called Oblique: asked by slant, not by style name, they are still found.
    expect(files.italic).toMatch(/DejaVuSansMono-Oblique\.ttf$/);
    expect(files.boldItalic).toMatch(/DejaVuSansMono-BoldOblique\.ttf$/);
    expect(() => systemFontFiles('No Such Family 12345')).toThrow(FontNotFoundError);
  });

  test('fontFamily replaces the bundled face; fontFiles win over it', () => {
    const primary = (files: FontFiles): string => styleChains(files).primary;
    expect(primary(chosenFontFiles({ fontFamily: 'DejaVu Sans Mono' }))).toMatch(/DejaVuSansMono\.ttf$/);
    const given = chosenFontFiles({ fontFamily: 'DejaVu Sans Mono', fontFiles: { regular: BUNDLED_FONT_FILES.regular } });
    expect(primary(given)).toBe(BUNDLED_FONT_FILES.regular);
    expect(primary(chosenFontFiles({}))).toBe(BUNDLED_FONT_FILES.regular);
  });

  test('the raster draws with the chosen fonts: fontFamily replaces the bundled face; fontFiles win over it', () => {
    expect(resolveRaster(info, { fontFamily: 'DejaVu Sans Mono' }).fonts.primary.path).toMatch(/DejaVuSansMono\.ttf$/);
    const given = resolveRaster(info, { fontFamily: 'DejaVu Sans Mono', fontFiles: { regular: BUNDLED_FONT_FILES.regular } });
    expect(given.fonts.primary.path).toBe(BUNDLED_FONT_FILES.regular);
    expect(resolveRaster(info, {}).fonts.primary.path).toBe(BUNDLED_FONT_FILES.regular);
  });
});
