import { Attr, UnderlineStyle, underlineStyle, type Cell, type PaletteOverrides } from '../term/cell.js';
import type { CellColors } from '../theme/index.js';
import { flagAt } from '../term/flags.js';
import { cleanText, escapeText } from './xml.js';
import { num } from './numbers.js';
import type { SvgGeometry } from './options.js';
import { classAttr, type StrokeStyle, type StyleSheet } from './style-sheet.js';
import { boxPath, drawnGlyphPaths, mergeBoxes, type Box } from './glyph-shapes.js';
import type { GlyphUse } from './embed-font.js';

export interface RowContext {
  readonly geometry: SvgGeometry;
  readonly overrides: PaletteOverrides;
  readonly styles: StyleSheet;
  /** Collects the characters drawn, for the embedded fonts and the missing-glyph warning. */
  readonly glyphs: GlyphUse;
  /**
   * The row is one a viewer may select and copy (a still, an animation's resting frame): its
   * `<text>` then holds every character of the row as `--format txt` has it, spaces included,
   * shapes' characters and invisible ones unpainted, and ends in a line break for viewers that
   * copy SVG text as one line. Other rows leave out what nobody sees.
   */
  readonly copyable?: boolean;
}

/**
 * Outside copyable rows, a stretch of text keeps going over this many blank cells; a longer gap
 * starts a new one at its own column, which is shorter than writing the spaces.
 */
const MAX_GAP = 6;

/**
 * Runs this long and longer carry `textLength`, which pins every character to its cell whatever
 * font the viewer ends up with. Shorter runs do without: with the fonts of the default stack
 * (advances of 0.6 to 0.602 em) they stray by under 0.2 px, and their start is exact anyway.
 */
const PIN_LENGTH = 8;

/**
 * Characters that a monospace font draws one cell wide and that never combine or join: these may
 * share a `<text>` (long ones pinned to their cells by `textLength`). Everything else (wide, combining,
 * symbols a viewer's font may lack) gets its own `<text>` at its own column, so that a fallback
 * font's different advance cannot shift what follows.
 */
function isSimple(text: string): boolean {
  if (text.length !== 1) return false;
  const c = text.charCodeAt(0);
  return (c > 0x20 && c < 0x7f) || (c > 0xa0 && c < 0x300 && c !== 0xad) || (c >= 0x370 && c < 0x530);
}

/** A copyable row with nothing written in it (see rowMarkup). */
export const BLANK_ROW = '<text>\n</text>';

/** Path data gathered per set of attributes: one `<path>` per colour (and opacity) in a row. */
class PathSet {
  private readonly paths = new Map<string, string>();
  add(cls: string, d: string, opacity?: number): void {
    const attrs = classAttr(cls) + (opacity === undefined ? '' : ` fill-opacity="${num(opacity)}"`);
    this.paths.set(attrs, (this.paths.get(attrs) ?? '') + d);
  }
  markup(): string {
    let out = '';
    for (const [attrs, d] of this.paths) out += `<path${attrs} d="${d}"/>`;
    return out;
  }
}

/**
 * A stretch of a row's text whose characters the viewer lays out one after the other from `col`:
 * simple one-cell characters (pinned by `textLength` when long), or one character that must sit
 * at its own column (wide, combining, a symbol from a fallback font), or unpainted characters kept
 * only for copying. Each part is text in one class.
 */
interface Chunk {
  col: number;
  end: number;
  simple: boolean;
  parts: { cls: string; text: string }[];
}

interface Line {
  /** An UnderlineStyle, or 1 for strikethrough and overline. */
  style: number;
  rgb: number;
  x: number;
  end: number;
}

/**
 * OSC 8 hyperlinks (Cell.link) are deliberately not written: an SVG shown as an image cannot follow
 * them anyway, and leaving them out means no URL from a recording can ever become an active link.
 *
 * One row as SVG markup in row coordinates: x from the row's left edge, y = 0 on the text baseline
 * (so a `<use>` places it with a single y and `<text>` needs no y). '' for a blank row.
 * Paint order: backgrounds, text, then lines and drawn glyphs. With `from` and `to`, only the
 * cells in columns [from, to) are drawn.
 */
