import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/index.js';
import { deflateSmall } from '../../src/encode/deflate/index.js';
import { codeLengths } from '../../src/encode/deflate/huffman.js';
import { CORPUS } from '../helpers/paths.js';

/** Deterministic pseudo-random bytes. */
function noise(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0, s = seed; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

/** A PNG's scanlines (its IDAT data inflated) and its palette, if any. */
function scanlinesOf(png: Uint8Array): { scanlines: Buffer; palette?: Buffer; width: number } {
  const buf = Buffer.from(png);
  const idat: Buffer[] = [];
  let palette: Buffer | undefined;
  for (let at = 8; at < buf.length; ) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + len);
    if (type === 'IDAT') idat.push(data);
    if (type === 'PLTE') palette = data;
    at += 12 + len;
  }
  return { scanlines: inflateSync(Buffer.concat(idat)), palette, width: buf.readUInt32BE(16) };
}

const demo = readFileSync(join(CORPUS, 'asciinema__agg/demo.cast'));
const still = scanlinesOf(await render(demo, { format: 'png' }));

describe('deflateSmall', () => {
  const roundTrips: [string, Uint8Array][] = [
    ['nothing', new Uint8Array(0)],
    ['one byte', Uint8Array.of(42)],
    ['noise, stored over several blocks', noise(200_000)],
    ['one long run', new Uint8Array(100_000).fill(9)],
    ['text', new TextEncoder().encode('the quick brown fox jumps over the lazy dog\n'.repeat(2000))],
    ['more than a segment, runs and noise mixed', Buffer.concat([noise(300_000), new Uint8Array(900_000).fill(1), noise(100_000, 3), new Uint8Array(50_000)])],
    ['a rendered picture', still.scanlines],
  ];
  for (const [name, data] of roundTrips) {
    it(`zlib inflates it back: ${name}`, () => {
      expect(inflateSync(deflateSmall(data)).equals(Buffer.from(data))).toBe(true);
      expect(inflateSync(deflateSmall(data, { period: 4 })).equals(Buffer.from(data))).toBe(true);
    });
  }

  it('is smaller than zlib at level 9 on a rendered terminal picture, indexed and RGBA', () => {
    const zlib = deflateSync(still.scanlines, { level: 9, memLevel: 9 }).length;
    expect(deflateSmall(still.scanlines).length).toBeLessThan(0.97 * zlib);
    // The same picture as RGBA scanlines (filter byte 0, then four bytes a pixel).
    const { scanlines, palette, width } = still;
    const rows = scanlines.length / (width + 1);
    const rgba = Buffer.alloc(rows * (width * 4 + 1));
    for (let y = 0; y < rows; y++) {
      for (let x = 0; x < width; x++) {
        const i = scanlines[y * (width + 1) + 1 + x]!;
        palette!.copy(rgba, y * (width * 4 + 1) + 1 + x * 4, i * 3, i * 3 + 3);
        rgba[y * (width * 4 + 1) + 4 + x * 4] = 255;
      }
    }
    const rgbaZlib = deflateSync(rgba, { level: 9, memLevel: 9 }).length;
    const ours = deflateSmall(rgba, { period: 4 });
    expect(inflateSync(ours).equals(rgba)).toBe(true);
    expect(ours.length).toBeLessThan(0.97 * rgbaZlib);
  });

  it('noise costs no more than storing it', () => {
    const data = noise(100_000);
    // Stored blocks: 5 bytes a block of up to 65,535, plus the zlib header and checksum.
    expect(deflateSmall(data).length).toBeLessThanOrEqual(data.length + 2 * 5 + 6);
  });

  it('gives the same bytes every time', () => {
    expect(deflateSmall(still.scanlines).equals(deflateSmall(still.scanlines))).toBe(true);
  });
});

describe('codeLengths', () => {
  const kraft = (lengths: Uint8Array): number => lengths.reduce((sum, l) => sum + (l ? 2 ** -l : 0), 0);
  const cost = (freqs: number[], lengths: Uint8Array): number => freqs.reduce((sum, f, s) => sum + f * lengths[s]!, 0);

  it('Huffman lengths where the limit allows: a complete code of least cost', () => {
    const freqs = [10, 1, 1, 2, 5, 0, 3];
    const lengths = codeLengths(freqs, 15);
    expect(kraft(lengths)).toBe(1);
    expect(lengths[5]).toBe(0);
    // Huffman by hand: 1+1=2, 2+2=4, 3+4=7, 5+7=12, 10+12=22: cost is the sum of the merges.
    expect(cost(freqs, lengths)).toBe(2 + 4 + 7 + 12 + 22);
  });

  it('keeps to the limit where Huffman would not (Fibonacci counts), still complete', () => {
    const freqs = [1, 1];
    while (freqs.length < 30) freqs.push(freqs.at(-1)! + freqs.at(-2)!);
    const unlimited = codeLengths(freqs, 40);
    expect(Math.max(...unlimited)).toBeGreaterThan(15);
    const lengths = codeLengths(freqs, 15);
    expect(Math.max(...lengths)).toBe(15);
    expect(kraft(lengths)).toBe(1);
    expect(cost(freqs, lengths)).toBeGreaterThan(cost(freqs, unlimited));
  });

  it('one symbol in use still gets a complete code of two', () => {
    const lengths = codeLengths([0, 0, 7], 15);
    expect([...lengths]).toEqual([1, 0, 1]);
  });
});
