import type { Frame } from '../frames/frame.js';
import type { ScreenPainter } from '../raster/screen-painter.js';
import { TRANSPARENT } from '../raster/pixels.js';
import { ByteWriter } from './byte-writer.js';
import { Disposal, writeGraphicControl, writeHeader, writeTrailer, writeImageDescriptor } from './gif-format.js';
import { EncodeScratch, encodeImage, GlobalPalette, unionRect, type EncodedImage, type Rect } from './frame-encoder.js';
import { lzwEncode } from './lzw.js';

/** Browsers show delays under 2 cs as 10 cs, so no frame is shorter than this. */
export const MIN_DELAY_CS = 2;
const MAX_DELAY_CS = 0xffff;
/** The longest a GIF frame can be shown, in seconds; a longer pause takes a chain of frames. */
export const LONGEST_GIF_FRAME = MAX_DELAY_CS / 100;

/** An encoded frame waiting for its delay (known once the next visible change comes). */
interface Held {
  image: EncodedImage;
  start: number;
  disposal: Disposal;
}

export type Sink = (bytes: Uint8Array) => Promise<void>;

/**
 * Turns painted frames into GIF frames. Each GIF frame is the rectangle that changed since the
 * viewer's current picture; frames that change nothing visible are dropped and their time given
 * to the frame before; changes closer than MIN_DELAY_CS are merged into one frame. Times are kept
 * in absolute centiseconds, so rounding never accumulates.
 */
export class GifAnimator {
  private readonly width: number;
  private readonly height: number;
  /** What the viewer shows after the last encoded frame. */
  private shown: Uint32Array | undefined;
  private global: GlobalPalette | undefined;
  private held: Held | undefined;
  /** Start (cs) of changes painted but not yet encoded. */
  private pendingStart: number | undefined;
  /** Pixel rows repainted since the last encoded frame (1), and the range holding them. */
  private readonly dirty: Uint8Array;
  private dirtyTop = Infinity;
  private dirtyBottom = -1;
  /** Per pixel row of the last diff: 1 where the row differs from what the viewer shows. */
  private readonly rowChanged: Uint8Array;
  private end = 0;
  private readonly scratch = new EncodeScratch();
  private readonly writer = new ByteWriter(1 << 16);
  private painted = false;
  /** Frames written, for tests and benchmarks. */
  framesWritten = 0;

  constructor(
    private readonly painter: ScreenPainter,
    private readonly loop: number,
    private readonly sink: Sink,
  ) {
    this.width = painter.width;
    this.height = painter.height;
    this.dirty = new Uint8Array(this.height);
    this.rowChanged = new Uint8Array(this.height);
  }

  async add(frame: Frame): Promise<void> {
    const start = Math.round(frame.time * 100);
    if (this.pendingStart !== undefined && start - this.pendingStart >= MIN_DELAY_CS) await this.encodePending();
    const bands = this.painted
      ? this.painter.paintChanges(frame.screen, frame.changedRows, frame.cursorChanged, frame.paletteChanged, frame.keys)
      : this.painter.paintScreen(frame.screen, frame.keys);
    this.painted = true;
    if (bands) {
      for (const band of bands) {
        this.dirty.fill(1, band.top, band.bottom);
        this.dirtyTop = Math.min(this.dirtyTop, band.top);
        this.dirtyBottom = Math.max(this.dirtyBottom, band.bottom);
      }
      this.pendingStart ??= this.shown === undefined ? 0 : Math.max(start, this.held ? this.held.start + MIN_DELAY_CS : start);
    }
    this.end = Math.max(this.end, Math.round((frame.time + frame.duration) * 100));
  }

  async finish(): Promise<void> {
    if (this.pendingStart !== undefined) {
      // The last change keeps at least the minimum delay, taken from the frame before when it can spare it.
      if (this.end - this.pendingStart < MIN_DELAY_CS && this.held) {
        this.pendingStart = Math.max(this.held.start + MIN_DELAY_CS, Math.min(this.pendingStart, this.end - MIN_DELAY_CS));
      }
      await this.encodePending();
    }
    if (!this.held) throw new Error('no frames to write');
    await this.writeHeld(Math.max(MIN_DELAY_CS, this.end - this.held.start));
    const out = new ByteWriter(1);
    writeTrailer(out);
    await this.sink(out.view().slice());
  }

