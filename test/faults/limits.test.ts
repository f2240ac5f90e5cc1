import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import { CastError, readCast } from '../../src/cast/index.js';
import type { AnimationInfo, Frame } from '../../src/frames/frame.js';
import { DEFAULT_LIMITS, LimitError, parseLimit, resolveLimits } from '../../src/options/limits.js';
import { checkOutputSize, checkPixelSize, limitBytes, limitFrames, outputPixels } from '../../src/render/limits.js';

const info = (cols: number, rows: number): AnimationInfo => ({ cols, rows, title: '', loop: 0 });
const limits = resolveLimits();

describe('limits', () => {
  it('default to sizes no real recording reaches', () => {
    expect(DEFAULT_LIMITS).toEqual({
      cols: 1000,
      rows: 500,
      width: 8192,
      height: 8192,
      pixels: 5_000_000,
      frames: 200_000,
      duration: 1_000_000,
      snapshotPixels: 50_000_000,
      svgBytes: 512 * 1024 * 1024,
      urlBytes: 512 * 1024 * 1024,
    });
  });

  it('are raised by NAME=N, byte limits in MB', () => {
    expect(parseLimit('width=16384')).toEqual({ width: 16384 });
    expect(parseLimit(' frames = 5 ')).toEqual({ frames: 5 });
    expect(parseLimit('svgBytes=2')).toEqual({ svgBytes: 2 * 1024 * 1024 });
    expect(resolveLimits({ ...parseLimit('height=10000'), ...parseLimit('urlBytes=1') })).toMatchObject({
      width: 8192,
      height: 10000,
      urlBytes: 1048576,
    });
  });

  it.each([
    ['width', /is not NAME=N/],
    ['width=abc', /is not NAME=N/],
    ['width=-5', /is not NAME=N/],
    ['area=5', /unknown limit "area" \(known: cols, rows, width, height, pixels, frames, duration, snapshotPixels, svgBytes, urlBytes\)/],
    ['width=0', /must be positive/],
  ])('refuse %s', (text, message) => {
    expect(() => parseLimit(text)).toThrow(message);
  });

  it('cannot raise the terminal size past what the terminal holds', () => {
    expect(() => resolveLimits({ cols: 2001 })).toThrow(/cols cannot pass the terminal's maximum of 2000/);
    expect(() => resolveLimits({ rows: 1001 })).toThrow(/rows cannot pass the terminal's maximum of 1000/);
    expect(() => resolveLimits({ frames: Number.NaN })).toThrow(/must be a positive number/);
  });

  it('refuse an output over the pixel limit with the way to raise it', () => {
    expect(() => checkPixelSize(8192, 8192, resolveLimits({ pixels: 8192 * 8192 }))).not.toThrow();
    expect(() => checkPixelSize(8193, 10, limits)).toThrow(
      new LimitError('width', 'the output would be 8193 px wide, beyond the 8192 px limit'),
    );
    expect(() => checkPixelSize(10, 9000.2, limits)).toThrow('the output would be 9001 px high, beyond the 8192 px limit (raise it with --limit height=N)');
    expect(() => checkPixelSize(Number.NaN, 10, limits)).toThrow(/an unbounded px wide/);
    expect(() => checkPixelSize(10, Infinity, limits)).toThrow(/an unbounded px high/);
  });

  it('know the output size from the renderers\' own geometry, before any pixel exists', async () => {
    // 80x24 at the defaults is a few hundred pixels each way; GIF and SVG agree on it.
    const gif = await outputPixels('gif', info(80, 24), {});
    const svg = await outputPixels('svg', info(80, 24), {});
    for (const size of [gif!, svg!]) {
      expect(size.width).toBeGreaterThan(80 * 8);
      expect(size.width).toBeLessThan(1000);
      expect(size.height).toBeGreaterThan(24 * 14);
      expect(size.height).toBeLessThan(1000);
    }
    expect(await outputPixels('txt', info(80, 24), {})).toBeUndefined();
    // Sizes that would need terabytes of pixels are refused by arithmetic alone.
    for (const format of ['gif', 'png', 'svg'] as const) {
      await expect(checkOutputSize(format, info(20, 4), { letterSpacing: 1e9 }, limits)).rejects.toThrow(LimitError);
      await expect(checkOutputSize(format, info(20, 4), { scale: 1e6 }, limits)).rejects.toThrow(/px wide, beyond the 8192 px limit/);
      await expect(checkOutputSize(format, info(20, 4), { margin: 1e9 }, limits)).rejects.toThrow(LimitError);
      await expect(checkOutputSize(format, info(1000, 500), {}, limits)).rejects.toThrow(LimitError);
      const raised = resolveLimits({ width: 20000, height: 20000, pixels: 20000 * 20000 });
      await expect(checkOutputSize(format, info(1000, 500), {}, raised)).resolves.toBeUndefined();
    }
  });

  it('stop an animation at the frame limit before the frame past it is drawn', async () => {
    let made = 0;
    async function* frames(): AsyncGenerator<Frame> {
      for (;;) yield { index: made++, time: made, duration: 1 } as Frame;
    }
    const seen: number[] = [];
    await expect(async () => {
      for await (const frame of limitFrames(frames(), resolveLimits({ frames: 5 }))) seen.push(frame.index);
    }).rejects.toThrow('the animation has more than 5 frames (raise it with --limit frames=N)');
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(made).toBe(6);
  });

  it('refuse a GIF or PNG of more pixels than the area limit, before any pixel exists; an SVG is not held to it', async () => {
    expect(() => checkPixelSize(2500, 2000, limits)).not.toThrow();
    expect(() => checkPixelSize(2501, 2000, limits)).toThrow(
      'the output would be 2501x2000 = 5002000 pixels, beyond the 5000000 pixel limit (raise it with --limit pixels=N)',
    );
    expect(() => checkPixelSize(2501, 2000, limits, false)).not.toThrow();
    // 340x85 cells at the defaults is about 2750x1760 px; 600x150 is over the area, each side within 8192.
    await expect(checkOutputSize('gif', info(340, 85), {}, limits)).resolves.toBeUndefined();
    for (const format of ['gif', 'png'] as const) {
      await expect(checkOutputSize(format, info(600, 150), {}, limits)).rejects.toThrow(/pixel limit \(raise it with --limit pixels=N\)/);
    }
    await expect(checkOutputSize('svg', info(600, 150), {}, limits)).resolves.toBeUndefined();
  });

  it('stop an animation past the duration limit before its frame is drawn, however the time overflowed', async () => {
    const take = async (list: Array<[number, number]>, given = limits, longest?: number) => {
      const seen: number[] = [];
      async function* frames(): AsyncGenerator<Frame> {
        for (const [i, [time, duration]] of list.entries()) yield { index: i, time, duration } as Frame;
      }
      for await (const frame of limitFrames(frames(), given, longest)) seen.push(frame.index);
      return seen;
    };
    expect(await take([[0, 1], [1, 999_999]])).toEqual([0, 1]);
    await expect(take([[0, 1], [1, 1_000_000]])).rejects.toThrow(
      'the animation would last at least 1000001 s, beyond the 1000000 s limit (raise it with --limit duration=N)',
    );
    await expect(take([[0, 1], [1, Infinity]])).rejects.toThrow('the animation would last longer than a clock can count');
    await expect(take([[0, Number.NaN]])).rejects.toThrow(/longer than a clock can count/);
    await expect(take([[Infinity, 1]])).rejects.toThrow(LimitError);
  });

  it('count the frames a long frame needs where frames are short-lived (a GIF holds one for 655.35 s)', async () => {
    const take = async (durations: number[], given: Partial<typeof limits>, longest?: number) => {
      let time = 0;
      async function* frames(): AsyncGenerator<Frame> {
        for (const [index, duration] of durations.entries()) {
          yield { index, time, duration } as Frame;
          time += duration;
        }
      }
      const seen: number[] = [];
      for await (const frame of limitFrames(frames(), resolveLimits(given), longest)) seen.push(frame.index);
      return seen;
    };
    // 655.35 s fits one GIF frame, 655.36 s needs two: 1 + 2 + 2 = 5 frames.
    expect(await take([655.35, 655.36, 1000], { frames: 5 }, 655.35)).toEqual([0, 1, 2]);
    await expect(take([655.35, 655.36, 1000, 1], { frames: 5 }, 655.35)).rejects.toThrow(
      'the animation has more than 5 frames (a GIF frame lasts at most 655.35 s, so a long pause takes several) (raise it with --limit frames=N)',
    );
    // A pause of 10^9 s, allowed by a raised duration limit, would be 1.5 million GIF frames; without a longest frame it is one.
    await expect(take([1, 1e9], { duration: 2e9 }, 655.35)).rejects.toThrow(/more than 200000 frames/);
    expect(await take([1, 1e9], { duration: 2e9 })).toEqual([0, 1]);
  });

  it('stop an SVG at the size limit: nothing past it reaches the output', async () => {
    const got: Buffer[] = [];
    const out = new Writable({
      write(chunk: Buffer, _e, done) {
        got.push(chunk);
        done();
      },
    });
    const capped = limitBytes(out, 10);
    const write = (s: string) => new Promise<void>((resolve, reject) => capped.write(s, (e) => (e ? reject(e) : resolve())));
    await write('<svg>');
    await write('12345');
    await expect(write('x')).rejects.toThrow('the output is larger than the 10 byte limit (raise it with --limit svgBytes=N MB)');
    expect(Buffer.concat(got).toString()).toBe('<svg>12345');
    expect(capped.errored).toBeInstanceOf(LimitError);
  });

  it('refuse a terminal size beyond the terminal, from the command line too', async () => {
    const header = '{"version": 2, "width": 80, "height": 24}\n';
    await expect(readCast([header], { name: 'a.cast', rows: 100_000 })).rejects.toThrow(
      new CastError('a.cast', undefined, "--rows 100000 is beyond the terminal's maximum of 1000"),
    );
    // A header over the limit can be allowed by raising it, up to the terminal's maximum.
    const big = '{"version": 2, "width": 1500, "height": 24}\n';
    await expect(readCast([big], { name: 'b.cast' })).rejects.toThrow(/terminal size 1500x24 is beyond 1000x500/);
    expect((await readCast([big], { name: 'b.cast', maxCols: 1500 })).header.cols).toBe(1500);
    await expect(readCast([big], { name: 'b.cast', maxCols: 1400 })).rejects.toThrow(/beyond 1400x500/);
  });
});
