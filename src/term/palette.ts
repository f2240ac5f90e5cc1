import type { PaletteOverrides } from './cell.js';

/** Which dynamic colour OSC 10/11/12 (and their resets 110/111/112) name. */
export const enum DynamicColor {
  Foreground = 10,
  Background = 11,
  Cursor = 12,
}

/**
 * The colours the program itself changed: indexed ones (OSC 4) and the dynamic foreground,
 * background and cursor colours. `view` is rebuilt only after a change, so snapshots taken in
 * between share it.
 */
export class Palette {
  private readonly indexed = new Map<number, number>();
  private foreground: number | undefined;
  private background: number | undefined;
  private cursor: number | undefined;
  private cached: PaletteOverrides | null = null;

  get view(): PaletteOverrides {
    if (this.cached === null) {
      const view: { indexed: ReadonlyMap<number, number>; foreground?: number; background?: number; cursor?: number } = {
        indexed: new Map(this.indexed),
      };
      if (this.foreground !== undefined) view.foreground = this.foreground;
      if (this.background !== undefined) view.background = this.background;
      if (this.cursor !== undefined) view.cursor = this.cursor;
      this.cached = Object.freeze(view);
    }
    return this.cached;
  }

  /** `index` 0..255 to 0xRRGGBB. */
  setIndexed(index: number, color: number): void {
    this.indexed.set(index, color);
    this.cached = null;
  }

  /** Indexed colours back to the theme's: the ones listed, or all. */
  resetIndexed(indexes: readonly number[] | 'all'): void {
    if (indexes === 'all') this.indexed.clear();
    else for (const index of indexes) this.indexed.delete(index);
    this.cached = null;
  }

  setDynamic(which: DynamicColor, color: number | undefined): void {
    if (which === DynamicColor.Foreground) this.foreground = color;
    else if (which === DynamicColor.Background) this.background = color;
    else this.cursor = color;
    this.cached = null;
  }

  reset(): void {
    this.indexed.clear();
    this.foreground = undefined;
    this.background = undefined;
    this.cursor = undefined;
    this.cached = null;
  }
}
