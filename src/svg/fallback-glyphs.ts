import { BUNDLED_FONT_FILES, fontInfoOf, styleChains, type Face } from '../fonts/font-files.js';

/** A character drawn from a bundled fallback face, and the cells it takes. */
export interface FallbackGlyph {
  readonly cp: number;
  readonly cells: 1 | 2;
}

/**
 * What the viewer's fonts cannot be expected to draw. Browsers have emoji and CJK fonts of their
 * own, but no Nerd Font icons: characters of the Private Use Area and those the raster renderer
 * takes from Symbols Nerd Font are embedded, and with `embedAll` every character any
 * bundled outline fallback draws, so the SVG shows what the GIF shows. Characters no bundled font
 * has are counted for the warning.
 */
export class FallbackGlyphs {
  /** The raster's chain for regular text in the bundled fonts: the SVG picks the faces the GIF draws with. */
  private readonly chain = styleChains({}).chains.regular;
  private readonly seen = new Set<string>();
  /** Per face file, the characters to embed from it. */
  readonly embedded = new Map<string, Map<number, FallbackGlyph>>();
  readonly missing = new Set<number>();

  constructor(private readonly embedAll: boolean) {}

  /** A cluster drawn as text in `cells` cells (not one the SVG draws as shapes). */
  add(text: string, cells: 1 | 2): void {
    const cp = text.codePointAt(0)!;
    if (cp < 0x7f) return;
    const key = `${cells}${text}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const face = this.chain.pick(text, cells);
    if (face === undefined) {
      this.missing.add(cp);
      return;
    }
    if (!this.embeds(face, cp)) return;
    let glyphs = this.embedded.get(face.path);
    if (!glyphs) this.embedded.set(face.path, (glyphs = new Map()));
    const info = fontInfoOf(face.path);
    // Marks and selectors in the cluster come from the same face where it has them, as in the raster.
    for (const ch of text) {
      const c = ch.codePointAt(0)!;
      if (!glyphs.has(c) && info.has(c)) glyphs.set(c, { cp: c, cells });
    }
  }

  private embeds(face: Face, cp: number): boolean {
    if (face.color) return false;
    if (isPrivateUse(cp) || face.path === BUNDLED_FONT_FILES.nerd) return true;
    // The text face's other characters are embedded with --embed-font by its own subsets.
    return this.embedAll && face.path !== BUNDLED_FONT_FILES.regular;
  }
}

const isPrivateUse = (cp: number): boolean => (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000;
