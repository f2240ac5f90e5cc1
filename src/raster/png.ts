import { crc32, deflateSync } from 'node:zlib';
import { alphaOf, TRANSPARENT } from './pixels.js';

/** Pixels to straight-alpha RGBA bytes (transparent pixels as 0,0,0,0). */
export function toRgba(pixels: Uint32Array): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(pixels.length * 4);
  for (let i = 0, o = 0; i < pixels.length; i++, o += 4) {
    const p = pixels[i]!;
    if (p === TRANSPARENT) continue;
    rgba[o] = (p >> 16) & 0xff;
    rgba[o + 1] = (p >> 8) & 0xff;
    rgba[o + 2] = p & 0xff;
    rgba[o + 3] = p < 0x1000000 ? 255 : alphaOf(p);
  }
  return rgba;
}

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

/** One PNG chunk: length, type, data, CRC of type and data. */
export function pngChunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** PNG's Paeth predictor: whichever of left, up and up-left is closest to left + up - up-left. */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = p > a ? p - a : a - p;
  const pb = p > b ? p - b : b - p;
  const pc = p > c ? p - c : c - p;
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Writes `row` filtered with `filter` into `out` (`up` the row above, zeros at the top) and
 * returns the sum of the bytes as signed values, stopping early once it reaches `stopAt`.
 */
function filterRow(filter: number, row: Uint8Array, up: Uint8Array, channels: number, out: Uint8Array, stopAt: number): number {
  const n = row.length;
  let cost = 0;
  for (let x = 0; x < n; x++) {
    let v: number;
    if (filter === 0) v = row[x]!;
    else if (filter === 2) v = (row[x]! - up[x]!) & 0xff;
    else {
      const a = x >= channels ? row[x - channels]! : 0;
      if (filter === 1) v = (row[x]! - a) & 0xff;
      else if (filter === 3) v = (row[x]! - ((a + up[x]!) >> 1)) & 0xff;
      else v = (row[x]! - paeth(a, up[x]!, x >= channels ? up[x - channels]! : 0)) & 0xff;
    }
    out[x] = v;
    cost += v < 128 ? v : 256 - v;
    if (cost >= stopAt) return cost;
  }
  return cost;
}

/**
 * Scanlines with a filter byte each: per row the filter whose bytes sum smallest as signed values
 * (the usual heuristic), which deflate then packs best. A row equal to the one above is all zeros
 * under Up, which is taken without trying the others (most pixel rows of a terminal repeat).
 */
function filtered(bytes: Uint8Array, width: number, height: number, channels: number): Uint8Array {
  const stride = width * channels;
  const out = new Uint8Array(height * (stride + 1));
  const zeros = new Uint8Array(stride);
  const trial = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const row = bytes.subarray(y * stride, (y + 1) * stride);
    const up = y > 0 ? bytes.subarray((y - 1) * stride, y * stride) : zeros;
    const target = out.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    if (y > 0 && sameBytes(row, up)) {
      out[y * (stride + 1)] = 2; // the bytes stay zero
      continue;
    }
    let bestCost = filterRow(0, row, up, channels, target, Infinity);
    out[y * (stride + 1)] = 0;
    for (let filter = 1; filter <= 4; filter++) {
      const cost = filterRow(filter, row, up, channels, trial, bestCost);
      if (cost < bestCost) {
        bestCost = cost;
        out[y * (stride + 1)] = filter;
        target.set(trial);
      }
    }
  }
  return out;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));
}

/**
 * Pixels as a PNG, written here rather than by the canvas: its premultiplied pixels would round
 * the colour of every partly transparent edge. RGB when every pixel is opaque, else straight RGBA.
 */
export function encodePng(pixels: Uint32Array, width: number, height: number): Buffer {
  const rgba = toRgba(pixels);
  let opaque = true;
  for (let i = 3; i < rgba.length; i += 4) {
    if (rgba[i] !== 255) {
      opaque = false;
      break;
    }
  }
  let bytes = new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.length);
  if (opaque) {
    bytes = new Uint8Array(width * height * 3);
    for (let i = 0, o = 0; i < rgba.length; i += 4, o += 3) bytes.set(rgba.subarray(i, i + 3), o);
  }
  const channels = opaque ? 3 : 4;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = opaque ? 2 : 6; // truecolour, or truecolour with alpha
  return Buffer.concat([
    SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(filtered(bytes, width, height, channels), { level: 9 })),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}
