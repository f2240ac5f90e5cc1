import { describe, expect, it } from 'vitest';
import type { CastEvent, CastHeader } from '../../src/cast/events.js';
import { frameGroups, isBefore, parseTimePoint, TimePointError, type TimelineOptions } from '../../src/timeline/index.js';

const header: CastHeader = { version: 2, cols: 80, rows: 24 };
const out = (time: number, data = 'x'): CastEvent => ({ time, kind: 'output', data });
const marker = (time: number, label: string): CastEvent => ({ time, kind: 'marker', label });

async function groups(events: CastEvent[], options: TimelineOptions = {}, h: CastHeader = header) {
  async function* source() {
    yield* events;
  }
  const result: Array<{ time: number; data: string }> = [];
  for await (const g of frameGroups(source(), h, options)) {
    result.push({
      time: Math.round(g.time * 1e6) / 1e6,
      data: g.events.map((e) => (e.kind === 'output' ? e.data : `[${e.kind}]`)).join(''),
    });
  }
  return result;
}

describe('frame groups', () => {
  it('keeps the pause before the first output and between outputs', async () => {
    expect(await groups([out(1, 'a'), out(2.5, 'b')])).toEqual([
      { time: 0, data: '' },
      { time: 1, data: 'a' },
      { time: 2.5, data: 'b' },
    ]);
  });

  it('caps pauses at the idle time limit: option, else header, else 5 s; 0 keeps all', async () => {
    const events = [out(0, 'a'), out(20, 'b'), out(21, 'c')];
    expect((await groups(events)).map((g) => g.time)).toEqual([0, 5, 6]);
    expect((await groups(events, {}, { ...header, idleLimit: 2 })).map((g) => g.time)).toEqual([0, 2, 3]);
    expect((await groups(events, { idleTimeLimit: 1 }, { ...header, idleLimit: 2 })).map((g) => g.time)).toEqual([0, 1, 2]);
    expect((await groups(events, { idleTimeLimit: 0 })).map((g) => g.time)).toEqual([0, 20, 21]);
  });

  it('applies speed after the idle limit', async () => {
    const events = [out(0, 'a'), out(20, 'b'), out(21, 'c')];
    expect((await groups(events, { speed: 2, idleTimeLimit: 4 })).map((g) => g.time)).toEqual([0, 2, 2.5]);
  });

  it('merges outputs closer than 1/fps into one frame', async () => {
    const events = [out(0, 'a'), out(0.01, 'b'), out(0.02, 'c'), out(0.05, 'd'), out(0.5, 'e')];
    expect(await groups(events, { fpsCap: 30 })).toEqual([
      { time: 0, data: 'abc' },
      { time: 0.05, data: 'd' },
      { time: 0.5, data: 'e' },
    ]);
    expect((await groups(events, { fpsCap: 1000 })).map((g) => g.data)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('starts at --from seconds with the earlier output already applied', async () => {
    const events = [out(1, 'a'), out(2, 'b'), out(4, 'c'), out(5, 'd')];
    expect(await groups(events, { from: { seconds: 3 } })).toEqual([
      { time: 0, data: 'ab' },
      { time: 1, data: 'c' },
      { time: 2, data: 'd' },
    ]);
  });

  it('trims at markers by label and by number', async () => {
    const events = [out(1, 'a'), marker(2, 'start'), out(3, 'b'), marker(4, 'end'), out(5, 'c')];
    expect(await groups(events, { from: { marker: 'start' }, to: { marker: 'end' } })).toEqual([
      { time: 0, data: 'a[marker]' },
      { time: 1, data: 'b' },
    ]);
    expect(await groups(events, { from: { marker: '2' } })).toEqual([
      { time: 0, data: 'a[marker]b[marker]' },
      { time: 1, data: 'c' },
    ]);
  });

  it('stops after --to seconds', async () => {
    expect(await groups([out(1, 'a'), out(2, 'b'), out(3, 'c')], { to: { seconds: 2 } })).toEqual([
      { time: 0, data: '' },
      { time: 1, data: 'a' },
      { time: 2, data: 'b' },
    ]);
  });

  it('attaches input and markers to the frame they happen in without starting frames', async () => {
    const events: CastEvent[] = [out(0, 'a'), { time: 1, kind: 'input', data: 'k' }, marker(2, 'm'), out(3, 'b')];
    expect(await groups(events)).toEqual([
      { time: 0, data: 'a[input][marker]' },
      { time: 3, data: 'b' },
    ]);
  });
});

describe('time points', () => {
  it('parses seconds and markers', () => {
    expect(parseTimePoint('12.5')).toEqual({ seconds: 12.5 });
    expect(parseTimePoint('marker:intro')).toEqual({ marker: 'intro' });
    expect(parseTimePoint('marker:2')).toEqual({ marker: '2' });
    expect(() => parseTimePoint('soon')).toThrow(/not a time/);
    expect(() => parseTimePoint('-1')).toThrow(/not a time/);
    expect(() => parseTimePoint('marker:')).toThrow(/names no marker/);
  });

  it('includes events up to and at a still time, and stops at a marker', () => {
    const at = isBefore({ seconds: 2 });
    expect([out(1), out(2), out(2.01)].map(at)).toEqual(['include', 'include', 'stop']);
    const atMarker = isBefore({ marker: 'b' });
    expect([out(1), marker(2, 'a'), out(3), marker(4, 'b')].map(atMarker)).toEqual(['include', 'include', 'include', 'stop']);
  });
});

describe('time points that match nothing', () => {
  const events = [out(1, 'a'), marker(2, 'intro'), out(3, 'b'), marker(4, 'end'), out(5, 'c')];

  it.each<[string, TimelineOptions, string]>([
    ['a label no marker has', { from: { marker: 'nothere' } }, '--from marker:nothere: no marker is labelled "nothere" (the markers: "intro", "end")'],
    ['a marker number past the last', { from: { marker: '3' } }, '--from marker:3: the recording has 2 markers'],
    ['a start past the end', { from: { seconds: 8 } }, '--from 8: the recording ends at 5 s'],
    ['an end marker that is not there', { to: { marker: 'outro' } }, '--to marker:outro: no marker is labelled "outro" (the markers: "intro", "end")'],
    ['an end before the start, in seconds', { from: { seconds: 8 }, to: { seconds: 5 } }, '--to 5 is not after --from 8'],
    ['an end equal to the start', { from: { seconds: 2 }, to: { seconds: 2 } }, '--to 2 is not after --from 2'],
    ['an end marker before the start marker', { from: { marker: 'end' }, to: { marker: 'intro' } }, '--to marker:intro comes before --from marker:end'],
    ['an end time before the start marker', { from: { marker: 'end' }, to: { seconds: 3 } }, '--to 3 comes before --from marker:end'],
  ])('%s is a TimePointError', async (_, options, message) => {
    const failure = await groups(events, options).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TimePointError);
    expect((failure as Error).message).toBe(message);
  });

  it('a recording without markers says so; a long list of labels is cut short', async () => {
    await expect(groups([out(1)], { to: { marker: '1' } })).rejects.toThrow('--to marker:1: the recording has no markers');
    const many = Array.from({ length: 8 }, (_, i) => marker(i, `m${i}`));
    await expect(groups(many, { from: { marker: 'x' } })).rejects.toThrow(
      '--from marker:x: no marker is labelled "x" (the markers: "m0", "m1", "m2", "m3", "m4", and 3 more)',
    );
  });

  it('an end past the last event only bounds the animation, and 0 starts even an empty recording', async () => {
    expect((await groups(events, { to: { seconds: 100 } })).map((g) => g.data)).toEqual(['', 'a[marker]', 'b[marker]', 'c']);
    expect(await groups([], { from: { seconds: 0 } })).toEqual([{ time: 0, data: '' }]);
  });

  it('a still at a marker not there throws once the events run out; a still past the end shows the last screen', () => {
    const past = isBefore({ seconds: 9 });
    expect(events.map((e) => past(e))).toEqual(['include', 'include', 'include', 'include', 'include']);
    expect(past(undefined)).toBe('stop');
    const missing = isBefore({ marker: '99' });
    for (const e of events) missing(e);
    expect(() => missing(undefined)).toThrow('--at marker:99: the recording has 2 markers');
  });
});
