/** Deflate's length and distance alphabets (RFC 1951, 3.2.5) as lookup tables. */

export const MIN_MATCH = 3;
export const MAX_MATCH = 258;
export const WINDOW = 32768;
/** Literal/length symbols 0–285 (256 ends a block) and distance symbols 0–29. */
export const LITLEN_SYMBOLS = 286;
export const DIST_SYMBOLS = 30;
export const END_OF_BLOCK = 256;

export const LENGTH_BASE = Uint16Array.of(3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258);
export const LENGTH_EXTRA = Uint8Array.of(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0);
export const DIST_BASE = Uint16Array.of(
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
);
export const DIST_EXTRA = Uint8Array.of(0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13);

/** Length code (0–28, symbol 257 + code) of each match length 3–258. */
export const LENGTH_CODE = new Uint8Array(MAX_MATCH + 1);
/** Distance code of each distance 1–32768. */
export const DIST_CODE = new Uint8Array(WINDOW + 1);

for (let code = 0; code < LENGTH_BASE.length; code++) {
  const end = code + 1 < LENGTH_BASE.length ? LENGTH_BASE[code + 1]! : MAX_MATCH + 1;
  // 258 has a code of its own although 227 + 31 reaches it too.
  for (let len = LENGTH_BASE[code]!; len < end && len <= MAX_MATCH; len++) LENGTH_CODE[len] = code;
}
for (let code = 0; code < DIST_BASE.length; code++) {
  const end = code + 1 < DIST_BASE.length ? DIST_BASE[code + 1]! : WINDOW + 1;
  for (let d = DIST_BASE[code]!; d < end; d++) DIST_CODE[d] = code;
}
