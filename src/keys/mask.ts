/**
 * What stands for a run of typed characters the screen never showed, and for a redacted one: the
 * same whatever the run's length, so that the length does not show either.
 */
export const KEY_MASK = '••••';
