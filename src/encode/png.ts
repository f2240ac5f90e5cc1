import { crc32, deflateSync } from 'node:zlib';
import type { Rect } from './contract.js';
import { alphaOf, TRANSPARENT } from '../raster/pixels.js';

/** Pixels to straight-alpha RGBA bytes (transparent pixels as 0,0,0,0). */
export function toRgba(pixels: Uint32Array): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(pixels.length * 4);
  for (let i = 0, o = 0; i < pixels.length; i++, o += 4) {
    const p = pixels[i]!;
    if (p === TRANSPARENT) continue;
    rgba[o] = (p >> 16) & 0xff;
    rgba[o + 1] = (p >> 8) & 0xff;
    rgba[o + 2] = p & 0xff;
    rgba[o + 3] = alphaOf(p);
  }
  return rgba;
}

export const PNG_SIGNATURE = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);

/** One PNG chunk: length, type, data, CRC. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export const enum ColorType {
  Rgb = 2,
  Indexed = 3,
  Rgba = 6,
}

export function ihdr(width: number, height: number, colorType: ColorType): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data[8] = 8;
  data[9] = colorType;
  return pngChunk('IHDR', data);
}

/**
 * Colours numbered in the order they first appear, up to 256 (a PNG palette). Index 0 is
 * always fully transparent: animation frames leave what the viewer already shows at index 0.
 */
export class PngPalette {
  readonly colors: number[] = [TRANSPARENT];
  private readonly index = new Map<number, number>([[TRANSPARENT, 0]]);

  /** The pixel's index, added if new; -1 when the palette is full. */
  indexOf(pixel: number): number {
    const i = this.index.get(pixel);
    if (i !== undefined) return i;
    if (this.colors.length === 256) return -1;
    this.index.set(pixel, this.colors.length);
    this.colors.push(pixel);
    return this.colors.length - 1;
  }

  /** PLTE and (when any colour is not opaque) tRNS, cut after the last colour that is not opaque. */
  chunks(): Buffer[] {
    const plte = Buffer.alloc(this.colors.length * 3);
    let alphas = 0;
    this.colors.forEach((c, i) => {
      plte[i * 3] = (c >> 16) & 0xff;
      plte[i * 3 + 1] = (c >> 8) & 0xff;
      plte[i * 3 + 2] = c & 0xff;
      if (alphaOf(c) < 255) alphas = i + 1;
    });
    const trns = Buffer.from(this.colors.slice(0, alphas).map(alphaOf));
    return alphas ? [pngChunk('PLTE', plte), pngChunk('tRNS', trns)] : [pngChunk('PLTE', plte)];
  }
}

/** The pixels of `rect`, each replaced by 0 (TRANSPARENT) where `leave` says the viewer shows it already. */
export interface PngSource {
  readonly pixels: Uint32Array;
  readonly width: number;
  readonly rect: Rect;
  /** Per pixel of `rect`: 1 where it is written as transparent (blended over, it changes nothing). */
  readonly leave?: Uint8Array;
}

const pixelAt = (src: PngSource, x: number, y: number): number =>
  src.leave?.[(y - src.rect.y) * src.rect.w + x - src.rect.x] ? TRANSPARENT : src.pixels[y * src.width + x]!;

/** Rows of palette indices (one byte a pixel, no filter bytes), or undefined if the palette overflows. */
export function indexedRows(src: PngSource, palette: PngPalette): Buffer | undefined {
  const { x: x0, y: y0, w, h } = src.rect;
  const out = Buffer.alloc(w * h);
  let o = 0;
  for (let y = y0; y < y0 + h; y++) {
    for (let x = x0; x < x0 + w; x++) {
      const i = palette.indexOf(pixelAt(src, x, y));
      if (i < 0) return undefined;
      out[o++] = i;
    }
  }
  return out;
}

/** Rows of RGB or RGBA bytes (no filter bytes). */
export function truecolorRows(src: PngSource, alpha: boolean): Buffer {
  const { x: x0, y: y0, w, h } = src.rect;
  const bpp = alpha ? 4 : 3;
  const stride = w * bpp;
  const raw = Buffer.alloc(stride * h);
  let o = 0;
  for (let y = y0; y < y0 + h; y++) {
    for (let x = x0; x < x0 + w; x++) {
      const p = pixelAt(src, x, y);
      const a = alphaOf(p);
      if (alpha && a === 0) {
        o += 4;
        continue;
      }
      raw[o] = (p >> 16) & 0xff;
      raw[o + 1] = (p >> 8) & 0xff;
      raw[o + 2] = p & 0xff;
      if (alpha) raw[o + 3] = a;
      o += bpp;
    }
  }
  return raw;
}