export function rowMarkup(cells: readonly Cell[], ctx: RowContext, from = 0, to = Infinity): string {
  const parts = rowParts(cells, ctx, from, to);
  return parts.backgrounds + parts.texts + parts.shapes;
}

/** A row's markup in its three layers, in paint order (see rowMarkup). */
export interface RowParts {
  readonly backgrounds: string;
  readonly texts: string;
  readonly shapes: string;
}

export function rowParts(cells: readonly Cell[], ctx: RowContext, from = 0, to = Infinity): RowParts {
  const { geometry: g, styles } = ctx;
  const cw = g.cellWidth;
  const backgrounds = new PathSet();
  const shapes = new PathSet();
  const chunks: Chunk[] = [];
  let bgRun: { x: number; end: number; rgb: number } | undefined;
  const lines: (Line | undefined)[] = [undefined, undefined, undefined];
  const glyphBoxes = new Map<string, Box[]>();

  const rect = (x0: number, x1: number, y: number, h: number): string =>
    `M${num(x0 * cw)} ${num(y)}h${num((x1 - x0) * cw)}v${num(h)}h${num(-(x1 - x0) * cw)}z`;

  const flushBg = (): void => {
    if (!bgRun) return;
    backgrounds.add(styles.band(bgRun.rgb), backgroundBand(bgRun.x, bgRun.end, g));
    bgRun = undefined;
  };
  const copyable = ctx.copyable === true;
  /** Adds `text` at columns [col, end); blanks before it are written as spaces where they must be. */
  const addText = (col: number, end: number, text: string, cls: string, simple: boolean): void => {
    const last = chunks[chunks.length - 1];
    const gap = last ? col - last.end : col;
    if (last && last.simple && simple && (copyable || gap < MAX_GAP)) {
      const part = last.parts[last.parts.length - 1]!;
      // Blanks are invisible: they go with whatever part is open.
      if (part.cls === cls) part.text += ' '.repeat(gap) + text;
      else {
        part.text += ' '.repeat(gap);
        last.parts.push({ cls, text });
      }
      last.end = end;
      return;
    }
    // Characters kept only for copying run on in one stretch, blanks between them included:
    // nobody sees where they stand.
    const open = last?.parts[last.parts.length - 1];
    if (last && !last.simple && open!.cls === styles.unpainted() && (gap === 0 || copyable)) {
      if (cls === open!.cls) {
        open!.text += ' '.repeat(gap) + text;
        last.end = end;
        return;
      }
      if (gap > 0) {
        open!.text += ' '.repeat(gap);
        last.end = col;
      }
      chunks.push({ col, end, simple, parts: [{ cls, text }] });
      return;
    }
    if (copyable && gap > 0) {
      // Copied text keeps the blanks before a new stretch, from the row's start too.
      if (last && last.simple) {
        last.parts[last.parts.length - 1]!.text += ' '.repeat(gap);
        last.end = col;
      } else if (!simple) chunks.push({ col: col - gap, end: col, simple: true, parts: [{ cls: '', text: ' '.repeat(gap) }] });
      else {
        chunks.push({ col: col - gap, end, simple, parts: [{ cls, text: ' '.repeat(gap) + text }] });
        return;
      }
    }
    chunks.push({ col, end, simple, parts: [{ cls, text }] });
  };
  const flushLine = (kind: number): void => {
    const line = lines[kind];
    if (!line) return;
    lines[kind] = undefined;
    const t = g.lineThickness;
    if (kind === 0) underline(line);
    else if (kind === 1) shapes.add(styles.fill(line.rgb), rect(line.x, line.end, -g.strikeOffset, t));
    else shapes.add(styles.fill(line.rgb), rect(line.x, line.end, -g.baseline, t));
  };
  const underline = (line: Line): void => {
    const t = g.lineThickness;
    const y = g.underlineOffset;
    switch (line.style as UnderlineStyle) {
      case UnderlineStyle.Double:
        shapes.add(styles.fill(line.rgb), rect(line.x, line.end, y - t, t) + rect(line.x, line.end, y + t, t));
        return;
      case UnderlineStyle.Curly:
        shapes.add(styles.stroke(line.rgb, 'curly'), wave(line.x * cw, line.end * cw, y + t, cw));
        return;
      case UnderlineStyle.Dotted:
      case UnderlineStyle.Dashed: {
        const style: StrokeStyle = line.style === UnderlineStyle.Dotted ? 'dotted' : 'dashed';
        shapes.add(styles.stroke(line.rgb, style), `M${num(line.x * cw)} ${num(y + t / 2)}h${num((line.end - line.x) * cw)}`);
        return;
      }
      default:
        shapes.add(styles.fill(line.rgb), rect(line.x, line.end, y, t));
    }
  };
  const extendLine = (kind: number, style: number, rgb: number, x: number, end: number): void => {
    const line = lines[kind];
    if (line && line.style === style && line.rgb === rgb && line.end === x) {
      line.end = end;
      return;
    }
    flushLine(kind);
    if (style !== 0) lines[kind] = { style, rgb, x, end };
  };

  const count = Math.min(cells.length, g.cols, to);
  let colors: CellColors | undefined;
  let pairedUpTo = 0;
  for (let x = from; x < count; x++) {
    // The right half of a wide character or a flag was painted with its left half.
    if (x < pairedUpTo) continue;
    const flag = x + 1 < count ? flagAt(cells, x) : undefined;
    if (flag) pairedUpTo = x + 2;
    const cell = flag ?? cells[x]!;
    if (cell.width === 0) continue;
    const width = Math.min(cell.width, count - x);
    const end = x + width;
    colors = g.painter.cell(cell, ctx.overrides);

    if (colors.bgIsDefault) flushBg();
    else if (bgRun && bgRun.rgb === colors.bg && bgRun.end === x) bgRun.end = end;
    else {
      flushBg();
      bgRun = { x, end, rgb: colors.bg };
    }

    const attrs = cell.attrs;
    const visible = (attrs & Attr.INVISIBLE) === 0;
    extendLine(0, visible ? underlineStyle(attrs) : 0, colors.underline, x, end);
    extendLine(1, visible && attrs & Attr.STRIKE ? 1 : 0, colors.fg, x, end);
    extendLine(2, visible && attrs & Attr.OVERLINE ? 1 : 0, colors.fg, x, end);

    const text = cell.text.length === 1 && cell.text > ' ' && cell.text < '\x7f' ? cell.text : cleanText(cell.text);
    if (text === '' || text === ' ') continue;
    if (!visible) {
      if (copyable) addText(x, end, escapeText(text), styles.unpainted(), false);
      continue;
    }
    const bold = (attrs & Attr.BOLD) !== 0;
    const italic = (attrs & Attr.ITALIC) !== 0;
    const drawn = text.length === 1 ? drawnGlyphPaths(text.charCodeAt(0), x * cw, -g.baseline, width * cw, g.cellHeight) : undefined;
    if (drawn !== undefined) {
      const cls = styles.fill(colors.fg);
      if (drawn.rects.length > 0) {
        const list = glyphBoxes.get(cls);
        if (list) list.push(...drawn.rects);
        else glyphBoxes.set(cls, [...drawn.rects]);
      }
      if (drawn.solid !== '') shapes.add(cls, drawn.solid);
      for (const [opacity, d] of drawn.shades) shapes.add(cls, d, opacity);
      // Drawn as shapes, copied as the character.
      if (copyable) addText(x, end, escapeText(text), styles.unpainted(), false);
      continue;
    }
    ctx.glyphs.add(text, bold, italic, width === 2 ? 2 : 1);
    addText(x, end, escapeText(text), styles.fill(colors.fg, bold, italic), width === 1 && isSimple(text));
  }
  flushBg();
  for (let kind = 0; kind < 3; kind++) flushLine(kind);
  for (const [cls, boxes] of glyphBoxes) shapes.add(cls, mergeBoxes(boxes).map(boxPath).join(''));
  let texts = textMarkup(chunks, g.cellWidth, styles, copyable);
  // A blank row is still a line: Chromium copies it as a space (it makes no empty line of SVG
  // text), Firefox as an empty line.
  if (texts === '' && copyable && from === 0) texts = BLANK_ROW;
  return { backgrounds: backgrounds.markup(), texts, shapes: shapes.markup() };
}

