import { afterEach, describe, expect, it, vi } from 'vitest';
import { ByteReader } from '../../src/cast/byte-reader.js';
import { readTtyrec } from '../../src/cast/index.js';

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

/** `total` bytes of a repeating, position-dependent pattern, cut into `size`-byte chunks. */
function chunked(total: number, size: number): { whole: Uint8Array; chunks: Uint8Array[] } {
  const whole = new Uint8Array(total);
  for (let i = 0; i < total; i++) whole[i] = (i * 7 + (i >> 13)) & 0xff;
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < total; at += size) chunks.push(whole.subarray(at, at + size));
  return { whole, chunks };
}

describe('ByteReader', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('reads, peeks and takes exact counts across chunks, fewer only at the end', async () => {
    const reader = new ByteReader(['ab', new Uint8Array(0), 'cde', 'f']);
    expect(text(await reader.peek(3))).toBe('abc');
    expect(text(await reader.read(2))).toBe('ab');
    const taken = reader.take(1);
    expect(taken && text(taken)).toBe('c');
    expect(reader.take(5)).toBeUndefined();
    expect(text(await reader.read(2))).toBe('de');
    expect(text(await reader.read(10))).toBe('f');
    expect((await reader.read(1)).byteLength).toBe(0);
    expect(reader.position).toBe(6);
  });

  it('keeps what is buffered when asked for more than the ended stream has', async () => {
    const reader = new ByteReader([Buffer.from('abcdef')]);
    expect(text(await reader.read(2))).toBe('ab');
    expect(text(await reader.peek(10))).toBe('cdef');
    expect(text(await reader.peek(10))).toBe('cdef');
    expect(text(await reader.read(3))).toBe('cde');
  });

  it('copies a record spread over many chunks once, not once per chunk (8 MB in 64 KiB chunks)', async () => {
    const { whole, chunks } = chunked(8 << 20, 64 << 10);
    const reader = new ByteReader(['head', ...chunks, 'tail']);
    expect(text(await reader.read(2))).toBe('he');
    let copied = 0;
    const set = Uint8Array.prototype.set;
    vi.spyOn(Uint8Array.prototype, 'set').mockImplementation(function (this: Uint8Array, array: ArrayLike<number>, offset?: number) {
      copied += array.length;
      set.call(this, array, offset);
    });
    const record = await reader.read(2 + whole.byteLength);
    vi.restoreAllMocks();
    expect(text(record.subarray(0, 2))).toBe('ad');
    expect(Buffer.compare(record.subarray(2), whole)).toBe(0);
    // Joining as each chunk came copied 128 chunks' worth of growing buffers: about 64 times the record.
    expect(copied).toBeGreaterThanOrEqual(whole.byteLength);
    expect(copied).toBeLessThanOrEqual(whole.byteLength + (64 << 10));
    expect(text(await reader.read(10))).toBe('tail');
  });

  it('reads a 32 MB ttyrec record from 64 KiB chunks whole (in pieces of its one time), between small records', async () => {
    const payload = Buffer.alloc(32 << 20, 'x');
    payload.write('start', 0);
    payload.write('end', payload.length - 3);
    const head = (sec: number, length: number) => {
      const h = Buffer.alloc(12);
      h.writeUInt32LE(sec, 0);
      h.writeUInt32LE(length, 8);
      return h;
    };
    const file = Buffer.concat([head(100, 1), Buffer.from('a'), head(101, payload.length), payload, head(103, 1), Buffer.from('z')]);
    const chunks: Buffer[] = [];
    for (let at = 0; at < file.length; at += 64 << 10) chunks.push(file.subarray(at, at + (64 << 10)));
    const cast = await readTtyrec(chunks, { name: 'big.tty', cols: 80, rows: 24 });
    // Pieces of one record share its time: joined by time, each record is its text.
    const events: { time: number; data: string }[] = [];
    let pieces = 0;
    for await (const e of cast.events) {
      if (e.kind !== 'output') continue;
      pieces++;
      const last = events[events.length - 1];
      if (last?.time === e.time) last.data += e.data;
      else events.push({ time: e.time, data: e.data });
    }
    expect(pieces).toBeGreaterThan(3);
    expect(events.map((e) => e.time)).toEqual([0, 1, 3]);
    expect(events[0]!.data).toBe('a');
    expect(events[1]!.data.length).toBe(payload.length);
    expect(events[1]!.data.startsWith('startxxx')).toBe(true);
    expect(events[1]!.data.endsWith('xxxend')).toBe(true);
    expect(events[2]!.data).toBe('z');
  });
});
