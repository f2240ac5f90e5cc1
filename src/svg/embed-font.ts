import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type opentypeModule from 'opentype.js';
import { BUNDLED_FONT_FILES, FONT_STYLES, styleOf, type FontStyle } from '../fonts/font-files.js';
import { FallbackGlyphs } from './fallback-glyphs.js';
import { EMBEDDED_FAMILY, FALLBACK_FAMILY, type SvgGeometry } from './options.js';

/** A subset's style name, as the bundled font names its face. */
const STYLE_NAMES: Record<FontStyle, string> = { regular: 'Regular', bold: 'Bold', italic: 'Italic', boldItalic: 'BoldItalic' };

/**
 * The characters drawn, gathered while the animation is written: those needing a bundled fallback
 * always, and with `embedText` (--embed-font) the code points drawn in each face of the text font.
 */
export class GlyphUse {
  readonly faces = new Map<FontStyle, Set<number>>();
  readonly fallbacks: FallbackGlyphs;

  constructor(readonly embedText: boolean) {
    this.fallbacks = new FallbackGlyphs(embedText);
  }

  add(text: string, bold: boolean, italic: boolean, cells: 1 | 2 = 1): void {
    this.fallbacks.add(text, cells);
    if (!this.embedText) return;
    const style = styleOf(bold, italic);
    let set = this.faces.get(style);
    if (!set) this.faces.set(style, (set = new Set()));
    for (const ch of text) set.add(ch.codePointAt(0)!);
  }
}

type Opentype = typeof opentypeModule;

let loaded: Opentype | undefined;
/** opentype.js is large; it is loaded only when a font is embedded. */
function opentypeLib(): Opentype {
  loaded ??= createRequire(import.meta.url)('opentype.js') as Opentype;
  return loaded;
}

const fontCache = new Map<string, opentypeModule.Font>();

function parsedFont(path: string): opentypeModule.Font {
  let font = fontCache.get(path);
  if (!font) {
    const bytes = readFileSync(path);
    font = opentypeLib().parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), { lowMemory: true });
    fontCache.set(path, font);
  }
  return font;
}

/**
 * A font holding only the glyphs for `codePoints` (those the bundled font has), as OpenType bytes.
 * Characters the bundled font lacks are left to the fallback families.
 */
export function subsetFont(style: FontStyle, codePoints: Iterable<number>): Uint8Array {
  const opentype = opentypeLib();
  const source = parsedFont(BUNDLED_FONT_FILES[style]);
  const notdef = source.glyphs.get(0);
  const glyphs: opentypeModule.Glyph[] = [
    new opentype.Glyph({ name: '.notdef', advanceWidth: notdef.advanceWidth ?? 0, path: new opentype.Path() }),
  ];
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  for (const cp of sorted) {
    const glyph = source.charToGlyph(String.fromCodePoint(cp));
    if (!glyph || glyph.index === 0) continue;
    glyphs.push(
      new opentype.Glyph({ name: `u${cp.toString(16)}`, unicode: cp, advanceWidth: glyph.advanceWidth ?? 0, path: glyph.path }),
    );
  }
  const subset = new opentype.Font({
    familyName: EMBEDDED_FAMILY,
    styleName: STYLE_NAMES[style],
    unitsPerEm: source.unitsPerEm,
    ascender: source.ascender,
    descender: source.descender,
    glyphs,
  });
  return withFixedDates(new Uint8Array(subset.toArrayBuffer()));
}

/**
 * opentype.js stamps `head.modified` with the current time; output must be the same on every run,
 * so both dates are set to zero and the checksums the dates enter are computed again.
 */
function withFixedDates(font: Uint8Array): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const sum = (offset: number, length: number): number => {
    let total = 0;
    for (let i = 0; i < length; i += 4) {
      let word = 0;
      for (let k = 0; k < 4; k++) word = (word << 8) | (offset + i + k < font.length ? font[offset + i + k]! : 0);
      total = (total + (word >>> 0)) >>> 0;
    }
    return total;
  };
  const tables = view.getUint16(4);
  for (let i = 0; i < tables; i++) {
    const record = 12 + 16 * i;
    if (String.fromCharCode(...font.subarray(record, record + 4)) !== 'head') continue;
    const offset = view.getUint32(record + 8);
    const length = view.getUint32(record + 12);
    view.setUint32(offset + 8, 0); // checkSumAdjustment, recomputed below
    for (let k = 20; k < 36; k += 4) view.setUint32(offset + k, 0); // created, modified
    view.setUint32(record + 4, sum(offset, length));
    view.setUint32(offset + 8, (0xb1b0afba - sum(0, font.length)) >>> 0);
  }
  return font;
}

