/**
 * Metrics of the bundled JetBrains Mono (all four faces share them), in font units. Kept as
 * constants so that rendering never has to parse the font; a test checks them against fonts/.
 */
export const BUNDLED_FONT = {
  family: 'JetBrains Mono',
  unitsPerEm: 1000,
  ascender: 1020,
  descender: -300,
  advance: 600,
  underlinePosition: -155,
  underlineThickness: 50,
  strikeoutPosition: 320,
  strikeoutSize: 50,
} as const;

/**
 * Used after the bundled family when a viewer lacks it; all advance 0.6 to 0.602 em, as the
 * bundled font does, so short runs stay on their cells without pinning (Consolas, at 0.55 em,
 * is left out for that reason).
 */
export const FALLBACK_FAMILIES = "'DejaVu Sans Mono',Menlo,'SF Mono',Monaco,'Liberation Mono','Courier New',monospace";

export const DEFAULT_FONT_FAMILY = `'${BUNDLED_FONT.family}',${FALLBACK_FAMILIES}`;
