/**
 * Box drawing (U+2500–257F), block elements (U+2580–259F), Braille (U+2800–28FF), sextants
 * (U+1FB00–1FB3B) and the Powerline separators (U+E0B0–E0BF) as geometry instead of font glyphs, so that neighbouring cells join
 * without gaps at any font size and line height. Pure data: the raster and SVG renderers draw the
 * same primitives.
 *
 * Coordinates are px relative to the cell's top-left corner. With whole-pixel cell sizes every
 * rectangle edge is a whole pixel, so lines come out crisp.
 */

/** A filled rectangle; `opacity` < 1 for the shade characters (░▒▓). */
export interface DrawnRect {
  readonly kind: 'rect';
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly opacity?: number;
}

/** A filled polygon (non-zero winding). */
export interface DrawnPolygon {
  readonly kind: 'polygon';
  readonly points: readonly (readonly [number, number])[];
}

/** An open stroked path through `points`, butt caps and miter joins, clipped to the cell. */
export interface DrawnPolyline {
  readonly kind: 'polyline';
  readonly points: readonly (readonly [number, number])[];
  readonly width: number;
}

/**
 * A stroked circular arc, butt caps. Angles in radians in the cell's y-down coordinates
 * (0 points right, π/2 points down), drawn clockwise (increasing angle) from start to end.
 */
export interface DrawnArc {
  readonly kind: 'arc';
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
  readonly startAngle: number;
  readonly endAngle: number;
  readonly width: number;
}

export type DrawnPrimitive = DrawnRect | DrawnPolygon | DrawnPolyline | DrawnArc;

export interface DrawnCell {
  /** Cell size in px; whole numbers give pixel-exact output. */
  readonly width: number;
  readonly height: number;
  /** Thickness of light lines; default from the cell size. Heavy lines are twice as thick. */
  readonly lineWidth?: number;
}

export function isDrawnGlyph(cp: number): boolean {
  return (
    (cp >= 0x2500 && cp <= 0x259f) || (cp >= 0x2800 && cp <= 0x28ff) || (cp >= 0xe0b0 && cp <= 0xe0bf) ||
    (cp >= 0x1fb00 && cp <= 0x1fb3b)
  );
}

/** Light line thickness: about a twelfth of the cell height, at least one pixel. */
export function lightLineWidth(cell: DrawnCell): number {
  return cell.lineWidth ?? Math.max(1, Math.round(cell.height / 16));
}

