import type { Cast } from '../cast/events.js';
import type { FontFiles } from '../fonts/index.js';
import { optionEntries } from '../options/option-values.js';
import type { RasterOptions } from '../raster/index.js';
import type { SvgOptions } from '../svg/index.js';
import { parseColor, resolveTheme, themePair } from '../theme/index.js';
import { accessibleName } from './accessible-name.js';
import type { LookOptions, RenderOptions } from './options.js';

/** Look options the renderers take in another shape than the user gives them (see lookFor). */
const RESHAPED: ReadonlySet<string> = new Set(['theme', 'darkTheme', 'alt', 'marginColor', 'fontFiles']);

/** The rest of the look options, which the renderers take as given: those the schema says shape the look. */
const AS_GIVEN = optionEntries().flatMap(([name, spec]) => {
  const key = spec.renderAs ?? name;
  return spec.use === 'look' && !RESHAPED.has(key) ? [key as keyof LookOptions] : [];
});

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
    ...(Object.fromEntries(AS_GIVEN.map((key) => [key, look[key]])) as Omit<LookOptions, 'theme' | 'darkTheme' | 'marginColor' | 'fontFiles'>),
    ...(pair.dark === undefined ? {} : { darkTheme: resolveTheme(pair.dark, cast.header.theme) }),
    name: accessibleName(cast, look),
    onWarning: look.onWarning,
    onDetail: look.onDetail,
    theme: resolveTheme(pair.light, cast.header.theme),
    marginColor: marginColor(look),
    fontFiles: fontFiles(look),
  };
}
