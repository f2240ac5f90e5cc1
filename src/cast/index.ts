export type { Cast, CastEvent, CastHeader, CastTheme, WarningHandler } from './events.js';
export { CastError } from './cast-error.js';
export { readCast, type ReadCastOptions } from './read-cast.js';
export { openSource, castUrl, type Source, type SourceOptions } from './source.js';
export { MAX_COLS, MAX_ROWS } from './header.js';
