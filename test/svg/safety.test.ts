import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { readCast } from '../../src/cast/index.js';
import { animationInfo, castFrames, terminalAt } from '../../src/frames/index.js';
import { renderSvg, renderSvgStill } from '../../src/svg/index.js';
import { HOSTILE_TITLE, hostileCast, unsafeParts } from './hostile.js';
import { cell, info, rowOf, screen } from './screens.js';

async function renderHostile(): Promise<string> {
  const cast = await readCast([hostileCast()], { name: 'hostile.cast' });
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await renderSvg(castFrames(cast), animationInfo(cast), { title: HOSTILE_TITLE }, out);
  return Buffer.concat(chunks).toString('utf8');
}

function rsvgRenders(svg: string): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'svg-safety-'));
  try {
    writeFileSync(join(dir, 'a.svg'), svg);
    const png = execFileSync('rsvg-convert', [join(dir, 'a.svg')], { stdio: ['ignore', 'pipe', 'pipe'] });
    return png.subarray(1, 4).toString() === 'PNG';
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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
    expect(rsvgRenders(svg)).toBe(true);
  });

  it('keep a still at any point just as safe', async () => {
    const cast = await readCast([hostileCast()], { name: 'hostile.cast' });
    const still = renderSvgStill((await terminalAt(cast, undefined)).snapshot(), animationInfo(cast), {});
    expect(unsafeParts(still)).toEqual([]);
    expect(rsvgRenders(still)).toBe(true);
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
    const svg = renderSvgStill(screen(['x'], 5, 1), info(5, 1), { fontFamily: `"><script>alert(1)</script>` });
    expect(unsafeParts(svg)).toEqual([]);
    expect(rsvgRenders(svg)).toBe(true);
  });
});