/**
 * Filtered scanlines: with `only`, that filter on every row; without, each row's filter chosen
 * by the least sum of absolute residues (None, Sub, Up, Average, Paeth).
 */
export function filterRows(raw: Uint8Array, stride: number, h: number, bpp: number, only?: number): Buffer {
  const out = Buffer.alloc((stride + 1) * h);
  const trial = Buffer.alloc(stride);
  const zero = new Uint8Array(stride);
  for (let y = 0; y < h; y++) {
    const row = raw.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? raw.subarray((y - 1) * stride, y * stride) : zero;
    let best = -1;
    let bestCost = Infinity;
    // A row repeating the one above is all zeros under Up, which no filter beats (None ties on a
    // row of zeros, and comes first); else a filter stops counting once it cannot win.
    if (only === undefined && y > 0 && Buffer.from(row.buffer, row.byteOffset, stride).equals(up)) best = row.some((v) => v !== 0) ? 2 : 0;
    else for (let f = only ?? 0; f <= (only ?? 4); f++) {
      let cost = 0;
      for (let i = 0; i < stride && cost < bestCost; i++) {
        const a = i >= bpp ? row[i - bpp]! : 0;
        const b = up[i]!;
        const c = i >= bpp ? up[i - bpp]! : 0;
        const v = (row[i]! - predict(f, a, b, c)) & 0xff;
        cost += v < 128 ? v : 256 - v;
      }
      if (cost < bestCost) {
        bestCost = cost;
        best = f;
      }
    }
    const o = y * (stride + 1);
    out[o] = best;
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? row[i - bpp]! : 0;
      const c = i >= bpp ? up[i - bpp]! : 0;
      trial[i] = (row[i]! - predict(best, a, up[i]!, c)) & 0xff;
    }
    out.set(trial, o + 1);
  }
  return out;
}

/** The PNG filters' prediction from the left (a), upper (b) and upper-left (c) bytes. */
export function predict(filter: number, a: number, b: number, c: number): number {
  switch (filter) {
    case 1:
      return a;
    case 2:
      return b;
    case 3:
      return (a + b) >> 1;
    case 4: {
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    default:
      return 0;
  }
}

export const deflate = (scanlines: Uint8Array): Buffer => deflateSync(scanlines, { level: 9, memLevel: 9 });

/**
 * The smallest deflated scanlines among the filter choices: none or adaptive, for RGB(A) also Sub
 * on every row. Text compresses best unfiltered nearly always; Up, Average or Paeth on every row
 * never won on the benchmark casts' RGBA frames (Sub once in 480), so they are not tried.
 */
export function compressRows(raw: Uint8Array, stride: number, h: number, bpp: number): Buffer {
  return bestFiltering(raw, stride, h, bpp).data;
}

/**
 * compressRows, also giving the scanlines it chose (to compress them again harder); `indexedFilters`
 * are the choices tried for palette indices.
 */
export function bestFiltering(raw: Uint8Array, stride: number, h: number, bpp: number, indexedFilters: (number | undefined)[] = [0, undefined]): { data: Buffer; scanlines: Buffer } {
  const choices = bpp === 1 ? indexedFilters : [0, 1, undefined];
  let best: { data: Buffer; scanlines: Buffer } | undefined;
  for (const only of choices) {
    const scanlines = filterRows(raw, stride, h, bpp, only);
    const data = deflate(scanlines);
    if (!best || data.length < best.data.length) best = { data, scanlines };
  }
  return best!;
}

/** Whether any pixel is not opaque. */
export function hasAlpha(pixels: Uint32Array): boolean {
  for (let i = 0; i < pixels.length; i++) if (pixels[i]! >= TRANSPARENT) return true;
  return false;
}

/** A PNG still: indexed when 255 colours or fewer, else RGB or RGBA. Same pixels, same bytes, on any machine. */
export function encodePng(pixels: Uint32Array, width: number, height: number): Buffer {
  const src: PngSource = { pixels, width, rect: { x: 0, y: 0, w: width, h: height } };
  const palette = new PngPalette();
  const indexed = indexedRows(src, palette);
  const alpha = hasAlpha(pixels);
  const head = indexed ? [ihdr(width, height, ColorType.Indexed), ...palette.chunks()] : [ihdr(width, height, alpha ? ColorType.Rgba : ColorType.Rgb)];
  const bpp = indexed ? 1 : alpha ? 4 : 3;
  const data = compressRows(indexed ?? truecolorRows(src, alpha), width * bpp, height, bpp);
  return Buffer.concat([PNG_SIGNATURE, ...head, pngChunk('IDAT', data), pngChunk('IEND', new Uint8Array(0))]);
}
