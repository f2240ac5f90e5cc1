import { createRequire } from 'node:module';
import type { Gifenc } from 'gifenc';
import type { Rect } from '../encode/contract.js';
import { TRANSPARENT } from '../raster/pixels.js';
import { ByteWriter } from './byte-writer.js';
import { tableBits, writeColorTable, writeImageDescriptor } from './gif-format.js';
import { lzwEncode } from './lzw.js';

// gifenc is CommonJS; requiring it gives the same module under Node and under bundlers' ESM interop.
const gifenc = createRequire(import.meta.url)('gifenc') as Gifenc;

/** The global colour table: fixed once the first frame is written. */
export class GlobalPalette {
  readonly colors: number[] = [0];
  readonly index = new Map<number, number>();
  /**
   * Index 0 means "transparent / leave as is". Frames code their pixels with as few bits as their
   * highest index needs, so it sits first, then colours in order of first appearance.
   */
  readonly transparentIndex = 0;

  /** Up to 255 colours, in the order given (duplicates and transparency skipped). */
  static of(colors: Iterable<number>): GlobalPalette {
    const p = new GlobalPalette();
    const add = (c: number): boolean => {
      if (c === TRANSPARENT || p.index.has(c)) return true;
      if (p.colors.length === 256) return false;
      p.index.set(c, p.colors.length);
      p.colors.push(c);
      return true;
    };
    for (const c of colors) if (!add(c)) break;
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
  /** Per pixel row: 0 where the row is known to equal `shown`, so it need not be compared. */
  readonly rowChanged?: Uint8Array;
  /**
   * Colours that only pictures (colour emoji) produced: when a rectangle has more than 256
   * colours, only these are approximated, and every other colour (text, backgrounds) stays exact.
   */
  readonly approximable?: (color: number) => boolean;
}

/**
 * Encodes a rectangle of the image, pixels the viewer already shows left transparent where
 * that helps, with the global colour table or a local one holding only the rectangle's colours
 * (fewer colours, shorter codes), whichever is smaller. More than 256 colours in
 * the rectangle (images, gradients) are quantized into a local table, only there.
 */
/** Unchanged stretches shorter than this are painted rather than left transparent (tuned on the benchmark casts). */
const MIN_LEAVE_RUN = 32;
export function encodeImage(src: ImageSource, rect: Rect, global: GlobalPalette | undefined, scratch: EncodeScratch): EncodedImage {
  const n = rect.w * rect.h;
  const values = scratch.values(n);
  const leave = scratch.leave;
  const { pixels, shown, repaint, rowChanged } = src;
  // One pass: the rectangle's pixels, which of them the viewer already shows, and the colours of the rest.
  const colors = new Map<number, number>();
  let needsTransparent = false;
  let leaves = 0;
  let last = -1;
  // A direct-mapped cache of colours already counted: anti-aliased text changes colour every few
  // pixels, and a Map lookup each time costs more than the rest of the pass.
  const seen = scratch.seen;
  seen.fill(-1);
  for (let y = 0, i = 0; y < rect.h; y++) {
    const row = (rect.y + y) * src.width + rect.x;
    const inRepaint = repaint !== undefined && rect.y + y >= repaint.y && rect.y + y < repaint.y + repaint.h;
    if (shown !== undefined && rowChanged !== undefined && !rowChanged[rect.y + y] && !inRepaint) {
      // A row the viewer already shows: all of it can be left.
      values.set(pixels.subarray(row, row + rect.w), i);
      leave.fill(1, i, i + rect.w);
      leaves += rect.w;
      i += rect.w;
      continue;
    }
    for (let x = 0; x < rect.w; x++, i++) {
      const p = pixels[row + x]!;
      values[i] = p;
      if (
        shown !== undefined &&
        shown[row + x] === p &&
        p !== TRANSPARENT &&
        !(inRepaint && rect.x + x >= repaint.x && rect.x + x < repaint.x + repaint.w)
      ) {
        leave[i] = 1;
        leaves++;
        continue;
      }
      leave[i] = 0;
      if (p === TRANSPARENT) needsTransparent = true;
      else if (p !== last) {
        last = p;
        const h = Math.imul(p, 0x9e3779b1) >>> 20;
        if (seen[h] !== p) {
          seen[h] = p;
          if (!colors.has(p)) colors.set(p, colors.size);
        }
      }
    }
  }
  // Unchanged pixels are left to the viewer where that does not break a run (see encodeWith):
  // never larger than painting them, so one coding is enough.
  // Short stretches of unchanged pixels between changed ones are painted: cutting them out
  // breaks the strings LZW would repeat. Long stretches become transparent runs.
  if (leaves > 0) {
    for (let i = 0; i < n; ) {
      if (!leave[i]) {
        i++;
        continue;
      }
      let end = i;
      while (end < n && leave[end]) end++;
      if (end - i < MIN_LEAVE_RUN) {
        for (let j = i; j < end; j++) {
          leave[j] = 0;
          leaves--;
          const p = values[j]!;
          if (p !== last) {
            last = p;
            if (!colors.has(p)) colors.set(p, colors.size);
          }
        }
      }
      i = end;
    }
  }
  const leaveMask = leaves > 0 ? leave : undefined;
  if (leaves > 0) needsTransparent = true;
  const candidates: EncodedImage[] = [];
  let fitsGlobal = global !== undefined;
  let globalMax = needsTransparent ? 0 : -1;
  for (const c of colors.keys()) {
    const at = global?.index.get(c);
    if (at === undefined) {
      fitsGlobal = false;
      break;
    }
    if (at > globalMax) globalMax = at;
  }
  const transparentIndex = needsTransparent ? 0 : undefined;
  if (fitsGlobal) {
    candidates.push(encodeWith(values, leaveMask, rect, global!.index, transparentIndex, undefined, global!.colors.length, scratch));
  }
  const localCount = colors.size + (needsTransparent ? 1 : 0);
  if (localCount <= 256) {
    // A local table only pays when its codes are shorter than the global table's would be.
    if (!fitsGlobal || tableBits(localCount) < tableBits(globalMax + 1)) {
      // Slot 0 is the transparent one, as in the global table.
      const palette = needsTransparent ? [0] : [];
      const local = new Map<number, number>();
      for (const c of colors.keys()) {
        local.set(c, palette.length);
        palette.push(c);
      }
      candidates.push(encodeWith(values, leaveMask, rect, local, transparentIndex, palette, palette.length, scratch));
    }
  } else if (!fitsGlobal) {
    candidates.push(encodeQuantized(values, leaveMask, rect, needsTransparent, scratch, exactColors(colors, src.approximable, needsTransparent)));
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
  const cacheKeys = scratch.cacheKeys;
  const cacheValues = scratch.cacheValues;
  cacheKeys.fill(-1);
  let maxIndex = 0;
  // The colour of the last pixel coded, -1 after a transparent one.
  let previous = -1;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v === TRANSPARENT || (leave && leave[i] && v !== previous)) {
      // A pixel the viewer already shows is coded as its colour when that continues a run of
      // the same colour, else as transparent, which likely continues a transparent run.
      indices[i] = transparentIndex!;
      if (transparentIndex! > maxIndex) maxIndex = transparentIndex!;
      previous = -1;
      continue;
    }
    previous = v;
    if (v !== lastColor) {
      lastColor = v;
      const h = Math.imul(v, 0x9e3779b1) >>> 20;
      if (cacheKeys[h] === v) lastIndex = cacheValues[h]!;
      else {
        lastIndex = index.get(v)!;
        cacheKeys[h] = v;
        cacheValues[h] = lastIndex;
      }
      if (lastIndex > maxIndex) maxIndex = lastIndex;
    }
    indices[i] = lastIndex;
  }
  return finish(rect, indices.subarray(0, n), localPalette, tableSize, transparentIndex, maxIndex);
}

