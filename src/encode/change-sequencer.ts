import type { Frame } from '../frames/frame.js';
import { TRANSPARENT } from '../raster/pixels.js';
import type { ScreenPainter } from '../raster/screen-painter.js';
import type { AnimationEncoder, PictureChange, Ticks } from './contract.js';

/**
 * Turns painted frames into the pictures a viewer is shown, for every animated raster format. Each
 * picture is the rectangle that changed since the viewer's current picture; frames that change
 * nothing visible are dropped and their time given to the frame before; changes closer than the
 * minimum tick count are merged into one picture. Times are kept in absolute ticks, so rounding
 * never accumulates. Only the painter's picture and the shown one are held, whatever the length.
 */
export class ChangeSequencer<T> {
  private readonly width: number;
  private readonly height: number;
  /** What the viewer shows after the last encoded picture. */
  private shown: Uint32Array | undefined;
  private held: { frame: T; start: number } | undefined;
  /** Start (ticks) of changes painted but not yet encoded. */
  private pendingStart: number | undefined;
  /** Pixel rows repainted since the last encoded picture (1), and the range holding them. */
  private readonly dirty: Uint8Array;
  private dirtyTop = Infinity;
  private dirtyBottom = -1;
  private readonly rowChanged: Uint8Array;
  private end = 0;
  private painted = false;

  constructor(
    private readonly painter: ScreenPainter,
    private readonly encoder: AnimationEncoder<T>,
    private readonly ticks: Ticks,
  ) {
    this.width = painter.width;
    this.height = painter.height;
    this.dirty = new Uint8Array(this.height);
    this.rowChanged = new Uint8Array(this.height);
  }

  async add(frame: Frame): Promise<void> {
    const min = this.ticks.minimum;
    const start = Math.round(frame.time * this.ticks.perSecond);
    if (this.pendingStart !== undefined && start - this.pendingStart >= min) await this.encodePending();
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
      this.pendingStart ??= this.shown === undefined ? 0 : Math.max(start, this.held ? this.held.start + min : start);
    }
    this.end = Math.max(this.end, Math.round((frame.time + frame.duration) * this.ticks.perSecond));
  }

  async finish(): Promise<void> {
    const min = this.ticks.minimum;
    if (this.pendingStart !== undefined) {
      // The last change keeps at least the minimum duration, taken from the frame before when it can spare it.
      if (this.end - this.pendingStart < min && this.held) {
        this.pendingStart = Math.max(this.held.start + min, Math.min(this.pendingStart, this.end - min));
      }
      await this.encodePending();
    }
    if (!this.held) throw new Error('no frames to write');
    await this.encoder.write(this.held.frame, this.held.start, Math.max(min, this.end - this.held.start));
    this.held = undefined;
    await this.encoder.end();
  }

  private async encodePending(): Promise<void> {
    const start = this.pendingStart!;
    this.pendingStart = undefined;
    const pixels = this.painter.pixels;
    if (!this.shown) {
      const frame = await this.encoder.first(pixels);
      this.shown = pixels.slice();
      this.held = { frame, start };
      this.resetDirty();
      return;
    }
    const change = this.diff();
    this.resetDirty();
    if (!change) return;
    const held = this.held!;
    const revised = this.encoder.revise ? this.encoder.revise(held.frame, change) : held.frame;
    await this.encoder.write(revised, held.start, start - held.start);
    const frame = await this.encoder.next(change);
    const { rect } = change;
    for (let y = rect.y; y < rect.y + rect.h; y++) {
      const row = y * this.width;
      this.shown.set(pixels.subarray(row + rect.x, row + rect.x + rect.w), row + rect.x);
    }
    this.held = { frame, start };
  }

  private resetDirty(): void {
    if (this.dirtyBottom > 0) this.dirty.fill(0, this.dirtyTop, this.dirtyBottom);
    this.dirtyTop = Infinity;
    this.dirtyBottom = -1;
  }

  /** The bounding box of pixels differing from what the viewer shows, and of those turning transparent. */
  private diff(): PictureChange | undefined {
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
        // Not opaque: blending over the shown picture cannot make it, the frame must replace the area.
        if (p >= TRANSPARENT) {
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
      rowChanged: this.rowChanged,
      pixels,
      shown,
      cells: this.painter.cells,
    };
  }
}
