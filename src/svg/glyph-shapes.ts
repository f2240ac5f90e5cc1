import { drawnGlyph, type DrawnPrimitive } from '../fonts/drawn-glyphs.js';
import { num } from './numbers.js';

type Point = readonly [number, number];

/**
 * A drawn glyph (box drawing, blocks, Braille, Powerline) as SVG path data, from the geometry the
 * GIF renderer draws too. Everything becomes filled outlines, wound clockwise, so one path per
 * colour can hold many cells under the non-zero fill rule: strokes are turned into outlines (and
 * clipped to the cell, as the raster renderer clips them), arcs into ring sectors. Shades (░▒▓)
 * come back separately by opacity.
 */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface GlyphPaths {
  /** Opaque rectangles, in row coordinates: kept apart so that a row's can be merged. */
  readonly rects: readonly Box[];
  /** Other opaque outlines. */
  readonly solid: string;
  readonly shades: ReadonlyMap<number, string>;
}

export function drawnGlyphPaths(cp: number, x: number, y: number, w: number, h: number): GlyphPaths | undefined {
  const primitives = drawnGlyph(cp, { width: w, height: h });
  if (!primitives) return undefined;
  const rects: Box[] = [];
  let solid = '';
  const shades = new Map<number, string>();
  for (const p of primitives) {
    if (p.kind === 'rect' && (p.opacity === undefined || p.opacity >= 1)) {
      rects.push({ x: x + p.x, y: y + p.y, w: p.w, h: p.h });
      continue;
    }
    const d = primitivePath(p, x, y, w, h);
    if (p.kind === 'rect') shades.set(p.opacity!, (shades.get(p.opacity!) ?? '') + d);
    else solid += d;
  }
  return { rects, solid, shades };
}

const near = (a: number, b: number): boolean => Math.abs(a - b) < 0.001;

/**
 * The same area in fewer rectangles: box-drawing arms overlap at the cell centre and lines run on
 * across cells, so rectangles on one band that touch or overlap become one, and then rectangles
 * of one column stacked on each other become one.
 */
export function mergeBoxes(boxes: readonly Box[]): Box[] {
  const merge = (list: Box[], along: 'x' | 'y'): Box[] => {
    const across = along === 'x' ? 'y' : 'x';
    const length = along === 'x' ? 'w' : 'h';
    const thickness = along === 'x' ? 'h' : 'w';
    const sorted = [...list].sort((a, b) => a[across] - b[across] || a[thickness] - b[thickness] || a[along] - b[along]);
    const out: Box[] = [];
    for (const box of sorted) {
      const last = out[out.length - 1];
      if (last && near(last[across], box[across]) && near(last[thickness], box[thickness]) && box[along] <= last[along] + last[length] + 0.001) {
        last[length] = Math.max(last[length], box[along] + box[length] - last[along]);
      } else out.push({ ...box });
    }
    return out;
  };
  return merge(merge([...boxes], 'x'), 'y');
}

export const boxPath = (b: Box): string => `M${num(b.x)} ${num(b.y)}h${num(b.w)}v${num(b.h)}h${num(-b.w)}z`;

function primitivePath(p: DrawnPrimitive, x: number, y: number, w: number, h: number): string {
  switch (p.kind) {
    case 'rect':
      return boxPath({ x: x + p.x, y: y + p.y, w: p.w, h: p.h });
    case 'polygon':
      return polygonPath(clockwise(p.points), x, y);
    case 'polyline':
      return polygonPath(clockwise(clipToBox(strokeOutline(p.points, p.width / 2), w, h)), x, y);
    case 'arc': {
      const outer = p.r + p.width / 2;
      const inner = Math.max(0, p.r - p.width / 2);
      const at = (r: number, a: number): string => `${num(x + p.cx + r * Math.cos(a))} ${num(y + p.cy + r * Math.sin(a))}`;
      const large = p.endAngle - p.startAngle > Math.PI ? 1 : 0;
      return (
        `M${at(outer, p.startAngle)}A${num(outer)} ${num(outer)} 0 ${large} 1 ${at(outer, p.endAngle)}` +
        `L${at(inner, p.endAngle)}A${num(inner)} ${num(inner)} 0 ${large} 0 ${at(inner, p.startAngle)}z`
      );
    }
  }
}

function polygonPath(points: readonly Point[], x: number, y: number): string {
  if (points.length < 3) return '';
  return 'M' + points.map(([px, py]) => `${num(x + px)} ${num(y + py)}`).join('L') + 'z';
}

/** Twice the signed area; positive is clockwise on screen (y grows downwards). */
function signedArea(points: readonly Point[]): number {
  let area = 0;
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i]!;
    const [x2, y2] = points[(i + 1) % points.length]!;
    area += x1 * y2 - x2 * y1;
  }
  return area;
}

function clockwise(points: readonly Point[]): readonly Point[] {
  return signedArea(points) < 0 ? [...points].reverse() : points;
}

/** The outline of a polyline stroked `half` to each side, butt caps, mitred joins. */
function strokeOutline(points: readonly Point[], half: number): Point[] {
  const normals: Point[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const dx = points[i + 1]![0] - points[i]![0];
    const dy = points[i + 1]![1] - points[i]![1];
    const len = Math.hypot(dx, dy) || 1;
    normals.push([-dy / len, dx / len]);
  }
  const side = (sign: number): Point[] =>
    points.map(([px, py], i) => {
      const a = normals[Math.max(0, i - 1)]!;
      const b = normals[Math.min(normals.length - 1, i)]!;
      // The mitre: the offset lines of both segments meet at (a + b) / (1 + a·b) * half.
      const k = (sign * half) / (1 + a[0] * b[0] + a[1] * b[1]);
      return [px + (a[0] + b[0]) * k, py + (a[1] + b[1]) * k] as Point;
    });
  return [...side(1), ...side(-1).reverse()];
}

/** Sutherland–Hodgman clipping against the cell box [0,w]x[0,h]. */
function clipToBox(points: readonly Point[], w: number, h: number): Point[] {
  const edges: ((p: Point) => number)[] = [(p) => p[0], (p) => w - p[0], (p) => p[1], (p) => h - p[1]];
  let poly: Point[] = [...points];
  for (const inside of edges) {
    const next: Point[] = [];
    for (let i = 0; i < poly.length; i++) {
      const cur = poly[i]!;
      const prev = poly[(i + poly.length - 1) % poly.length]!;
      const dc = inside(cur);
      const dp = inside(prev);
      if (dc >= 0) {
        if (dp < 0) next.push(cross(prev, cur, dp, dc));
        next.push(cur);
      } else if (dp >= 0) next.push(cross(prev, cur, dp, dc));
    }
    poly = next;
    if (poly.length === 0) break;
  }
  return poly;
}

function cross(a: Point, b: Point, da: number, db: number): Point {
  const t = da / (da - db);
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}
