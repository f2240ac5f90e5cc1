import { execFileSync } from 'node:child_process';
import type { Cast } from '../cast/events.js';
import type { FontFiles, GifOptions } from '../raster/index.js';
import type { SvgOptions } from '../svg/index.js';
import { parseColor, resolveTheme } from '../theme/index.js';
import type { LookOptions } from './options.js';

/** Finds an installed font's file for a family and style through fontconfig, only when the user names a family. */
function systemFont(family: string, style: string): string {
  let path = '';
  try {
    path = execFileSync('fc-match', ['--format=%{file}', `${family}:style=${style}`], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`--font-family needs fontconfig's fc-match to find "${family}", and it is not installed`);
  }
  if (!path) throw new Error(`no installed font matches "${family}" (${style})`);
  return path;
}

function fontFiles(look: LookOptions): FontFiles | undefined {
  const fallbacks = look.fontFiles ?? [];
  if (look.fontFamily === undefined) return fallbacks.length > 0 ? { fallbacks } : undefined;
  const family = look.fontFamily.split(',')[0]!.trim().replace(/^["']|["']$/g, '');
  return {
    regular: systemFont(family, 'Regular'),
    bold: systemFont(family, 'Bold'),
    italic: systemFont(family, 'Italic'),
    boldItalic: systemFont(family, 'Bold Italic'),
    fallbacks,
  };
}

function marginColor(look: LookOptions): number | undefined {
  if (look.marginColor === undefined) return undefined;
  const rgb = parseColor(look.marginColor);
  if (rgb === undefined) throw new Error(`--margin-color "${look.marginColor}" is not a colour (use #rrggbb)`);
  return rgb;
}

/** The look options in the shape both renderers take, with the theme resolved (the cast's own when none is given). */
export function lookFor(cast: Cast, look: LookOptions): GifOptions & SvgOptions {
  return {
    theme: resolveTheme(look.theme, cast.header.theme),
    fontSize: look.fontSize,
    lineHeight: look.lineHeight,
    letterSpacing: look.letterSpacing,
    scale: look.scale,
    padding: look.padding,
    margin: look.margin,
    marginColor: marginColor(look),
    window: look.window,
    title: look.title,
    borderRadius: look.borderRadius,
    border: look.border,
    shadow: look.shadow,
    boldIsBright: look.boldIsBright,
    cursor: look.cursor,
    transparentBackground: look.transparentBackground,
    fontFiles: fontFiles(look),
    fontDir: look.fontDir,
    embedFont: look.embedFont,
    fontFamily: look.fontFamily,
  };
}