/**
 * The colours of a rectangle that must keep their exact value: all but the approximable ones, when
 * they leave room in the table for the approximations; none otherwise.
 */
function exactColors(
  colors: ReadonlyMap<number, number>,
  approximable: ((color: number) => boolean) | undefined,
  needsTransparent: boolean,
): Map<number, number> {
  const exact = new Map<number, number>();
  if (approximable === undefined) return exact;
  // At least 64 slots stay for the approximated colours.
  const room = 256 - 64 - (needsTransparent ? 1 : 0);
  for (const c of colors.keys()) {
    if (approximable(c)) continue;
    if (exact.size === room) return new Map();
    exact.set(c, exact.size);
  }
  return exact;
}

function encodeQuantized(
  values: Uint32Array,
  leave: Uint8Array | undefined,
  rect: Rect,
  needsTransparent: boolean,
  scratch: EncodeScratch,
  exact: ReadonlyMap<number, number>,
): EncodedImage {
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
    if (!skip && !exact.has(v)) opaque.push(i);
  }
  const sample = new Uint8Array(opaque.length * 4);
  opaque.forEach((i, k) => sample.set(rgba.subarray(i * 4, i * 4 + 4), k * 4));
  // Exact colours take the first slots, as they are; the approximations share what is left.
  const quantized = gifenc.quantize(sample, (needsTransparent ? 255 : 256) - exact.size);
  const mapped = gifenc.applyPalette(rgba, quantized);
  const indices = scratch.indices(n);
  for (let i = 0; i < n; i++) indices[i] = exact.get(values[i]!) ?? exact.size + mapped[i]!;
  const palette = [...exact.keys(), ...quantized.map(([r, g, b]) => (r! << 16) | (g! << 8) | b!)];
  let transparentIndex: number | undefined;
  if (needsTransparent) {
    transparentIndex = palette.length;
    palette.push(0);
    for (let i = 0; i < n; i++) if ((leave && leave[i]) || values[i] === TRANSPARENT) indices[i] = transparentIndex;
  }
  return finish(rect, indices.subarray(0, n), palette, palette.length, transparentIndex, palette.length - 1);
}

