import { createRequire } from 'node:module';

interface Zopfli {
  zlibAsync(data: Uint8Array, options: { numiterations: number }): Promise<Uint8Array>;
}

let zopfli: Zopfli | undefined;

/**
 * Zopfli's deflate (WebAssembly inside the @gfx/zopfli package): about 10% smaller than zlib's
 * level 9 on our frames, but only about 1% smaller than our own (encode/deflate), at some seven
 * times that one's time, so only for --optimize. One iteration: more
 * gain 0.1% (measured on the largest corpus frames).
 */
export async function zopfliDeflate(data: Uint8Array): Promise<Buffer> {
  zopfli ??= createRequire(import.meta.url)('@gfx/zopfli') as Zopfli;
  return Buffer.from(await zopfli.zlibAsync(data, { numiterations: 1 }));
}
