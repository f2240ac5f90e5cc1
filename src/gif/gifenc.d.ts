// The parts of gifenc (CommonJS, no published types) that the GIF encoder uses.
declare module 'gifenc' {
  type Rgb = [number, number, number];
  export interface Gifenc {
    /** A palette of at most `maxColors` colours for RGBA pixels (alpha ignored in the default format). */
    quantize(rgba: Uint8Array | Uint8ClampedArray, maxColors: number): Rgb[];
    /** Each RGBA pixel's nearest palette index. */
    applyPalette(rgba: Uint8Array | Uint8ClampedArray, palette: Rgb[]): Uint8Array;
  }
  const gifenc: Gifenc;
  export default gifenc;
}
