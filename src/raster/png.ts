import { createCanvas } from '@napi-rs/canvas';
import { TRANSPARENT } from './pixels.js';

/** Pixels to straight-alpha RGBA bytes (transparent pixels as 0,0,0,0). */
export function toRgba(pixels: Uint32Array): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(pixels.length * 4);
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
  image.data.set(toRgba(pixels));
  ctx.putImageData(image, 0, 0);
  return canvas.toBuffer('image/png');
}
