// rsvg-convert (librsvg, what many image pipelines draw SVGs with) draws our stills and the SVGs of
// hostile input; test/svg/safety.test.ts checks the same hostile SVGs' markup.
import { describe, expect, it } from 'vitest';
import { renderSvgStill } from '../../src/svg/index.js';
import { Attr } from '../../src/term/cell.js';
import { getTheme } from '../../src/theme/index.js';
import { HOSTILE_FONT_FAMILY, hostileStill, renderHostile } from './hostile.js';
import { rsvgPng } from './rsvg.js';
import { cell, info, rowOf, screen } from './screens.js';

const isPng = (png: Buffer): boolean => png.subarray(1, 4).toString() === 'PNG';

describe('rsvg-convert draws', () => {
  it('a still SVG, window, title and all', () => {
    const row = rowOf([cell('B', { attrs: Attr.BOLD }), cell('─'), cell('字', { width: 2 }), cell('', { width: 0 })], 20);
    const svg = renderSvgStill(screen(['hello', row], 20, 3, { cursor: { visible: true, x: 5, y: 0 } }), info(20, 3, 0, 'a <title>'), { theme: getTheme('asciinema'), shadow: true, margin: 10 });
    expect(isPng(rsvgPng(svg))).toBe(true);
  });

  it('the SVGs of a hostile cast, animated and still, and of a hostile font family', async () => {
    expect(isPng(rsvgPng(await renderHostile()))).toBe(true);
    expect(isPng(rsvgPng(await hostileStill()))).toBe(true);
    expect(isPng(rsvgPng(renderSvgStill(screen(['x'], 5, 1), info(5, 1), { fontFamily: HOSTILE_FONT_FAMILY })))).toBe(true);
  });
});
