/**
 * Pixels are 0xRRGGBB numbers in a Uint32Array, with one value above 24 bits for "transparent"
 * and, in PNG output only, a colour partly covering transparency (see partial).
 * Coverage (anti-aliasing) is kept in a few levels only: every glyph edge then blends its colour
 * with its background in at most COVERAGE_LEVELS - 1 shades, so a whole screen stays within a
 * 256-colour GIF palette and the GIF shows exactly what the PNG shows.
 */
export const TRANSPARENT = 0x1000000;

/** Coverage masks hold 0 (none) .. COVERAGE_LEVELS (full). */
export const COVERAGE_LEVELS = 8;

/**
 * `rgb` covering transparency at coverage `level` (1 .. COVERAGE_LEVELS - 1): an anti-aliased edge
 * over a transparent background in a PNG, which can show it on any page colour. The level sits
 * above the 24 colour bits, one more than TRANSPARENT's.
 */
export const partial = (rgb: number, level: number): number => (level + 1) * 0x1000000 + rgb;

/** A pixel's alpha, 0..255 (partial pixels at their level). */
export function alphaOf(pixel: number): number {
  const a = Math.floor(pixel / 0x1000000);
  return a === 0 ? 255 : a === 1 ? 0 : Math.round(((a - 1) * 255) / COVERAGE_LEVELS);
}

/** `rgb` at coverage `level` over a partial pixel: the two coverages composed, as alpha compositing does. */
export function overPartial(rgb: number, level: number, under: number): number {
  const below = Math.floor(under / 0x1000000) - 1;
  const keep = (below * (COVERAGE_LEVELS - level)) / COVERAGE_LEVELS;
  const total = level + keep;
  if (total <= 0) return TRANSPARENT;
  const mix = (shift: number): number => Math.round((((rgb >> shift) & 0xff) * level + ((under >> shift) & 0xff) * keep) / total);
  const color = (mix(16) << 16) | (mix(8) << 8) | mix(0);
  const covered = Math.round(total);
  return covered >= COVERAGE_LEVELS ? color : partial(color, Math.max(1, covered));
}

/**
 * What an edge of coverage `level` over transparency becomes: partly transparent where the output
 * has an alpha channel (PNG); else (GIF, whose pixels are opaque or clear) the colour from half
 * coverage up, clear below, so that no edge carries a halo of some other background.
 */
export const overClear = (rgb: number, level: number, alphaEdges: boolean): number =>
  level >= COVERAGE_LEVELS ? rgb : level <= 0 ? TRANSPARENT : alphaEdges ? partial(rgb, level) : level * 2 >= COVERAGE_LEVELS ? rgb : TRANSPARENT;

/** An 8-bit alpha to a coverage level. */
export const coverageLevel = (alpha: number): number => Math.round((alpha * COVERAGE_LEVELS) / 255);

/** `fg` over `bg` at coverage `level`, per channel, rounded. */
export function blendLevel(fg: number, bg: number, level: number): number {
  if (level <= 0) return bg;
  if (level >= COVERAGE_LEVELS) return fg;
  const mix = (shift: number): number => {
    const f = (fg >> shift) & 0xff;
    const b = (bg >> shift) & 0xff;
    return Math.round(b + ((f - b) * level) / COVERAGE_LEVELS);
  };
  return (mix(16) << 16) | (mix(8) << 8) | mix(0);
}

const ramps = new Map<number, Uint32Array>();

/**
 * The COVERAGE_LEVELS + 1 colours from `bg` (level 0) to `fg` (full), cached per colour pair.
 * With `clear`, `bg` is a transparent background: the edges are `fg` over transparency (overClear).
 */
export function ramp(fg: number, bg: number, clear = false, alphaEdges = false): Uint32Array {
  // Both colours are below 2^24, so the key fits exactly in a double.
  const key = (fg * 0x1000000 + bg) * 4 + (clear ? 1 : 0) + (clear && alphaEdges ? 2 : 0);
  let r = ramps.get(key);
  if (!r) {
    r = new Uint32Array(COVERAGE_LEVELS + 1);
    for (let level = 0; level <= COVERAGE_LEVELS; level++) r[level] = clear ? overClear(fg, level, alphaEdges) : blendLevel(fg, bg, level);
    if (ramps.size > 65536) ramps.clear();
    ramps.set(key, r);
  }
  return r;
}

/** A coverage mask: `w*h` levels, row-major. */
export interface Mask {
  readonly w: number;
  readonly h: number;
  readonly data: Uint8Array;
}

/** A colour image (emoji): straight-alpha RGBA. */
export interface ColorImage {
  readonly w: number;
  readonly h: number;
  readonly rgba: Uint8Array;
}

/** `src` over an opaque `dst` pixel with 8-bit straight alpha. */
export function over(src: number, alpha: number, dst: number): number {
  if (alpha >= 255) return src;
  if (alpha <= 0) return dst;
  const mix = (shift: number): number => {
    const s = (src >> shift) & 0xff;
    const d = (dst >> shift) & 0xff;
    return Math.round(d + ((s - d) * alpha) / 255);
  };
  return (mix(16) << 16) | (mix(8) << 8) | mix(0);
}