/** Embedded fonts as CSS, and what they add. */
export interface EmbeddedFonts {
  readonly css: string;
  readonly glyphs: number;
  readonly bytes: number;
}

const fontFace = (family: string, weight: string, style: string, font: Uint8Array): string =>
  `@font-face{font-family:${family};font-weight:${weight};font-style:${style};src:url(data:font/otf;base64,${Buffer.from(font).toString('base64')})}`;

/** `@font-face` rules for every face used, with the subsets as data URLs. */
export function fontFaceCss(use: GlyphUse, g: SvgGeometry): EmbeddedFonts {
  const { fallbacks } = use;
  let css = '';
  let glyphs = 0;
  let bytes = 0;
  for (const style of FONT_STYLES) {
    const codePoints = use.faces.get(style);
    if (!codePoints || codePoints.size === 0) continue;
    const font = subsetFont(style, codePoints);
    const bold = style === 'bold' || style === 'boldItalic';
    const italic = style === 'italic' || style === 'boldItalic';
    css += fontFace(EMBEDDED_FAMILY, bold ? 'bold' : 'normal', italic ? 'italic' : 'normal', font);
    glyphs += codePoints.size;
    bytes += font.length;
  }
  if (fallbacks.embedded.size > 0) {
    const { font, count } = fallbackFont(fallbacks, g);
    // One face for every weight: the icons have no bold of their own, and are not made bolder.
    css += fontFace(FALLBACK_FAMILY, '100 900', 'normal', font);
    glyphs += count;
    bytes += font.length;
  }
  return { css, glyphs, bytes };
}

/** Units per em of the fallback font: output px times 1000 / font size. */
const FALLBACK_UPEM = 1000;

/**
 * One font holding every fallback glyph used, each placed as the raster renderer places it:
 * centred in its cells, and shrunk about the cell's centre when its advance is wider than them.
 * The advance is the cells' width, so a glyph never pushes what follows.
 */
function fallbackFont(fallbacks: FallbackGlyphs, g: SvgGeometry): { font: Uint8Array; count: number } {
  const opentype = opentypeLib();
  const toUnits = FALLBACK_UPEM / g.fontPx;
  const out: opentypeModule.Glyph[] = [new opentype.Glyph({ name: '.notdef', advanceWidth: 0, path: new opentype.Path() })];
  const all = [...fallbacks.embedded].flatMap(([path, glyphs]) => [...glyphs.values()].map((glyph) => ({ path, glyph })));
  all.sort((a, b) => a.glyph.cp - b.glyph.cp);
  for (const { path, glyph } of all) {
    const source = parsedFont(path);
    const from = source.charToGlyph(String.fromCodePoint(glyph.cp));
    if (!from || from.index === 0) continue;
    const em = g.fontPx / source.unitsPerEm;
    const w = glyph.cells * g.cellWidth;
    const advance = (from.advanceWidth ?? 0) * em;
    const k = advance > w ? w / advance : 1;
    // In px, y down from the baseline: x' = w/2 + k(x - advance/2); y' = (1-k)(h/2 - baseline) + k*y.
    const dx = w / 2 - (k * advance) / 2;
    const dy = (1 - k) * (g.cellHeight / 2 - g.baseline);
    const s = k * em;
    const placed = new opentype.Path();
    const X = (x: number): number => Math.round((dx + s * x) * toUnits);
    const Y = (y: number): number => Math.round((-dy + s * y) * toUnits);
    for (const c of from.path.commands) {
      if (c.type === 'M') placed.moveTo(X(c.x), Y(c.y));
      else if (c.type === 'L') placed.lineTo(X(c.x), Y(c.y));
      else if (c.type === 'Q') placed.quadraticCurveTo(X(c.x1), Y(c.y1), X(c.x), Y(c.y));
      else if (c.type === 'C') placed.curveTo(X(c.x1), Y(c.y1), X(c.x2), Y(c.y2), X(c.x), Y(c.y));
      else placed.close();
    }
    out.push(new opentype.Glyph({ name: `u${glyph.cp.toString(16)}`, unicode: glyph.cp, advanceWidth: Math.round(w * toUnits), path: placed }));
  }
  const font = new opentype.Font({
    familyName: FALLBACK_FAMILY,
    styleName: 'Regular',
    unitsPerEm: FALLBACK_UPEM,
    ascender: Math.round(g.baseline * toUnits),
    descender: -Math.round((g.cellHeight - g.baseline) * toUnits),
    glyphs: out,
  });
  return { font: withFixedDates(new Uint8Array(font.toArrayBuffer())), count: out.length - 1 };
}
