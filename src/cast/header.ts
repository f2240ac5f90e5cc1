import { CastError } from './cast-error.js';
import type { CastHeader, CastTheme } from './events.js';
import { jsonPreview } from './json-preview.js';

/** Sizes beyond these are almost certainly a corrupt header rather than a real terminal. */
export const MAX_COLS = 1000;
export const MAX_ROWS = 500;
/** The terminal's own maximum (src/term): no size given on the command line or as a limit may pass it. */
export const TERMINAL_MAX_COLS = 2000;
export const TERMINAL_MAX_ROWS = 1000;

export interface SizeOverride {
  readonly cols?: number;
  readonly rows?: number;
  /** Largest size a header may declare (default MAX_COLS x MAX_ROWS, at most the terminal's maximum). */
  readonly maxCols?: number;
  readonly maxRows?: number;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `null` and wrong-typed optional fields are treated as absent: real recorders write them. */
const optString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const optNumber = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);

function stringRecord(v: unknown): Record<string, string> | undefined {
  if (!isObject(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val;
  return out;
}

function castTheme(v: unknown): CastTheme | undefined {
  if (!isObject(v)) return undefined;
  const theme = { fg: optString(v.fg), bg: optString(v.bg), palette: optString(v.palette) };
  return theme.fg || theme.bg || theme.palette ? theme : undefined;
}

function dimension(value: unknown, what: 'width' | 'height', file: string, line: number | undefined): number {
  if (value === undefined || value === null) {
    throw new CastError(file, line, `the header has no terminal ${what} (give --cols and --rows)`);
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new CastError(file, line, `terminal ${what} ${jsonPreview(value)} is not a positive whole number`);
  }
  return value;
}

function terminalSize(
  width: unknown,
  height: unknown,
  override: SizeOverride,
  file: string,
  line: number | undefined,
): { cols: number; rows: number } {
  // A renderer sized from a number the terminal cannot reach would draw (and allocate for) rows that never exist.
  if (override.cols !== undefined && override.cols > TERMINAL_MAX_COLS) {
    throw new CastError(file, undefined, `--cols ${override.cols} is beyond the terminal's maximum of ${TERMINAL_MAX_COLS}`);
  }
  if (override.rows !== undefined && override.rows > TERMINAL_MAX_ROWS) {
    throw new CastError(file, undefined, `--rows ${override.rows} is beyond the terminal's maximum of ${TERMINAL_MAX_ROWS}`);
  }
  const maxCols = Math.min(override.maxCols ?? MAX_COLS, TERMINAL_MAX_COLS);
  const maxRows = Math.min(override.maxRows ?? MAX_ROWS, TERMINAL_MAX_ROWS);
  const cols = override.cols ?? dimension(width, 'width', file, line);
  const rows = override.rows ?? dimension(height, 'height', file, line);
  if ((override.cols === undefined && cols > maxCols) || (override.rows === undefined && rows > maxRows)) {
    throw new CastError(
      file,
      line,
      `terminal size ${cols}x${rows} is beyond ${maxCols}x${maxRows}; give --cols/--rows if it is real`,
    );
  }
  return { cols, rows };
}

export function parseHeader(value: unknown, override: SizeOverride, file: string, line: number | undefined): CastHeader {
  if (!isObject(value)) throw new CastError(file, line, 'the header is not a JSON object');
  const version = value.version;
  if (version !== 1 && version !== 2 && version !== 3) {
    throw new CastError(file, line, `unknown asciicast version ${jsonPreview(version ?? null)} (1, 2 and 3 are read)`);
  }
  const common = {
    title: optString(value.title),
    command: optString(value.command),
    env: stringRecord(value.env),
    timestamp: optNumber(value.timestamp),
    idleLimit: optNumber(value.idle_time_limit),
  };
  if (version === 3) {
    const term = isObject(value.term) ? value.term : {};
    const size = terminalSize(term.cols, term.rows, override, file, line);
    return { version, ...size, ...common, theme: castTheme(term.theme), termType: optString(term.type) };
  }
  const size = terminalSize(value.width, value.height, override, file, line);
  return { version, ...size, ...common, theme: castTheme(value.theme) };
}
