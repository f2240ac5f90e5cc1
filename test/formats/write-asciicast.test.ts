import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readCast, writeAsciicast, type Cast, type CastEvent, type CastHeader } from '../../src/cast/index.js';
import { collect } from './screen.js';

function castOf(header: CastHeader, events: CastEvent[]): Cast {
  return {
    header,
    events: (async function* () {
      yield* events;
    })(),
  };
}

async function written(cast: Cast, version: 2 | 3): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeAsciicast(cast, out, { version });
  return Buffer.concat(chunks).toString('utf8');
}

const HEADER: CastHeader = {
  version: 2,
  cols: 80,
  rows: 24,
  timestamp: 1700000000,
  idleLimit: 2.5,
  command: 'bash -l',
  title: 'Demo "quoted"',
  env: { TERM: 'xterm-256color' },
  termType: 'xterm-256color',
  theme: { fg: '#ffffff', bg: '#000000', palette: '#000000:#111111:#222222:#333333:#444444:#555555:#666666:#777777' },
};

const EVENTS: CastEvent[] = [
  { time: 0.1, kind: 'output', data: 'a\u001b[1mb\r\n' },
  { time: 0.3, kind: 'input', data: 'q' },
  { time: 1 / 3, kind: 'marker', label: 'here' },
  { time: 2, kind: 'resize', cols: 100, rows: 30 },
  { time: 2.0000004, kind: 'output', data: '"é😀\\' },
  { time: 7.25, kind: 'exit', status: 3 },
];

describe('writeAsciicast', () => {
  it('writes v2: width/height header, absolute times of at most 6 decimals, no exit event', async () => {
    expect(await written(castOf(HEADER, EVENTS), 2)).toBe(
      [
        '{"version":2,"width":80,"height":24,"timestamp":1700000000,"idle_time_limit":2.5,"command":"bash -l","title":"Demo \\"quoted\\"","env":{"TERM":"xterm-256color"},"theme":{"fg":"#ffffff","bg":"#000000","palette":"#000000:#111111:#222222:#333333:#444444:#555555:#666666:#777777"}}',
        '[0.1, "o", "a\\u001b[1mb\\r\\n"]',
        '[0.3, "i", "q"]',
        '[0.333333, "m", "here"]',
        '[2, "r", "100x30"]',
        '[2, "o", "\\"é😀\\\\"]',
        '',
      ].join('\n'),
    );
  });

  it('writes v3: a term object, intervals that add up to the absolute times, the exit status', async () => {
    expect(await written(castOf(HEADER, EVENTS), 3)).toBe(
      [
        '{"version":3,"term":{"cols":80,"rows":24,"type":"xterm-256color","theme":{"fg":"#ffffff","bg":"#000000","palette":"#000000:#111111:#222222:#333333:#444444:#555555:#666666:#777777"}},"timestamp":1700000000,"idle_time_limit":2.5,"command":"bash -l","title":"Demo \\"quoted\\"","env":{"TERM":"xterm-256color"}}',
        '[0.1, "o", "a\\u001b[1mb\\r\\n"]',
        '[0.2, "i", "q"]',
        '[0.033333, "m", "here"]',
        '[1.666667, "r", "100x30"]',
        '[0, "o", "\\"é😀\\\\"]',
        '[5.25, "x", "3"]',
        '',
      ].join('\n'),
    );
  });

  it('does not drift over many v3 intervals, and reads back with the same events', async () => {
    const events: CastEvent[] = Array.from({ length: 5000 }, (_, i) => ({ time: (i * 7) / 3000, kind: 'output', data: `${i}\n` }));
    const header: CastHeader = { version: 2, cols: 10, rows: 3 };
    for (const version of [2, 3] as const) {
      const text = await written(castOf(header, events), version);
      const back = await collect(await readCast([text]));
      expect(back.map((e) => (e.kind === 'output' ? e.data : ''))).toEqual(events.map((e) => (e.kind === 'output' ? e.data : '')));
      back.forEach((e, i) => expect(Math.abs(e.time - events[i]!.time)).toBeLessThanOrEqual(0.5e-6 + 1e-9));
    }
  });

  it('waits for a slow stream instead of buffering everything', async () => {
    const received: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const slow = new Writable({
      highWaterMark: 16,
      write(chunk: Buffer, _encoding, done) {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        received.push(chunk.toString('utf8'));
        setTimeout(() => {
          inFlight--;
          done();
        }, 1);
      },
    });
    const big = 'x'.repeat(1000);
    const events: CastEvent[] = Array.from({ length: 300 }, (_, i) => ({ time: i, kind: 'output', data: big }));
    await writeAsciicast(castOf({ version: 2, cols: 10, rows: 3 }, events), slow, { version: 2 });
    expect(maxInFlight).toBe(1);
    expect(received.length).toBeGreaterThan(2);
    expect(received.join('').split('\n')).toHaveLength(302);
  });
});
