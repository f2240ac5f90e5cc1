import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Theme } from '../types.js';
import { looksLikeAlacrittyToml, looksLikeAlacrittyYaml, parseAlacrittyToml, parseAlacrittyYaml } from './alacritty.js';
import { looksLikeBase16, parseBase16 } from './base16.js';
import { toTheme, type ColorSet } from './colorset.js';
import { readJsonc } from './documents.js';
import { looksLikeItermcolors, parseItermcolors } from './itermcolors.js';
import { looksLikeKitty, parseKitty } from './kitty.js';
import { parseJsonScheme } from './windows-terminal.js';
import { looksLikeXresources, parseXresources } from './xresources.js';

export type ThemeFormat = 'itermcolors' | 'windows-terminal' | 'alacritty-toml' | 'alacritty-yaml' | 'kitty' | 'xresources' | 'base16';

/** Which theme format a file's text is in, judged by content alone (file names lie). */
export function detectThemeFormat(text: string): ThemeFormat | undefined {
  if (looksLikeItermcolors(text)) return 'itermcolors';
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('/')) {
    try {
      if (parseJsonScheme(readJsonc(text, ''))) return 'windows-terminal';
    } catch {
      // not JSON after all: let the other formats have a look
    }
  }
  if (looksLikeBase16(text)) return 'base16';
  if (looksLikeAlacrittyToml(text)) return 'alacritty-toml';
  if (looksLikeAlacrittyYaml(text)) return 'alacritty-yaml';
  if (looksLikeKitty(text)) return 'kitty';
  if (looksLikeXresources(text)) return 'xresources';
  return undefined;
}

const FORMAT_NAMES: Record<ThemeFormat, string> = {
  itermcolors: 'iTerm2',
  'windows-terminal': 'Windows Terminal',
  'alacritty-toml': 'Alacritty (TOML)',
  'alacritty-yaml': 'Alacritty (YAML)',
  kitty: 'kitty',
  xresources: 'Xresources',
  base16: 'base16/base24',
};

/**
 * A theme from the text of a terminal theme file. `origin` names it in errors and becomes the
 * theme's source; the theme's name is the one the file gives, else the file name without extension.
 */
export function parseThemeText(text: string, origin: string): Theme {
  const format = detectThemeFormat(text);
  if (format === undefined) {
    // A file that opens as JSON but is none of the formats is most likely broken JSON: say where.
    if (text.trimStart().startsWith('{')) readJsonc(text, origin);
    throw new Error(
      `${origin}: not a theme file this tool can read (iTerm2 .itermcolors, Windows Terminal JSON, Alacritty TOML/YAML, kitty .conf, Xresources, base16/base24 YAML)`,
    );
  }
  let set: ColorSet;
  let name: string | undefined;
  switch (format) {
    case 'itermcolors':
      set = parseItermcolors(text);
      break;
    case 'windows-terminal': {
      const scheme = parseJsonScheme(readJsonc(text, origin))!;
      set = scheme.set;
      name = scheme.name;
      break;
    }
    case 'base16': {
      const scheme = parseBase16(text, origin);
      set = scheme.set;
      name = scheme.name;
      break;
    }
    case 'alacritty-toml':
      set = parseAlacrittyToml(text, origin);
      break;
    case 'alacritty-yaml':
      set = parseAlacrittyYaml(text, origin);
      break;
    case 'kitty':
      set = parseKitty(text);
      break;
    case 'xresources':
      set = parseXresources(text);
      break;
  }
  const fallbackName = basename(origin, extname(origin)) || 'custom';
  return toTheme(set, name ?? fallbackName, FORMAT_NAMES[format], origin);
}

/** Reads and parses a theme file; errors are one line naming the file. */
export function importThemeFile(path: string): Theme {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such theme file' : code === 'EISDIR' ? 'is a folder, not a theme file' : `cannot read the theme file (${code ?? (error as Error).message})`;
    throw new Error(`${path}: ${why}`);
  }
  return parseThemeText(text.replace(/^\uFEFF/, ''), path);
}
