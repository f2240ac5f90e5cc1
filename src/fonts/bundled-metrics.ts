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
