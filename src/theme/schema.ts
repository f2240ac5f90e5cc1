import { parseColor } from './rgb.js';
import type { Rgb, Theme } from './types.js';

/**
 * The on-disk shape of a built-in theme (themes/NAME.json): colours as "#rrggbb" strings so the
 * files stay readable and diffable.
 */
export interface ThemeJson {
  name: string;
  background: string;
  foreground: string;
  cursor?: string;
  selection?: string;
  palette: string[];
  source: string;
  /** Other names the theme is known by (e.g. "vscode-dark" for "vs-code-dark"). */
  aliases?: string[];
}

const fail = (origin: string, what: string): never => {
  throw new Error(`${origin}: ${what}`);
};

function color(value: unknown, origin: string, field: string): Rgb {
  if (typeof value !== 'string' || !/^#[0-9a-f]{6}$/i.test(value)) {
    return fail(origin, `"${field}" must be a colour written "#rrggbb", got ${JSON.stringify(value)}`);
  }
  return parseColor(value)!;
}

/**
 * Validates a built-in theme file strictly (exact key set, "#rrggbb" colours, 16 palette entries)
 * and converts it to a Theme. `origin` names the file in error messages.
 */
export function themeFromJson(data: unknown, origin: string): Theme & { readonly aliases: readonly string[] } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail(origin, 'not a JSON object');
  const obj = data as Record<string, unknown>;
  const allowed = new Set(['name', 'background', 'foreground', 'cursor', 'selection', 'palette', 'source', 'aliases']);
  for (const key of Object.keys(obj)) if (!allowed.has(key)) fail(origin, `unknown field "${key}"`);
  if (typeof obj.name !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(obj.name)) {
    fail(origin, '"name" must be lower-case words joined by "-"');
  }
  if (typeof obj.source !== 'string' || obj.source.trim() === '') fail(origin, '"source" must say where the colours come from');
  if (!Array.isArray(obj.palette) || obj.palette.length !== 16) fail(origin, '"palette" must hold 16 colours');
  const aliases = obj.aliases ?? [];
  if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== 'string')) fail(origin, '"aliases" must be a list of names');
  return {
    name: obj.name as string,
    background: color(obj.background, origin, 'background'),
    foreground: color(obj.foreground, origin, 'foreground'),
    ...(obj.cursor !== undefined ? { cursor: color(obj.cursor, origin, 'cursor') } : {}),
    ...(obj.selection !== undefined ? { selection: color(obj.selection, origin, 'selection') } : {}),
    palette: (obj.palette as unknown[]).map((c, i) => color(c, origin, `palette[${i}]`)),
    source: obj.source as string,
    aliases: aliases as string[],
  };
}
