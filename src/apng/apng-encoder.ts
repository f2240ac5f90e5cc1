import { inflateSync } from 'node:zlib';
import type { AnimationEncoder, PictureChange, Rect, Sink } from '../encode/contract.js';
import {
  ColorType,
  predict,
  bestFiltering,
  ihdr,
  indexedRows,
  PNG_SIGNATURE,
  pngChunk,
  PngPalette,
  truecolorRows,
  type PngSource,
} from '../encode/png.js';
import { deflateSmall } from '../encode/deflate/index.js';
import { alphaOf } from '../raster/pixels.js';
import { Spool } from '../encode/spool.js';
import { unchangedMasks } from '../encode/unchanged.js';
import { zopfliDeflate } from './zopfli.js';

/** A compressed frame: its rectangle, whether it blends over the picture, and how its data is coded. */
export interface ApngFrame {
  readonly rect: Rect;
  readonly blend: boolean;
  readonly indexed: boolean;
  readonly data: Buffer;
}

const enum Blend {
  Source = 0,
  Over = 1,
}

/**
 * Scanline bytes of an animation that get the harder deflate: about 10% smaller than zlib's, at
 * some ten times its time. The corpus's longest casts hold 20 MB; past this, a long recording
 * (a log scrolling for minutes: gigabytes of scanlines) would take many minutes more.
 */
const HARD_DEFLATE_BUDGET = 64 * 1024 * 1024;

/** Record header in the spool: x, y, w, h, delay numerator and denominator, blend, indexed, data length. */
const RECORD = 28;

/** A delay in ms as a PNG fraction: milliseconds while they fit 16 bits, then centiseconds, then seconds. */
export function delayFraction(ms: number): [number, number] {
  if (ms <= 0xffff) return [ms, 1000];
  if (ms / 10 <= 0xffff) return [Math.round(ms / 10), 100];
  return [Math.min(0xffff, Math.round(ms / 1000)), 1];
}

/**
 * Animated PNG: each frame is the changed rectangle, blended over the picture with the cells or
 * pixels the viewer already shows left transparent, or replacing it (always where pixels turn
 * partly or wholly transparent).
 * Frames use one palette while the animation has 256 colours or fewer; past that, the file is
 * RGBA and the frames spooled as indexed are re-coded when the file is written. The acTL frame
 * count comes before the first frame, so frames are spooled on disk until the end.
 */
export class ApngEncoder implements AnimationEncoder<ApngFrame> {
  private readonly palette = new PngPalette();
  private indexed = true;
  private readonly spool = new Spool();
  private frames = 0;
  /** Scanline bytes deflated by deflateSmall so far. */
  private hardBytes = 0;

  constructor(
    private readonly width: number,
    private readonly height: number,
    private readonly loop: number,
    private readonly sink: Sink,
    /** Deflate every frame's chosen scanlines by zopfli too (slow, a little smaller). */
    private readonly optimize = false,
    /** Scanline bytes deflated harder than zlib, before frames keep zlib's deflate. */
    private readonly hardBudget = HARD_DEFLATE_BUDGET,
  ) {}

  first(pixels: Uint32Array): Promise<ApngFrame> {
    return this.encode({ pixels, width: this.width, rect: { x: 0, y: 0, w: this.width, h: this.height } }, false);
  }

  /**
   * The rectangle several ways, the smallest kept: every pixel replacing the area (scrolling,
   * where leaving the scattered unchanged pixels transparent breaks the repeats deflate finds),
   * or blended over with the unchanged cells left transparent (a redrawn screen region), or with
   * every unchanged pixel left transparent (typing, a cursor).
   */
  async next(change: PictureChange): Promise<ApngFrame> {
    const src = { pixels: change.pixels, width: this.width, rect: change.rect };
    const candidates = [this.compress(src, false)];
    if (!change.cleared) {
      const { byCell, byPixel } = unchangedMasks(change, this.width, change.rect);
      candidates.push(this.compress({ ...src, leave: byCell }, true), this.compress({ ...src, leave: byPixel }, true));
    }
    // Coded alike: the whole rectangle comes first and adds every colour the others use.
    return this.harder(candidates.reduce((a, c) => (c.data.length < a.data.length ? c : a)));
  }

  private encode(src: PngSource, blend: boolean): Promise<ApngFrame> {
    return this.harder(this.compress(src, blend));
  }

  private async harder({ scanlines, ...frame }: ApngFrame & { scanlines: Buffer }): Promise<ApngFrame> {
    return { ...frame, data: await this.deflateHarder(frame.data, scanlines, frame.indexed ? 1 : 4) };
  }

  /**
   * Scanlines deflated again, harder than zlib did (candidates are compared by zlib's sizes:
   * deflating all three harder would triple the time), and by zopfli too with --optimize; the
   * smallest kept.
   * Past the budget of scanline bytes, frames keep zlib's deflate unless --optimize.
   */
  private async deflateHarder(zlib: Buffer, scanlines: Buffer, bpp: number): Promise<Buffer> {
    let best = zlib;
    if (this.optimize || this.hardBytes < this.hardBudget) {
      this.hardBytes += scanlines.length;
      const ours = deflateSmall(scanlines, { period: bpp });
      if (ours.length < best.length) best = ours;
    }
    if (this.optimize) {
      const zopfli = await zopfliDeflate(scanlines);
      if (zopfli.length < best.length) best = zopfli;
    }
    return best;
  }

