import { describe, expect, it } from 'vitest';
import { CastError, readCast, readRecordingFrom, type CastEvent } from '../../src/cast/index.js';
import { MAX_LINE_LENGTH } from '../../src/cast/lines.js';
import { corpusFiles, seeds } from './corpus.js';
import { mutateCast, mutateRecording, rng } from './generators.js';

const corpus = corpusFiles();

type Outcome = { events: CastEvent[] } | { error: CastError };

/** Reads a cast to the end; anything thrown other than a CastError is rethrown with the seed. */
async function outcome(read: () => Promise<{ events: AsyncIterable<CastEvent> }>, seed: number, applied: string[]): Promise<Outcome> {
  try {
    const cast = await read();
    const events: CastEvent[] = [];
    for await (const event of cast.events) events.push(event);
    return { events };
  } catch (error) {
    if (error instanceof CastError) return { error };
    throw new Error(`seed ${seed} (${applied.join(', ')}): ${(error as Error)?.stack ?? String(error)}`);
  }
}

/** What every reader promises about the events it yields and the errors it throws. */
function checkOutcome(result: Outcome, seed: number): void {
  if ('error' in result) {
    const message = result.error.message;
    expect(message, `seed ${seed}`).not.toContain('\n');
    expect(message.length, `seed ${seed}: ${message.slice(0, 200)}`).toBeLessThan(400);
    return;
  }
  let last = 0;
  for (const event of result.events) {
    expect(Number.isFinite(event.time), `seed ${seed}`).toBe(true);
    expect(event.time, `seed ${seed}: times never go backwards`).toBeGreaterThanOrEqual(last);
    last = event.time;
    switch (event.kind) {
      case 'output':
      case 'input':
        expect(typeof event.data).toBe('string');
        break;
      case 'marker':
        expect(typeof event.label).toBe('string');
        break;
      case 'resize':
        expect(Number.isInteger(event.cols) && event.cols >= 1 && event.cols <= 2000, `seed ${seed}`).toBe(true);
        expect(Number.isInteger(event.rows) && event.rows >= 1 && event.rows <= 1000, `seed ${seed}`).toBe(true);
        break;
      case 'exit':
        expect(Number.isFinite(event.status)).toBe(true);
        break;
      default:
        throw new Error(`seed ${seed}: unknown event ${JSON.stringify(event)}`);
    }
  }
}

describe('the cast reader on mutated real casts', () => {
  it('gives events or a one-line CastError, never anything else (asciicast reader)', async () => {
    for (const seed of seeds(1500)) {
      const r = rng(seed);
      const { bytes, applied } = mutateCast(r, r.pick(corpus).bytes);
      checkOutcome(await outcome(() => readCast([bytes], { name: 'fuzz.cast' }), seed, applied), seed);
    }
  });

  it('gives events or a one-line CastError through format detection (all formats)', async () => {
    for (const seed of seeds(600)) {
      const r = rng(seed + 1_000_000);
      const { bytes, applied } = mutateCast(r, r.pick(corpus).bytes);
      // Chunked as a file stream would be, so records and lines are cut across chunks.
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < bytes.length; ) {
        const size = r.range(1, 4096);
        chunks.push(bytes.subarray(at, at + size));
        at += size;
      }
      checkOutcome(await outcome(() => readRecordingFrom(chunks, { name: 'fuzz' }), seed, applied), seed);
    }
  });
});

describe('the ttyrec and Terminalizer readers on damaged recordings of real casts', () => {
  it('gives events or a one-line CastError through format detection (ttyrec)', async () => {
    for (const seed of seeds(600)) {
      const r = rng(seed + 2_000_000);
      const { bytes, applied } = mutateRecording(r, r.pick(corpus).bytes, 'ttyrec');
      checkOutcome(await outcome(() => readRecordingFrom([bytes], { name: 'fuzz.ttyrec' }), seed, applied), seed);
    }
  });

  it('gives events or a one-line CastError through format detection (Terminalizer)', async () => {
    // YAML parsing is slow: fewer seeds here, 20,000 recordings in scripts/fuzz.js.
    for (const seed of seeds(100)) {
      const r = rng(seed + 3_000_000);
      const { bytes, applied } = mutateRecording(r, r.pick(corpus).bytes, 'terminalizer');
      checkOutcome(await outcome(() => readRecordingFrom([bytes], { name: 'fuzz.yml' }), seed, applied), seed);
    }
  });
});

describe('hostile shapes the mutator makes rarely', () => {
  const header = '{"version": 2, "width": 80, "height": 24}\n';

  it.each([
    ['deeply nested event data', `${header}[0.1, "o", ${'['.repeat(200_000)}${']'.repeat(200_000)}]\n`, /event data an array is not a string/],
    ['deeply nested header width', `{"version": 2, "width": ${'['.repeat(200_000)}${']'.repeat(200_000)}, "height": 2}\n`, /terminal width an array/],
    ['a huge string where a number goes', `${header}["${'9'.repeat(1 << 20)}", "o", "x"]\n`, /event time "9{40}\.\.\." is not a number/],
    ['a NaN time', `${header}[NaN, "o", "x"]\n[1, "o", "y"]\n`, /:2: not JSON/],
    ['an Infinity time in v1', '{"version": 1, "width": 8, "height": 2, "stdout": [[Infinity, "x"]]}', /not JSON/],
    ['a time overflowing to Infinity', `${header}[1e999, "o", "x"]\n[2, "o", "y"]\n`, /:2: event time Infinity is not a number/],
    ['an absurd size override', header, /--cols 100000 is beyond the terminal's maximum of 2000/, { cols: 100_000 }],
  ])('%s: a clear CastError', async (_name, text, message, size: { cols?: number } = {}) => {
    const result = await outcome(() => readCast([text], { name: 'h.cast', ...size }), 0, []);
    expect('error' in result && result.error.message).toMatch(message);
  });

  it('refuses a single line longer than the line limit before joining it', async () => {
    const piece = 'x'.repeat(1 << 20);
    function* endless() {
      yield '{"version": 2, "width": 80, "height": 24}\n[0, "o", "';
      for (let i = 0; i <= MAX_LINE_LENGTH >> 20; i++) yield piece;
    }
    const cast = await readCast(endless(), { name: 'long.cast' });
    await expect(async () => {
      for await (const _ of cast.events);
    }).rejects.toThrow(/^long\.cast:2: a line longer than 256 M characters is not read$/);
  });

  it('refuses a single-document cast over the document limit before parsing it', async () => {
    const events = `[0.1, "x"],`.repeat(100_000);
    function* big() {
      yield '{"version": 1, "width": 8, "height": 2, "stdout": [\n';
      for (let i = 0; i < 70; i++) yield `${events}\n`;
      yield '[0, "end"]]}';
    }
    await expect(readCast(big(), { name: 'v1.json' })).rejects.toThrow(/^v1\.json:\d+: a single-document cast over 64 MB is not read$/);
  });

  it('reads a line split into many chunks whole, CR LF across a chunk edge included', async () => {
    const line = `[0.5, "o", "${'ab'.repeat(50_000)}"]`;
    const text = `${header.replace('\n', '\r\n')}${line}\r\n[1, "o", "z"]`;
    const chunks = text.match(/[^]{1,7}/g)!;
    const cast = await readCast(chunks, { name: 'c.cast' });
    const events: CastEvent[] = [];
    for await (const e of cast.events) events.push(e);
    expect(events).toEqual([
      { time: 0.5, kind: 'output', data: 'ab'.repeat(50_000) },
      { time: 1, kind: 'output', data: 'z' },
    ]);
  });
});
