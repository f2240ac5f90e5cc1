import { describe, expect, it } from 'vitest';
import { replayable } from '../../src/cast/replay.js';
import type { Cast, CastEvent } from '../../src/cast/events.js';
import { dropShortFrames, type Frame } from '../../src/frames/index.js';
import { darkTwinPath, pictureSnippet } from '../../src/render/dark-twin.js';
import { parseByteSize } from '../../src/options/values.js';
import { themePair } from '../../src/theme/index.js';
import { darkOf, lightOf, paint } from '../../src/svg/paint.js';

const frame = (index: number, duration: number, rows: number[]): Frame => ({
  index,
  screen: { index } as unknown as Frame['screen'],
  changedRows: new Set(rows),
  cursorChanged: false,
  paletteChanged: index === 2,
  time: 0,
  duration,
});

async function* from(frames: Frame[]): AsyncGenerator<Frame> {
  yield* frames;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('dropShortFrames', () => {
  it('leaves out frames shown for less than the minimum: the frame before shows longer, the next one repaints what they changed', async () => {
    let kept = 0;
    const out = await collect(
      dropShortFrames(from([frame(0, 0.1, [0]), frame(1, 1, [1]), frame(2, 0.2, [2]), frame(3, 0.3, [3]), frame(4, 2, [4]), frame(5, 0.1, [5])]), 0.5, (n) => (kept = n)),
    );
    // The first and last frames stay however short; 2 and 3 go into 1 (time) and 4 (changes).
    expect(out.map((f) => [(f.screen as unknown as { index: number }).index, f.index, f.duration])).toEqual([
      [0, 0, 0.1],
      [1, 1, 1.5],
      [4, 2, 2],
      [5, 3, 0.1],
    ]);
    expect([...out[2]!.changedRows].sort()).toEqual([2, 3, 4]);
    expect(out[2]!.paletteChanged).toBe(true);
    expect(kept).toBe(4);
    // Past the longest frame, the ends alone.
    expect((await collect(dropShortFrames(from([frame(0, 1, [0]), frame(1, 1, [1]), frame(2, 1, [2])]), Infinity))).map((f) => f.duration)).toEqual([2, 1]);
  });
});

describe('replayable', () => {
  it('gives the same events on every pass, reading the source once', async () => {
    let reads = 0;
    async function* events(): AsyncGenerator<CastEvent> {
      for (let i = 0; i < 3; i++) {
        reads++;
        yield { time: i, kind: 'output', data: String(i) };
      }
    }
    const cast = replayable({ header: {} as Cast['header'], events: events() });
    const first = await collect(cast.events);
    const second = await collect(cast.events);
    expect(second).toEqual(first);
    expect(first.map((e) => (e as { data: string }).data)).toEqual(['0', '1', '2']);
    expect(reads).toBe(3);
  });
});

describe('sizes, twins and theme pairs', () => {
  it('reads sizes as people write them, KB and MB decimal', () => {
    expect(parseByteSize('5MB')).toBe(5_000_000);
    expect(parseByteSize('800 kb')).toBe(800_000);
    expect(parseByteSize('1.5MiB')).toBe(1_572_864);
    expect(parseByteSize('250000')).toBe(250_000);
    expect(() => parseByteSize('5 parsecs')).toThrow('"5 parsecs" is not a size');
    expect(() => parseByteSize('0MB')).toThrow('above 0');
  });

  it('names the twin beside the output and writes the <picture> escaped', () => {
    expect(darkTwinPath('demo.gif')).toBe('demo-dark.gif');
    expect(darkTwinPath('docs/img/demo.v2.png')).toBe('docs/img/demo.v2-dark.png');
    expect(pictureSnippet('a "b".gif', 'a "b"-dark.gif', 'x < y & z')).toBe(
      '<picture><source media="(prefers-color-scheme: dark)" srcset="a &quot;b&quot;-dark.gif"><img src="a &quot;b&quot;.gif" alt="x &lt; y &amp; z"></picture>',
    );
  });

  it('auto is the github pair; a dark theme given replaces its dark half', () => {
    expect(themePair('auto', undefined)).toEqual({ light: 'github-light', dark: 'github-dark' });
    expect(themePair('auto', 'dracula')).toEqual({ light: 'github-light', dark: 'dracula' });
    expect(themePair('nord', undefined)).toEqual({ light: 'nord', dark: undefined });
  });

  it('keeps both colours of a paint, black included', () => {
    for (const [light, dark] of [[0xffffff, 0x000000], [0x000000, 0xffffff], [0x123456, 0x123456]]) {
      expect([lightOf(paint(light!, dark!)), darkOf(paint(light!, dark!))]).toEqual([light, dark]);
    }
    expect(paint(0x123456, 0x123456)).toBe(0x123456);
  });
});
