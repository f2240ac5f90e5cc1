import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { readFontInfo, type FontInfo } from './sfnt.js';
import { textContext } from './text-context.js';

/** Where the bundled fonts live: `fonts/` at the package root, beside `src/` and `dist/`. */
export const BUNDLED_FONTS_DIR = fileURLToPath(new URL('../../fonts/', import.meta.url));

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

/** Each file gets a private family name so the canvas never substitutes another face for it. */
export function loadFont(path: string): LoadedFont {
  const known = registered.get(path);
  if (known) return known;
  const bytes = readFileSync(path);
  const info = readFontInfo(bytes);
  const family = `c2g-font-${registered.size}`;
  if (!GlobalFonts.register(bytes, family)) throw new Error(`cannot load font ${path}`);
  const font = { path, family, info };
  registered.set(path, font);
  return font;
}

const bundled = (name: string): string => join(BUNDLED_FONTS_DIR, name);

export const BUNDLED_FONT_FILES = {
  regular: bundled('JetBrainsMono-Regular.ttf'),
  bold: bundled('JetBrainsMono-Bold.ttf'),
  italic: bundled('JetBrainsMono-Italic.ttf'),
  boldItalic: bundled('JetBrainsMono-BoldItalic.ttf'),
  symbols: bundled('DejaVuSansMono.ttf'),
  symbolsBold: bundled('DejaVuSansMono-Bold.ttf'),
  cjk: bundled('DroidSansFallbackFull.ttf'),
} as const;

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
 * bundled symbol and CJK fonts. The first face whose cmap has the character draws it.
 */
export class FontSet {
  readonly primary: LoadedFont;
  private readonly chains: Record<FontStyle, readonly LoadedFont[]>;
  private readonly picks = new Map<string, LoadedFont | null>();

  constructor(files: FontFiles = {}) {
    const face = (style: FontStyle): LoadedFont => {
      const user = files[style] ?? (style === 'boldItalic' ? files.bold : undefined) ?? files.regular;
      return loadFont(user ?? BUNDLED_FONT_FILES[style]);
    };
    const userFallbacks = (files.fallbacks ?? []).map(loadFont);
    const symbols = loadFont(BUNDLED_FONT_FILES.symbols);
    const symbolsBold = loadFont(BUNDLED_FONT_FILES.symbolsBold);
    const cjk = loadFont(BUNDLED_FONT_FILES.cjk);
    this.primary = face('regular');
    const chain = (style: FontStyle, sym: LoadedFont): LoadedFont[] => [face(style), ...userFallbacks, sym, cjk];
    this.chains = {
      regular: chain('regular', symbols),
      bold: chain('bold', symbolsBold),
      italic: chain('italic', symbols),
      boldItalic: chain('boldItalic', symbolsBold),
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
    const key = `${style}${cells}${text}`;
    const cached = this.picks.get(key);
    if (cached !== undefined) return cached ?? undefined;
    const cp = text.codePointAt(0)!;
    const chain = this.chains[style];
    // Emoji-style characters prefer colour faces; everything else prefers outline faces. A symbol
    // the terminal gave two cells (⚡, ⌚) is shown as an emoji, as terminals do.
    const wantColor = text.includes('\ufe0f') || isEmojiPresentation(cp) || (cells === 2 && cp >= 0x2300 && cp < 0x2c00);
    const pick = chain.find((f) => f.info.color === wantColor && f.info.has(cp)) ?? chain.find((f) => f.info.has(cp));
    this.picks.set(key, pick ?? null);
    return pick;
  }
}

/** Characters shown as emoji by default: the pictographic planes (older symbols need U+FE0F). */
function isEmojiPresentation(cp: number): boolean {
  return cp >= 0x1f000 && cp <= 0x1faff;
}

/** The canvas font string for a registered face. */
export const cssFont = (font: LoadedFont, px: number): string => `${px}px "${font.family}"`;
