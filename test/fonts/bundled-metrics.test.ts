import { readFileSync } from 'node:fs';
import opentype from 'opentype.js';
import { describe, expect, it } from 'vitest';
import { BUNDLED_FONT } from '../../src/fonts/bundled-metrics.js';

const load = (bytes: Uint8Array): opentype.Font => opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);

describe('bundled font metrics', () => {
  it.each(['Regular', 'Bold', 'Italic', 'BoldItalic'])('match fonts/JetBrainsMono-%s.ttf', (face) => {
    const font = load(readFileSync(`fonts/JetBrainsMono-${face}.ttf`));
    // opentype.js 2 files names by platform.
    const names = font.names as unknown as { windows?: { fontFamily?: { en?: string } } };
    expect(names.windows?.fontFamily?.en).toBe(BUNDLED_FONT.family);
    expect(font.unitsPerEm).toBe(BUNDLED_FONT.unitsPerEm);
    expect(font.ascender).toBe(BUNDLED_FONT.ascender);
    expect(font.descender).toBe(BUNDLED_FONT.descender);
    expect(font.charToGlyph('M').advanceWidth).toBe(BUNDLED_FONT.advance);
    expect(font.tables.post.underlinePosition).toBe(BUNDLED_FONT.underlinePosition);
    expect(font.tables.post.underlineThickness).toBe(BUNDLED_FONT.underlineThickness);
    expect(font.tables.os2.yStrikeoutPosition).toBe(BUNDLED_FONT.strikeoutPosition);
  });
});
