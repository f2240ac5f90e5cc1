import { DEFAULT_COLOR } from './cell.js';
import { ATTR_MASK, EXT_SHIFT, PROTECTED, type PenExtra } from './line.js';
import type { Params } from './params.js';
import { applySgr, type Rendition } from './sgr.js';

/** Distinct (underline colour, hyperlink) pairs kept, and their total link text, so that memory stays bounded. */
const MAX_EXTRAS = 1 << 16;
const MAX_EXTRA_CHARS = 1 << 23;

/** What DECSC saves of the pen. */
export interface SavedPen extends Rendition {
  readonly protect: boolean;
  readonly link: string;
}

/**
 * What new cells are drawn with: the SGR rendition, DECSCA protection and the OSC 8 hyperlink,
 * kept packed as the flag word every cell carries (`flags`) so that printing copies one number.
 */
export class Pen implements Rendition {
  fg = DEFAULT_COLOR;
  bg = DEFAULT_COLOR;
  attrs = 0;
  ulColor = DEFAULT_COLOR;
  protect = false;
  link = '';
  /** Flag word for new cells, derived from the rest by `update`. */
  flags = 0;
  /** (underline colour, hyperlink) pairs by the id cells carry in their flag word; id 0 is neither. */
  readonly extras: PenExtra[] = [{ ulColor: DEFAULT_COLOR, link: '' }];
  private readonly extraIds = new Map<string, number>();
  private extraChars = 0;

  /** SGR. */
  sgr(params: Params): void {
    applySgr(this, params);
    this.update();
  }

  /** DECSCA. */
  setProtected(on: boolean): void {
    this.protect = on;
    this.update();
  }

  /** OSC 8; '' ends the link. */
  setLink(link: string): void {
    this.link = link;
    this.update();
  }

  /** Default rendition, unprotected. The hyperlink is left as it is: only RIS ends it (setLink). */
  reset(): void {
    this.fg = DEFAULT_COLOR;
    this.bg = DEFAULT_COLOR;
    this.attrs = 0;
    this.ulColor = DEFAULT_COLOR;
    this.protect = false;
    this.update();
  }

  save(): SavedPen {
    return { fg: this.fg, bg: this.bg, attrs: this.attrs, ulColor: this.ulColor, protect: this.protect, link: this.link };
  }

  restore(saved: SavedPen): void {
    this.fg = saved.fg;
    this.bg = saved.bg;
    this.attrs = saved.attrs;
    this.ulColor = saved.ulColor;
    this.protect = saved.protect;
    this.link = saved.link;
    this.update();
  }

  private update(): void {
    let ext = 0;
    if (this.ulColor !== DEFAULT_COLOR || this.link !== '') {
      const key = `${this.ulColor}\u0000${this.link}`;
      const known = this.extraIds.get(key);
      if (known !== undefined) ext = known;
      else if (this.extras.length < MAX_EXTRAS && this.extraChars + this.link.length <= MAX_EXTRA_CHARS) {
        this.extraChars += this.link.length;
        ext = this.extras.length;
        this.extras.push({ ulColor: this.ulColor, link: this.link });
        this.extraIds.set(key, ext);
      }
    }
    this.flags = (this.attrs & ATTR_MASK) | (this.protect ? PROTECTED : 0) | (ext << EXT_SHIFT);
  }
}
