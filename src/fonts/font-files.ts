import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFontInfo, type FontInfo } from './sfnt.js';

/**
 * Which font file draws which character, without a canvas: the raster renderer registers the face
 * it picks, the SVG renderer embeds its outlines. Fallback files are read only when a character
 * reaches them, so a recording in plain ASCII never opens one.
 */

/** Where the bundled fonts live: `fonts/` at the package root, beside `src/` and `dist/`. */
export const BUNDLED_FONTS_DIR = fileURLToPath(new URL('../../fonts/', import.meta.url));

const bundled = (name: string): string => join(BUNDLED_FONTS_DIR, name);

export const BUNDLED_FONT_FILES = {
  regular: bundled('JetBrainsMono-Regular.ttf'),
  bold: bundled('JetBrainsMono-Bold.ttf'),
  italic: bundled('JetBrainsMono-Italic.ttf'),
  boldItalic: bundled('JetBrainsMono-BoldItalic.ttf'),
  symbols: bundled('DejaVuSansMono.ttf'),
  symbolsBold: bundled('DejaVuSansMono-Bold.ttf'),
  nerd: bundled('SymbolsNerdFontMono-Regular.ttf'),
  emoji: bundled('NotoColorEmoji-Small.ttf'),
  hangul: bundled('NanumGothicCoding.ttf'),
  cjk: bundled('DroidSansFallbackFull.ttf'),
} as const;

/**
 * Noto Sans symbol and script faces, tried in this order after the Hangul face: the list in
 * fonts/script-fallbacks.json, which scripts/build-fallback-fonts.py copies them from.
 */
export const BUNDLED_SCRIPT_FILES: readonly string[] = (JSON.parse(readFileSync(bundled('script-fallbacks.json'), 'utf8')) as string[]).map(bundled);

export type FontStyle = 'regular' | 'bold' | 'italic' | 'boldItalic';
export const FONT_STYLES: readonly FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic'];

export const styleOf = (bold: boolean, italic: boolean): FontStyle => (bold ? (italic ? 'boldItalic' : 'bold') : italic ? 'italic' : 'regular');

/** Font files chosen by the user, by style; a style not given falls back as `styleChains` says. */
export interface FontFiles {
  readonly regular?: string;
  readonly bold?: string;
  readonly italic?: string;
  readonly boldItalic?: string;
  /** Tried in order after the styled faces and before the bundled fallbacks (e.g. a colour emoji font). */
  readonly fallbacks?: readonly string[];
}

/** A font file in a fallback chain. */
export interface Face {
  readonly path: string;
  /** Known ahead for bundled files, so that looking for a colour face never opens an outline one. */
  readonly color?: boolean;
  /** Characters this face is used for, when it must not draw others it has. */
  readonly only?: (cp: number) => boolean;
}

/** NanumGothicCoding also has Latin and Hanja; it is there for Hangul, which no earlier face has. */
const isHangul = (cp: number): boolean =>
  (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3131 && cp <= 0x318e) || (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xac00 && cp <= 0xd7ff);

/**
 * The bundled fallbacks after the text face, in the order they are tried: DejaVu Sans Mono (the
 * text font's own complement for symbols, in the same style), Nerd Font icons, colour emoji,
 * Hangul, symbol and script fonts, and CJK last.
 */
export function bundledFallbacks(bold: boolean): Face[] {
  return [
    { path: bold ? BUNDLED_FONT_FILES.symbolsBold : BUNDLED_FONT_FILES.symbols, color: false },
    { path: BUNDLED_FONT_FILES.nerd, color: false },
    { path: BUNDLED_FONT_FILES.emoji, color: true },
    { path: BUNDLED_FONT_FILES.hangul, color: false, only: isHangul },
    ...BUNDLED_SCRIPT_FILES.map((path) => ({ path, color: false })),
    { path: BUNDLED_FONT_FILES.cjk, color: false },
  ];
}

const infos = new Map<string, FontInfo>();

/** A font file's cmap and metrics, read once per process. */
export function fontInfoOf(path: string): FontInfo {
  let info = infos.get(path);
  if (!info) {
    info = readFontInfo(readFileSync(path));
    infos.set(path, info);
  }
  return info;
}

/** The font files read so far in this process, in order (a plain-ASCII render reads only the text face). */
export const fontFilesRead = (): string[] => [...infos.keys()];

/** Characters shown as emoji by default: the pictographic planes (older symbols need U+FE0F). */
const isEmojiPresentation = (cp: number): boolean => cp >= 0x1f000 && cp <= 0x1faff;

/**
 * Whether a cluster in `cells` cells is drawn as a colour emoji: U+FE0F asks for it, pictographs
 * default to it, and a symbol the terminal gave two cells (⚡, ⌚) is shown as an emoji, as
 * terminals do.
 */
