import type { Rgb } from './types.js';

/** xterm's own 16 default colours (XTerm resources color0..color15). */
export const XTERM_16: readonly Rgb[] = [
  0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
  0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff,
];

const CUBE_LEVELS = [0, 95, 135, 175, 215, 255] as const;

function buildTable(): Uint32Array {
  const table = new Uint32Array(256);
  XTERM_16.forEach((c, i) => (table[i] = c));
  for (let i = 16; i < 232; i++) {
    const n = i - 16;
    const r = CUBE_LEVELS[Math.floor(n / 36)]!;
    const g = CUBE_LEVELS[Math.floor(n / 6) % 6]!;
    const b = CUBE_LEVELS[n % 6]!;
    table[i] = (r << 16) | (g << 8) | b;
  }
  for (let i = 232; i < 256; i++) {
    const v = 8 + 10 * (i - 232);
    table[i] = (v << 16) | (v << 8) | v;
  }
  return table;
}

/** xterm's standard 256-colour table: 16 base colours, the 6x6x6 cube (16-231), the grey ramp (232-255). */
export const XTERM_256: Readonly<Uint32Array> = buildTable();
