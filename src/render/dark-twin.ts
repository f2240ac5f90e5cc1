import { dirname, basename, extname, join } from 'node:path';
import { themePair } from '../theme/pairs.js';
import { escapeXml } from '../svg/xml.js';
import { formatEntry } from '../formats/registry.js';
import type { RenderOptions } from './options.js';

/**
 * Whether a render in `format` with these options writes a dark twin beside its output: a raster
 * picture holds one palette (an SVG holds both; text and recordings have none).
 */
export const hasDarkTwin = (options: Pick<RenderOptions, 'format' | 'theme' | 'darkTheme'>): boolean =>
  formatEntry(options.format).drawing === 'raster' && themePair(options.theme, options.darkTheme).dark !== undefined;

/** The options that render the dark twin: the dark theme as the only one. */
export function darkTwinOptions<T extends RenderOptions>(options: T): T {
  const { dark } = themePair(options.theme, options.darkTheme);
  const { darkTheme: _unused, ...rest } = options;
  return { ...rest, theme: dark } as T;
}

/** `out/demo.gif` -> `out/demo-dark.gif`. */
export function darkTwinPath(output: string): string {
  const ext = extname(output);
  const name = `${basename(output, ext)}-dark${ext}`;
  const dir = dirname(output);
  // Kept as the user wrote it: a path given without a folder stays without one.
  return dir === '.' && !output.startsWith('./') ? name : join(dir, name);
}

/** HTML that shows `dark` on pages in dark mode and `light` elsewhere, for a README or docs page. */
export function pictureSnippet(light: string, dark: string, alt: string): string {
  const src = (path: string) => escapeXml(path.split('\\').join('/'));
  return (
    `<picture><source media="(prefers-color-scheme: dark)" srcset="${src(dark)}">` +
    `<img src="${src(light)}" alt="${escapeXml(alt)}"></picture>`
  );
}
