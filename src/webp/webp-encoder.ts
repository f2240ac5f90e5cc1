import type { AnimationEncoder, PictureChange, Rect, Sink } from '../encode/contract.js';
import { alphaOf, TRANSPARENT } from '../raster/pixels.js';
import { Spool } from '../encode/spool.js';
import { unchangedMasks } from '../encode/unchanged.js';
import { encodeStill, type loadLibwebp, type WebpCoding } from './libwebp.js';
import { anim, imageChunks, riffChunk, riffHeader, u24, vp8x } from './riff.js';

type Libwebp = Awaited<ReturnType<typeof loadLibwebp>>;

export interface WebpFrame {
  readonly rect: Rect;
  readonly blend: boolean;
  /** ALPH + VP8, or VP8L. */
  readonly image: Uint8Array;
}

/** A WebP frame lasts at most 2^24 - 1 ms; longer ones go on with empty frames. */
const MAX_DURATION = 0xffffff;
/** A frame's offset is stored halved, so rectangles start on even pixels. */
const even = (v: number): number => v & ~1;

/**
 * Animated WebP: each frame is the changed rectangle (from an even pixel), blended over the
 * picture with the cells or pixels the viewer already shows left transparent, or replacing it
 * (always where pixels turn partly or wholly transparent). The RIFF header holds the file's size, so frames are spooled on disk
 * until the end; a single frame is written as a still.
 */
export class WebpEncoder implements AnimationEncoder<WebpFrame> {
  private readonly spool = new Spool();
  private alpha = false;
  private frames = 0;
  private firstImage: Uint8Array | undefined;
  private blank: Uint8Array | undefined;

  constructor(
    private readonly libwebp: Libwebp,
    private readonly width: number,
    private readonly height: number,
    private readonly loop: number,
    private readonly coding: WebpCoding,
    private readonly sink: Sink,
  ) {}

  first(pixels: Uint32Array): WebpFrame {
    return this.encode(pixels, undefined, { x: 0, y: 0, w: this.width, h: this.height }, false);
  }

  /**
   * The rectangle several ways, the smallest kept: every pixel replacing the area (scrolling,
   * where the unchanged pixels are scattered and leaving them transparent breaks the repeats the
   * encoder finds), or blended over with the unchanged cells left transparent (a redrawn screen
   * region), or with every unchanged pixel left transparent (typing, a cursor).
   */
  next(change: PictureChange): WebpFrame {
    const x = even(change.rect.x);
    const y = even(change.rect.y);
    const rect = { x, y, w: change.rect.x + change.rect.w - x, h: change.rect.y + change.rect.h - y };
    const whole = this.encode(change.pixels, undefined, rect, false);
    if (change.cleared) return whole;
    const { byCell, byPixel } = unchangedMasks(change, this.width, rect);
    const candidates = [whole, this.encode(change.pixels, byCell, rect, true), this.encode(change.pixels, byPixel, rect, true)];
    return candidates.reduce((best, c) => (c.image.length < best.image.length ? c : best));
  }

  /** The rectangle's pixels, those where `leave` is 1 transparent. */
  private encode(pixels: Uint32Array, leave: Uint8Array | undefined, rect: Rect, blend: boolean): WebpFrame {
    const rgba = new Uint8Array(rect.w * rect.h * 4);
    for (let y = 0, o = 0; y < rect.h; y++) {
      const row = (rect.y + y) * this.width + rect.x;
      for (let x = 0; x < rect.w; x++, o += 4) {
        const p = pixels[row + x]!;
        if (p === TRANSPARENT || leave?.[o >> 2]) continue;
        rgba[o] = (p >> 16) & 0xff;
        rgba[o + 1] = (p >> 8) & 0xff;
        rgba[o + 2] = p & 0xff;
        rgba[o + 3] = alphaOf(p);
      }
    }
    const { bytes, alpha } = imageChunks(encodeStill(this.libwebp, rgba, rect.w, rect.h, this.coding));
    this.alpha ||= alpha;
    return { rect, blend, image: bytes };
  }

  async write(frame: WebpFrame, _start: number, duration: number): Promise<void> {
    if (this.frames === 0) this.firstImage = frame.image;
    this.anmf(frame, Math.min(duration, MAX_DURATION));
    for (let rest = duration - MAX_DURATION; rest > 0; rest -= MAX_DURATION) {
      this.blank ??= imageChunks(encodeStill(this.libwebp, new Uint8Array(4), 1, 1, this.coding)).bytes;
      this.anmf({ rect: { x: 0, y: 0, w: 1, h: 1 }, blend: true, image: this.blank }, Math.min(rest, MAX_DURATION));
    }
  }

  private anmf(frame: WebpFrame, duration: number): void {
    const head = Buffer.alloc(16);
    u24(head, 0, frame.rect.x / 2);
    u24(head, 3, frame.rect.y / 2);
    u24(head, 6, frame.rect.w - 1);
    u24(head, 9, frame.rect.h - 1);
    u24(head, 12, duration);
    head[15] = frame.blend ? 0 : 0x02; // bit 1: do not blend; bit 0 clear: keep the frame (no disposal)
    this.spool.append(riffChunk('ANMF', Buffer.concat([head, frame.image])));
    this.frames++;
  }

  async end(): Promise<void> {
    if (this.frames === 1) {
      // A still: the image alone (VP8X only when lossy frames carry an alpha chunk).
      const image = this.firstImage!;
      const lossyAlpha = Buffer.from(image.subarray(0, 4)).toString('latin1') === 'ALPH';
      const head = lossyAlpha ? vp8x(this.width, this.height, { animation: false, alpha: true }) : Buffer.alloc(0);
      await this.sink(Buffer.concat([riffHeader(head.length + image.length), head, image]));
    } else {
      const head = Buffer.concat([vp8x(this.width, this.height, { animation: true, alpha: this.alpha }), anim(this.loop)]);
      await this.sink(Buffer.concat([riffHeader(head.length + this.spool.size), head]));
      for (const piece of this.spool.pieces()) await this.sink(piece.slice());
    }
    this.close();
  }

  close(): void {
    this.spool.close();
  }
}
