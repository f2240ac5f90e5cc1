import { describe, expect, it } from 'vitest';
import { readCast } from '../../src/cast/index.js';
import { castFrames, type Frame } from '../../src/frames/index.js';
import { render } from '../../src/render/render.js';

const castOf = (events: unknown[][], header = '{"version": 2, "width": 20, "height": 3}') =>
  [header, ...events.map((e) => JSON.stringify(e))].join('\n') + '\n';

async function framesOf(text: string, options = {}): Promise<Frame[]> {
  const frames: Frame[] = [];
  for await (const f of castFrames(await readCast([new TextEncoder().encode(text)]), { keys: true, ...options })) frames.push(f);
  return frames;
}

const summary = (frames: Frame[]) => frames.map((f) => [Math.round(f.time * 1000) / 1000, (f.keys ?? []).map((k) => k.text).join(' ')]);

describe('frames with --keys', () => {
  it('start a frame at each key press and where a key disappears, the screen unchanged', async () => {
    const frames = await framesOf(castOf([[0, 'o', '$ '], [1, 'i', 'a'], [1.5, 'i', '\r'], [6, 'o', 'x']]), { idleTimeLimit: 0 });
    expect(summary(frames)).toEqual([[0, ''], [1, 'a'], [1.5, 'a ⏎'], [3, '⏎'], [3.5, ''], [6, '']]);
    expect(frames[3]!.changedRows.size).toBe(0);
  });

  it('place key presses in the output clock: after an idle limit and at --speed', async () => {
    const text = castOf([[0, 'o', '$ '], [10, 'i', 'q'], [10.1, 'o', 'q']]);
    expect(summary(await framesOf(text, { idleTimeLimit: 2 }))).toEqual([[0, ''], [2, 'q'], [2.1, 'q'], [4, '']]);
    expect(summary(await framesOf(text, { idleTimeLimit: 0, speed: 2 }))).toEqual([[0, ''], [5, 'q'], [5.05, 'q'], [7, '']]);
  });

  it('carry no keys at all without --keys (input rides along with the output before it, as before)', async () => {
    const frames = await framesOf(castOf([[0, 'o', '$ '], [1, 'i', 'a'], [1.2, 'o', 'a']]), { keys: false });
    expect(frames.map((f) => [f.time, 'keys' in f])).toEqual([[0, false], [1.2, false]]);
  });

  it('give marker snapshots the keys shown there, as the still at that marker has them', async () => {
    const text = castOf([[0, 'o', '$ '], [1, 'i', 'ls'], [1.1, 'o', 'ls'], [1.2, 'm', 'typed'], [5, 'o', '!']]);
    const snapshots: Buffer[] = [];
    await render(text, { format: 'gif', keys: true, onMarkerPng: (_label, _index, png) => snapshots.push(png) });
    const still = Buffer.from(await render(text, { format: 'png', keys: true, at: { marker: 'typed' } }));
    const bare = Buffer.from(await render(text, { format: 'png', keys: true, at: { seconds: 0.5 } }));
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]!.equals(still)).toBe(true);
    expect(still.equals(bare)).toBe(false);
  });
});
