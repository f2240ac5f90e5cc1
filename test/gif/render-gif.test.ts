import { describe, expect, test } from 'vitest';
import { renderGif, renderPng } from '../../src/gif/index.js';
import type { AnimationInfo, Frame } from '../../src/frames/frame.js';
import type { ScreenSnapshot } from '../../src/term/cell.js';
import { screen } from '../raster/screen-builder.js';
import { decodeGif, decodePng, differingPixels, memorySink } from './decode.js';

const info: AnimationInfo = { cols: 20, rows: 4, title: '', loop: 0 };

/** Frames from screens with start times; changed rows computed by identity, as the frame builder does. */
async function* framesOf(screens: readonly ScreenSnapshot[], times: readonly number[], end: number): AsyncGenerator<Frame> {
  for (let i = 0; i < screens.length; i++) {
    const prev = screens[i - 1];
    const s = screens[i]!;
    const changedRows = new Set<number>();
    s.lines.forEach((line, y) => {
      if (!prev || prev.lines[y] !== line) changedRows.add(y);
    });
    const cursorChanged = !prev || prev.cursor.x !== s.cursor.x || prev.cursor.y !== s.cursor.y || prev.cursor.visible !== s.cursor.visible;
    yield { index: i, screen: s, changedRows, cursorChanged, paletteChanged: !prev, time: times[i]!, duration: (times[i + 1] ?? end) - times[i]! };
  }
}

async function gifOf(screens: readonly ScreenSnapshot[], times: readonly number[], end: number, i: AnimationInfo = info) {
  const sink = memorySink();
  await renderGif(framesOf(screens, times, end), i, {}, sink.stream);
  return sink.bytes();
}

describe('renderGif', () => {
  test('typing: every frame decodes to exactly the still of the same screen', async () => {
    const texts = ['$ ', '$ l', '$ ls', '$ ls -l', '$ ls -la'];
    const screens = texts.map((t) => screen({ cols: 20, rows: 4, lines: [t], cursor: { x: t.length, y: 0 } }));
    const bytes = await gifOf(screens, [0, 0.5, 0.7, 1.0, 1.2], 3);
    const gif = decodeGif(bytes);
    expect(gif.frames).toHaveLength(5);
    for (let i = 0; i < screens.length; i++) {
      const png = await decodePng(renderPng(screens[i]!, info, {}));
      expect([png.width, png.height]).toEqual([gif.width, gif.height]);
      expect(differingPixels(gif.frames[i]!.rgba, png.rgba)).toBe(0);
    }
    expect(gif.frames.map((f) => f.delay)).toEqual([50, 20, 30, 20, 180]);
  });
});
