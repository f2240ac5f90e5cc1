import gifenc from 'gifenc';
import { TRANSPARENT } from '../raster/pixels.js';
import { ByteWriter } from './byte-writer.js';
import { tableBits, writeColorTable, writeImageDescriptor } from './gif-format.js';
import { lzwEncode } from './lzw.js';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export const unionRect = (a: Rect | undefined, b: Rect | undefined): Rect | undefined => {
  if (!a) return b;
  if (!b) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
};

const inside = (r: Rect | undefined, x: number, y: number): boolean =>
  r !== undefined && x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;

/** The global colour table: fixed once the first frame is written. */
export class GlobalPalette {
  readonly colors: number[] = [];
  readonly index = new Map<number, number>();
  /** The index that means "transparent / leave as is", when the table had room for one. */
  transparentIndex: number | undefined;

  /**
   * The first 255 colours in order of first appearance, then a transparent slot. A first frame
   * with more colours is quantized into a local table; later frames use the global one when they fit.
   */
  static of(colors: Iterable<number>): GlobalPalette {
    const p = new GlobalPalette();
    for (const c of colors) {
      if (c === TRANSPARENT || p.index.has(c)) continue;
      if (p.colors.length === 255) break;
      p.index.set(c, p.colors.length);
      p.colors.push(c);
    }
    if (p.colors.length < 256) {
      p.transparentIndex = p.colors.length;
      p.colors.push(0);
    }
    return p;
  }
}

/** One encoded image: descriptor, optional local table and LZW data. */
export interface EncodedImage {
  readonly rect: Rect;
  readonly bytes: Uint8Array;
  readonly transparentIndex: number | undefined;
}

export interface ImageSource {
  readonly pixels: Uint32Array;
  readonly width: number;
  /** The image as the viewer shows it before this frame; pixels equal to it may be left transparent. */
  readonly shown?: Uint32Array;
  /** Pixels here must be painted even when unchanged (the previous frame's area is cleared after it). */
  readonly repaint?: Rect;
}

const LEAVE = -1;

/**
 * Encodes a rectangle of the image in whichever of these is smallest: every pixel painted, or
 * pixels the viewer already shows left transparent; with the global colour table or a local one
 * holding only the rectangle's colours (fewer colours, shorter codes). More than 256 colours in
 * the rectangle (images, gradients) are quantized into a local table, only there.
 */
export function encodeImage(src: ImageSource, rect: Rect, global: GlobalPalette | undefined, scratch: EncodeScratch): EncodedImage {
  const n = rect.w * rect.h;
  const values = scratch.values(n);
  // First pass: the rectangle's pixels, with LEAVE where the viewer already shows the right colour.
  let canLeave = false;
  for (let y = 0, i = 0; y < rect.h; y++) {
    const row = (rect.y + y) * src.width + rect.x;
    for (let x = 0; x < rect.w; x++, i++) {
      const p = src.pixels[row + x]!;
      values[i] = p;
      if (src.shown && src.shown[row + x] === p && p !== TRANSPARENT && !inside(src.repaint, rect.x + x, rect.y + y)) {
        scratch.leave[i] = 1;
        canLeave = true;
      } else scratch.leave[i] = 0;
    }
  }
  const candidates: EncodedImage[] = [];
  for (const leave of canLeave ? [false, true] : [false]) {
    const colors = new Map<number, number>();
    let needsTransparent = false;
    for (let i = 0; i < n; i++) {
      const v = leave && scratch.leave[i] ? LEAVE : values[i]!;
      if (v === LEAVE || v === TRANSPARENT) needsTransparent = true;
      else if (!colors.has(v)) colors.set(v, colors.size);
    }
    const fitsGlobal =
      global !== undefined &&
      (!needsTransparent || global.transparentIndex !== undefined) &&
      [...colors.keys()].every((c) => global.index.has(c));
    if (fitsGlobal) candidates.push(encodeWith(values, leave ? scratch.leave : undefined, rect, global.index, global.transparentIndex, undefined, global.colors.length, scratch));
    const localCount = colors.size + (needsTransparent ? 1 : 0);
    if (localCount <= 256) {
      // A local table only pays when it is much smaller than the global one.
      if (!fitsGlobal || tableBits(localCount) < tableBits(global!.colors.length)) {
        const palette = [...colors.keys()];
        const transparentIndex = needsTransparent ? palette.length : undefined;
        if (needsTransparent) palette.push(0);
        candidates.push(encodeWith(values, leave ? scratch.leave : undefined, rect, colors, transparentIndex, palette, palette.length, scratch));
      }
    } else if (!fitsGlobal) {
      candidates.push(encodeQuantized(values, leave ? scratch.leave : undefined, rect, needsTransparent, scratch));
    }
  }
  let best = candidates[0]!;
  for (const c of candidates) if (c.bytes.length < best.bytes.length) best = c;
  return best;
}