  private async encodePending(): Promise<void> {
    const start = this.pendingStart!;
    this.pendingStart = undefined;
    const pixels = this.painter.pixels;
    if (!this.shown) {
      const likely = this.painter.likelyColors();
      this.global = GlobalPalette.of([...likely.first, ...byFrequency(pixels), ...likely.rest]);
      const rect = { x: 0, y: 0, w: this.width, h: this.height };
      const image = encodeImage({ pixels, width: this.width, approximable: this.painter.approximable }, rect, this.global, this.scratch);
      const head = new ByteWriter(1024);
      writeHeader(head, this.width, this.height, this.global.colors, this.loop);
      await this.sink(head.view().slice());
      this.shown = pixels.slice();
      this.held = { image, start, disposal: Disposal.Keep };
      this.resetDirty();
      return;
    }
    const change = this.diff();
    this.resetDirty();
    if (!change) return;
    const held = this.held!;
    let repaint: Rect | undefined;
    if (change.cleared) {
      // Pixels turning transparent: only "restore to background" on the frame before can clear
      // them, so that frame is re-encoded to cover them, and this one repaints its whole area.
      const rect = unionRect(held.image.rect, change.cleared)!;
      held.image = encodeImage({ pixels: this.shown, width: this.width, approximable: this.painter.approximable }, rect, this.global, this.scratch);
      held.disposal = Disposal.RestoreBackground;
      repaint = rect;
    }
    await this.writeHeld(start - held.start);
    const rect = unionRect(change.rect, repaint)!;
    const image = encodeImage({ pixels, width: this.width, shown: this.shown, repaint, rowChanged: this.rowChanged, approximable: this.painter.approximable }, rect, this.global, this.scratch);
    for (let y = rect.y; y < rect.y + rect.h; y++) {
      const row = y * this.width;
      this.shown.set(pixels.subarray(row + rect.x, row + rect.x + rect.w), row + rect.x);
    }
    this.held = { image, start, disposal: Disposal.Keep };
  }

  private resetDirty(): void {
    if (this.dirtyBottom > 0) this.dirty.fill(0, this.dirtyTop, this.dirtyBottom);
    this.dirtyTop = Infinity;
    this.dirtyBottom = -1;
  }

  /** The bounding box of pixels differing from what the viewer shows, and of those turning transparent. */
  private diff(): { rect: Rect; cleared: Rect | undefined } | undefined {
    if (this.dirtyBottom < 0) return undefined;
    const shown = this.shown!;
    const pixels = this.painter.pixels;
    const w = this.width;
    let x0 = w, x1 = -1, y0 = -1, y1 = -1;
    let cx0 = w, cx1 = -1, cy0 = -1, cy1 = -1;
    this.rowChanged.fill(0);
    for (let y = this.dirtyTop; y < this.dirtyBottom; y++) {
      if (!this.dirty[y]) continue;
      const row = y * w;
      for (let x = 0; x < w; x++) {
        const p = pixels[row + x]!;
        const s = shown[row + x]!;
        if (p === s) continue;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y0 < 0) y0 = y;
        y1 = y;
        this.rowChanged[y] = 1;
        if (p === TRANSPARENT) {
          if (x < cx0) cx0 = x;
          if (x > cx1) cx1 = x;
          if (cy0 < 0) cy0 = y;
          cy1 = y;
        }
      }
    }
    if (y0 < 0) return undefined;
    return {
      rect: { x: x0, y: y0, w: x1 - x0 + 1, h: y1 - y0 + 1 },
      cleared: cy0 < 0 ? undefined : { x: cx0, y: cy0, w: cx1 - cx0 + 1, h: cy1 - cy0 + 1 },
    };
  }

  private async writeHeld(delay: number): Promise<void> {
    const held = this.held!;
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
    this.held = undefined;
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
