/**
 * Pixels are 0xRRGGBB numbers in a Uint32Array, with one value above 24 bits for "transparent"
 * and, in outputs with an alpha channel only, colours partly covering transparency (translucent).
 * Coverage (anti-aliasing) is kept in a few levels only: every glyph edge then blends its colour
 * with its background in at most COVERAGE_LEVELS - 1 shades, so a whole screen stays within a
 * 256-colour GIF palette and the GIF shows exactly what the PNG shows.
 */
export const TRANSPARENT = 0x1000000;

/** Coverage masks hold 0 (none) .. COVERAGE_LEVELS (full). */
export const COVERAGE_LEVELS = 8;

/**
 * What an edge of coverage `level` over transparency becomes: partly transparent where the output
 * keeps alpha (`alpha`: WebP, APNG, a PNG with a transparent background); else (a GIF, whose pixels
 * are opaque or clear) the colour from half coverage up, clear below, so that no edge carries a
 * halo of some other background.
 */
export const overClear = (rgb: number, level: number, alpha: boolean): number =>
  level >= COVERAGE_LEVELS
    ? rgb
    : level <= 0
      ? TRANSPARENT
      : alpha
        ? translucent(rgb, Math.round((level * 255) / COVERAGE_LEVELS))
        : level * 2 >= COVERAGE_LEVELS
          ? rgb
          : TRANSPARENT;

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
export function ramp(fg: number, bg: number, clear = false, alpha = false): Uint32Array {
  // Both colours are below 2^24, so the key fits exactly in a double.
  const key = (fg * 0x1000000 + bg) * 4 + (clear ? 1 : 0) + (clear && alpha ? 2 : 0);
  let r = ramps.get(key);
  if (!r) {
    r = new Uint32Array(COVERAGE_LEVELS + 1);
    for (let level = 0; level <= COVERAGE_LEVELS; level++) r[level] = clear ? overClear(fg, level, alpha) : blendLevel(fg, bg, level);
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

/**
 * A partly transparent pixel (alpha 1..254): its top byte holds 256 - alpha, so it is never an
 * opaque colour (top byte 0) nor TRANSPARENT (1). Only formats with an alpha channel (WebP, APNG)
 * are painted with these; a GIF's pixels are opaque or TRANSPARENT.
 */
export function translucent(rgb: number, alpha: number): number {
  if (alpha >= 255) return rgb;
  if (alpha <= 0) return TRANSPARENT;
  return ((256 - alpha) * 0x1000000 + rgb) >>> 0;
}

/** A pixel's alpha, 0..255. */
export function alphaOf(pixel: number): number {
  const top = pixel >>> 24;
  return top === 0 ? 255 : top === 1 ? 0 : 256 - top;
}

/** `color` at coverage `level` over any pixel (opaque, partly or wholly transparent), straight alpha. */
export function overAny(color: number, level: number, under: number): number {
  if (under < TRANSPARENT) return blendLevel(color, under, level);
  const a = Math.round((level * 255) / COVERAGE_LEVELS);
  const ua = alphaOf(under);
  const outA = a + (ua * (255 - a)) / 255;
  if (outA <= 0) return TRANSPARENT;
  const mix = (shift: number): number => {
    const c = (color >> shift) & 0xff;
    const u = (under >> shift) & 0xff;
    return Math.round((c * a + (u * ua * (255 - a)) / 255) / outA);
  };
  return translucent((mix(16) << 16) | (mix(8) << 8) | mix(0), Math.round(outA));
}
