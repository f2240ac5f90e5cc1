import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** libwebp's encoder, compiled to WebAssembly and shipped inside the @jsquash/webp package. */
interface WebpModule {
  encode(data: Uint8Array | Uint8ClampedArray, width: number, height: number, options: Record<string, number>): Uint8Array | null;
}

// libwebp's own defaults (WebPConfigInit), every field spelled out: the binding reads them all.
const BASE_CONFIG = {
  quality: 75,
  target_size: 0,
  target_PSNR: 0,
  method: 4,
  sns_strength: 50,
  filter_strength: 60,
  filter_sharpness: 0,
  filter_type: 1,
  partitions: 0,
  segments: 4,
  pass: 1,
  show_compressed: 0,
  preprocessing: 0,
  autofilter: 0,
  partition_limit: 0,
  alpha_compression: 1,
  alpha_filtering: 1,
  alpha_quality: 100,
  lossless: 0,
  exact: 0,
  image_hint: 0,
  emulate_jpeg_size: 0,
  thread_level: 0,
  low_memory: 0,
  near_lossless: 100,
  use_delta_palette: 0,
  use_sharp_yuv: 0,
};

/** How a frame is compressed: lossless (text stays exact) or lossy at a quality. */
export interface WebpCoding {
  readonly lossless: boolean;
  /** Lossless: effort 0..100; lossy: quality 0..100. */
  readonly quality: number;
  /** 0 (fast) .. 6 (smallest). */
  readonly method: number;
}

let loading: Promise<WebpModule> | undefined;

/**
 * The SIMD build always: every Node that runs us has WebAssembly SIMD, and one build means the
 * same bytes on every machine.
 */
export function loadLibwebp(): Promise<WebpModule> {
  loading ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmBinary = readFileSync(require.resolve('@jsquash/webp/codec/enc/webp_enc_simd.wasm'));
    const factory = (await import('@jsquash/webp/codec/enc/webp_enc_simd.js')).default as unknown as (
      options: Record<string, unknown>,
    ) => Promise<WebpModule>;
    return factory({ noInitialRun: true, wasmBinary });
  })();
  return loading;
}

/** A WebP still of straight RGBA pixels, as libwebp writes it (RIFF header included). */
export function encodeStill(module: WebpModule, rgba: Uint8Array, width: number, height: number, coding: WebpCoding): Uint8Array {
  const config = { ...BASE_CONFIG, lossless: coding.lossless ? 1 : 0, quality: coding.quality, method: coding.method };
  const out = module.encode(rgba, width, height, config);
  if (!out) throw new Error(`libwebp could not encode a ${width}x${height} frame`);
  return out;
}
