import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { renderSvg, renderSvgStill, type SvgOptions } from '../../src/svg/index.js';
import type { AnimationInfo, Frame } from '../../src/frames/frame.js';
import type { ScreenSnapshot } from '../../src/term/cell.js';
import { Chromium } from './chromium.js';
import { PROBE_SOURCE, expectedRows, type Probe } from './probe.js';
import { framesOf, info, screen } from './screens.js';

let browser: Chromium;
beforeAll(async () => {
  browser = await Chromium.launch();
});
afterAll(async () => {
  await browser?.close();
});

async function collect(frames: AsyncIterable<Frame>, animation: AnimationInfo, options: SvgOptions): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await renderSvg(frames, animation, options, out);
  return Buffer.concat(chunks).toString('utf8');
}

// 14 px font, 1.4 line height: cells 8.4 x 20, baseline 15.04 px below the cell top.
const CW = 8.4;
const CH = 20;
const BASELINE = 15.04;

async function openSvg(svg: string): Promise<void> {
  const [, w, h] = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg)!;
  await browser.open(svg, Number(w), Number(h));
  await browser.evaluate(PROBE_SOURCE);
}

const probe = (ms: number, rows: number): Promise<Probe> =>
  browser.evaluate<Probe>(`window.__probe(${ms}, ${CW}, ${CH}, ${BASELINE}, ${rows})`);

describe('animated SVG in Chromium', () => {
  const A = screen(['first frame', '  indented'], 20, 3);
  const B = screen(['second frame', '  indented', 'third row'], 20, 3);
  const C = screen(['last frame', '', '$ done'], 20, 3);
  const sequence = [
    { screen: A, duration: 1 },
    { screen: B, duration: 0.5 },
    { screen: A, duration: 0.25 },
    { screen: C, duration: 2 },
  ];
  const rowsOf = (s: ScreenSnapshot) => expectedRows(s, 3, 20);

  it('shows each frame for exactly its duration, the last one included, and loops forever', async () => {
    await openSvg(await collect(framesOf(sequence), info(20, 3, 0), {}));
    const checks: [number, ScreenSnapshot][] = [
      [0, A], [998, A], [1002, B], [1498, B], [1502, A], [1748, A], [1752, C], [3000, C], [3748, C],
      // 3.75 s is the end: the loop starts again at the first frame.
      [3752, A], [3750 + 1002, B],
    ];
    for (const [ms, expected] of checks) {
      const seen = await probe(ms, 3);
      expect(seen.clashes, `at ${ms} ms`).toEqual([]);
      expect(seen.rows, `at ${ms} ms`).toEqual(rowsOf(expected));
    }
  });
});
