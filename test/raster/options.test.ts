import { describe, expect, test } from 'vitest';
import { BUNDLED_FONT_FILES } from '../../src/fonts/font-files.js';
import { resolveRaster } from '../../src/raster/options.js';

const info = { cols: 10, rows: 2, title: '', loop: 0 };

describe('resolveRaster', () => {
  test('draws with the chosen fonts: fontFamily replaces the bundled face; fontFiles win over it', () => {
    expect(resolveRaster(info, { fontFamily: 'DejaVu Sans Mono' }).fonts.primary.path).toMatch(/DejaVuSansMono\.ttf$/);
    const given = resolveRaster(info, { fontFamily: 'DejaVu Sans Mono', fontFiles: { regular: BUNDLED_FONT_FILES.regular } });
    expect(given.fonts.primary.path).toBe(BUNDLED_FONT_FILES.regular);
    expect(resolveRaster(info, {}).fonts.primary.path).toBe(BUNDLED_FONT_FILES.regular);
  });
});
