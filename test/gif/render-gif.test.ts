import { Writable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import type { AnimationInfo, Frame } from '../../src/frames/frame.js';
import { renderGif } from '../../src/gif/index.js';
import type { RasterOptions } from '../../src/raster/options.js';
import { renderPng } from '../../src/png/index.js';
import { rgbColor, type ScreenSnapshot } from '../../src/term/cell.js';
import { screen, styledRow } from '../raster/screen-builder.js';
import { getTheme } from '../../src/theme/index.js';
import { resolveRaster } from '../../src/raster/options.js';
import { decodeGif, decodePng, decodePngExact, differingPixels, memorySink } from './decode.js';

const info: AnimationInfo = { cols: 20, rows: 4, title: '', loop: 0 };

/** Frames from screens and start times; changed rows by row identity, as the frame builder reports them. */
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

async function gifOf(screens: readonly ScreenSnapshot[], times: readonly number[], end: number, options: RasterOptions = {}, i: AnimationInfo = info) {
  const sink = memorySink();
  await renderGif(framesOf(screens, times, end), i, options, sink.stream);
  return sink.bytes();
}

const typing = (texts: readonly string[]): ScreenSnapshot[] =>
  texts.map((t) => screen({ cols: 20, rows: 4, lines: [t], cursor: { x: t.length, y: 0 } }));

/**
 * A PNG still as a GIF can show it: over a transparent background the PNG's partly transparent
 * edges are the colour from half coverage up and clear below. Only the cell grid is kept: the
 * window's overlapping shapes (circles over the title bar) compose their edges otherwise.
 */
function opaqueOrClear(rgba: Uint8Array, width: number, grid: { x: number; y: number; width: number; height: number }): Uint8Array {
  const out = rgba.slice();
  for (let i = 3; i < out.length; i += 4) {
    const x = ((i - 3) / 4) % width;
    const y = Math.floor((i - 3) / 4 / width);
    const inGrid = x >= grid.x && x < grid.x + grid.width && y >= grid.y && y < grid.y + grid.height;
    if (!inGrid || (out[i]! < 128 && out[i] !== 255)) out.fill(0, i - 3, i + 1);
    else if (out[i] !== 0) out[i] = 255;
  }
  return out;
}

async function expectFramesMatchStills(bytes: Buffer, stills: readonly ScreenSnapshot[], options: RasterOptions = {}) {
  const gif = decodeGif(bytes);
  expect(gif.frames).toHaveLength(stills.length);
  for (let i = 0; i < stills.length; i++) {
    const png = options.transparentBackground ? decodePngExact(renderPng(stills[i]!, info, options)) : await decodePng(renderPng(stills[i]!, info, options));
    expect([png.width, png.height]).toEqual([gif.width, gif.height]);
    if (options.transparentBackground) {
      const grid = resolveRaster(info, options).layout.content;
      const shown = opaqueOrClear(gif.frames[i]!.rgba, png.width, grid);
      expect(differingPixels(shown, opaqueOrClear(png.rgba, png.width, grid)), `frame ${i}`).toBe(0);
    } else expect(differingPixels(gif.frames[i]!.rgba, png.rgba), `frame ${i}`).toBe(0);
  }
  return gif;
}

describe('renderGif frames', () => {
  test('typing: every frame decodes to exactly the still of its screen, as a small changed rectangle', async () => {
    const screens = typing(['$ ', '$ l', '$ ls', '$ ls -l', '$ ls -la']);
    const gif = await expectFramesMatchStills(await gifOf(screens, [0, 0.5, 0.7, 1.0, 1.2], 3), screens);
    expect(gif.frames[0]!.width).toBe(gif.width);
    // After the first, a frame covers the typed character and the cursor's old and new cells.
    for (const f of gif.frames.slice(1)) expect(f.width * f.height).toBeLessThan(gif.width * gif.height / 20);
  });

  test('frames changing nothing visible are dropped and their time goes to the frame before', async () => {
    const [a, b] = typing(['$ ', '$ x']);
    // A redraw of the same text: a new row object with equal cells.
    const same = screen({ cols: 20, rows: 4, lines: ['$ x'], cursor: { x: 3, y: 0 } });
    const gif = await expectFramesMatchStills(await gifOf([a!, b!, same], [0, 1, 2], 4), [a!, b!]);
    expect(gif.frames.map((f) => f.delay)).toEqual([100, 300]);
  });

  test('changes closer than 20 ms merge into one frame; no delay is under 2 cs', async () => {
    const screens = typing(['$ ', '$ a', '$ ab', '$ abc', '$ abcd']);
    const bytes = await gifOf(screens, [0, 1, 1.005, 1.01, 1.5], 2);
    const gif = await expectFramesMatchStills(bytes, [screens[0]!, screens[3]!, screens[4]!]);
    expect(gif.frames.map((f) => f.delay)).toEqual([100, 50, 50]);
  });
});

describe('renderGif timing', () => {
  test('delays carry their rounding: frame starts are rounded, not each duration', async () => {
    const screens = typing(['a', 'ab', 'abc', 'abcd']);
    const gif = decodeGif(await gifOf(screens, [0, 1 / 3, 2 / 3, 1], 1 + 1 / 3));
    expect(gif.frames.map((f) => f.delay)).toEqual([33, 34, 33, 33]);
    expect(gif.frames.reduce((sum, f) => sum + f.delay, 0)).toBe(133);
  });

  test('a last change shorter than 20 ms takes the time it needs from the frame before', async () => {
    const screens = typing(['a', 'ab']);
    const gif = decodeGif(await gifOf(screens, [0, 1], 1.01));
    expect(gif.frames.map((f) => f.delay)).toEqual([99, 2]);
  });

  test('a pause longer than a GIF delay can hold continues in empty frames', async () => {
    const screens = typing(['a', 'ab']);
    const gif = decodeGif(await gifOf(screens, [0, 700], 701));
    expect(gif.frames.map((f) => f.delay)).toEqual([65535, 70000 - 65535, 100]);
    expect(gif.frames[1]!.rgba).toEqual(gif.frames[0]!.rgba);
  });
});

describe('renderGif file', () => {
  test('loop count: 0 loops forever, 1 plays once (no loop extension), N plays N times', async () => {
    const screens = typing(['a', 'ab']);
    const loopOf = async (loop: number) => {
      const sink = memorySink();
      await renderGif(framesOf(screens, [0, 1], 2), { ...info, loop }, {}, sink.stream);
      return decodeGif(sink.bytes()).loopCount;
    };
    expect(await loopOf(0)).toBe(0);
    expect(await loopOf(1)).toBe(null);
    expect(await loopOf(3)).toBe(2);
  });

  test('the same input gives the same bytes', async () => {
    const screens = typing(['$ ', '$ l', '$ ls']);
    const a = await gifOf(screens, [0, 0.4, 0.9], 2);
    const b = await gifOf(screens, [0, 0.4, 0.9], 2);
    expect(a.equals(b)).toBe(true);
  });

  test('frames are written as they come, not at the end', async () => {
    let written = 0;
    const out = new Writable({
      write(chunk: Buffer, _enc, done) {
        written += chunk.length;
        done();
      },
    });
    const screens = typing(['a', 'ab', 'abc', 'abcd']);
    const seen: number[] = [];
    async function* watched(): AsyncGenerator<Frame> {
      for await (const f of framesOf(screens, [0, 1, 2, 3], 4)) {
        seen.push(written);
        yield f;
      }
    }
    await renderGif(watched(), info, {}, out);
    // By the time the third frame is asked for, the header and first frame are out.
    expect(seen[0]).toBe(0);
    expect(seen[2]).toBeGreaterThan(0);
  });

  test('no frames at all still gives a valid one-frame GIF of the empty screen', async () => {
    const sink = memorySink();
    await renderGif((async function* () {})(), info, {}, sink.stream);
    expect(decodeGif(sink.bytes()).frames).toHaveLength(1);
  });
});

describe('renderGif colours and transparency', () => {
  test('text appearing and disappearing over a transparent background decodes exactly', async () => {
    const options = { transparentBackground: true };
    const screens = [
      screen({ cols: 20, rows: 4, lines: ['hello'], cursor: { visible: false } }),
      screen({ cols: 20, rows: 4, lines: ['hello', 'world'], cursor: { visible: false } }),
      screen({ cols: 20, rows: 4, lines: ['', 'world'], cursor: { visible: false } }),
      screen({ cols: 20, rows: 4, lines: ['', ''], cursor: { visible: false } }),
    ];
    await expectFramesMatchStills(await gifOf(screens, [0, 1, 2, 3], 4, options), screens, options);
  });

  test('over a transparent background, PNG edges are the text colour partly transparent, with no halo of the theme background', async () => {
    const theme = getTheme('dracula');
    const s = screen({ cols: 20, rows: 4, lines: ['hello, world'], cursor: { visible: false } });
    const png = decodePngExact(renderPng(s, info, { theme, transparentBackground: true }));
    const grid = resolveRaster(info, { theme }).layout.content;
    const fg = [theme.foreground >> 16, (theme.foreground >> 8) & 0xff, theme.foreground & 0xff];
    let partial = 0;
    for (let i = 0; i < png.rgba.length; i += 4) {
      const a = png.rgba[i + 3]!;
      if (a === 0) continue;
      const rgb = [png.rgba[i]!, png.rgba[i + 1]!, png.rgba[i + 2]!];
      const x = (i / 4) % png.width;
      const y = Math.floor(i / 4 / png.width);
      const inGrid = x >= grid.x && x < grid.x + grid.width && y >= grid.y && y < grid.y + grid.height;
      // Every visible pixel of the grid is the text colour; only its alpha varies.
      if (inGrid) {
        expect(rgb, `pixel ${x},${y}`).toEqual(fg);
        if (a < 255) partial++;
      }
    }
    expect(partial).toBeGreaterThan(50);
    // Without a transparent background the still is opaque everywhere inside the corners.
    const opaque = await decodePng(renderPng(s, info, { theme }));
    const centre = (opaque.height >> 1) * opaque.width + (opaque.width >> 1);
    expect(opaque.rgba[centre * 4 + 3]).toBe(255);
  });

  test('a frame with more than 256 colours is quantized in its own table; the others stay exact', async () => {
    // Every cell its own colour pair: with the anti-aliasing blends, far more than 256 colours.
    const rows = Array.from({ length: 4 }, (_, r) =>
      styledRow(20, Array.from({ length: 20 }, (_, c) => {
        const i = r * 20 + c;
        return ['W', { fg: rgbColor(i * 3, 255 - i * 3, (i * 7) % 256), bg: rgbColor(255 - i * 3, i * 2, 128) }] as const;
      })),
    );
    const a = screen({ cols: 20, rows: 4, lines: ['plain'], cursor: { visible: false } });
    const b = screen({ cols: 20, rows: 4, lines: rows, cursor: { visible: false } });
    const c = screen({ cols: 20, rows: 4, lines: ['plain'], cursor: { visible: false } });
    const bytes = await gifOf([a, b, c], [0, 1, 2], 3);
    const gif = decodeGif(bytes);
    expect(gif.frames).toHaveLength(3);
    const stills = await Promise.all([a, b, c].map(async (s) => (await decodePng(renderPng(s, info, {}))).rgba));
    const colours = new Set<number>();
    for (let i = 0; i < stills[1]!.length; i += 4) colours.add(new DataView(stills[1]!.buffer).getUint32(i));
    expect(colours.size).toBeGreaterThan(256);
    expect(differingPixels(gif.frames[0]!.rgba, stills[0]!)).toBe(0);
    expect(differingPixels(gif.frames[2]!.rgba, stills[2]!)).toBe(0);
    // The busy frame is close: every channel within a small distance.
    let worst = 0;
    for (let i = 0; i < stills[1]!.length; i++) worst = Math.max(worst, Math.abs(gif.frames[1]!.rgba[i]! - stills[1]![i]!));
    expect(worst).toBeLessThan(48);
  });
});
