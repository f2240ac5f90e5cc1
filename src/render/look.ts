import type { Cast } from '../cast/events.js';
import type { FontFiles } from '../fonts/index.js';
import type { RasterOptions } from '../raster/index.js';
import type { SvgOptions } from '../svg/index.js';
import { parseColor, resolveTheme, themePair } from '../theme/index.js';
import { accessibleName } from './accessible-name.js';
import type { LookOptions, RenderOptions } from './options.js';

/** --font-file adds fallbacks (e.g. a colour emoji font) tried before the bundled ones. */
function fontFiles(look: LookOptions): FontFiles | undefined {
  return look.fontFiles && look.fontFiles.length > 0 ? { fallbacks: look.fontFiles } : undefined;
}

function marginColor(look: LookOptions): number | undefined {
  if (look.marginColor === undefined) return undefined;
  const rgb = parseColor(look.marginColor);
  if (rgb === undefined) throw new Error(`--margin-color "${look.marginColor}" is not a colour (use #rrggbb)`);
  return rgb;
}

/** The look options in the shape both renderers take, with the theme resolved (the cast's own when none is given). */
export function lookFor(cast: Cast, look: LookOptions & Pick<RenderOptions, 'onWarning' | 'onDetail'>): RasterOptions & SvgOptions {
  const pair = themePair(look.theme, look.darkTheme);
  return {
    ...(pair.dark === undefined ? {} : { darkTheme: resolveTheme(pair.dark, cast.header.theme) }),
    name: accessibleName(cast, look),
    onWarning: look.onWarning,
    onDetail: look.onDetail,
    theme: resolveTheme(pair.light, cast.header.theme),
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
