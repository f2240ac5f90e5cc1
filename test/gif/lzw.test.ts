import { GifReader } from 'omggif';
import { describe, expect, test } from 'vitest';
import { ByteWriter } from '../../src/gif/byte-writer.js';
import { writeGraphicControl, writeHeader, writeImageDescriptor, writeTrailer, Disposal } from '../../src/gif/gif-format.js';
import { lzwEncode } from '../../src/gif/lzw.js';

/** A one-frame GIF of `indices` with a grey-ramp palette, decoded back to indices by omggif. */
function roundTrip(indices: Uint8Array, width: number, bits: number, resetWhenFull: boolean | 'adaptive'): Uint8Array {
  const palette = Array.from({ length: 1 << bits }, (_, i) => i * 0x010101);
  const out = new ByteWriter();
  writeHeader(out, width, indices.length / width, palette, 0);
  writeGraphicControl(out, 10, Disposal.Keep, undefined);
  writeImageDescriptor(out, 0, 0, width, indices.length / width, undefined);
  lzwEncode(indices, Math.max(2, bits), out, resetWhenFull);
  writeTrailer(out);
  const reader = new GifReader(Buffer.from(out.view()));
  const rgba = new Uint8Array(indices.length * 4);
  reader.decodeAndBlitFrameRGBA(0, rgba);
  // Index i is grey i, so the red channel gives the index back.
  return Uint8Array.from({ length: indices.length }, (_, i) => rgba[i * 4]!);
}

/** A small deterministic generator (no Math.random: failures must reproduce). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const expectIndices = (indices: Uint8Array, decoded: Uint8Array): void => {
  expect(Array.from(decoded)).toEqual(Array.from(indices));
};

describe('lzwEncode', () => {
  for (const bits of [1, 2, 3, 4, 7, 8]) {
    for (const resetWhenFull of [true, false]) {
      test(`noise, ${bits}-bit indices, ${resetWhenFull ? 'resetting' : 'keeping'} a full dictionary`, () => {
        const rand = lcg(bits * 31 + (resetWhenFull ? 1 : 0));
        const width = 97;
        const indices = Uint8Array.from({ length: width * 211 }, () => Math.floor(rand() * (1 << bits)));
        expectIndices(indices, roundTrip(indices, width, bits, resetWhenFull));
      });
    }
  }

  test('long runs and repeated patterns (the dictionary fills with long strings)', () => {
    const rand = lcg(7);
    const width = 640;
    const indices = new Uint8Array(width * 300);
    let i = 0;
    while (i < indices.length) {
      const run = 1 + Math.floor(rand() * 400);
      indices.fill(Math.floor(rand() * 16), i, i + run);
      i += run;
    }
    for (const reset of [true, false, 'adaptive'] as const) expectIndices(indices, roundTrip(indices, width, 4, reset));
  });

  test('adaptive reset decodes exactly and codes a picture that changes character no longer than keeping the full dictionary', () => {
    const rand = lcg(5);
    const width = 512;
    // A repeating pattern that fills the dictionary, then noise it codes badly.
    const pattern = Uint8Array.from({ length: 64 }, () => Math.floor(rand() * 16));
    const indices = new Uint8Array(width * 400);
    for (let i = 0; i < indices.length / 2; i++) indices[i] = pattern[i % 64]! ^ ((i >> 13) & 15);
    for (let i = indices.length / 2; i < indices.length; i++) indices[i] = Math.floor(rand() * 16);
    expectIndices(indices, roundTrip(indices, width, 4, 'adaptive'));
    const size = (mode: boolean | 'adaptive'): number => {
      const out = new ByteWriter();
      lzwEncode(indices, 4, out, mode);
      return out.length;
    };
    expect(size('adaptive')).toBeLessThanOrEqual(size(false));
  });

  test('a single pixel and a two-pixel image', () => {
    expectIndices(Uint8Array.of(3), roundTrip(Uint8Array.of(3), 1, 2, true));
    expectIndices(Uint8Array.of(1, 2), roundTrip(Uint8Array.of(1, 2), 2, 2, true));
  });

  test('reports where the dictionary filled up', () => {
    const small = new ByteWriter();
    expect(lzwEncode(new Uint8Array(100), 2, small)).toBe(-1);
    const rand = lcg(3);
    const noise = Uint8Array.from({ length: 20000 }, () => Math.floor(rand() * 256));
    // Noise makes a new entry for almost every pixel: 4096 - 258 entries take a little more than that many pixels.
    const at = lzwEncode(noise, 8, new ByteWriter());
    expect(at).toBeGreaterThan(3838);
    expect(at).toBeLessThan(5000);
  });

  test('sub-blocks are at most 255 bytes and the data ends with a zero-length block', () => {
    const rand = lcg(11);
    const noise = Uint8Array.from({ length: 5000 }, () => Math.floor(rand() * 256));
    const out = new ByteWriter();
    lzwEncode(noise, 8, out);
    const bytes = out.view();
    expect(bytes[0]).toBe(8);
    let at = 1;
    let blocks = 0;
    while (bytes[at] !== 0) {
      expect(bytes[at]).toBeLessThanOrEqual(255);
      at += bytes[at]! + 1;
      blocks++;
    }
    expect(at).toBe(bytes.length - 1);
    expect(blocks).toBeGreaterThan(10);
  });
});
