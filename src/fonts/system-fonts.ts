import { execFileSync } from 'node:child_process';
import type { FontFiles, FontStyle } from './font-files.js';

/**
 * Asked by weight and slant, not by style name: a family's italic may be called Oblique (DejaVu
 * Sans Mono), Italique or anything else, and a style name that matches none gives the regular face.
 */
const FC_STYLES: Record<FontStyle, string> = {
  regular: 'weight=regular:slant=roman',
  bold: 'weight=bold:slant=roman',
  italic: 'weight=regular:slant=italic',
  boldItalic: 'weight=bold:slant=italic',
};

export class FontNotFoundError extends Error {}

/** Family names of a CSS-like list: `'JetBrains Mono', "Fira Code", monospace`. */
export const familyNames = (list: string): string[] =>
  list.split(',').map((f) => f.trim().replace(/^(['"])(.*)\1$/, '$2').trim()).filter((f) => f !== '');

/**
 * Installed fonts, only when the user names a family (output then depends on the machine): the
 * first family of the list that fontconfig has, one file per style (fontconfig's closest face).
 */
export function systemFontFiles(familyList: string): FontFiles {
  const names = familyNames(familyList);
  for (const family of names) {
    const files: { -readonly [K in FontStyle]?: string } = {};
    let found = true;
    for (const style of Object.keys(FC_STYLES) as FontStyle[]) {
      let out: string;
      try {
        out = execFileSync('fc-match', ['-f', '%{family}\\n%{file}', `${family}:${FC_STYLES[style]}`], { encoding: 'utf8' });
      } catch {
        throw new FontNotFoundError('cannot look up installed fonts: fontconfig (fc-match) is not available');
      }
      const [families = '', file = ''] = out.split('\n');
      // fontconfig always answers with something; only an exact family counts as found.
      if (!families.split(',').some((f) => f.trim().toLowerCase() === family.toLowerCase()) || file === '') {
        found = false;
        break;
      }
      files[style] = file;
    }
    if (found) return files;
  }
  throw new FontNotFoundError(`no installed font family among: ${names.join(', ')}`);
}
