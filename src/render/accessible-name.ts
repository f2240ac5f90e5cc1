import type { Cast } from '../cast/events.js';
import { DEFAULT_NAME } from '../svg/options.js';
import type { LookOptions } from './options.js';

const given = (text: string | undefined): string | undefined => (text === undefined || text.trim() === '' ? undefined : text.trim());

/**
 * What an image of the recording is called for screen readers (the SVG's title, the snippet's
 * alt): --alt, else the recording's title (--title, the header's), else its file name.
 */
export function accessibleName(cast: Cast, look: Pick<LookOptions, 'alt' | 'title' | 'inputName'>): string {
  return given(look.alt) ?? given(look.title) ?? given(cast.header.title) ?? given(look.inputName) ?? DEFAULT_NAME;
}
