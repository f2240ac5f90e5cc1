import type { AnimationEncoder, PictureChange, Rect } from '../encode/contract.js';
import { TRANSPARENT } from '../raster/pixels.js';
import type { Ffmpeg } from './ffmpeg.js';
import { matroskaFrameHead, matroskaFrameTail, matroskaHeader } from './matroska.js';

/**
 * Feeds ffmpeg one whole RGB picture per change, each with its start and duration in ms: the
 * video keeps the animation's varying frame lengths exactly, with no frame repeated to fill time.
 * One picture buffer is kept and updated over each changed rectangle. Transparent pixels (the
 * window's corners without a margin colour) become `matte`, as video has no transparency; an odd
 * width or height gets a column or row of it, as 4:2:0 video needs even sizes.
 */
export class VideoEncoder implements AnimationEncoder<null> {
  private readonly rgb: Buffer;
  private readonly stride: number;
  private last = { start: 0, duration: 0 };

  constructor(
    private readonly ffmpeg: Ffmpeg,
    private readonly width: number,
    private readonly height: number,
    private readonly matte: number,
  ) {
    this.stride = width + (width & 1);
    this.rgb = Buffer.alloc(this.stride * (height + (height & 1)) * 3);
    for (let o = 0; o < this.rgb.length; o += 3) this.put(o, matte);
  }

  async first(pixels: Uint32Array): Promise<null> {
    await this.ffmpeg.write(matroskaHeader(this.stride, this.rgb.length / 3 / this.stride));
    this.copy(pixels, { x: 0, y: 0, w: this.width, h: this.height });
    return null;
  }

  next(change: PictureChange): null {
    this.copy(change.pixels, change.rect);
    return null;
  }

  async write(_frame: null, start: number, duration: number): Promise<void> {
    await this.frame(start, duration);
    this.last = { start, duration };
  }

  async end(): Promise<void> {
    // ffmpeg gives the last frame a guessed length, not the one it was given: a copy of the last
    // picture 1 ms before the end closes the video at exactly the animation's length.
    const { start, duration } = this.last;
    if (duration > 1) await this.frame(start + duration - 1, 1);
  }

  private async frame(start: number, duration: number): Promise<void> {
    await this.ffmpeg.write(matroskaFrameHead(start, duration, this.rgb.length));
    await this.ffmpeg.write(this.rgb);
    await this.ffmpeg.write(matroskaFrameTail(duration));
  }

  private copy(pixels: Uint32Array, rect: Rect): void {
    for (let y = rect.y; y < rect.y + rect.h; y++) {
      for (let x = rect.x, i = y * this.width + x; x < rect.x + rect.w; x++, i++) {
        this.put((y * this.stride + x) * 3, pixels[i]! >= TRANSPARENT ? this.matte : pixels[i]!);
      }
    }
  }

  private put(offset: number, rgb: number): void {
    this.rgb[offset] = rgb >> 16;
    this.rgb[offset + 1] = (rgb >> 8) & 0xff;
    this.rgb[offset + 2] = rgb & 0xff;
  }
}
