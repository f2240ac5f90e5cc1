import { parseColor } from '../rgb.js';
import { emptyColorSet, type ColorSet } from './colorset.js';
import { isTable, readYaml, tableAt, type DocumentTable } from './documents.js';

export const looksLikeBase16 = (text: string): boolean => /^\s*base0[0-9a-f]\s*:/im.test(text);

/** base16's terminal mapping (tinted-theming base16 styling): index -> base colour. */
const BASE16_ANSI = ['00', '08', '0B', '0A', '0D', '0E', '0C', '05', '03', '08', '0B', '0A', '0D', '0E', '0C', '07'];
/** base24 adds bright colours base12..17 and moves black/white to base01/base06. */
const BASE24_ANSI = ['01', '08', '0B', '0A', '0D', '0E', '0C', '06', '02', '12', '14', '13', '16', '17', '15', '07'];

export interface Base16Scheme {
  readonly set: ColorSet;
  readonly name?: string;
}

/**
 * A base16 or base24 scheme, in either layout: the original flat one (scheme:, base00: "rrggbb")
 * or tinted-theming's (system:, name:, palette: { base00: "#rrggbb" }). Base24 is recognised by
 * base12..base17 being present.
 */
export function parseBase16(text: string, origin: string): Base16Scheme {
  const read = readYaml(text, origin);
  const doc = isTable(read) ? read : {};
  const palette = tableAt(doc, 'palette') ?? doc;
  const base = (id: string): number | undefined => {
    const key = Object.keys(palette).find((k) => k.toLowerCase() === `base${id.toLowerCase()}`);
    const value = key === undefined ? undefined : palette[key];
    return typeof value === 'string' ? parseColor(value.startsWith('#') ? value : '#' + value) : undefined;
  };
  const isBase24 = ['12', '13', '14', '15', '16', '17'].every((id) => base(id) !== undefined);
  const set = emptyColorSet();
  set.background = base('00');
  set.foreground = base('05');
  set.cursor = base('05');
  set.selection = base('02');
  (isBase24 ? BASE24_ANSI : BASE16_ANSI).forEach((id, i) => (set.palette[i] = base(id)));
  const name = stringField(doc, 'name') ?? stringField(doc, 'scheme');
  return { set, ...(name !== undefined ? { name } : {}) };
}

const stringField = (doc: DocumentTable, key: string): string | undefined => (typeof doc[key] === 'string' ? (doc[key] as string) : undefined);