/** The primitives drawing `cp` in a cell of this size, or undefined when `cp` is not drawn by code. */
export function drawnGlyph(cp: number, cell: DrawnCell): readonly DrawnPrimitive[] | undefined {
  if (cp >= 0x2500 && cp <= 0x257f) return boxDrawing(cp, cell);
  if (cp >= 0x2580 && cp <= 0x259f) return blockElement(cp, cell);
  if (cp >= 0x2800 && cp <= 0x28ff) return braille(cp - 0x2800, cell);
  if (cp >= 0xe0b0 && cp <= 0xe0bf) return powerline(cp, cell);
  if (cp >= 0x1fb00 && cp <= 0x1fb3b) return sextant(cp - 0x1fb00, cell);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Box drawing

/** Arm weights: 0 none, 1 light, 2 heavy, 3 double. */
type Weight = 0 | 1 | 2 | 3;

/**
 * Arms of U+2500–254B, U+2550–256C and U+2574–257F, four digits each in the order up, right,
 * down, left (from the Unicode character names). Dashes, arcs and diagonals are handled apart.
 */
const ARMS: Record<number, string> = {
  0x2500: '0101', 0x2501: '0202', 0x2502: '1010', 0x2503: '2020',
  0x250c: '0110', 0x250d: '0210', 0x250e: '0120', 0x250f: '0220',
  0x2510: '0011', 0x2511: '0012', 0x2512: '0021', 0x2513: '0022',
  0x2514: '1100', 0x2515: '1200', 0x2516: '2100', 0x2517: '2200',
  0x2518: '1001', 0x2519: '1002', 0x251a: '2001', 0x251b: '2002',
  0x251c: '1110', 0x251d: '1210', 0x251e: '2110', 0x251f: '1120',
  0x2520: '2120', 0x2521: '2210', 0x2522: '1220', 0x2523: '2220',
  0x2524: '1011', 0x2525: '1012', 0x2526: '2011', 0x2527: '1021',
  0x2528: '2021', 0x2529: '2012', 0x252a: '1022', 0x252b: '2022',
  0x252c: '0111', 0x252d: '0112', 0x252e: '0211', 0x252f: '0212',
  0x2530: '0121', 0x2531: '0122', 0x2532: '0221', 0x2533: '0222',
  0x2534: '1101', 0x2535: '1102', 0x2536: '1201', 0x2537: '1202',
  0x2538: '2101', 0x2539: '2102', 0x253a: '2201', 0x253b: '2202',
  0x253c: '1111', 0x253d: '1112', 0x253e: '1211', 0x253f: '1212',
  0x2540: '2111', 0x2541: '1121', 0x2542: '2121', 0x2543: '2112',
  0x2544: '2211', 0x2545: '1122', 0x2546: '1221', 0x2547: '2212',
  0x2548: '1222', 0x2549: '2122', 0x254a: '2221', 0x254b: '2222',
  0x2550: '0303', 0x2551: '3030',
  0x2552: '0310', 0x2553: '0130', 0x2554: '0330',
  0x2555: '0013', 0x2556: '0031', 0x2557: '0033',
  0x2558: '1300', 0x2559: '3100', 0x255a: '3300',
  0x255b: '1003', 0x255c: '3001', 0x255d: '3003',
  0x255e: '1310', 0x255f: '3130', 0x2560: '3330',
  0x2561: '1013', 0x2562: '3031', 0x2563: '3033',
  0x2564: '0313', 0x2565: '0131', 0x2566: '0333',
  0x2567: '1303', 0x2568: '3101', 0x2569: '3303',
  0x256a: '1313', 0x256b: '3131', 0x256c: '3333',
  0x2574: '0001', 0x2575: '1000', 0x2576: '0100', 0x2577: '0010',
  0x2578: '0002', 0x2579: '2000', 0x257a: '0200', 0x257b: '0020',
  0x257c: '0201', 0x257d: '1020', 0x257e: '0102', 0x257f: '2010',
};

/** Dashed lines: [horizontal?, heavy?, number of dashes]. */
const DASHES: Record<number, readonly [boolean, boolean, number]> = {
  0x2504: [true, false, 3], 0x2505: [true, true, 3], 0x2506: [false, false, 3], 0x2507: [false, true, 3],
  0x2508: [true, false, 4], 0x2509: [true, true, 4], 0x250a: [false, false, 4], 0x250b: [false, true, 4],
  0x254c: [true, false, 2], 0x254d: [true, true, 2], 0x254e: [false, false, 2], 0x254f: [false, true, 2],
};

interface Lines {
  readonly W: number;
  readonly H: number;
  readonly light: number;
  readonly heavy: number;
}

const thicknessOf = (w: Weight, l: Lines): number => (w === 2 ? l.heavy : l.light);
/** Start of a centred line of thickness `t` across a span of `size`. */
const centred = (size: number, t: number): number => Math.floor((size - t) / 2);

function boxDrawing(cp: number, cell: DrawnCell): readonly DrawnPrimitive[] {
  const light = lightLineWidth(cell);
  const l: Lines = { W: cell.width, H: cell.height, light, heavy: light * 2 };
  const arms = ARMS[cp];
  if (arms !== undefined) {
    const [up, right, down, left] = [...arms].map((d) => Number(d) as Weight) as [Weight, Weight, Weight, Weight];
    return junction(up, right, down, left, l);
  }
  const dash = DASHES[cp];
  if (dash !== undefined) return dashes(dash[0], dash[1] ? l.heavy : l.light, dash[2], l);
  if (cp >= 0x256d && cp <= 0x2570) return roundedCorner(cp, l);
  return diagonals(cp, l);
}

/**
 * Single (light/heavy) arms meet in a centre square as wide as the thickest crossing arm; double
 * arms are two light lines a light line apart, each stopping where it meets the perpendicular
 * arm on its side, so that corners and tees come out as in a terminal font.
 */
function junction(up: Weight, right: Weight, down: Weight, left: Weight, l: Lines): DrawnPrimitive[] {
  const { W, H, light: t } = l;
  const out: DrawnRect[] = [];
  const rect = (x0: number, y0: number, x1: number, y1: number): void => {
    if (x1 > x0 && y1 > y0) out.push({ kind: 'rect', x: x0, y: y0, w: x1 - x0, h: y1 - y0 });
  };
  // Positions of a single line of thickness t and of the two lines of a double.
  const cx = centred(W, t);
  const cy = centred(H, t);
  const [a, b] = [cx - t, cx + t]; // double vertical lines' x
  const [p, q] = [cy - t, cy + t]; // double horizontal lines' y

  // Edges of what a perpendicular arm occupies, for arms that must reach into it.
  const vExtent = (w: Weight): [number, number] => {
    if (w === 3) return [a, b + t];
    const th = thicknessOf(w, l);
    const x0 = centred(W, th);
    return [x0, x0 + th];
  };
  const hExtent = (w: Weight): [number, number] => {
    if (w === 3) return [p, q + t];
    const th = thicknessOf(w, l);
    const y0 = centred(H, th);
    return [y0, y0 + th];
  };
  // Span a single arm covers across the centre: all perpendicular arms' extents, or its own width.
  const span = (own: number, size: number, perpendicular: Weight[], extent: (w: Weight) => [number, number]): [number, number] => {
    const present = perpendicular.filter((w) => w !== 0);
    if (present.length === 0) {
      const start = centred(size, own);
      return [start, start + own];
    }
    const ext = present.map(extent);
    return [Math.min(...ext.map((e) => e[0])), Math.max(...ext.map((e) => e[1]))];
  };

  // Horizontal arms.
  for (const [w, isLeft] of [[left, true], [right, false]] as const) {
    if (w === 0) continue;
    if (w !== 3) {
      const th = thicknessOf(w, l);
      const y0 = centred(H, th);
      const [s0, s1] = span(th, W, [up, down], vExtent);
      if (isLeft) rect(0, y0, s1, y0 + th);
      else rect(s0, y0, W, y0 + th);
      continue;
    }
    // Double: the upper line turns into an up arm (inner corner) or runs past a down arm (outer).
    const reach = (near: Weight, far: Weight): number => {
      // Where the line stops inside the cell: the end x of a left arm, the start x of a right arm.
      if (near === 3) return isLeft ? a + t : b;
      if (near !== 0) return isLeft ? vExtent(near)[1] : vExtent(near)[0];
      if (far === 3) return isLeft ? b + t : a;
      if (far !== 0) return isLeft ? vExtent(far)[1] : vExtent(far)[0];
      return isLeft ? W : 0;
    };
    const upperEnd = reach(up, down);
    const lowerEnd = reach(down, up);
    if (isLeft) {
      rect(0, p, upperEnd, p + t);
      rect(0, q, lowerEnd, q + t);
    } else {
      rect(upperEnd, p, W, p + t);
      rect(lowerEnd, q, W, q + t);
    }
  }
  // Vertical arms.
  for (const [w, isUp] of [[up, true], [down, false]] as const) {
    if (w === 0) continue;
    if (w !== 3) {
      const th = thicknessOf(w, l);
      const x0 = centred(W, th);
      const [s0, s1] = span(th, H, [left, right], hExtent);
      if (isUp) rect(x0, 0, x0 + th, s1);
      else rect(x0, s0, x0 + th, H);
      continue;
    }
    const reach = (near: Weight, far: Weight): number => {
      if (near === 3) return isUp ? p + t : q;
      if (near !== 0) return isUp ? hExtent(near)[1] : hExtent(near)[0];
      if (far === 3) return isUp ? q + t : p;
      if (far !== 0) return isUp ? hExtent(far)[1] : hExtent(far)[0];
      return isUp ? H : 0;
    };
    const leftEnd = reach(left, right);
    const rightEnd = reach(right, left);
    if (isUp) {
      rect(a, 0, a + t, leftEnd);
      rect(b, 0, b + t, rightEnd);
    } else {
      rect(a, leftEnd, a + t, H);
      rect(b, rightEnd, b + t, H);
    }
  }
  return out;
}

function dashes(horizontal: boolean, t: number, count: number, l: Lines): DrawnPrimitive[] {
  const length = horizontal ? l.W : l.H;
  const across = horizontal ? centred(l.H, t) : centred(l.W, t);
  // Each dash owns length/count px; a gap of about a third of that sits centred on the cell seams.
  const gap = Math.max(1, Math.round(length / count / 3));
  const out: DrawnPrimitive[] = [];
  for (let i = 0; i < count; i++) {
    const start = Math.round((i * length) / count + gap / 2);
    const end = Math.round(((i + 1) * length) / count - gap / 2);
    if (end <= start) continue;
    out.push(
      horizontal
        ? { kind: 'rect', x: start, y: across, w: end - start, h: t }
        : { kind: 'rect', x: across, y: start, w: t, h: end - start },
    );
  }
  return out;
}

/** ╭╮╯╰: a quarter circle joining the centre lines, with straight runs out to the cell edges. */
function roundedCorner(cp: number, l: Lines): DrawnPrimitive[] {
  const t = l.light;
  const x0 = centred(l.W, t);
  const y0 = centred(l.H, t);
  const xc = x0 + t / 2;
  const yc = y0 + t / 2;
  const goesRight = cp === 0x256d || cp === 0x2570;
  const goesDown = cp === 0x256d || cp === 0x256e;
  const r = Math.min(goesRight ? l.W - xc : xc, goesDown ? l.H - yc : yc);
  const cx = goesRight ? xc + r : xc - r;
  const cy = goesDown ? yc + r : yc - r;
  const out: DrawnPrimitive[] = [];
  // The arc runs from the vertical line's end to the horizontal line's end.
  const angles: Record<number, [number, number]> = {
    0x256d: [Math.PI, 1.5 * Math.PI],
    0x256e: [1.5 * Math.PI, 2 * Math.PI],
    0x256f: [0, 0.5 * Math.PI],
    0x2570: [0.5 * Math.PI, Math.PI],
  };
  const [startAngle, endAngle] = angles[cp]!;
  out.push({ kind: 'arc', cx, cy, r, startAngle, endAngle, width: t });
  // Straight runs where the cell is longer than the radius in that direction.
  if (goesDown) {
    if (cy < l.H) out.push({ kind: 'rect', x: x0, y: cy, w: t, h: l.H - cy });
  } else if (cy > 0) out.push({ kind: 'rect', x: x0, y: 0, w: t, h: cy });
  if (goesRight) {
    if (cx < l.W) out.push({ kind: 'rect', x: cx, y: y0, w: l.W - cx, h: t });
  } else if (cx > 0) out.push({ kind: 'rect', x: 0, y: y0, w: cx, h: t });
  return out;
}

/** ╱╲╳: corner-to-corner strokes. */
function diagonals(cp: number, l: Lines): DrawnPrimitive[] {
  const width = l.light;
  const rising: DrawnPolyline = { kind: 'polyline', points: [[l.W, 0], [0, l.H]], width };
  const falling: DrawnPolyline = { kind: 'polyline', points: [[0, 0], [l.W, l.H]], width };
  if (cp === 0x2571) return [rising];
  if (cp === 0x2572) return [falling];
  return [rising, falling];
}

// ---------------------------------------------------------------------------------------------
// Block elements

function blockElement(cp: number, cell: DrawnCell): readonly DrawnPrimitive[] {
  const { width: W, height: H } = cell;
  const rect = (x0: number, y0: number, x1: number, y1: number, opacity?: number): DrawnRect =>
    opacity === undefined
      ? { kind: 'rect', x: x0, y: y0, w: x1 - x0, h: y1 - y0 }
      : { kind: 'rect', x: x0, y: y0, w: x1 - x0, h: y1 - y0, opacity };
  const eighthY = (n: number): number => Math.round((H * n) / 8);
  const eighthX = (n: number): number => Math.round((W * n) / 8);
  if (cp === 0x2580) return [rect(0, 0, W, eighthY(4))];
  if (cp >= 0x2581 && cp <= 0x2588) return [rect(0, eighthY(8 - (cp - 0x2580)), W, H)];
  if (cp >= 0x2589 && cp <= 0x258f) return [rect(0, 0, eighthX(8 - (cp - 0x2588)), H)];
  if (cp === 0x2590) return [rect(eighthX(4), 0, W, H)];
  if (cp >= 0x2591 && cp <= 0x2593) return [rect(0, 0, W, H, (cp - 0x2590) / 4)];
  if (cp === 0x2594) return [rect(0, 0, W, eighthY(1))];
  if (cp === 0x2595) return [rect(eighthX(7), 0, W, H)];
  // Quadrants: bit 0 upper left, 1 upper right, 2 lower left, 3 lower right.
  const QUADRANTS: Record<number, number> = {
    0x2596: 0b0100, 0x2597: 0b1000, 0x2598: 0b0001, 0x2599: 0b1101, 0x259a: 0b1001,
    0x259b: 0b0111, 0x259c: 0b1011, 0x259d: 0b0010, 0x259e: 0b0110, 0x259f: 0b1110,
  };
  const bits = QUADRANTS[cp]!;
  const mx = eighthX(4);
  const my = eighthY(4);
  const out: DrawnRect[] = [];
  if (bits & 1) out.push(rect(0, 0, mx, my));
  if (bits & 2) out.push(rect(mx, 0, W, my));
  if (bits & 4) out.push(rect(0, my, mx, H));
  if (bits & 8) out.push(rect(mx, my, W, H));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Braille

/** Dot positions of the eight bits: [column, row]. */
const BRAILLE_DOTS: readonly (readonly [number, number])[] = [
  [0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2], [0, 3], [1, 3],
];

function braille(bits: number, cell: DrawnCell): readonly DrawnPrimitive[] {
  const { width: W, height: H } = cell;
  // Square dots about a quarter of the cell wide, centred in a 2x4 grid.
  const size = Math.max(1, Math.round(Math.min(W / 4, H / 8)));
  const out: DrawnRect[] = [];
  for (let bit = 0; bit < 8; bit++) {
    if (!(bits & (1 << bit))) continue;
    const [col, row] = BRAILLE_DOTS[bit]!;
    const x = Math.round(((2 * col + 1) * W) / 4 - size / 2);
    const y = Math.round(((2 * row + 1) * H) / 8 - size / 2);
    out.push({ kind: 'rect', x, y, w: size, h: size });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Powerline

/** Points of a half ellipse filling the cell's height, bulging towards `right`, as a polygon. */
function halfEllipse(W: number, H: number, right: boolean, steps = 24): [number, number][] {
  const points: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const a = -Math.PI / 2 + (Math.PI * i) / steps;
    const x = W * Math.cos(a);
    points.push([right ? x : W - x, H / 2 + (H / 2) * Math.sin(a)]);
  }
  return points;
}

function powerline(cp: number, cell: DrawnCell): readonly DrawnPrimitive[] {
  const { width: W, height: H } = cell;
  const mid = H / 2;
  const line = lightLineWidth(cell);
  switch (cp) {
    case 0xe0b0:
      return [{ kind: 'polygon', points: [[0, 0], [W, mid], [0, H]] }];
    case 0xe0b1:
      return [{ kind: 'polyline', points: [[0, 0], [W, mid], [0, H]], width: line }];
    case 0xe0b2:
      return [{ kind: 'polygon', points: [[W, 0], [0, mid], [W, H]] }];
    case 0xe0b3:
      return [{ kind: 'polyline', points: [[W, 0], [0, mid], [W, H]], width: line }];
    // Rounded separators: half ellipses, filled and outlined.
    case 0xe0b4:
      return [{ kind: 'polygon', points: halfEllipse(W, H, true) }];
    case 0xe0b5:
      return [{ kind: 'polyline', points: halfEllipse(W - line / 2, H, true), width: line }];
    case 0xe0b6:
      return [{ kind: 'polygon', points: halfEllipse(W, H, false) }];
    case 0xe0b7:
      return [{ kind: 'polyline', points: halfEllipse(W, H, false).map(([x, y]) => [x + line / 2, y] as [number, number]), width: line }];
    // Slanted separators: triangles in the cell's corners and the diagonals between them.
    case 0xe0b8:
      return [{ kind: 'polygon', points: [[0, 0], [W, H], [0, H]] }];
    case 0xe0b9:
      return [{ kind: 'polyline', points: [[0, 0], [W, H]], width: line }];
    case 0xe0ba:
      return [{ kind: 'polygon', points: [[W, 0], [W, H], [0, H]] }];
    case 0xe0bb:
      return [{ kind: 'polyline', points: [[W, 0], [0, H]], width: line }];
    case 0xe0bc:
      return [{ kind: 'polygon', points: [[0, 0], [W, 0], [0, H]] }];
    case 0xe0bd:
      return [{ kind: 'polyline', points: [[W, 0], [0, H]], width: line }];
    case 0xe0be:
      return [{ kind: 'polygon', points: [[0, 0], [W, 0], [W, H]] }];
    default:
      return [{ kind: 'polyline', points: [[0, 0], [W, H]], width: line }];
  }
}

// ---------------------------------------------------------------------------------------------
// Sextants

/**
 * U+1FB00–1FB3B: the 2x3 block mosaics, numbered by their cells (bit 0 upper left, 1 upper right,
 * 2 middle left ... 5 lower right) in order, skipping the four that exist elsewhere (empty, full,
 * left half ▌ and right half ▐).
 */
function sextant(offset: number, cell: DrawnCell): readonly DrawnPrimitive[] {
  let bits = offset + 1;
  if (bits >= 0b010101) bits++;
  if (bits >= 0b101010) bits++;
  const { width: W, height: H } = cell;
  const xs = [0, Math.round(W / 2), W];
  const ys = [0, Math.round(H / 3), Math.round((2 * H) / 3), H];
  const out: DrawnRect[] = [];
  for (let i = 0; i < 6; i++) {
    if (!(bits & (1 << i))) continue;
    const col = i % 2;
    const row = i >> 1;
    out.push({ kind: 'rect', x: xs[col]!, y: ys[row]!, w: xs[col + 1]! - xs[col]!, h: ys[row + 1]! - ys[row]! });
  }
  return out;
}