  private compress(src: PngSource, blend: boolean): ApngFrame & { scanlines: Buffer } {
    const indices = this.indexed ? indexedRows(src, this.palette) : undefined;
    if (!indices) this.indexed = false;
    const { w, h } = src.rect;
    // Palette frames unfiltered only: adaptive filtering won 7 of 1,125 frames on three of the corpus's
    // largest casts, by 0.02% of their bytes, for twice the deflate time.
    const { data, scanlines } = indices ? bestFiltering(indices, w, h, 1, [0]) : bestFiltering(truecolorRows(src, true), w * 4, h, 4);
    return { rect: src.rect, blend, indexed: indices !== undefined, data, scanlines };
  }

  async write(frame: ApngFrame, _start: number, duration: number): Promise<void> {
    const head = Buffer.alloc(RECORD);
    const [num, den] = delayFraction(duration);
    head.writeUInt32BE(frame.rect.x, 0);
    head.writeUInt32BE(frame.rect.y, 4);
    head.writeUInt32BE(frame.rect.w, 8);
    head.writeUInt32BE(frame.rect.h, 12);
    head.writeUInt16BE(num, 16);
    head.writeUInt16BE(den, 18);
    head[20] = frame.blend ? Blend.Over : Blend.Source;
    head[21] = frame.indexed ? 1 : 0;
    head.writeUInt32BE(frame.data.length, 24);
    this.spool.append(head);
    this.spool.append(frame.data);
    this.frames++;
  }

  async end(): Promise<void> {
    await this.writeFile();
    this.close();
  }

  /** Removes the spool (also when rendering failed before the end). */
  close(): void {
    this.spool.close();
  }

  private async writeFile(): Promise<void> {
    const still = this.frames === 1;
    const head = [Buffer.from(PNG_SIGNATURE), ihdr(this.width, this.height, this.indexed ? ColorType.Indexed : ColorType.Rgba)];
    if (!still) {
      const actl = Buffer.alloc(8);
      actl.writeUInt32BE(this.frames, 0);
      actl.writeUInt32BE(this.loop, 4);
      head.push(pngChunk('acTL', actl));
    }
    if (this.indexed) head.push(...this.palette.chunks());
    await this.sink(Buffer.concat(head));
    let sequence = 0;
    for (let at = 0, n = 0; n < this.frames; n++) {
      const record = this.spool.read(at, RECORD);
      const length = record.readUInt32BE(24);
      let data = this.spool.read(at + RECORD, length);
      at += RECORD + length;
      const w = record.readUInt32BE(8);
      const h = record.readUInt32BE(12);
      if (record[21] && !this.indexed) data = await this.recodeRgba(data, w, h);
      const chunks: Buffer[] = [];
      if (!still) {
        const fctl = Buffer.alloc(26);
        fctl.writeUInt32BE(sequence++, 0);
        fctl.writeUInt32BE(w, 4);
        fctl.writeUInt32BE(h, 8);
        fctl.writeUInt32BE(record.readUInt32BE(0), 12);
        fctl.writeUInt32BE(record.readUInt32BE(4), 16);
        record.copy(fctl, 20, 16, 20);
        fctl[24] = 0; // dispose: none, the next frame draws over this one
        fctl[25] = record[20]!;
        chunks.push(pngChunk('fcTL', fctl));
      }
      if (n === 0) chunks.push(pngChunk('IDAT', data));
      else {
        const fdat = Buffer.alloc(4 + data.length);
        fdat.writeUInt32BE(sequence++, 0);
        fdat.set(data, 4);
        chunks.push(pngChunk('fdAT', fdat));
      }
      await this.sink(Buffer.concat(chunks));
    }
    await this.sink(pngChunk('IEND', new Uint8Array(0)));
  }

  /** An indexed frame's data as RGBA, for a file that outgrew its palette after the frame was made. */
  private recodeRgba(data: Buffer, w: number, h: number): Promise<Buffer> {
    const indices = unfilterIndices(inflateSync(data), w, h);
    const colors = this.palette.colors;
    const raw = Buffer.alloc(w * h * 4);
    for (let y = 0, o = 0; y < h; y++) {
      for (let x = 0; x < w; x++, o += 4) {
        const c = colors[indices[y * w + x]!]!;
        const a = alphaOf(c);
        if (a === 0) continue;
        raw[o] = (c >> 16) & 0xff;
        raw[o + 1] = (c >> 8) & 0xff;
        raw[o + 2] = c & 0xff;
        raw[o + 3] = a;
      }
    }
    const { data: zlib, scanlines } = bestFiltering(raw, w * 4, h, 4);
    return this.deflateHarder(zlib, scanlines, 4);
  }
}

/** Filtered rows of palette indices (one byte a pixel) back to the indices. */
function unfilterIndices(scanlines: Uint8Array, w: number, h: number): Uint8Array {
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const filter = scanlines[y * (w + 1)]!;
    for (let x = 0; x < w; x++) {
      const a = x > 0 ? out[y * w + x - 1]! : 0;
      const b = y > 0 ? out[(y - 1) * w + x]! : 0;
      const c = x > 0 && y > 0 ? out[(y - 1) * w + x - 1]! : 0;
      out[y * w + x] = (scanlines[y * (w + 1) + 1 + x]! + predict(filter, a, b, c)) & 0xff;
    }
  }
  return out;
}
