import { Attr, DEFAULT_COLOR, TRUECOLOR, UnderlineStyle } from './cell.js';
import type { Params } from './params.js';

/** What SGR changes: colours, the public Attr bits, underline colour. */
export interface Rendition {
  fg: number;
  bg: number;
  attrs: number;
  ulColor: number;
}

const UNDERLINE_BITS = (style: number): number => (style << Attr.UNDERLINE_SHIFT) & Attr.UNDERLINE_MASK;

/** Apply CSI ... m to `pen`. Unknown values are ignored, as xterm does. */
export function applySgr(pen: Rendition, params: Params): void {
  const n = params.length;
  if (n === 0) {
    resetPen(pen);
    return;
  }
  for (let i = 0; i < n; i++) {
    const p = params.get(i, 0);
    if (p >= 30 && p <= 37) pen.fg = p - 30;
    else if (p >= 40 && p <= 47) pen.bg = p - 40;
    else if (p >= 90 && p <= 97) pen.fg = p - 90 + 8;
    else if (p >= 100 && p <= 107) pen.bg = p - 100 + 8;
    else {
      switch (p) {
        case 0:
          resetPen(pen);
          break;
        case 1:
          pen.attrs |= Attr.BOLD;
          break;
        case 2:
          pen.attrs |= Attr.FAINT;
          break;
        case 3:
          pen.attrs |= Attr.ITALIC;
          break;
        case 4: {
          let style: number = UnderlineStyle.Single;
          if (params.subCount(i) > 0) {
            const s = params.sub(i, 0);
            style = s < 0 ? UnderlineStyle.Single : s <= UnderlineStyle.Dashed ? s : -1;
          }
          if (style >= 0) pen.attrs = (pen.attrs & ~Attr.UNDERLINE_MASK) | UNDERLINE_BITS(style);
          break;
        }
        case 5: // rapid blink (6) is not supported by xterm
          pen.attrs |= Attr.BLINK;
          break;
        case 7:
          pen.attrs |= Attr.INVERSE;
          break;
        case 8:
          pen.attrs |= Attr.INVISIBLE;
          break;
        case 9:
          pen.attrs |= Attr.STRIKE;
          break;
        case 21:
          pen.attrs = (pen.attrs & ~Attr.UNDERLINE_MASK) | UNDERLINE_BITS(UnderlineStyle.Double);
          break;
        case 22:
          pen.attrs &= ~(Attr.BOLD | Attr.FAINT);
          break;
        case 23:
          pen.attrs &= ~Attr.ITALIC;
          break;
        case 24:
          pen.attrs &= ~Attr.UNDERLINE_MASK;
          break;
        case 25:
          pen.attrs &= ~Attr.BLINK;
          break;
        case 27:
          pen.attrs &= ~Attr.INVERSE;
          break;
        case 28:
          pen.attrs &= ~Attr.INVISIBLE;
          break;
        case 29:
          pen.attrs &= ~Attr.STRIKE;
          break;
        case 39:
          pen.fg = DEFAULT_COLOR;
          break;
        case 49:
          pen.bg = DEFAULT_COLOR;
          break;
        case 53:
          pen.attrs |= Attr.OVERLINE;
          break;
        case 55:
          pen.attrs &= ~Attr.OVERLINE;
          break;
        case 59:
          pen.ulColor = DEFAULT_COLOR;
          break;
        case 38:
        case 48:
        case 58: {
          const color = extendedColor(params, i);
          i += consumed;
          if (color !== null) {
            if (p === 38) pen.fg = color;
            else if (p === 48) pen.bg = color;
            else pen.ulColor = color;
          }
          break;
        }
        default:
          break;
      }
    }
  }
}

function resetPen(pen: Rendition): void {
  pen.fg = DEFAULT_COLOR;
  pen.bg = DEFAULT_COLOR;
  pen.attrs = 0;
  pen.ulColor = DEFAULT_COLOR;
}

/** How many parameters after the 38/48/58 the last extendedColor call used (no tuple allocated per call). */
let consumed = 0;

/**
 * SGR 38/48/58 colour: `38:5:n`, `38:2:r:g:b`, `38:2:cs:r:g:b` (colon forms) or `38;5;n`,
 * `38;2;r;g;b` (semicolon forms, which consume the following parameters).
 * Returns the colour, null when invalid, and sets `consumed`.
 */
function extendedColor(params: Params, i: number): number | null {
  consumed = 0;
  const subs = params.subCount(i);
  if (subs > 0) {
    const kind = params.sub(i, 0);
    if (kind === 5) return subs >= 2 ? indexed(params.sub(i, 1)) : null;
    if (kind === 2) {
      if (subs >= 5) return rgb(params.sub(i, 2), params.sub(i, 3), params.sub(i, 4));
      if (subs >= 4) return rgb(params.sub(i, 1), params.sub(i, 2), params.sub(i, 3));
    }
    return null;
  }
  const kind = params.get(i + 1, -1);
  if (kind === 5) {
    if (i + 2 >= params.length) {
      consumed = params.length - i - 1;
      return null;
    }
    consumed = 2;
    return indexed(params.get(i + 2, 0));
  }
  if (kind === 2) {
    if (i + 4 >= params.length) {
      consumed = params.length - i - 1;
      return null;
    }
    consumed = 4;
    return rgb(params.get(i + 2, 0), params.get(i + 3, 0), params.get(i + 4, 0));
  }
  consumed = 1;
  return null;
}

const indexed = (v: number): number | null => (v >= 0 && v <= 255 ? v : null);

function rgb(r: number, g: number, b: number): number | null {
  const c = (v: number): number => (v < 0 ? 0 : v);
  if (r > 255 || g > 255 || b > 255) return null;
  return TRUECOLOR | (c(r) << 16) | (c(g) << 8) | c(b);
}
