import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ApngEncoder } from '../../src/apng/apng-encoder.js';

/** A 200x60 picture of text-like strokes on a background, in four colours. */
function picture(): Uint32Array {
  const [w, h] = [200, 60];
  const pixels = new Uint32Array(w * h).fill(0x101010);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const cell = (Math.floor(x / 8) * 7 + Math.floor(y / 16) * 3) % 5;
      if ((x % 8) < 6 && (y % 16) > 2 && (y % 16) < 13 && ((x * cell + y) % 3 === 0)) pixels[y * w + x] = [0xff0000, 0x00ff00, 0xffffff, 0x3399ff, 0xeeee00][cell]!;
    }
  }
  return pixels;
}

/** Encodes one frame; gives the file and its image data (IDAT) inflated. */
async function still(hardBudget: number): Promise<{ file: Buffer; scanlines: Buffer }> {
  const parts: Uint8Array[] = [];
  const encoder = new ApngEncoder(200, 60, 0, async (b) => void parts.push(b), false, hardBudget);
  const frame = await encoder.first(picture());
  await encoder.write(frame, 0, 100);
  await encoder.end();
  const file = Buffer.concat(parts);
  const at = file.indexOf('IDAT');
  const length = file.readUInt32BE(at - 4);
  return { file, scanlines: inflateSync(file.subarray(at + 4, at + 4 + length)) };
}

describe('APNG deflate budget', () => {
  it('frames within the budget are deflated harder than zlib, past it by zlib, to the same scanlines', async () => {
    const hard = await still(64 * 1024 * 1024);
    const zlibOnly = await still(0);
    expect(hard.scanlines.equals(zlibOnly.scanlines)).toBe(true);
    expect(hard.file.length).toBeLessThan(zlibOnly.file.length);
  });
});