function encodeWith(
  values: Uint32Array,
  leave: Uint8Array | undefined,
  rect: Rect,
  index: ReadonlyMap<number, number>,
  transparentIndex: number | undefined,
  localPalette: readonly number[] | undefined,
  tableSize: number,
  scratch: EncodeScratch,
): EncodedImage {
  const n = rect.w * rect.h;
  const indices = scratch.indices(n);
  let lastColor = -2;
  let lastIndex = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if ((leave && leave[i]) || v === TRANSPARENT) {
      indices[i] = transparentIndex!;
      continue;
    }
    if (v !== lastColor) {
      lastColor = v;
      lastIndex = index.get(v)!;
    }
    indices[i] = lastIndex;
  }
  return finish(rect, indices.subarray(0, n), localPalette, tableSize, transparentIndex);
}

function encodeQuantized(values: Uint32Array, leave: Uint8Array | undefined, rect: Rect, needsTransparent: boolean, scratch: EncodeScratch): EncodedImage {
  const n = rect.w * rect.h;
  const rgba = new Uint8Array(n * 4);
  const opaque: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const skip = (leave && leave[i]) || v === TRANSPARENT;
    const c = skip ? 0 : v;
    rgba[i * 4] = c >> 16;
    rgba[i * 4 + 1] = (c >> 8) & 0xff;
    rgba[i * 4 + 2] = c & 0xff;
    rgba[i * 4 + 3] = 255;
    if (!skip) opaque.push(i);
  }
  const sample = new Uint8Array(opaque.length * 4);
  opaque.forEach((i, k) => sample.set(rgba.subarray(i * 4, i * 4 + 4), k * 4));
  const quantized = gifenc.quantize(sample, needsTransparent ? 255 : 256);
  const mapped = gifenc.applyPalette(rgba, quantized);
  const indices = scratch.indices(n);
  indices.set(mapped);
  const palette = quantized.map(([r, g, b]) => (r! << 16) | (g! << 8) | b!);
  let transparentIndex: number | undefined;
  if (needsTransparent) {
    transparentIndex = palette.length;
    palette.push(0);
    for (let i = 0; i < n; i++) if ((leave && leave[i]) || values[i] === TRANSPARENT) indices[i] = transparentIndex;
  }
  return finish(rect, indices.subarray(0, n), palette, palette.length, transparentIndex);
}

function finish(rect: Rect, indices: Uint8Array, localPalette: readonly number[] | undefined, tableSize: number, transparentIndex: number | undefined): EncodedImage {
  const out = new ByteWriter(Math.max(64, indices.length >> 2));
  const bits = tableBits(tableSize);
  writeImageDescriptor(out, rect.x, rect.y, rect.w, rect.h, localPalette ? bits : undefined);
  if (localPalette) writeColorTable(out, localPalette, bits);
  lzwEncode(indices, Math.max(2, bits), out);
  return { rect, bytes: out.view().slice(), transparentIndex };
}

/** Buffers reused from frame to frame. */
export class EncodeScratch {
  private v = new Uint32Array(0);
  private idx = new Uint8Array(0);
  leave = new Uint8Array(0);

  values(n: number): Uint32Array {
    if (this.v.length < n) {
      this.v = new Uint32Array(n);
      this.leave = new Uint8Array(n);
    }
    return this.v;
  }

  indices(n: number): Uint8Array {
    if (this.idx.length < n) this.idx = new Uint8Array(n);
    return this.idx;
  }
}
