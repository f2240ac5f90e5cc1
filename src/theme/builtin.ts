import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { themeFromJson } from './schema.js';
import type { Theme } from './types.js';

/**
 * themes/ sits at the package root. This module is src/theme/builtin.ts under vitest and
 * dist/theme/builtin.js once built: two levels below the root either way.
 */
export const THEMES_DIR = fileURLToPath(new URL('../../themes/', import.meta.url));

export const DEFAULT_THEME_NAME = 'asciinema';

interface Catalogue {
  readonly themes: ReadonlyMap<string, Theme>;
  /** Normalised name or alias -> canonical name. */
  readonly lookup: ReadonlyMap<string, string>;
}

let catalogue: Catalogue | undefined;
const readAlone = new Map<string, Theme>();

/** "Solarized_Dark", "solarized dark" and "solarized-dark" all name the same theme. */
export const normaliseThemeName = (name: string): string => name.trim().toLowerCase().replace(/[\s_]+/g, '-');

function readThemeFile(file: string): Theme & { readonly aliases: readonly string[] } {
  const origin = `themes/${file}`;
  const theme = themeFromJson(JSON.parse(readFileSync(THEMES_DIR + file, 'utf8')), origin);
  if (`${theme.name}.json` !== file) throw new Error(`${origin}: "name" must match the file name`);
  return theme;
}

function loadCatalogue(): Catalogue {
  const themes = new Map<string, Theme>();
  const lookup = new Map<string, string>();
  for (const file of readdirSync(THEMES_DIR).filter((f) => f.endsWith('.json')).sort()) {
    const origin = `themes/${file}`;
    const { aliases, ...theme } = readThemeFile(file);
    themes.set(theme.name, theme);
    for (const key of [theme.name, ...aliases].map(normaliseThemeName)) {
      const taken = lookup.get(key);
      if (taken !== undefined) throw new Error(`${origin}: the name "${key}" is already used by themes/${taken}.json`);
      lookup.set(key, theme.name);
    }
  }
  return { themes, lookup };
}

const getCatalogue = (): Catalogue => (catalogue ??= loadCatalogue());

/** Every built-in theme's name, sorted. */
export function listThemes(): string[] {
  return [...getCatalogue().themes.keys()].sort();
}

/** The built-in theme of that name or alias (case-insensitive), or undefined. */
export function findTheme(name: string): Theme | undefined {
  // A theme asked for by its canonical name is read alone: a single render needs one theme, and
  // reading all of them is a noticeable part of a small cast's start-up. The catalogue guarantees
  // that no alias is also a file name, so this finds what the full lookup would.
  const key = normaliseThemeName(name);
  if (catalogue === undefined && /^[a-z0-9][a-z0-9.-]*$/.test(key) && existsSync(`${THEMES_DIR}${key}.json`)) {
    let theme = readAlone.get(key);
    if (theme === undefined) {
      const { aliases: _aliases, ...read } = readThemeFile(`${key}.json`);
      readAlone.set(key, (theme = read));
    }
    return theme;
  }
  const cat = getCatalogue();
  const canonical = cat.lookup.get(normaliseThemeName(name));
  return canonical === undefined ? undefined : cat.themes.get(canonical);
}

/** Built-in theme by name (case-insensitive); throws an Error naming the closest themes when unknown. */
export function getTheme(name: string): Theme {
  const theme = findTheme(name);
  if (theme) return theme;
  throw new Error(`Unknown theme "${name}"${suggestionText(name)}`);
}

/**
 * "; did you mean a, b? (--list-themes shows all 51)": at most three near names, and a pointer to
 * the list rather than the list itself, which would be one line of some 900 characters.
 */
export function suggestionText(name: string): string {
  const near = closeThemeNames(name).slice(0, 3);
  const all = `--list-themes shows all ${getCatalogue().themes.size}`;
  return near.length > 0 ? `; did you mean ${near.join(', ')}? (${all})` : `; ${all} built-in themes`;
}

/** Built-in names close to `name`: sharing a word-prefix, or within a few edits. Best first, at most 5. */
export function closeThemeNames(name: string): string[] {
  const wanted = normaliseThemeName(name);
  if (wanted === '') return [];
  const scored: Array<[number, string]> = [];
  for (const [key, canonical] of getCatalogue().lookup) {
    const distance = editDistance(wanted, key);
    const related = key.startsWith(wanted) || wanted.startsWith(key) || key.split('-').includes(wanted);
    if (related || distance <= Math.max(2, Math.floor(wanted.length / 3))) {
      scored.push([related ? Math.min(distance, 1) : distance, canonical]);
    }
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  return [...new Set(scored.map(([, n]) => n))].slice(0, 5);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
