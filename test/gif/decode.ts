import { createCanvas, loadImage } from '@napi-rs/canvas';
import { GifReader } from 'omggif';
import { Writable } from 'node:stream';
import { inflateSync } from 'node:zlib';

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

/**
 * A PNG's straight-alpha RGBA, exactly: the canvas's decoder premultiplies, which rounds the colour
 * of partly transparent pixels. Reads 8-bit truecolour (RGB, RGBA) and indexed (PLTE, tRNS) PNGs,
 * non-interlaced.
 */
export function decodePngExact(png: Buffer): { width: number; height: number; rgba: Uint8Array } {
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  let palette: Buffer = Buffer.alloc(0);
  let alphas: Buffer = Buffer.alloc(0);
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || ![2, 3, 6].includes(body[9]!) || body[12] !== 0) throw new Error('only 8-bit truecolour or indexed PNGs');
      channels = body[9] === 6 ? 4 : body[9] === 2 ? 3 : 1;
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') alphas = body;
    else if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const c = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predicted = [0, a, b, (a + b) >> 1, paeth][filter]!;
      pixels[y * stride + x] = (v + predicted) & 0xff;
    }
  }
  if (channels === 4) return { width, height, rgba: pixels };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    if (channels === 3) rgba.set([pixels[i * 3]!, pixels[i * 3 + 1]!, pixels[i * 3 + 2]!, 255], i * 4);
    else {
      const k = pixels[i]!;
      rgba.set([palette[k * 3]!, palette[k * 3 + 1]!, palette[k * 3 + 2]!, k < alphas.length ? alphas[k]! : 255], i * 4);
    }
  }
  return { width, height, rgba };
}