/**
 * The LZW code size follows the highest index the image uses, not the table size: a frame drawing
 * with the first few colours of a large table gets short codes.
 */
function finish(
  rect: Rect,
  indices: Uint8Array,
  localPalette: readonly number[] | undefined,
  tableSize: number,
  transparentIndex: number | undefined,
  maxIndex: number,
): EncodedImage {
  // One writer for every frame: only the finished image is copied out.
  const out = sharedWriter;
  out.reset();
  const bits = tableBits(tableSize);
  writeImageDescriptor(out, rect.x, rect.y, rect.w, rect.h, localPalette ? bits : undefined);
  if (localPalette) writeColorTable(out, localPalette, bits);
  const start = out.length;
  const codeSize = Math.max(2, tableBits(maxIndex + 1));
  const filledAt = lzwEncode(indices, codeSize, out);
  if (filledAt >= 0 && filledAt < indices.length * KEEP_TRIAL_BEFORE) {
    // The dictionary filled up early: see whether keeping the full one (while it codes well) codes this picture shorter.
    const resetLength = out.length;
    lzwEncode(indices, codeSize, out, 'adaptive');
    const keptLength = out.length - resetLength;
    if (keptLength < resetLength - start) {
      const kept = out.view().slice(resetLength);
      out.length = start;
      out.bytes(kept);
    } else out.length = resetLength;
  }
  return { rect, bytes: out.view().slice(), transparentIndex };
}

const sharedWriter = new ByteWriter(1 << 16);

/** Trying a full dictionary only pays when it filled up before this share of the image. */
const KEEP_TRIAL_BEFORE = 0.5;

/** Buffers reused from frame to frame. */
export class EncodeScratch {
  /** Colour caches of 4096 slots (colours are below 2^25, so -1 is never a colour). */
  readonly seen = new Int32Array(4096);
  readonly cacheKeys = new Int32Array(4096);
  readonly cacheValues = new Uint8Array(4096);
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
