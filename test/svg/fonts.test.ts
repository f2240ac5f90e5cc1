import { describe, expect, it } from 'vitest';
import opentype from 'opentype.js';
import { renderSvgStill } from '../../src/svg/index.js';
import { Attr } from '../../src/term/cell.js';
import { cell, info, rowOf, screen } from './screens.js';

const load = (bytes: Uint8Array): opentype.Font => opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);

describe('embedded font', () => {
  const row = rowOf([cell('a'), cell('b'), cell('B', { attrs: Attr.BOLD }), cell('字', { width: 2 }), cell('', { width: 0 })], 10);
  const svg = renderSvgStill(screen(['aab', row], 10, 2), info(10, 2), { embedFont: true, window: 'none' });
  const faces = [...svg.matchAll(/@font-face\{font-family:c2s-embedded;font-weight:(\w+);font-style:(\w+);src:url\(data:font\/otf;base64,([A-Za-z0-9+/=]+)\)\}/g)];

  it('holds a subset per face used, with only the characters drawn in it', () => {
    expect(faces.map((f) => `${f[1]} ${f[2]}`)).toEqual(['normal normal', 'bold normal']);
    const regular = load(Buffer.from(faces[0]![3]!, 'base64'));
    const mapped = (font: opentype.Font) =>
      Array.from({ length: font.glyphs.length }, (_, i) => font.glyphs.get(i).unicode).filter((u) => u !== undefined && u > 0);
    // 字 is not in JetBrains Mono: it is left to the fallback fonts.
    expect(mapped(regular).sort()).toEqual(['a', 'b'].map((c) => c.charCodeAt(0)));
    expect(mapped(load(Buffer.from(faces[1]![3]!, 'base64')))).toEqual(['B'.charCodeAt(0)]);
    expect(regular.charToGlyph('a').advanceWidth).toBe(600);
  });

  it('is named first in the font stack', () => {
    expect(svg).toContain(`font-family="c2s-embedded,'JetBrains Mono'`);
  });

  it('is absent unless asked for', () => {
    expect(renderSvgStill(screen(['aab'], 10, 2), info(10, 2), {})).not.toContain('@font-face');
  });
});
