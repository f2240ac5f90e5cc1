import { describe, expect, it } from 'vitest';
import { renderSvgStill } from '../../src/svg/index.js';
import { HOSTILE_FONT_FAMILY, hostileStill, renderHostile, unsafeParts } from './hostile.js';
import { cell, info, rowOf, screen } from './screens.js';

// rsvg-convert draws these same SVGs in test/svg/rsvg.process.test.ts.
describe('hostile casts', () => {
  it('give an SVG with no script, handler, link or external reference, whose text stays text', async () => {
    const svg = await renderHostile();
    expect(unsafeParts(svg)).toEqual([]);
    // The markup from the cast is shown as text, escaped.
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;alert(4)&lt;/script&gt;');
    expect(svg).toContain(']]&gt;&lt;![CDATA[ &amp; &amp;amp; &lt;svg onload="alert(5)"&gt;');
    // The link texts are there, the links are not (OSC 8 targets are never written).
    expect(svg).toContain('click me');
    expect(svg).not.toContain('example.com');
  });

  it('keep a still at any point just as safe', async () => {
    expect(unsafeParts(await hostileStill())).toEqual([]);
  });

  it('drop OSC 8 links whatever their scheme: only the cells are drawn', () => {
    const row = rowOf(
      [cell('j', { link: 'javascript:alert(1)' }), cell('h', { link: 'https://example.com/' }), cell('m', { link: 'mailto:a@b.c' })],
      5,
    );
    const svg = renderSvgStill(screen([row], 5, 1), info(5, 1), {});
    expect(svg).toContain('>jhm<tspan>');
    expect(svg).not.toMatch(/javascript|example\.com|mailto|<a[\s>]/);
  });

  it('sanitise a hostile font family option too', () => {
    const svg = renderSvgStill(screen(['x'], 5, 1), info(5, 1), { fontFamily: HOSTILE_FONT_FAMILY });
    expect(unsafeParts(svg)).toEqual([]);
  });
});
