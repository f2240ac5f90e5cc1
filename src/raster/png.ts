import { createCanvas } from '@napi-rs/canvas';
import { TRANSPARENT } from './pixels.js';

/** Pixels to straight-alpha RGBA bytes (transparent pixels as 0,0,0,0), into `rgba` when given. */
export function toRgba(pixels: Uint32Array, rgba: Uint8ClampedArray<ArrayBufferLike> = new Uint8ClampedArray(pixels.length * 4)): Uint8ClampedArray<ArrayBufferLike> {
  for (let i = 0, o = 0; i < pixels.length; i++, o += 4) {
    const p = pixels[i]!;
    if (p === TRANSPARENT) continue;
    rgba[o] = p >> 16;
    rgba[o + 1] = (p >> 8) & 0xff;
    rgba[o + 2] = p & 0xff;
    rgba[o + 3] = 255;
  }
  return rgba;
}

export function encodePng(pixels: Uint32Array, width: number, height: number): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(width, height);
  // Straight into the image: a 4K picture's RGBA copy is 33 MB saved.
  toRgba(pixels, image.data);
  ctx.putImageData(image, 0, 0);
  return canvas.toBuffer('image/png');
}
