import { Attr, UnderlineStyle, underlineStyle, type Cell, type PaletteOverrides } from '../term/cell.js';
import { cellColors, type CellColors } from '../theme/index.js';
import { flagAt } from '../term/flags.js';
import { cleanText, escapeXml } from './xml.js';
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
}

/**
 * A run keeps going over this many blank cells; a longer gap starts a new `<text>`, which is
 * shorter than writing the spaces.
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

/** Simple cells drawn by one <text>; a change of style inside it is a <tspan>. */
interface Run {
  x: number;
  end: number;
  cells: number;
  /** The <text>'s own class: its first part's. */
  cls: string;
  /** Class of the text being added now. */
  current: string;
  markup: string;
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
  const { geometry: g, styles } = ctx;
  const cw = g.cellWidth;
  const top = num(-g.baseline);
  const height = num(g.cellHeight);
  const backgrounds = new PathSet();
  const shapes = new PathSet();
  let texts = '';
  let run: Run | undefined;
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
  const flushRun = (): void => {
    if (!run) return;
    const length = run.cells >= PIN_LENGTH ? ` textLength="${num(run.cells * cw)}"` : '';
    if (run.current !== run.cls) run.markup += '</tspan>';
    texts += `<text${xAttr(run.x * cw)}${length}${classAttr(run.cls)}>${run.markup}</text>`;
    run = undefined;
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
    colors = cellColors(cell, g.theme, ctx.overrides, { boldIsBright: g.boldIsBright });

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
    if (!visible || text === '' || text === ' ') continue;
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
      continue;
    }
    const cls = styles.fill(colors.fg, bold, italic);
    ctx.glyphs.add(text, bold, italic, width === 2 ? 2 : 1);
    if (width === 1 && isSimple(text)) {
      if (run && x - run.end < MAX_GAP) {
        // Blanks before the character are invisible: they stay in the current part.
        let add = ' '.repeat(x - run.end);
        if (cls !== run.current) {
          if (run.current !== run.cls) add += '</tspan>';
          // Back to the text's own style closes the span; any other opens one (the default
          // style needs a real class there, since the text's class would otherwise apply).
          if (cls !== run.cls) add += `<tspan class="${cls === '' ? styles.explicitDefault() : cls}">`;
          run.current = cls;
        }
        run.markup += add + escapeXml(text);
        run.cells += x - run.end + 1;
        run.end = end;
      } else {
        flushRun();
        run = { x, end, cells: 1, cls, current: cls, markup: escapeXml(text) };
      }
    } else {
      texts += `<text${xAttr(x * cw)}${classAttr(cls)}>${escapeXml(text)}</text>`;
    }
  }
  flushBg();
  flushRun();
  for (let kind = 0; kind < 3; kind++) flushLine(kind);
  for (const [cls, boxes] of glyphBoxes) shapes.add(cls, mergeBoxes(boxes).map(boxPath).join(''));
  return backgrounds.markup() + texts + shapes.markup();
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