export function wantsColor(text: string, cells: 1 | 2): boolean {
  const cp = text.codePointAt(0)!;
  return text.includes('\ufe0f') || isEmojiPresentation(cp) || (cells === 2 && cp >= 0x2300 && cp < 0x2c00);
}

/**
 * Characters that shape a cluster without a glyph of their own (joiners, variation selectors,
 * tags): a face lacking them can still draw the cluster.
 */
const isIgnorable = (cp: number): boolean =>
  cp === 0x200c || cp === 0x200d || cp === 0x34f || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x2060 && cp <= 0x206f) || (cp >= 0xe0000 && cp <= 0xe0fff);

/** A cluster as one face draws it: the characters it has, and those that must come from elsewhere. */
export interface ClusterSplit {
  readonly face: Face;
  /** The cluster less what the face lacks (ignorable characters it lacks are left out too). */
  readonly text: string;
  /** Characters (combining marks, mostly) the face lacks, in order. */
  readonly rest: readonly string[];
}

/**
 * An ordered list of faces for grapheme clusters. The first face that has every character of a
 * cluster draws it, else the first that has its base character; colour faces come first for
 * emoji-style clusters, outline faces for everything else. A cluster is never handed to a face
 * lacking some of it: the canvas would then look for those characters in the machine's fonts.
 */
export class FaceChain {
  private readonly picks = new Map<string, ClusterSplit | null>();

  constructor(readonly faces: readonly Face[]) {}

  pick(text: string, cells: 1 | 2 = 1): Face | undefined {
    return this.split(text, cells)?.face;
  }

  split(text: string, cells: 1 | 2 = 1): ClusterSplit | undefined {
    const color = wantsColor(text, cells);
    const key = `${color ? 'c' : 'o'}${text}`;
    const known = this.picks.get(key);
    if (known !== undefined) return known ?? undefined;
    const cps = [...text].map((ch) => ch.codePointAt(0)!);
    const base = cps[0]!;
    const has = (f: Face, cp: number): boolean => (f.only === undefined || f.only(cp)) && fontInfoOf(f.path).has(cp);
    const hasBase = (f: Face): boolean => has(f, base);
    const hasAll = (f: Face): boolean => hasBase(f) && cps.every((cp) => isIgnorable(cp) || has(f, cp));
    const isColor = (f: Face): boolean => f.color ?? fontInfoOf(f.path).color;
    const tone = (f: Face): boolean => isColor(f) === color;
    const face =
      cps.length === 1
        ? (this.faces.find((f) => tone(f) && hasBase(f)) ?? this.faces.find(hasBase))
        : (this.faces.find((f) => tone(f) && hasAll(f)) ??
          this.faces.find(hasAll) ??
          this.faces.find((f) => tone(f) && hasBase(f)) ??
          this.faces.find(hasBase));
    let split: ClusterSplit | null = null;
    if (face) {
      const info = fontInfoOf(face.path);
      const kept = cps.filter((cp, i) => i === 0 || info.has(cp));
      const rest = cps.filter((cp, i) => i > 0 && !info.has(cp) && !isIgnorable(cp)).map((cp) => String.fromCodePoint(cp));
      split = { face, text: String.fromCodePoint(...kept), rest };
    }
    this.picks.set(key, split);
    return split ?? undefined;
  }
}

/**
 * The faces tried for each style, in order: the style's own face, the user's fallbacks, then the
 * bundled fallbacks (see bundledFallbacks); and the regular face, whose metrics size the cells.
 */
export function styleChains(files: FontFiles): { primary: string; chains: Record<FontStyle, FaceChain> } {
  const face = (style: FontStyle): string =>
    files[style] ?? (style === 'boldItalic' ? files.bold : undefined) ?? files.regular ?? BUNDLED_FONT_FILES[style];
  const userFallbacks: Face[] = (files.fallbacks ?? []).map((path) => ({ path }));
  const chain = (style: FontStyle, bold: boolean): FaceChain => new FaceChain([{ path: face(style) }, ...userFallbacks, ...bundledFallbacks(bold)]);
  return {
    primary: face('regular'),
    chains: { regular: chain('regular', false), bold: chain('bold', true), italic: chain('italic', false), boldItalic: chain('boldItalic', true) },
  };
}

/**
 * The one warning for characters no font has (each is drawn as a box): how many, the first few,
 * and the fix.
 */
export function missingGlyphsWarning(codePoints: Iterable<number>): string | undefined {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const shown = sorted.slice(0, 5).map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
  const more = sorted.length > shown.length ? `, and ${sorted.length - shown.length} more` : '';
  const what = sorted.length === 1 ? '1 character has' : `${sorted.length} characters have`;
  return `${what} no glyph in any font and ${sorted.length === 1 ? 'is' : 'are'} drawn as a box (${shown.join(', ')}${more}); add a font that has ${sorted.length === 1 ? 'it' : 'them'} with --font-file FILE`;
}
