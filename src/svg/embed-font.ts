import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type opentypeModule from 'opentype.js';
import { EMBEDDED_FAMILY } from './options.js';

export type Face = 'Regular' | 'Bold' | 'Italic' | 'BoldItalic';

export const faceOf = (bold: boolean, italic: boolean): Face =>
  bold ? (italic ? 'BoldItalic' : 'Bold') : italic ? 'Italic' : 'Regular';

/** The code points drawn in each face, gathered while the animation is written. */
export class GlyphUse {
  readonly faces = new Map<Face, Set<number>>();

  add(text: string, bold: boolean, italic: boolean): void {
    const face = faceOf(bold, italic);
    let set = this.faces.get(face);
    if (!set) this.faces.set(face, (set = new Set()));
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

const fontCache = new Map<Face, opentypeModule.Font>();

function bundledFont(face: Face): opentypeModule.Font {
  const opentype = opentypeLib();
  let font = fontCache.get(face);
  if (!font) {
    const bytes = readFileSync(new URL(`../../fonts/JetBrainsMono-${face}.ttf`, import.meta.url));
    font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    fontCache.set(face, font);
  }
  return font;
}

/**
 * A font holding only the glyphs for `codePoints` (those the bundled font has), as OpenType bytes.
 * Characters the bundled font lacks are left to the fallback families.
 */
export function subsetFont(face: Face, codePoints: Iterable<number>): Uint8Array {
  const opentype = opentypeLib();
  const source = bundledFont(face);
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
    styleName: face,
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

/** `@font-face` rules for every face used, with the subsets as data URLs. */
export function fontFaceCss(use: GlyphUse): string {
  let css = '';
  for (const face of ['Regular', 'Bold', 'Italic', 'BoldItalic'] as const) {
    const codePoints = use.faces.get(face);
    if (!codePoints || codePoints.size === 0) continue;
    const data = Buffer.from(subsetFont(face, codePoints)).toString('base64');
    const weight = face.startsWith('Bold') ? 'bold' : 'normal';
    const style = face.endsWith('Italic') ? 'italic' : 'normal';
    css += `@font-face{font-family:${EMBEDDED_FAMILY};font-weight:${weight};font-style:${style};src:url(data:font/otf;base64,${data})}`;
  }
  return css;
}
