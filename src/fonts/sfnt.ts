/**
 * The little we need to know about a TrueType/OpenType file without rasterizing it: which
 * characters it has (cmap), its vertical metrics and whether its glyphs are colour images. Reading
 * these few tables directly keeps startup fast even for 10 MB emoji and CJK fonts.
 */

export interface FontInfo {
  readonly unitsPerEm: number;
  readonly ascender: number;
  readonly descender: number;
  readonly underlinePosition: number;
  readonly underlineThickness: number;
  readonly strikeoutPosition: number;
  readonly strikeoutSize: number;
  /** Has colour glyph tables (CBDT, COLR, sbix or SVG). */
  readonly color: boolean;
  /** Whether the font maps this code point to a glyph other than .notdef. */
  has(cp: number): boolean;
}

export class FontFormatError extends Error {}

function tables(view: DataView, faceOffset: number): Map<string, { offset: number; length: number }> {
  let base = faceOffset;
  const tag = view.getUint32(base);
  if (tag === 0x74746366) {
    // 'ttcf': a collection; use its first face.
    base = view.getUint32(12);
  }
  const numTables = view.getUint16(base + 4);
  const out = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < numTables; i++) {
    const rec = base + 12 + i * 16;
    const name = String.fromCharCode(view.getUint8(rec), view.getUint8(rec + 1), view.getUint8(rec + 2), view.getUint8(rec + 3));
    out.set(name, { offset: view.getUint32(rec + 8), length: view.getUint32(rec + 12) });
  }
  return out;
}

/** Code point ranges [start, end, ...] sorted, from the best Unicode cmap subtable. */
function readCmap(view: DataView, cmapOffset: number): (cp: number) => boolean {
  const count = view.getUint16(cmapOffset + 2);
  let best: { offset: number; score: number } | undefined;
  for (let i = 0; i < count; i++) {
    const rec = cmapOffset + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const offset = cmapOffset + view.getUint32(rec + 4);
    const format = view.getUint16(offset);
    // Prefer full-repertoire format 12 tables, then BMP format 4 tables.
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const score = format === 12 ? 2 : format === 4 ? 1 : 0;
    if (score > 0 && (!best || score > best.score)) best = { offset, score };
  }
  if (!best) return () => false;
  const o = best.offset;
  if (best.score === 2) {
    const groups = view.getUint32(o + 12);
    const starts = new Uint32Array(groups);
    const ends = new Uint32Array(groups);
    const glyphs = new Uint32Array(groups);
    for (let g = 0; g < groups; g++) {
      starts[g] = view.getUint32(o + 16 + g * 12);
      ends[g] = view.getUint32(o + 20 + g * 12);
      glyphs[g] = view.getUint32(o + 24 + g * 12);
    }
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (cp < starts[mid]!) hi = mid - 1;
        else if (cp > ends[mid]!) lo = mid + 1;
        else return glyphs[mid]! + (cp - starts[mid]!) !== 0;
      }
      return false;
    };
  }
  const segX2 = view.getUint16(o + 6);
  const segs = segX2 / 2;
  const endsAt = o + 14;
  const startsAt = endsAt + segX2 + 2;
  const deltasAt = startsAt + segX2;
  const rangesAt = deltasAt + segX2;
  return (cp) => {
    if (cp > 0xffff) return false;
    let lo = 0;
    let hi = segs - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (view.getUint16(endsAt + mid * 2) < cp) lo = mid + 1;
      else hi = mid;
    }
    const start = view.getUint16(startsAt + lo * 2);
    if (cp < start || cp > view.getUint16(endsAt + lo * 2)) return false;
    const delta = view.getInt16(deltasAt + lo * 2);
    const rangeOffset = view.getUint16(rangesAt + lo * 2);
    if (rangeOffset === 0) return ((cp + delta) & 0xffff) !== 0;
    const glyphAt = rangesAt + lo * 2 + rangeOffset + (cp - start) * 2;
    const glyph = view.getUint16(glyphAt);
    return glyph !== 0 && ((glyph + delta) & 0xffff) !== 0;
  };
}

/** The metrics and coverage of a TrueType/OpenType file; anything else is a FontFormatError. */
export function readFontInfo(bytes: Uint8Array): FontInfo {
  try {
    return readTables(bytes);
  } catch (error) {
    // Table offsets read from a file that is not a font point anywhere; say what it is not.
    if (error instanceof RangeError) throw new FontFormatError('not a TrueType/OpenType font (its tables point past the end of the file)');
    throw error;
  }
}

function readTables(bytes: Uint8Array): FontInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12) throw new FontFormatError('not a font file (too short)');
  const t = tables(view, 0);
  const head = t.get('head');
  const hhea = t.get('hhea');
  const cmap = t.get('cmap');
  if (!head || !hhea || !cmap) throw new FontFormatError('not a TrueType/OpenType font (missing head, hhea or cmap)');
  const unitsPerEm = view.getUint16(head.offset + 18);
  const ascender = view.getInt16(hhea.offset + 4);
  const descender = view.getInt16(hhea.offset + 6);
  const post = t.get('post');
  const os2 = t.get('OS/2');
  const has = readCmap(view, cmap.offset);
  return {
    unitsPerEm,
    ascender,
    descender,
    underlinePosition: post ? view.getInt16(post.offset + 8) : -Math.round(unitsPerEm * 0.1),
    underlineThickness: post ? view.getInt16(post.offset + 10) : Math.round(unitsPerEm * 0.05),
    strikeoutSize: os2 ? view.getInt16(os2.offset + 26) : Math.round(unitsPerEm * 0.05),
    strikeoutPosition: os2 ? view.getInt16(os2.offset + 28) : Math.round(unitsPerEm * 0.3),
    color: t.has('CBDT') || t.has('COLR') || t.has('sbix') || t.has('SVG '),
    has,
  };
}
