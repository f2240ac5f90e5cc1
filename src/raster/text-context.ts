import type { Canvas, SKRSContext2D } from '@napi-rs/canvas';

/**
 * A canvas's 2D context with its text language fixed. The default, 'inherit', follows the host's
 * LANG/LC_ALL even when that locale is not installed, and fonts with language forms (the Turkish
 * i of JetBrains Mono) then draw other pixels: output must not depend on the machine's locale.
 */
export function textContext(canvas: Canvas): SKRSContext2D {
  const ctx = canvas.getContext('2d');
  ctx.lang = 'en';
  return ctx;
}
