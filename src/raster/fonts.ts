import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { BUNDLED_FONT_FILES, bundledFallbacks, FaceChain, fontInfoOf, type Face } from './font-files.js';
import type { FontInfo } from './sfnt.js';
import { textContext } from './text-context.js';

export { BUNDLED_FONTS_DIR, BUNDLED_FONT_FILES } from './font-files.js';

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';
export const FONT_STYLES: readonly FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

export interface FontFiles {
  readonly regular?: string;
  readonly bold?: string;
  readonly italic?: string;
  readonly boldItalic?: string;
  /** Tried in order after the styled faces and before the bundled fallbacks (e.g. a colour emoji font). */
  readonly fallbacks?: readonly string[];
}

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

const FONT_EXTENSIONS = /\.(ttf|otf|ttc)$/i;

/** A folder's font files, sorted by name, classified by style from the file name. */
export function fontFilesInDir(dir: string): FontFiles {
  const files = readdirSync(dir).filter((f) => FONT_EXTENSIONS.test(f)).sort();
  const styled: { -readonly [K in FontStyle]?: string } = {};
  const fallbacks: string[] = [];
  for (const file of files) {
    const name = file.replace(FONT_EXTENSIONS, '');
    const style: FontStyle = /bold.?(italic|oblique)/i.test(name)
      ? 'boldItalic'
      : /italic|oblique/i.test(name)
        ? 'italic'
        : /bold/i.test(name)
          ? 'bold'
          : 'regular';
    if (styled[style] === undefined) styled[style] = join(dir, file);
    else fallbacks.push(join(dir, file));
  }
  return { ...styled, fallbacks };
}

/**
 * The faces tried for each style, in order: the style's own face, the user's fallbacks, then the
 * bundled fallbacks (see bundledFallbacks). The first face whose cmap has the character draws it;
 * a face is registered with the canvas only when it draws something.
 */
export class FontSet {
  readonly primary: LoadedFont;
  private readonly chains: Record<FontStyle, FaceChain>;

  constructor(files: FontFiles = {}) {
    const face = (style: FontStyle): string =>
      files[style] ?? (style === 'boldItalic' ? files.bold : undefined) ?? files.regular ?? BUNDLED_FONT_FILES[style];
    const userFallbacks: Face[] = (files.fallbacks ?? []).map((path) => ({ path }));
    this.primary = loadFont(face('regular'));
    const chain = (style: FontStyle, bold: boolean): FaceChain =>
      new FaceChain([{ path: face(style) }, ...userFallbacks, ...bundledFallbacks(bold)]);
    this.chains = {
      regular: chain('regular', false),
      bold: chain('bold', true),
      italic: chain('italic', false),
      boldItalic: chain('boldItalic', true),
    };
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
