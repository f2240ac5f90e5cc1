/** File name endings of the recordings cast2gif reads (gzip-compressed too). */
export const RECORDING_NAME = /\.(cast|json|ndjson|ttyrec|yml|yaml)(\.gz)?$/i;

/** `demo.cast.gz` -> `demo`, `session.ttyrec` -> `session`; a name that is only an ending keeps it. */
export const recordingStem = (name: string): string => name.replace(RECORDING_NAME, '') || name;
