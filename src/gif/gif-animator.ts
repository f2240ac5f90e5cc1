import { CENTISECONDS, type AnimationEncoder, type PictureChange, type Rect, type Sink } from '../encode/contract.js';
import type { ScreenPainter } from '../raster/screen-painter.js';
import { ByteWriter } from './byte-writer.js';
import { Disposal, writeGraphicControl, writeHeader, writeTrailer, writeImageDescriptor } from './gif-format.js';
import { EncodeScratch, encodeImage, GlobalPalette, type EncodedImage } from './frame-encoder.js';
import { lzwEncode } from './lzw.js';

/** The smallest rectangle holding both (either may be absent). */
const unionRect = (a: Rect | undefined, b: Rect | undefined): Rect | undefined => {
  if (!a) return b;
  if (!b) return a;
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
};

/** Browsers show delays under 2 cs as 10 cs, so no frame is shorter than this. */
export const MIN_DELAY_CS = CENTISECONDS.minimum;
const MAX_DELAY_CS = 0xffff;
/** The longest a GIF frame can be shown, in seconds; a longer pause takes a chain of frames. */
export const LONGEST_GIF_FRAME = MAX_DELAY_CS / 100;

/** An encoded frame waiting for its delay (known once the next visible change comes). */
export interface Held {
  image: EncodedImage;
  disposal: Disposal;
}

/** The GIF half of the shared change sequencer: one global palette, local tables where they pay. */
export class GifEncoder implements AnimationEncoder<Held> {
  private global: GlobalPalette | undefined;
  private readonly scratch = new EncodeScratch();
  private readonly writer = new ByteWriter(1 << 16);
  /** The area the frame before clears after it, which the next frame must paint again. */
  private repaint: Rect | undefined;
  /** Frames written, for tests and benchmarks. */
  framesWritten = 0;

  constructor(
    private readonly painter: ScreenPainter,
    private readonly loop: number,
    private readonly sink: Sink,
  ) {}

  async first(pixels: Uint32Array): Promise<Held> {
    const { width, height } = this.painter;
    const likely = this.painter.likelyColors();
    this.global = GlobalPalette.of([...likely.first, ...byFrequency(pixels), ...likely.rest]);
    const image = encodeImage({ pixels, width, approximable: this.painter.approximable }, { x: 0, y: 0, w: width, h: height }, this.global, this.scratch);
    const head = new ByteWriter(1024);
    writeHeader(head, width, height, this.global.colors, this.loop);
    await this.sink(head.view().slice());
    return { image, disposal: Disposal.Keep };
  }

  revise(held: Held, change: PictureChange): Held {
    this.repaint = undefined;
    if (!change.cleared) return held;
    // Pixels turning transparent: only "restore to background" on the frame before can clear
    // them, so that frame is re-encoded to cover them, and this one repaints its whole area.
    const rect = unionRect(held.image.rect, change.cleared)!;
    this.repaint = rect;
    const image = encodeImage({ pixels: change.shown, width: this.painter.width, approximable: this.painter.approximable }, rect, this.global, this.scratch);
    return { image, disposal: Disposal.RestoreBackground };
  }

  next(change: PictureChange): Held {
    const { pixels, shown, rowChanged } = change;
    const repaint = this.repaint;
    const rect = unionRect(change.rect, repaint)!;
    const image = encodeImage({ pixels, width: this.painter.width, shown, repaint, rowChanged, approximable: this.painter.approximable }, rect, this.global, this.scratch);
    return { image, disposal: Disposal.Keep };
  }

  async write(held: Held, _start: number, delay: number): Promise<void> {
    const out = this.writer;
    out.reset();
    writeGraphicControl(out, Math.min(delay, MAX_DELAY_CS), held.disposal, held.image.transparentIndex);
    out.bytes(held.image.bytes);
    this.framesWritten++;
    // Longer than a GIF delay can say: continue with empty frames (one transparent pixel).
    for (let rest = delay - MAX_DELAY_CS; rest > 0; rest -= MAX_DELAY_CS) {
      writeGraphicControl(out, Math.min(rest, MAX_DELAY_CS), Disposal.Keep, 0);
      writeImageDescriptor(out, 0, 0, 1, 1, 1);
      out.bytes(new Uint8Array(6));
      lzwEncode(new Uint8Array([0]), 2, out);
      this.framesWritten++;
    }
    await this.sink(out.view().slice());
  }

  async end(): Promise<void> {
    const out = new ByteWriter(1);
    writeTrailer(out);
    await this.sink(out.view().slice());
  }
}

/** An image's colours, most used first (ties by value, so the order is the same everywhere). */
function byFrequency(pixels: Uint32Array): number[] {
  const counts = new Map<number, number>();
  let last = -1;
  let run = 0;
  for (let i = 0; i < pixels.length; i++) {
    const p = pixels[i]!;
    if (p === last) {
      run++;
      continue;
    }
    if (run) counts.set(last, (counts.get(last) ?? 0) + run);
    last = p;
    run = 1;
  }
  if (run) counts.set(last, (counts.get(last) ?? 0) + run);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
}
