import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FontFiles, FontStyle } from './font-files.js';
import { systemFontFiles } from './system-fonts.js';

/** The three ways to choose the raster's fonts instead of the bundled JetBrains Mono. */
export interface FontChoice {
  /** Font files replacing the bundled JetBrains Mono faces, and extra fallbacks (e.g. a colour emoji font). */
  readonly fontFiles?: FontFiles;
  /** A folder of font files: styles are told apart by file name (Bold, Italic, BoldItalic), the rest are fallbacks. */
  readonly fontDir?: string;
  /**
   * Installed font families (CSS-like list, the first one found is used, via fontconfig) instead
   * of the bundled JetBrains Mono. Output then depends on the machine's fonts.
   */
  readonly fontFamily?: string;
}

const FONT_EXTENSIONS = /\.(ttf|otf|ttc)$/i;

/** A folder's font files, sorted by name, classified by style from the file name. */
export function fontFilesInDir(dir: string): FontFiles {
  const files = readdirSync(dir).filter((f) => FONT_EXTENSIONS.test(f)).sort();
  const styled: { -readonly [K in FontStyle]?: string } = {};
  const fallbacks: string[] = [];
  for (const file of files) {
    const name = file.replace(FONT_EXTENSIONS, '');
    const style: FontStyle = /bold.?(italic|oblique)/i.test(name)
      ? 'boldItalic'
      : /italic|oblique/i.test(name)
        ? 'italic'
        : /bold/i.test(name)
          ? 'bold'
          : 'regular';
    if (styled[style] === undefined) styled[style] = join(dir, file);
    else fallbacks.push(join(dir, file));
  }
  return { ...styled, fallbacks };
}

/** Font files given one by one win over a font folder, which wins over an installed family. */
export function chosenFontFiles(choice: FontChoice): FontFiles {
  const base: FontFiles = choice.fontFamily !== undefined ? systemFontFiles(choice.fontFamily) : {};
  const fromDir: FontFiles = choice.fontDir !== undefined ? fontFilesInDir(choice.fontDir) : {};
  const given = choice.fontFiles ?? {};
  const pick = (style: FontStyle): string | undefined => given[style] ?? fromDir[style] ?? base[style];
  return {
    regular: pick('regular'),
    bold: pick('bold'),
    italic: pick('italic'),
    boldItalic: pick('boldItalic'),
    fallbacks: [...(given.fallbacks ?? []), ...(fromDir.fallbacks ?? [])],
  };
}