/**
 * A row's text: in a copyable row one `<text>` (a viewer copies each `<text>` as a line), its
 * stretches as <tspan>s at their columns; else one `<text>` a stretch. An element takes the
 * class of its first part; a part in another class is a <tspan> of its own. Every text class sets
 * fill, weight and slant alike (see StyleSheet.css), so nothing inherits a weight, slant or colour
 * that is not its own, however the elements nest.
 */
function textMarkup(chunks: readonly Chunk[], cw: number, styles: StyleSheet, copyable: boolean): string {
  if (chunks.length === 0) return '';
  /** The class an element needs for `cls` inside a parent of class `parent`. */
  const own = (cls: string, parent: string): string => {
    if (cls === parent) return '';
    const name = cls === '' ? styles.explicitDefault() : cls;
    styles.nest(name, parent);
    return name;
  };
  const content = (chunk: Chunk): { cls: string; inner: string } => {
    const parts: { cls: string; text: string }[] = [];
    for (const part of chunk.parts) {
      const last = parts[parts.length - 1];
      if (last && last.cls === part.cls) last.text += part.text;
      else parts.push({ ...part });
    }
    const cls = parts[0]!.cls;
    return { cls, inner: parts.map((p) => (p.cls === cls ? p.text : `<tspan class="${own(p.cls, cls)}">${p.text}</tspan>`)).join('') };
  };
  const attrs = (chunk: Chunk, cls: string): string => {
    const cells = chunk.end - chunk.col;
    const length = chunk.simple && cells >= PIN_LENGTH ? ` textLength="${num(cells * cw)}"` : '';
    return `${xAttr(chunk.col * cw)}${length}${classAttr(cls)}`;
  };
  if (!copyable) {
    // Nobody copies these rows: each stretch is a <text> of its own, which every viewer pins to
    // its cells by textLength (Firefox ignores textLength on a <tspan>).
    return chunks
      .map((chunk) => {
        const { cls, inner } = content(chunk);
        return `<text${attrs(chunk, cls)}>${inner}</text>`;
      })
      .join('');
  }
  // Viewers that copy all SVG text as one line take this line break (see SvgDocument.tail).
  const end = '<tspan>\n</tspan>';
  const first = content(chunks[0]!);
  if (chunks.length === 1) return `<text${attrs(chunks[0]!, first.cls)}>${first.inner}${end}</text>`;
  // The first stretch may be the <text>'s own content when it needs no textLength.
  const direct = !/textLength/.test(attrs(chunks[0]!, ''));
  const textCls = direct ? first.cls : '';
  let out = direct ? `<text${attrs(chunks[0]!, first.cls)}>${first.inner}` : '<text>';
  for (const chunk of direct ? chunks.slice(1) : chunks) {
    const { cls, inner } = content(chunk);
    out += `<tspan${attrs(chunk, own(cls, textCls))}>${inner}</tspan>`;
  }
  return `${out}${end}</text>`;
}
const xAttr = (x: number): string => (x === 0 ? '' : ` x="${num(x)}"`);

/** A wavy line from x0 to x1 around y, one wave per cell. */
function wave(x0: number, x1: number, y: number, cw: number): string {
  const half = cw / 2;
  const amp = Math.max(1, cw / 6);
  let d = `M${num(x0)} ${num(y)}q${num(half / 2)} ${num(-amp)} ${num(half)} 0`;
  for (let x = x0 + half; x + half <= x1 + 0.01; x += half) d += `t${num(half)} 0`;
  return d;
}

/** Cells [x0, x1) of a row as background band path data (see StyleSheet.band). */
export function backgroundBand(x0: number, x1: number, g: SvgGeometry): string {
  return `M${num(x0 * g.cellWidth)} ${num(g.cellHeight / 2 - g.baseline)}h${num((x1 - x0) * g.cellWidth)}`;
}
