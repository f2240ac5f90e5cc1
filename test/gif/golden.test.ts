import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readCast } from '../../src/cast/index.js';
import { animationInfo, castFrames } from '../../src/frames/index.js';
import { renderGif } from '../../src/gif/index.js';
import { decodeFrames, decodePng, differingPixels, memorySink } from './decode.js';

// Written by scripts/update-golden-gif.js (run it only after looking at the new frames).
const GOLDEN = 'golden/gif';
const casts = JSON.parse(readFileSync(join(GOLDEN, 'casts.json'), 'utf8')) as Record<string, string>;
const hashes = JSON.parse(readFileSync(join(GOLDEN, 'hashes.json'), 'utf8')) as Record<string, string>;

describe('golden GIFs', () => {
  test.each(Object.entries(casts))('%s: every frame as kept in golden/gif, and the same bytes', async (name, file) => {
    const cast = await readCast([readFileSync(file)]);
    const sink = memorySink();
    await renderGif(castFrames(cast), animationInfo(cast), {}, sink.stream);
    const gif = sink.bytes();
    const expected = readdirSync(join(GOLDEN, name)).filter((f) => f.endsWith('.png')).sort();
    let count = 0;
    for (const frame of decodeFrames(gif)) {
      const png = await decodePng(readFileSync(join(GOLDEN, name, expected[frame.index]!)));
      expect(differingPixels(frame.rgba, png.rgba), `${name} frame ${frame.index}`).toBe(0);
      count++;
    }
    expect(count).toBe(expected.length);
    expect(createHash('sha256').update(gif).digest('hex')).toBe(hashes[name]);
  });
});
