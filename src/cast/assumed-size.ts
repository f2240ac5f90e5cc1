import type { WarningHandler } from './events.js';
import type { SizeOverride } from './header.js';

export const DEFAULT_COLS = 80;
export const DEFAULT_ROWS = 24;

/**
 * The terminal size for a recording that does not give one (ttyrec never does): the options',
 * else 80x24, with a notice saying `why` so that a wrong-looking render explains itself.
 */
export function assumedSize(options: SizeOverride, file: string, why: string, warn: WarningHandler) {
  const cols = options.cols ?? DEFAULT_COLS;
  const rows = options.rows ?? DEFAULT_ROWS;
  if (options.cols === undefined || options.rows === undefined) {
    warn(`${file}: ${why}; using ${cols}x${rows} (give --cols and --rows for another)`);
  }
  return { cols, rows };
}
