import { createCanvas, type Canvas, type SKRSContext2D } from '@napi-rs/canvas';
import { drawnGlyph, isDrawnGlyph, type DrawnPrimitive } from '../fonts/drawn-glyphs.js';
import type { FontStyle } from '../fonts/font-files.js';
import { cssFont, type FontSet } from './canvas-fonts.js';
import { coverageLevel, type ColorImage, type Mask } from './pixels.js';
import { textContext } from './text-context.js';

export type Glyph =
  | { readonly kind: 'blank' }
  | { readonly kind: 'mask'; readonly mask: Mask }
  | { readonly kind: 'color'; readonly image: ColorImage };

const BLANK: Glyph = { kind: 'blank' };

export interface GlyphMetrics {
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly baseline: number;
  readonly fontPx: number;
}

/**
 * Every glyph is rasterized once per style and width into a mask exactly the size of its cell(s):
 * it can never paint over a neighbour, and painting a cell never needs its neighbours.
 */
export class GlyphCache {
  private readonly glyphs = new Map<string, Glyph>();
  /** Base characters that no font has, drawn as boxes: the renderer warns about them once. */
  readonly missing = new Set<number>();
  private readonly surfaces = new Map<number, { canvas: Canvas; ctx: SKRSContext2D }>();

  constructor(
    private readonly fonts: FontSet,
    private readonly metrics: GlyphMetrics,
  ) {}

  get size(): number {
    return this.glyphs.size;
  }

  glyph(text: string, style: FontStyle, cells: 1 | 2): Glyph {
    const key = `${style}${cells}${text}`;
    let glyph = this.glyphs.get(key);
    if (!glyph) {
      glyph = this.rasterize(text, style, cells);
      this.glyphs.set(key, glyph);
    }
    return glyph;
  }

  private surface(cells: number): { canvas: Canvas; ctx: SKRSContext2D } {
    let s = this.surfaces.get(cells);
    if (!s) {
      const canvas = createCanvas(this.metrics.cellWidth * cells, this.metrics.cellHeight);
      s = { canvas, ctx: textContext(canvas) };
      this.surfaces.set(cells, s);
    }
    s.ctx.setTransform(1, 0, 0, 1, 0, 0);
    s.ctx.clearRect(0, 0, s.canvas.width, s.canvas.height);
    s.ctx.globalAlpha = 1;
    s.ctx.fillStyle = '#ffffff';
    s.ctx.strokeStyle = '#ffffff';
    return s;
  }

  private rasterize(text: string, style: FontStyle, cells: 1 | 2): Glyph {
    const cp = text.codePointAt(0) ?? 32;
    if (text.trim() === '' && cp !== 0x3000) return BLANK;
    const w = this.metrics.cellWidth * cells;
    const h = this.metrics.cellHeight;
    if (isDrawnGlyph(cp)) {
      const { ctx } = this.surface(cells);
      drawPrimitives(ctx, drawnGlyph(cp, { width: w, height: h })!);
      return maskOf(ctx, w, h);
    }
    const cluster = this.fonts.clusterFor(text, style, cells);
    const { ctx } = this.surface(cells);
    if (!cluster) {
      this.missing.add(cp);
      // No face has it: an outlined box within the cell(s) says so.
      const inset = Math.max(1, Math.round(w / 8));
      const line = Math.max(1, Math.round(this.metrics.fontPx / 14));
      const top = Math.max(0, this.metrics.baseline - Math.round(this.metrics.fontPx * 0.75));
      const bottom = Math.min(h, this.metrics.baseline);
      ctx.fillRect(inset, top, w - 2 * inset, bottom - top);
      ctx.clearRect(inset + line, top + line, w - 2 * inset - 2 * line, bottom - top - 2 * line);
      return maskOf(ctx, w, h);
    }
    const { font } = cluster;
    ctx.font = cssFont(font, this.metrics.fontPx);
    ctx.textBaseline = 'alphabetic';
    const advance = ctx.measureText(cluster.text).width;
    // Centred in its cells; shrunk about the cell centre when wider than them (emoji, CJK in fallbacks).
    if (advance > w) {
      const k = w / advance;
      ctx.setTransform(k, 0, 0, k, (w / 2) * (1 - k), (h / 2) * (1 - k));
    }
    const x = (w - advance) / 2;
    ctx.fillText(cluster.text, x, this.metrics.baseline);
    // Marks the cluster's font lacks, from the font that has them, where they would have followed
    // (a combining mark's glyph reaches back over what it follows).
    for (const mark of cluster.rest) {
      if (!mark.font) {
        this.missing.add(mark.text.codePointAt(0)!);
        continue;
      }
      ctx.font = cssFont(mark.font, this.metrics.fontPx);
      ctx.fillText(mark.text, x + advance, this.metrics.baseline);
    }
    if (font.info.color) return colorOf(ctx, w, h);
    return maskOf(ctx, w, h);
  }
}

function maskOf(ctx: SKRSContext2D, w: number, h: number): Glyph {
  const rgba = ctx.getImageData(0, 0, w, h).data;
  const data = new Uint8Array(w * h);
  let any = false;
  for (let i = 0; i < data.length; i++) {
    const level = coverageLevel(rgba[i * 4 + 3]!);
    data[i] = level;
    if (level) any = true;
  }
  return any ? { kind: 'mask', mask: { w, h, data } } : BLANK;
}

function colorOf(ctx: SKRSContext2D, w: number, h: number): Glyph {
  const rgba = new Uint8Array(ctx.getImageData(0, 0, w, h).data);
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i]) return { kind: 'color', image: { w, h, rgba } };
  return BLANK;
}

/** Draws drawn-glyph primitives in the current fill colour. */
export function drawPrimitives(ctx: SKRSContext2D, primitives: readonly DrawnPrimitive[]): void {
  for (const p of primitives) {
    switch (p.kind) {
      case 'rect':
        ctx.globalAlpha = p.opacity ?? 1;
        ctx.fillRect(p.x, p.y, p.w, p.h);
        ctx.globalAlpha = 1;
        break;
      case 'polygon':
        ctx.beginPath();
        p.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
        ctx.closePath();
        ctx.fill();
        break;
      case 'polyline':
        ctx.beginPath();
        p.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
        ctx.lineWidth = p.width;
        ctx.lineCap = 'butt';
        ctx.lineJoin = 'miter';
        ctx.stroke();
        break;
      case 'arc':
        ctx.beginPath();
        ctx.arc(p.cx, p.cy, p.r, p.startAngle, p.endAngle, false);
        ctx.lineWidth = p.width;
        ctx.lineCap = 'butt';
        ctx.stroke();
        break;
    }
  }
}
