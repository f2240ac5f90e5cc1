import { describe, expect, it } from 'vitest';
import { detectFormat, readRecordingFrom, readTtyrec } from '../../src/cast/index.js';
import { collect } from './screen.js';

/** One ttyrec record, byte for byte: sec, usec, length as little-endian u32, then the payload. */
function record(sec: number, usec: number, payload: Uint8Array | string): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.from(payload);
  const head = Buffer.alloc(12);
  head.writeUInt32LE(sec, 0);
  head.writeUInt32LE(usec, 4);
  head.writeUInt32LE(body.length, 8);
  return Buffer.concat([head, body]);
}

async function read(bytes: Buffer | Buffer[], options = {}) {
  const warnings: string[] = [];
  const cast = await readTtyrec(Array.isArray(bytes) ? bytes : [bytes], { name: 'x.tty', onWarning: (w) => warnings.push(w), ...options });
  return { header: cast.header, events: await collect(cast), warnings };
}

async function failure(bytes: Buffer): Promise<string> {
  try {
    await read(bytes);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the file to be refused');
}

describe('ttyrec', () => {
  it('times records from the first one, exactly, and keeps the start as the timestamp', async () => {
    const file = Buffer.concat([record(1_700_000_000, 250_000, 'a'), record(1_700_000_001, 750_000, 'b'), record(1_700_000_003, 1, 'c')]);
    const { header, events } = await read(file, { cols: 100, rows: 30 });
    expect(header).toEqual({ version: 2, cols: 100, rows: 30, timestamp: 1_700_000_000 });
    expect(events).toEqual([
      { time: 0, kind: 'output', data: 'a' },
      { time: 1.5, kind: 'output', data: 'b' },
      { time: 2.750001, kind: 'output', data: 'c' },
    ]);
  });

  it('decodes UTF-8 split across records and across read chunks', async () => {
    const euro = Buffer.from('€', 'utf8');
    const file = Buffer.concat([record(10, 0, euro.subarray(0, 1)), record(10, 500_000, Buffer.concat([euro.subarray(1), Buffer.from('x')]))]);
    // Feed it one byte per chunk: record headers and payloads straddle every chunk boundary.
    const chunks = [...file].map((b) => Buffer.from([b]));
    const { events } = await read(chunks);
    expect(events).toEqual([{ time: 0.5, kind: 'output', data: '€x' }]);
  });

  it('hands a large record on in pieces of one time, with characters split between pieces kept whole', async () => {
    // 'é' is two bytes: at an odd offset it straddles every 64 KiB boundary.
    const text = `x${'é'.repeat(150_000)}end`;
    const { events } = await read(Buffer.concat([record(1, 0, 'a'), record(3, 0, text)]));
    const later = events.slice(1);
    expect(later.length).toBeGreaterThan(1);
    expect(later.every((e) => e.time === 2 && e.kind === 'output')).toBe(true);
    expect(later.map((e) => (e.kind === 'output' ? e.data : '')).join('')).toBe(text);
    expect(Math.max(...later.map((e) => (e.kind === 'output' ? e.data.length : 0)))).toBeLessThanOrEqual(64 * 1024);
  });

  it('gives a cut-off character at the end as U+FFFD', async () => {
    const { events } = await read(record(5, 0, Buffer.from([0x41, 0xe6, 0x97])));
    expect(events.map((e) => (e.kind === 'output' ? e.data : ''))).toEqual(['A', '\uFFFD']);
  });

  it('says when it assumes 80x24, and uses the one size given', async () => {
    const { header, warnings } = await read(record(1, 0, 'a'), { cols: 120 });
    expect([header.cols, header.rows]).toEqual([120, 24]);
    expect(warnings).toEqual(['x.tty: ttyrec does not record the terminal size; using 120x24 (give --cols and --rows for another)']);
  });

  it('keeps what is there of a cut-off last record, with a warning', async () => {
    const whole = Buffer.concat([record(1, 0, 'one'), record(2, 0, 'two three')]);
    const cut = await read(whole.subarray(0, whole.length - 6), { cols: 80, rows: 24 });
    expect(cut.events).toEqual([
      { time: 0, kind: 'output', data: 'one' },
      { time: 1, kind: 'output', data: 'two' },
    ]);
    expect(cut.warnings).toEqual(['x.tty: the last record is cut off (3 of 9 bytes); showing what is there']);
    const headerCut = await read(whole.subarray(0, 15 + 5), { cols: 80, rows: 24 });
    expect(headerCut.events).toEqual([{ time: 0, kind: 'output', data: 'one' }]);
    expect(headerCut.warnings).toEqual(['x.tty: the last record header is cut off at byte 15; using the records before it']);
  });

  it('clamps a clock going backwards, once warned', async () => {
    const file = Buffer.concat([record(100, 0, 'a'), record(99, 0, 'b'), record(98, 0, 'c'), record(101, 0, 'd')]);
    const { events, warnings } = await read(file, { cols: 80, rows: 24 });
    expect(events.map((e) => e.time)).toEqual([0, 0, 0, 1]);
    expect(warnings).toEqual(['x.tty: record times going backwards (first at byte 13) are clamped to the previous time']);
  });

  it('refuses empty, short and corrupt files with one-line messages', async () => {
    expect(await failure(Buffer.alloc(0))).toBe('x.tty: the file is empty');
    expect(await failure(Buffer.from('hello'))).toBe('x.tty: not a ttyrec: 5 bytes is shorter than one record header');
    expect(await failure(record(1, 1_000_000, 'a'))).toBe(
      'x.tty: not a ttyrec: the record header at byte 0 has 1000000 microseconds (at most 999999)',
    );
    const huge = record(1, 0, 'a');
    huge.writeUInt32LE(0x7fffffff, 8);
    expect(await failure(Buffer.concat([record(1, 0, 'ok'), huge]))).toBe(
      'x.tty: corrupt ttyrec: the record at byte 14 claims 2147483647 bytes (more than 64 MB)',
    );
  });

  it('is detected by content, and text is not taken for it', async () => {
    expect(detectFormat(Buffer.concat([record(1_700_000_000, 5, 'hi'), record(1_700_000_001, 0, 'there')]))).toBe('ttyrec');
    expect(detectFormat(Buffer.concat([record(1_700_000_001, 5, 'hi'), record(1_700_000_000, 0, 'there')]))).toBeUndefined();
    expect(detectFormat(Buffer.from('just some text that is long enough'))).toBeUndefined();
    const cast = await readRecordingFrom([record(3, 0, 'x')], { name: 'y', cols: 10, rows: 5 });
    expect(await collect(cast)).toEqual([{ time: 0, kind: 'output', data: 'x' }]);
  });
});
