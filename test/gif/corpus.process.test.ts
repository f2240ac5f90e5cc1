import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CORPUS } from '../helpers/paths.js';
import { readCast } from '../../src/cast/index.js';
import { animationInfo, castFrames, type Frame } from '../../src/frames/index.js';
import { renderGif } from '../../src/gif/index.js';
import { resolveRaster } from '../../src/raster/options.js';
import { TRANSPARENT } from '../../src/raster/pixels.js';
import { ScreenPainter } from '../../src/raster/screen-painter.js';
import { decodeFrames, memorySink } from './decode.js';
import { gifsicleInfo } from './gifsicle.js';

function moreThan256Colours(pixels: Uint32Array): boolean {
  const seen = new Set<number>();
  for (const p of pixels) if (seen.add(p).size > 256) return true;
  return false;
}

/**
 * Decoded RGBA against painter pixels, stopping at the first difference. `tolerance` is the
 * largest channel difference allowed: 0 but for screens of more than 256 colours, which a GIF
 * can only show quantized.
 */
function samePicture(rgba: Uint8Array, pixels: Uint32Array, tolerance: number): boolean {
  for (let i = 0; i < pixels.length; i++) {
    const p = pixels[i]!;
    const o = i * 4;
    if (p === TRANSPARENT) {
      if (rgba[o + 3] !== 0) return false;
    } else if (
      rgba[o + 3] !== 255 ||
      Math.abs(rgba[o]! - (p >> 16)) > tolerance ||
      Math.abs(rgba[o + 1]! - ((p >> 8) & 0xff)) > tolerance ||
      Math.abs(rgba[o + 2]! - (p & 0xff)) > tolerance
    ) {
      return false;
    }
  }
  return true;
}

// The pre-v1 asciinema format, which the reader declines by design.
const UNSUPPORTED = new Set(['v0.json']);

const casts = readdirSync(CORPUS)
  .flatMap((dir) => readdirSync(join(CORPUS, dir)).map((f) => `${dir}/${f}`))
  .filter((f) => /\.(cast|json)$/.test(f) && !UNSUPPORTED.has(basename(f)))
  .sort();

describe('every corpus cast', () => {
  test('the corpus is there', () => {
    expect(casts.length).toBeGreaterThan(40);
  });

  test.each(casts)('%s renders to a valid GIF whose frames are the stills of its screens', async (file) => {
    const bytes = readFileSync(join(CORPUS, file));
    const cast = await readCast([bytes]);
    const info = animationInfo(cast);
    const frames: Frame[] = [];
    async function* kept(): AsyncGenerator<Frame> {
      for await (const f of castFrames(cast)) {
        frames.push(f);
        yield f;
      }
    }
    const sink = memorySink();
    await renderGif(kept(), info, {}, sink.stream);
    const gif = sink.bytes();

    // Each GIF frame is the still of a frame of the timeline, in order; frames may only be dropped or merged.
    const still = new ScreenPainter(resolveRaster(info, {}));
    let k = 0;
    let total = 0;
    let quantized = false;
    let count = 0;
    for (const decoded of decodeFrames(gif)) {
      count++;
      total += decoded.delay;
      // Frames continuing a pause longer than 655 s repeat the picture: nothing to match.
      let matched = false;
      for (let tries = k; tries < frames.length && !matched; tries++) {
        still.paintScreen(frames[tries]!.screen);
        let same = samePicture(decoded.rgba, still.pixels, 0);
        // Once a screen had more than 256 colours, what the viewer shows may stay quantized in places.
        if (!same && (quantized || moreThan256Colours(still.pixels))) {
          quantized = true;
          same = samePicture(decoded.rgba, still.pixels, 40);
        }
        if (same) {
          matched = true;
          k = tries;
        }
      }
      expect(matched, `GIF frame ${decoded.index} matches no screen from frame ${k} on`).toBe(true);
    }
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(frames.length);
    const last = frames[frames.length - 1]!;
    expect(total).toBe(Math.max(2, Math.round((last.time + last.duration) * 100)));

    const check = gifsicleInfo(gif);
    expect(check.status).toBe(0);
    expect(check.stderr).toBe('');
    expect(check.stdout).toContain(`${count} image${count === 1 ? '' : 's'}`);
  });
});
