import type { Rgb } from '../types.js';
import { emptyColorSet, type ColorSet } from './colorset.js';

export const looksLikeItermcolors = (text: string): boolean => /<plist[\s>]/.test(text) && /<key>\s*Ansi 0 Color\s*<\/key>/.test(text);

/**
 * iTerm2's .itermcolors is an XML property list: a dict from "Ansi N Color", "Background Color", …
 * to dicts of "Red/Green/Blue Component" reals in 0..1. Components are taken as sRGB, which is
 * what iTerm2 writes since 3.x ("Color Space" sRGB); older calibrated values are close enough.
 */
export function parseItermcolors(text: string): ColorSet {
  const set = emptyColorSet();
  const entry = /<key>\s*([^<]+?)\s*<\/key>\s*<dict>([\s\S]*?)<\/dict>/g;
  for (const m of text.matchAll(entry)) {
    const color = componentsToRgb(m[2]!);
    if (color === undefined) continue;
    const key = m[1]!;
    const ansi = /^Ansi (\d+) Color$/.exec(key);
    if (ansi) {
      const n = Number(ansi[1]);
      if (n < 16) set.palette[n] = color;
    } else if (key === 'Background Color') set.background = color;
    else if (key === 'Foreground Color') set.foreground = color;
    else if (key === 'Cursor Color') set.cursor = color;
    else if (key === 'Selection Color') set.selection = color;
  }
  return set;
}

function componentsToRgb(dict: string): Rgb | undefined {
  const component = (name: string): number | undefined => {
    const m = new RegExp(`<key>\\s*${name} Component\\s*</key>\\s*<(?:real|integer)>\\s*([^<]+?)\\s*</(?:real|integer)>`).exec(dict);
    if (!m) return undefined;
    const v = Number(m[1]);
    return Number.isFinite(v) ? Math.round(Math.min(1, Math.max(0, v)) * 255) : undefined;
  };
  const r = component('Red');
  const g = component('Green');
  const b = component('Blue');
  if (r === undefined || g === undefined || b === undefined) return undefined;
  return (r << 16) | (g << 8) | b;
}
