import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { render } from '../../src/render/render.js';
import { getTheme, type Rgb } from '../../src/theme/index.js';
import { decodePng } from '../gif/decode.js';
import { castText } from '../helpers/casts.js';
import { Chromium } from './chromium.js';

/** Two frames (so the SVG animates), both with default-coloured capitals and red ones (ANSI 1) under them. */
const CAST = castText({ width: 8, height: 3, title: 'Colour demo' }, [
  [0, 'o', 'HHHHHH\r\n\u001b[31mHHHHHH\u001b[0m\r\n'],
  [0.6, 'o', 'ok'],
]);

const LIGHT = getTheme('github-light');
const DARK = getTheme('github-dark');

async function svgOf(options: { darkTheme?: string; alt?: string; theme?: string } = {}): Promise<string> {
  const bytes = await render(CAST, { format: 'svg', theme: 'github-light', darkTheme: 'github-dark', fontSize: 40, cursor: false, borderRadius: 0, ...options });
  return Buffer.from(bytes).toString('utf8');
}

const size = (svg: string): [number, number] => {
  const [, w, h] = /width="(\d+)" height="(\d+)"/.exec(svg)!;
  return [Number(w), Number(h)];
};

/** How many pixels are within a small distance of `rgb` (text edges are blended; stems are solid). */
function count(rgba: Uint8Array, rgb: Rgb): number {
  const r = rgb >> 16;
  const g = (rgb >> 8) & 0xff;
  const b = rgb & 0xff;
  let n = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (Math.abs(rgba[i]! - r) + Math.abs(rgba[i + 1]! - g) + Math.abs(rgba[i + 2]! - b) <= 6) n++;
  }
  return n;
}

describe('one SVG for light and dark pages, in Chromium', () => {
  let browser: Chromium;
  beforeAll(async () => {
    browser = await Chromium.launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const as of ['img', 'inline', 'document'] as const) {
    test(`as ${as}: each colour scheme shows its theme's background, text and ANSI colours, window included`, async () => {
      const svg = await svgOf();
      const [w, h] = size(svg);
      for (const [scheme, theme, other] of [
        ['light', LIGHT, DARK],
        ['dark', DARK, LIGHT],
      ] as const) {
        await browser.colorScheme(scheme);
        await browser.open(svg, w, h, as);
        const shot = await decodePng(await browser.screenshot());
        const area = w * h;
        // The window body fills most of the picture; the other theme's background shows nowhere.
        expect(count(shot.rgba, theme.background), scheme).toBeGreaterThan(area / 2);
        expect(count(shot.rgba, other.background), scheme).toBe(0);
        // Text in the default colour and in ANSI red, solid at 40 px.
        expect(count(shot.rgba, theme.foreground), scheme).toBeGreaterThan(100);
        expect(count(shot.rgba, theme.palette[1]!), scheme).toBeGreaterThan(100);
        expect(count(shot.rgba, other.foreground), scheme).toBeLessThan(10);
        expect(count(shot.rgba, other.palette[1]!), scheme).toBeLessThan(10);
      }
    });
  }

  test('the accessibility tree has an image named by the recording title, or by --alt, described by the last screen', async () => {
    for (const [options, name] of [
      [{}, 'Colour demo'],
      [{ alt: 'Running the build' }, 'Running the build'],
    ] as const) {
      const svg = await svgOf(options);
      const [w, h] = size(svg);
      await browser.open(svg, w, h, 'inline');
      await browser.send('Accessibility.enable');
      const { nodes } = await browser.send('Accessibility.getFullAXTree');
      const images = (nodes as { role?: { value: string }; name?: { value: string }; description?: { value: string } }[]).filter(
        (n) => n.role?.value === 'image',
      );
      expect(images.map((n) => n.name?.value)).toEqual([name]);
      // The tree flattens the description's line breaks to spaces.
      expect(images[0]!.description?.value).toBe('HHHHHH HHHHHH ok');
    }
  });

  test('with no dark theme, the dark colour scheme changes nothing', async () => {
    const svg = await svgOf({ darkTheme: undefined });
    expect(svg).not.toContain('prefers-color-scheme');
    const [w, h] = size(svg);
    await browser.colorScheme('dark');
    await browser.open(svg, w, h, 'img');
    const shot = await decodePng(await browser.screenshot());
    expect(count(shot.rgba, LIGHT.background)).toBeGreaterThan((w * h) / 2);
  });
});
