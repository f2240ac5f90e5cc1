import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { fontInfoOf, styleChains, type FaceChain, type FontFiles, type FontStyle } from '../fonts/font-files.js';
import type { FontInfo } from '../fonts/sfnt.js';
import { textContext } from './text-context.js';

/** A font file registered with the canvas under a family name of its own. */
export interface LoadedFont {
  readonly path: string;
  /** The canvas family name it is registered under. */
  readonly family: string;
  readonly info: FontInfo;
}

const registered = new Map<string, LoadedFont>();

/**
 * Each file gets a private family name so the canvas never substitutes another face for it. The
 * name comes from the path, not from the order of loading: the canvas's font registry is shared
 * by every worker thread of the process, and they load fonts in different orders.
 */
export function loadFont(path: string): LoadedFont {
  const known = registered.get(path);
  if (known) return known;
  const info = fontInfoOf(path);
  const bytes = readFileSync(path);
  const family = `c2g-font-${createHash('sha256').update(path).digest('hex').slice(0, 16)}`;
  if (!GlobalFonts.register(bytes, family)) throw new Error(`cannot load font ${path}`);
  const font = { path, family, info };
  registered.set(path, font);
  return font;
}

/**
 * Each style's chain of faces (see styleChains) on the canvas: the first face whose cmap has the
 * character draws it; a face is registered with the canvas only when it draws something.
 */
export class FontSet {
  readonly primary: LoadedFont;
  private readonly chains: Record<FontStyle, FaceChain>;

  constructor(files: FontFiles = {}) {
    const { primary, chains } = styleChains(files);
    this.primary = loadFont(primary);
    this.chains = chains;
  }

  /** The regular face's advance at this size, px (the cell width before letter spacing). */
  primaryAdvance(px: number): number {
    const ctx = textContext(createCanvas(1, 1));
    ctx.font = cssFont(this.primary, px);
    return ctx.measureText('M').width;
  }

  /**
   * The font for a grapheme cluster in `cells` cells: the first face having its base character,
   * colour faces first for emoji-style characters.
   */
  fontFor(text: string, style: FontStyle, cells: 1 | 2 = 1): LoadedFont | undefined {
    const face = this.chains[style].pick(text, cells);
    return face && loadFont(face.path);
  }

  /**
   * How a cluster is drawn: the part its font has, and each character that font lacks with the
   * font that has it (undefined: none has it).
   */
  clusterFor(text: string, style: FontStyle, cells: 1 | 2 = 1): { font: LoadedFont; text: string; rest: { text: string; font: LoadedFont | undefined }[] } | undefined {
    const split = this.chains[style].split(text, cells);
    if (!split) return undefined;
    return {
      font: loadFont(split.face.path),
      text: split.text,
      rest: split.rest.map((ch) => ({ text: ch, font: this.fontFor(ch, style) })),
    };
  }
}

/** The canvas font string for a registered face. */
export const cssFont = (font: LoadedFont, px: number): string => `${px}px "${font.family}"`;
