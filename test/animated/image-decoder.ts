import { afterAll, beforeAll } from 'vitest';
import { Chromium } from '../svg/chromium.js';

/** WebCodecs' type of each format (Chromium's PNG decoder reads APNG, named by the PNG type). */
export const MIME = { webp: 'image/webp', apng: 'image/png', png: 'image/png' } as const;

/** A headless Chromium for a test file's decoding: launched before its tests, closed after them. */
export function chromiumForTests(): () => Chromium {
  let browser: Chromium | undefined;
  beforeAll(async () => {
    browser = await Chromium.launch();
    await browser.open('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', 10, 10);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

export interface DecodedFrame {
  /** Microseconds, as WebCodecs gives them. */
  readonly timestamp: number;
  readonly duration: number;
}

export interface Decoded {
  readonly width: number;
  readonly height: number;
  readonly frames: DecodedFrame[];
  readonly repetitionCount: number;
  /** Straight RGBA of the frame shown at each asked time (seconds). */
  readonly shown: Uint8Array[];
}

/**
 * Decodes an image with Chromium's own decoders (WebCodecs ImageDecoder): frame times, loop
 * count and the composed picture shown at given times, read out as straight RGBA.
 */
export async function decodeInChromium(browser: Chromium, bytes: Uint8Array, type: string, at: readonly number[]): Promise<Decoded> {
  const script = `(async () => {
    const bytes = Uint8Array.from(atob(${JSON.stringify(Buffer.from(bytes).toString('base64'))}), (c) => c.charCodeAt(0));
    const decoder = new ImageDecoder({ data: bytes, type: ${JSON.stringify(type)}, colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
    await decoder.tracks.ready;
    await decoder.completed;
    const track = decoder.tracks.selectedTrack;
    const frames = [];
    for (let i = 0; i < track.frameCount; i++) {
      const { image } = await decoder.decode({ frameIndex: i });
      frames.push({ timestamp: image.timestamp, duration: image.duration ?? 0 });
      image.close();
    }
    const shown = [];
    let width = 0, height = 0;
    for (const t of ${JSON.stringify(at)}) {
      const us = t * 1e6;
      let index = frames.findIndex((f) => f.timestamp <= us && us < f.timestamp + f.duration);
      if (index < 0) index = frames.length - 1;
      const { image } = await decoder.decode({ frameIndex: index });
      width = image.displayWidth;
      height = image.displayHeight;
      const rgba = new Uint8Array(width * height * 4);
      await image.copyTo(rgba, { format: 'RGBA' });
      image.close();
      let s = '';
      for (let i = 0; i < rgba.length; i += 0x8000) s += String.fromCharCode(...rgba.subarray(i, i + 0x8000));
      shown.push(btoa(s));
    }
    return { width, height, frames, repetitionCount: track.repetitionCount, shown };
  })()`;
  const result = await browser.evaluate<Omit<Decoded, 'shown'> & { shown: string[] }>(script);
  return { ...result, shown: result.shown.map((b64) => new Uint8Array(Buffer.from(b64, 'base64'))) };
}

/** Pixels that differ (transparent pixels compare by alpha only), and the first one. */
export function pixelDifferences(a: Uint8Array, b: Uint8Array, width: number): { count: number; first?: string } {
  let count = 0;
  let first: string | undefined;
  for (let i = 0; i < Math.max(a.length, b.length); i += 4) {
    const same = a[i + 3] === b[i + 3] && (a[i + 3] === 0 || (a[i] === b[i] && a[i + 1] === b[i + 1] && a[i + 2] === b[i + 2]));
    if (same) continue;
    count++;
    first ??= `(${(i / 4) % width},${Math.floor(i / 4 / width)}) ${[...(a.subarray(i, i + 4) ?? [])]} vs ${[...(b.subarray(i, i + 4) ?? [])]}`;
  }
  return { count, first };
}

