import { createCanvas, loadImage } from '@napi-rs/canvas';
import { GifReader } from 'omggif';
import { Writable } from 'node:stream';

/** Collects what a renderer writes. */
export function memorySink(): { stream: Writable; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { stream, bytes: () => Buffer.concat(chunks) };
}

export interface DecodedFrame {
  /** RGBA of the whole canvas after this frame is drawn. */
  readonly rgba: Uint8Array;
  /** Delay in centiseconds. */
  readonly delay: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly disposal: number;
}

/** Decodes every frame with omggif (independent of our encoder) and composes them as a viewer does. */
export function decodeGif(bytes: Uint8Array): { width: number; height: number; loopCount: number | null; frames: DecodedFrame[] } {
  const header = new GifReader(Buffer.from(bytes));
  const frames: DecodedFrame[] = [];
  for (const { index: _index, rgba, ...frame } of decodeFrames(bytes)) frames.push({ ...frame, rgba: rgba.slice() });
  return { width: header.width, height: header.height, loopCount: header.loopCount(), frames };
}

/** Like decodeGif, one frame at a time: `rgba` is reused, valid until the next frame. */
export function* decodeFrames(bytes: Uint8Array): Generator<DecodedFrame & { readonly index: number }> {
  const reader = new GifReader(Buffer.from(bytes));
  const { width } = reader;
  const canvas = new Uint8Array(width * reader.height * 4);
  let previous: { x: number; y: number; width: number; height: number; disposal: number } | undefined;
  for (let i = 0; i < reader.numFrames(); i++) {
    const info = reader.frameInfo(i);
    if (previous?.disposal === 2) {
      for (let y = previous.y; y < previous.y + previous.height; y++) canvas.fill(0, (y * width + previous.x) * 4, (y * width + previous.x + previous.width) * 4);
    }
    // omggif draws only the frame's opaque pixels over what is there.
    reader.decodeAndBlitFrameRGBA(i, canvas);
    yield { index: i, rgba: canvas, delay: info.delay, x: info.x, y: info.y, width: info.width, height: info.height, disposal: info.disposal };
    previous = info;
  }
}

/** A PNG's RGBA, decoded by the canvas library. */
export async function decodePng(png: Buffer): Promise<{ width: number; height: number; rgba: Uint8Array }> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, rgba: new Uint8Array(ctx.getImageData(0, 0, image.width, image.height).data) };
}

/** Number of pixels whose RGBA differ (transparent pixels compare equal whatever their colour). */
export function differingPixels(a: Uint8Array, b: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (a[i + 3] === 0 && b[i + 3] === 0) continue;
    if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2] || a[i + 3] !== b[i + 3]) count++;
  }
  return count;
}
